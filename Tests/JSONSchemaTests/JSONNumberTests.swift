import Foundation
import JSONCore
import Testing

@Suite("JSONNumber exactness")
struct JSONNumberTests {
    @Test("equal values written differently compare equal and hash alike", arguments: [
        ("1", "1.0"), ("100", "1e2"), ("0.5", "5e-1"), ("-0", "0"), ("12.50", "12.5"), ("1E+2", "100.000"),
    ])
    func equalForms(left: String, right: String) throws {
        let lhs = try #require(JSONNumber(literal: left))
        let rhs = try #require(JSONNumber(literal: right))
        #expect(lhs == rhs)
        #expect(lhs.hashValue == rhs.hashValue)
    }

    @Test("big integers stay exact")
    func bigIntegers() throws {
        let text = "123456789012345678901234567890"
        let number = try #require(JSONNumber(literal: text))
        #expect(number.description == text)
        #expect(number.isInteger)
        #expect(number.intValue == nil)
        let nextUp = try #require(JSONNumber(literal: "123456789012345678901234567891"))
        #expect(number != nextUp)
        #expect(number < nextUp)
    }

    @Test("decimal multiples are exact")
    func multiples() throws {
        let step = try #require(JSONNumber(literal: "0.0001"))
        #expect(try #require(JSONNumber(literal: "0.0075")).isMultiple(of: step))
        #expect(!(try #require(JSONNumber(literal: "0.00751")).isMultiple(of: step)))
        #expect(JSONNumber(19.99).isMultiple(of: JSONNumber(0.01)))
        #expect(!JSONNumber(1e308).isMultiple(of: try #require(JSONNumber(literal: "0.123456789"))))
        #expect(try #require(JSONNumber(literal: "1e400")).isMultiple(of: JSONNumber(8)))
        #expect(!(try #require(JSONNumber(literal: "1e400")).isMultiple(of: JSONNumber(3))))
    }

    @Test("ordering across scales and signs", arguments: [
        ("-2", "-1.5"), ("-1", "0"), ("0", "1e-300"), ("0.99999999999999999999", "1"), ("9", "1e1"),
        ("1.5", "2"), ("12345678901234567890", "1e20"),
    ])
    func ordering(smaller: String, larger: String) throws {
        let lhs = try #require(JSONNumber(literal: smaller))
        let rhs = try #require(JSONNumber(literal: larger))
        #expect(lhs < rhs)
        #expect(!(rhs < lhs))
    }

    @Test("JSON number grammar is strict", arguments: ["+1", "01", ".5", "5.", "1e", "--1", "NaN", " 1", "1 ", "0x10"])
    func rejectsNonJSON(text: String) {
        #expect(JSONNumber(literal: text) == nil)
    }

    @Test("description and doubleValue")
    func conversions() throws {
        #expect(JSONNumber(0.1).description == "0.1")
        #expect(try #require(JSONNumber(literal: "1.0")).description == "1")
        #expect(try #require(JSONNumber(literal: "0.0075")).description == "0.0075")
        #expect(try #require(JSONNumber(literal: "1.5e300")).description == "1.5e+300")
        #expect(try #require(JSONNumber(literal: "0.1")).doubleValue == 0.1)
        #expect(try #require(JSONNumber(literal: "123456789.123456789")).doubleValue == 123456789.123456789)
        #expect(try #require(JSONNumber(literal: "1e400")).doubleValue == .infinity)
        #expect(JSONNumber(exactly: Double.nan) == nil)
        #expect(try #require(JSONNumber(literal: "3e2")).intValue == 300)
        #expect(try #require(JSONNumber(literal: "2.5")).intValue == nil)
        for text in ["-0.000123", "42", "1e-7", "98765432109876543210.5"] {
            let number = try #require(JSONNumber(literal: text))
            #expect(JSONNumber(literal: number.description) == number, "round trip of \(text)")
        }
    }
}
