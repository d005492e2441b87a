import ExtractCore
import ExtractTestSupport
import JSONCore
import Provenance
import Testing

/// Values printed over several OCR lines, or written another way: hand-made evidence, no document.
@Suite struct EvidenceLocatorPhraseTests {
    /// One page whose `lines` of words were read by `source`, each line 20 points below the last.
    static func evidence(_ lines: [[String]], source: TextSource = .ocr) -> DocumentEvidence {
        MadeUpEvidence.grid(lines, left: 20, step: 50, width: 45, height: 12, source: source,
                            confidence: source == .ocr ? 0.8 : nil, pageSize: PageSize(width: 400, height: 600))
    }

    /// An address over three lines of a receipt, each line begun by a `|` where OCR met the paper's edge: the
    /// run of words is taken across the lines without the bars (0.98 similar with one misread `0`; with the
    /// bars in the run it was at most 0.86, under a threshold of 0.9).
    @Test func anAddressOverSeveralOCRLinesIsFoundPastStrayBars() throws {
        let evidence = Self.evidence([
            ["SINAR", "JAYA", "HARDWARE", "S/B"],
            ["|", "NO.", "12,", "JALAN", "MERANTI", "3,"],
            ["|", "TAMAN", "SERI", "BAYU"],
            ["|", "4715O", "PUCHONG,", "SELANGOR"],
            ["TEL:", "03-5555", "0101"],
        ])
        let locator = EvidenceLocator(evidence: evidence, fuzzyThreshold: 0.9)
        let match = try #require(locator.locate("NO. 12, JALAN MERANTI 3, TAMAN SERI BAYU 47150 PUCHONG, SELANGOR"))
        #expect(match.kind == .fuzzy)
        #expect(match.quality > 0.95)
        #expect(match.source == .ocr)
        // The match runs from the second line to the fourth, bars inside it included, and no further.
        #expect(match.text.hasPrefix("NO. 12,") && match.text.hasSuffix("PUCHONG, SELANGOR"))
        #expect(match.box.y == 60 && match.box.maxY == 112)
        // The name above and the telephone line below are not part of it.
        #expect(!match.text.contains("S/B") && !match.text.contains("TEL"))
    }

    /// A punctuation word the value holds itself (`&`) stays in the run, so it still counts.
    @Test func punctuationTheValueHoldsStaysInTheRun() throws {
        let evidence = Self.evidence([["LOT", "5", "&", "6,", "JALAN", "MERANT1"]])
        let match = try #require(EvidenceLocator(evidence: evidence).locate("LOT 5 & 6, JALAN MERANTI"))
        #expect(match.kind == .fuzzy)
        #expect(match.quality > 0.95)
        #expect(match.text == "LOT 5 & 6, JALAN MERANT1")
    }

    /// Legal forms spelt out or abbreviated, across a line end too, and small counts in words.
    @Test func legalFormsAndCountsWrittenTheOtherWay() throws {
        let evidence = Self.evidence([
            ["between", "Harbor", "Freight,", "Limited,", "a", "Delaware", "corporation,", "and", "Corvid", "Lane"],
            ["Analytics", "Inc.", "(the", "Recipient)."],
            ["This", "Agreement", "ends", "two", "years", "after", "its", "date."],
        ], source: .textLayer)
        let locator = EvidenceLocator(evidence: evidence)
        let limited = try #require(locator.locate("Harbor Freight Ltd."))
        #expect(limited.kind == .normalized)
        #expect(limited.text == "Harbor Freight, Limited,")
        let incorporated = try #require(locator.locate("Corvid Lane Analytics Incorporated"))
        #expect(incorporated.kind == .normalized)
        #expect(incorporated.text == "Corvid Lane Analytics Inc.")
        let term = try #require(locator.locate("2 years"))
        #expect(term.kind == .normalized)
        #expect(term.text == "two years")
        // A lone count is a number, not a phrase: `2` is not found as `two`.
        #expect(locator.locate("2") == nil)
        #expect(locator.locate("3 years") == nil)
    }

    /// `the 22nd day of April, 2013` is a date.
    @Test func aDateWrittenAsTheDayOfAMonth() throws {
        let evidence = Self.evidence([["dated", "this", "22nd", "day", "of", "April,", "2013", "between"]],
                                     source: .textLayer)
        let field = SchemaField(path: ["effective_date"], format: "date")
        let match = try #require(EvidenceLocator(evidence: evidence).locate("2013-04-22", field: field))
        #expect(match.kind == .normalized)
        #expect(match.text == "22nd day of April, 2013")
        #expect(ValueNormalizer().date("the 22nd day of April, 2013") == "2013-04-22")
        #expect(ValueNormalizer().date("22nd day") == nil)
    }
}
