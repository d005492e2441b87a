/// Writes `JSONValue`s as JSON text.
struct JSONSerializer {
    let pretty: Bool
    let sortedKeys: Bool
    var output: [UInt8] = []

    init(pretty: Bool, sortedKeys: Bool) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .number(let number): output += Array(number.description.utf8)
        case .string(let string): writeString(string)
        case .array(let elements):
            if elements.isEmpty {
                output += [UInt8(ascii: "["), UInt8(ascii: "]")]
                return
            }
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output += [UInt8(ascii: "{"), UInt8(ascii: "}")]
                return
            }
            output.append(UInt8(ascii: "{"))
            let keys = sortedKeys ? object.keys.sorted() : object.keys
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                writeString(key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(object[key] ?? .null, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: indent * 2)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [0x5C, UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, UInt8(ascii: "n")]
            case 0x0D: output += [0x5C, UInt8(ascii: "r")]
            case 0x09: output += [0x5C, UInt8(ascii: "t")]
            case 0x08: output += [0x5C, UInt8(ascii: "b")]
            case 0x0C: output += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                output += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                           JSONSerializer.hexDigits[Int(byte >> 4)], JSONSerializer.hexDigits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// JSON text for this value.
    ///
    /// - Parameters:
    ///   - pretty: two-space indentation and one member per line.
    ///   - sortedKeys: object keys in ascending order instead of insertion order.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var serializer = JSONSerializer(pretty: pretty, sortedKeys: sortedKeys)
        serializer.write(self, indent: 0)
        return String(decoding: serializer.output, as: UTF8.self)
    }

    /// UTF-8 JSON bytes for this value (see ``serialized(pretty:sortedKeys:)``).
    public func serializedBytes(pretty: Bool = false, sortedKeys: Bool = false) -> [UInt8] {
        var serializer = JSONSerializer(pretty: pretty, sortedKeys: sortedKeys)
        serializer.write(self, indent: 0)
        return serializer.output
    }
}
