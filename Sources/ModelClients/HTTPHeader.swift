/// One HTTP header field. Names compare case-insensitively through ``HTTPHeader/matches(_:)``.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name as sent or received, for example `Content-Type`.
    public var name: String
    /// The field value without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether this field's name equals `name`, ignoring ASCII case.
    public func matches(_ name: String) -> Bool {
        self.name.lowercased() == name.lowercased()
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first field named `name` (case-insensitive), or `nil`.
    public func value(for name: String) -> String? {
        first { $0.matches(name) }?.value
    }
}
