/// Byte-level RFC 8259 parser behind `JSONValue(parsing:)`.
///
/// Strict: UTF-8 input only (an initial byte-order mark is rejected), no comments, no trailing commas, no
/// trailing content other than whitespace, lone surrogate escapes rejected (Swift strings cannot hold them).
/// Duplicate object keys: the last value wins and the key keeps the position of its first occurrence.
struct JSONParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private let maxDepth: Int

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses one complete JSON text.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
        if parser.position == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw parser.error("byte-order mark at start of input; save the file as UTF-8 without BOM")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value; remove trailing content")
        }
        return value
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return JSONParseError(message: message, offset: offset, line: line, column: offset - lineStart + 1)
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21, byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of input (expected a value)") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let (number, end) = JSONNumber.scan(bytes, from: position, strict: true) else {
                throw error("malformed number (JSON numbers look like -12, 3.5 or 1e-7; no leading zeros or '+')")
            }
            position = end
            return .number(number)
        default:
            throw error("unexpected \(describeCurrent()) (expected a value)")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let length = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        guard position + length <= bytes.count else { throw error("unexpected end of input in '\(literal)'") }
        for offset in 0..<length where bytes[position + offset] != start[offset] {
            throw error("invalid literal (expected '\(literal)')")
        }
        position += length
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw error("nesting deeper than \(maxDepth) levels; flatten the document or raise maxDepth")
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input in array (expected ',' or ']')") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            position -= 1
            throw error("unexpected \(describeCurrent()) in array (expected ',' or ']')")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()) in object (expected a quoted key)")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()) after object key (expected ':')")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            if object.contains(key: key) {
                object[key] = value
            } else {
                object.appendNew(key: key, value: value)
            }
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of input in object (expected ',' or '}')")
            }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            position -= 1
            throw error("unexpected \(describeCurrent()) in object (expected ',' or '}')")
        }
        depth -= 1
        return .object(object)
    }

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        var asciiOnly = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let span = UnsafeBufferPointer(rebasing: bytes[start..<position])
                if !asciiOnly { try validateUTF8(span, base: start) }
                position += 1
                return String(decoding: span, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character 0x\(String(byte, radix: 16)) in string") }
            if byte >= 0x80 { asciiOnly = false }
            position += 1
        }
        guard position < bytes.count else { throw error("unterminated string (missing closing '\"')", at: start - 1) }
        // Slow path: the string has escapes.
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        if !asciiOnly { try validateUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position]), base: start) }
        var segmentStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                try flush(from: segmentStart, into: &buffer)
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw error("unescaped control character 0x\(String(byte, radix: 16)) in string") }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            try flush(from: segmentStart, into: &buffer)
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): try appendUnicodeEscape(into: &buffer)
            default:
                position -= 1
                throw error("invalid escape '\\\(describeCurrent())' in string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            segmentStart = position
        }
        throw error("unterminated string (missing closing '\"')", at: start - 1)
    }

    private func flush(from segmentStart: Int, into buffer: inout [UInt8]) throws(JSONParseError) {
        guard segmentStart < position else { return }
        let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<position])
        if segment.contains(where: { $0 >= 0x80 }) { try validateUTF8(segment, base: segmentStart) }
        buffer.append(contentsOf: segment)
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("incomplete \\u escape (needs 4 hex digits)") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func appendUnicodeEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = position - 2
        var scalarValue = try readHex4()
        if scalarValue >= 0xD800, scalarValue < 0xDC00 {
            guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("high surrogate \\u\(String(scalarValue, radix: 16)) not followed by a low surrogate",
                            at: escapeStart)
            }
            position += 2
            let low = try readHex4()
            guard low >= 0xDC00, low < 0xE000 else {
                throw error("high surrogate not followed by a low surrogate (\\uDC00-\\uDFFF)", at: escapeStart)
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if scalarValue >= 0xDC00, scalarValue < 0xE000 {
            throw error("lone low surrogate \\u\(String(scalarValue, radix: 16)) in string", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape", at: escapeStart) }
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Rejects malformed UTF-8: stray continuation bytes, overlong forms, surrogates, values above U+10FFFF.
    private func validateUTF8(_ span: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONParseError) {
        var index = 0
        while index < span.count {
            let lead = span[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: throw error("invalid UTF-8 byte 0x\(String(lead, radix: 16)); the input must be UTF-8", at: base + index)
            }
            guard index + length <= span.count else {
                throw error("truncated UTF-8 sequence; the input must be UTF-8", at: base + index)
            }
            let second = span[index + 1]
            guard second >= lowerBound, second <= upperBound else {
                throw error("invalid UTF-8 sequence; the input must be UTF-8", at: base + index)
            }
            for offset in 2..<max(2, length) where span[index + offset] & 0xC0 != 0x80 {
                throw error("invalid UTF-8 sequence; the input must be UTF-8", at: base + index)
            }
            index += length
        }
    }
}

extension JSONValue {
    /// The default nesting limit for parsing.
    public static let defaultMaxDepth = 512

    /// Parses UTF-8 JSON text (RFC 8259) from bytes, e.g. `Data` or `[UInt8]`.
    ///
    /// Duplicate object keys: the last value wins, at the key's first position. Throws ``JSONParseError``
    /// with line, column and byte offset on malformed input or nesting deeper than `maxDepth`.
    public init(parsing data: some Collection<UInt8>, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>? = data.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buffer, maxDepth: maxDepth) }
        }
        if let result {
            self = try result.get()
        } else {
            let copy = Array(data)
            self = try copy.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in
                try JSONParser.parse(buffer, maxDepth: maxDepth)
            }
        }
    }

    /// Parses JSON text (RFC 8259). Throws ``JSONParseError`` on malformed input.
    public init(parsing text: String, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buffer, maxDepth: maxDepth) }
        }
        self = try result.get()
    }
}
