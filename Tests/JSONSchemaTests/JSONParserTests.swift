import Foundation
import JSONCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses nested documents")
    func nested() throws {
        let value = try JSONValue(parsing: #" { "a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"} } "#)
        #expect(value["a"]?[1] == 2.5)
        #expect(value["a"]?[2] == -300)
        #expect(value["a"]?[5] == .null)
        #expect(value["b"]?["c"]?.stringValue == "d")
        #expect(value["missing"] == nil)
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    @Test("string escapes and surrogate pairs")
    func escapes() throws {
        let value = try JSONValue(parsing: #"["a\"b\\c\/\n\t\u00e9\ud83d\ude00", "é😀"]"#)
        #expect(value[0]?.stringValue == "a\"b\\c/\n\té😀")
        #expect(value[1]?.stringValue == "é😀")
    }

    @Test("rejects malformed input", arguments: [
        "", "[1,]", "{\"a\":1,}", "[1 2]", "{'a':1}", "tru", "[1] x", "\"abc", "\"\\x\"", "\"\\ud800\"",
        "\"\\udc00x\"", "[01]", "{\"a\" 1}", "\"tab\there\"", "nul", "[", "{\"a\":}", "-", "1.e3",
    ])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test("rejects invalid UTF-8")
    func invalidUTF8() {
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        let surrogate: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        let truncated: [UInt8] = [0x22, 0xE2, 0x82, 0x22]
        for bytes in [overlong, surrogate, truncated] {
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
        }
        #expect((try? JSONValue(parsing: [0x22, 0xE2, 0x82, 0xAC, 0x22] as [UInt8])) == "€")
    }

    @Test("error reports line and column")
    func errorLocation() {
        do {
            _ = try JSONValue(parsing: "{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
            #expect(error.offset == 19)
            #expect(error.description.contains("line 3"))
        }
    }

    @Test("nesting depth is limited")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep, maxDepth: 50) }
        _ = try JSONValue(parsing: deep, maxDepth: 100)
    }

    @Test("duplicate keys: last value wins at first position")
    func duplicates() throws {
        let value = try JSONValue(parsing: #"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test("serialization round-trips and escapes")
    func serialization() throws {
        let big = try #require(JSONNumber(literal: "12345678901234567890"))
        let value: JSONValue = ["z": "q\"\n\u{1}", "a": [1, 0.5, nil, true], "n": .number(big)]
        let compact = value.serialized()
        #expect(compact == #"{"z":"q\"\n\u0001","a":[1,0.5,null,true],"n":12345678901234567890}"#)
        #expect(try JSONValue(parsing: compact) == value)
        let sorted = value.serialized(sortedKeys: true)
        #expect(sorted.hasPrefix(#"{"a":"#))
        let pretty = value.serialized(pretty: true)
        #expect(pretty.contains("\n  \"z\": "))
        #expect(try JSONValue(parsing: pretty) == value)
    }

    @Test("object equality ignores order; numbers compare by value")
    func equality() throws {
        let first = try JSONValue(parsing: #"{"a": 1.0, "b": [2]}"#)
        let second = try JSONValue(parsing: #"{"b": [2.00], "a": 1}"#)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != (try JSONValue(parsing: #"{"a": 1, "b": [3]}"#)))
        #expect(JSONValue.number(JSONNumber(1)).typeName == "integer")
        #expect((try JSONValue(parsing: "1.0")).typeName == "integer")
        #expect((try JSONValue(parsing: "1.5")).typeName == "number")
    }

    @Test("large objects keep order and lookups")
    func largeObject() throws {
        var object = JSONObject()
        for index in 0..<40 { object["k\(index)"] = .number(JSONNumber(index)) }
        object["k3"] = nil
        #expect(object.count == 39)
        #expect(object["k3"] == nil)
        #expect(object["k39"] == 39)
        #expect(object.keys.first == "k0")
        #expect(object.keys[3] == "k4")
    }

    @Test("Codable bridging")
    func codable() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, false]]
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(decoded == value)
    }
}
