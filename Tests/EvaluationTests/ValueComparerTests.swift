import Evaluation
import JSONCore
import Testing

/// Every `x-compare` rule on hand-made cases.
struct ValueComparerTests {
    let comparer = ValueComparer()

    @Test(arguments: [
        ("1.234,56", "1234.56"), ("1 234,56", "1234.56"), ("1,234.56", "1234.56"), ("0.01", "0.01"),
        ("€ 49,99", "49.99"), ("RM 30.90", "30.90"), ("(45.00)", "-45"),
    ])
    func numericReadsLocaleFormats(predicted: String, expected: String) {
        #expect(comparer.matches(.string(predicted), .string(expected), rule: .numeric(absoluteTolerance: 0.01)))
    }

    @Test func numericToleranceAndTypes() {
        let rule = CompareRule.numeric(absoluteTolerance: 0.01)
        #expect(comparer.matches(4.11, "4.11", rule: rule))
        #expect(comparer.matches(4.115, 4.11, rule: rule))
        #expect(!comparer.matches(4.13, 4.11, rule: rule))
        #expect(!comparer.matches(4.11, -4.11, rule: rule), "sign matters")
        #expect(!comparer.matches("n/a", 4.11, rule: rule))
        #expect(!comparer.matches(0.004, 0, rule: .numeric(absoluteTolerance: 0.001)))
    }

    @Test(arguments: [
        ("2018-11-18", "18-11-18"), ("2018-03-21", "21 MAR 2018"), ("2014-08-03", "03.08.2014"),
        ("2024-04-03", "03/04/2024"), ("2022-07-02", "02 Juillet 2022"), ("2014-05-07", "7. Mai 2014"),
        ("2024-03-14", "March 14, 2024"),
    ])
    func dateNormalisesDayFirstAndMonthNames(predicted: String, expected: String) {
        #expect(comparer.matches(.string(predicted), .string(expected), rule: .date))
    }

    @Test func dateRejectsOtherDaysAndNonDates() {
        #expect(!comparer.matches("2024-03-04", "03/04/2024", rule: .date), "numeric dates are day-first")
        #expect(!comparer.matches("soon", "2024-03-04", rule: .date))
    }

    @Test func identifierIgnoresSpacesDotsDashesAndHash() {
        #expect(comparer.matches("NL58 RABO 0198 7232 02", "NL58RABO0198723202", rule: .identifier))
        #expect(comparer.matches("#42183017", "42183017", rule: .identifier))
        #expect(comparer.matches("vf-1005.193039", "VF1005193039", rule: .identifier))
        #expect(comparer.matches(471102, "471102", rule: .identifier))
        #expect(!comparer.matches("VF1005193038", "VF1005193039", rule: .identifier))
    }

    @Test func digitsCompareDigitStrings() {
        #expect(comparer.matches("+31 (0)20 760-4101", "31 020 7604101", rule: .digits))
        #expect(!comparer.matches("020 7604102", "020 7604101", rule: .digits))
        #expect(!comparer.matches("none", "", rule: .digits))
    }

    @Test func exactCaseInsensitiveDropsSchemeWwwAndSlash() {
        #expect(comparer.matches("https://www.Saeco.com/", "saeco.com", rule: .exactCaseInsensitive))
        #expect(comparer.matches("eur", "EUR", rule: .exactCaseInsensitive))
        #expect(!comparer.matches("USD", "EUR", rule: .exactCaseInsensitive))
    }

    @Test func fuzzyHonoursTheThreshold() {
        // 1 edit in 19 characters: similarity 0.947.
        #expect(comparer.matches("Amazon Web Servics", "Amazon Web Services", rule: .fuzzy(threshold: 0.9)))
        #expect(!comparer.matches("Amazon Web Servics", "Amazon Web Services", rule: .fuzzy(threshold: 0.95)))
        #expect(comparer.matches("  amazon  WEB services ", "Amazon Web Services", rule: .fuzzy(threshold: 1)))
        #expect(comparer.matches("JALAN KPB 6 , SELANGOR", "JALAN KPB 6, SELANGOR", rule: .fuzzy(threshold: 1)))
        #expect(!comparer.matches("Lieferant GmbH", "Kunden AG Mitte", rule: .fuzzy(threshold: 0.85)))
        #expect(comparer.matches("ﬁber", "fiber", rule: .fuzzy(threshold: 1)), "NFKC")
    }

    @Test func kleisterNormalForm() {
        #expect(comparer.matches("Nike Inc.", "Nike_Inc.", rule: .kleister))
        #expect(comparer.matches("3 years", "3_years", rule: .kleister))
        #expect(!comparer.matches("Oregon", "Washington", rule: .kleister))
    }

    @Test func exactAndIgnore() {
        #expect(comparer.matches("380", "380", rule: .exact))
        #expect(!comparer.matches("381", "380", rule: .exact))
        #expect(!comparer.matches(380, "380", rule: .exact), "exact keeps JSON types apart")
        #expect(comparer.matches(20, 20.0, rule: .exact), "numbers compare by value")
        #expect(comparer.matches("anything", "else", rule: .ignore))
        #expect(!comparer.matches(.null, "x", rule: .exact))
    }

    @Test func rulesParseFromAnnotations() throws {
        #expect(try CompareRule(annotation: nil) == .exact)
        let numeric = try CompareRule(annotation: ["method": "numeric", "abs_tol": 0.005])
        #expect(numeric == .numeric(absoluteTolerance: 0.005))
        #expect(try CompareRule(annotation: ["method": "fuzzy", "threshold": 0.7]) == .fuzzy(threshold: 0.7))
        #expect(try CompareRule(annotation: ["method": "kleister-multilabel"]) == .set)
        #expect(throws: EvaluationError.self) { try CompareRule(annotation: ["method": "fuzzzy"]) }
        #expect(throws: EvaluationError.self) { try CompareRule(annotation: ["threshold": 1]) }
    }
}
