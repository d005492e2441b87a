/// A JSON object: string keys in insertion order, each mapped to a ``JSONValue``.
///
/// Setting an existing key replaces its value and keeps its position; setting a key to `nil` removes it.
/// Two objects are equal when they hold the same keys with equal values, in any order. Keys are told apart by
/// Unicode code points, as JSON requires: `"\u00e9"` and `"e\u0301"` are different members.
public struct JSONObject: Sendable {
    /// A key compared by code points rather than by Swift's canonical equivalence.
    private struct ExactKey: Hashable {
        let text: String

        static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
            JSONValue.sameCodePoints(lhs.text, rhs.text)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(text)
        }
    }

    /// Objects with more members than this keep a hash index; smaller ones are searched linearly.
    private static let indexThreshold = 12

    private var storedKeys: [String]
    private var storedValues: [JSONValue]
    private var index: [ExactKey: Int]?

    /// Creates an empty object.
    public init() {
        storedKeys = []
        storedValues = []
        index = nil
    }

    /// Creates an object from key–value pairs in order; when a key repeats, the last value wins and the key
    /// keeps its first position.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in insertion order.
    public var keys: [String] { storedKeys }

    /// The values in key order.
    public var values: [JSONValue] { storedValues }

    /// The number of members.
    public var count: Int { storedKeys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { storedKeys.isEmpty }

    /// The position of `key`, or `nil` when absent.
    func position(of key: String) -> Int? {
        if let index { return index[ExactKey(text: key)] }
        for position in storedKeys.indices where JSONValue.sameCodePoints(storedKeys[position], key) {
            return position
        }
        return nil
    }

    /// Whether the object has a member named `key`.
    public func contains(key: String) -> Bool {
        position(of: key) != nil
    }

    /// The value for `key`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return storedValues[position]
        }
        set {
            if let newValue {
                if let position = position(of: key) {
                    storedValues[position] = newValue
                } else {
                    appendNew(key: key, value: newValue)
                }
            } else if let position = position(of: key) {
                storedKeys.remove(at: position)
                storedValues.remove(at: position)
                rebuildIndex()
            }
        }
    }

    /// Appends a member whose key is known to be absent (used by the parser).
    mutating func appendNew(key: String, value: JSONValue) {
        storedKeys.append(key)
        storedValues.append(value)
        if index != nil {
            index?[ExactKey(text: key)] = storedKeys.count - 1
        } else if storedKeys.count > JSONObject.indexThreshold {
            rebuildIndex()
        }
    }

    /// Reserves room for `capacity` members.
    public mutating func reserveCapacity(_ capacity: Int) {
        storedKeys.reserveCapacity(capacity)
        storedValues.reserveCapacity(capacity)
    }

    private mutating func rebuildIndex() {
        guard storedKeys.count > JSONObject.indexThreshold else {
            index = nil
            return
        }
        var newIndex: [ExactKey: Int] = [:]
        newIndex.reserveCapacity(storedKeys.count)
        for (position, key) in storedKeys.enumerated() { newIndex[ExactKey(text: key)] = position }
        index = newIndex
    }
}

extension JSONObject: Sequence {
    /// Iterates `(key, value)` pairs in insertion order.
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var position = 0

        init(_ object: JSONObject) {
            self.object = object
        }

        /// The next member, or `nil` after the last one.
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < object.storedKeys.count else { return nil }
            defer { position += 1 }
            return (object.storedKeys[position], object.storedValues[position])
        }
    }

    /// Returns an iterator over the members in insertion order.
    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    /// The number of members.
    public var underestimatedCount: Int { count }
}

extension JSONObject: Hashable {
    /// Equal when both hold the same keys with equal values, regardless of order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for position in lhs.storedKeys.indices {
            guard let other = rhs[lhs.storedKeys[position]], other == lhs.storedValues[position] else { return false }
        }
        return true
    }

    /// Order-independent hash, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for position in storedKeys.indices {
            var memberHasher = Hasher()
            memberHasher.combine(storedKeys[position])
            memberHasher.combine(storedValues[position])
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the written key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject: CustomStringConvertible {
    /// Compact JSON text of the object.
    public var description: String {
        JSONValue.object(self).serialized()
    }
}
