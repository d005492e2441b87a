import Evaluation
import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// Evidence recall of values printed in another form: codes of standard lists, and set elements counted whole.
struct EvidenceRecallTests {
    /// One text-layer page with `lines` of words.
    static func evidence(_ lines: [[String]]) -> DocumentEvidence {
        MadeUpEvidence.grid(lines)
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "currency": ["type": "string", "pattern": "^[A-Z]{3}$", "x-compare": ["method": "exact"]],
            "country": ["type": "string", "pattern": "^[A-Z]{2}$", "x-compare": ["method": "exact-ci"]],
            "tax_breakdown": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "category": ["type": "string", "x-compare": ["method": "exact-ci"]],
                        "rate": ["type": "number", "x-compare": ["method": "numeric", "abs_tol": 0.001]],
                        "basis": ["type": "number", "x-compare": ["method": "numeric", "abs_tol": 0.01]],
                    ],
                ],
                "x-compare": ["method": "set"],
            ],
            "lines": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "unit": ["type": "string", "description": "UN/ECE Recommendation 20 code",
                                 "x-compare": ["method": "exact-ci"]],
                    ],
                ],
                "x-compare": ["method": "line-items"],
            ],
        ],
    ]

    @Test func codesPrintedAsSymbolsNamesAndUnitWordsAreFound() throws {
        let evidence = Self.evidence([
            ["Lieferant", "GmbH", "Berlin", "Deutschland"],
            ["Kabel", "5", "m", "12,00", "€"],
            ["Montage", "3", "Std", "90,00", "€"],
            ["Steuerfrei", "0", "%", "102,00"],
        ])
        let expected: JSONValue = [
            "currency": "EUR", "country": "DE",
            "tax_breakdown": [["category": "E", "rate": 0, "basis": 102]],
            "lines": [["unit": "MTR"], ["unit": "HUR"], ["unit": "KGM"]],
        ]
        let scorer = DocumentScorer(plan: try ScoringPlan(schema: Self.schema))
        let (fields, _) = scorer.score(predicted: nil, expected: expected, evidence: EvidenceCheck(evidence: evidence))
        let byPointer = Dictionary(uniqueKeysWithValues: fields.map { ($0.pointer, $0) })
        #expect(byPointer["/currency"]?.evidenceFound == 1)
        #expect(byPointer["/country"]?.evidenceFound == 1)
        #expect(byPointer["/tax_breakdown"]?.evidenceChecked == 1 && byPointer["/tax_breakdown"]?.evidenceFound == 1)
        // KGM is printed nowhere.
        #expect(byPointer["/lines/*/unit"]?.evidenceChecked == 3 && byPointer["/lines/*/unit"]?.evidenceFound == 2)
    }

    @Test func aSetElementCountsOnceAndOnlyWhenEachLeafIsFound() throws {
        let evidence = Self.evidence([
            ["Umsatzsteuer", "(S)", "100,00", "19", "%"],
            ["Umsatzsteuer", "7", "%", "50,00"],
        ])
        let expected: JSONValue = [
            "tax_breakdown": [
                ["category": "S", "rate": 19, "basis": 100],
                ["category": "S", "rate": 7, "basis": 60],
            ],
        ]
        let scorer = DocumentScorer(plan: try ScoringPlan(schema: Self.schema))
        let (fields, _) = scorer.score(predicted: nil, expected: expected, evidence: EvidenceCheck(evidence: evidence))
        let set = try #require(fields.first { $0.pointer == "/tax_breakdown" })
        #expect(set.evidenceChecked == 2)
        #expect(set.evidenceFound == 1)
    }

    @Test func theCorpusMarksDecideWhichValuesCountAsPrinted() throws {
        let evidence = Self.evidence([["Kabel", "5", "m"], ["Total", "12,00", "€"]])
        let expected: JSONValue = [
            "currency": "EUR", "country": "DE",
            "tax_breakdown": [["category": "S", "rate": 19], ["category": "S", "rate": 7]],
            "lines": [["unit": "MTR"], ["unit": "KGM"]],
        ]
        let marks = PrintedMarks([
            "currency": true, "country": false, "tax_breakdown[0].category": false, "tax_breakdown[1].rate": true,
            "lines[1].unit": false,
        ])
        let scorer = DocumentScorer(plan: try ScoringPlan(schema: Self.schema))
        let check = EvidenceCheck(evidence: evidence)
        let unmarked = Metrics(scorer.score(predicted: nil, expected: expected, evidence: check).fields)
        let marked = Metrics(scorer.score(predicted: nil, expected: expected, evidence: check, marks: marks).fields)
        // Plain recall ignores the marks: EUR and MTR found, DE, KGM and both tax entries not.
        #expect(unmarked.evidenceFound == 2 && unmarked.evidenceChecked == 6)
        #expect(marked.evidenceFound == 2 && marked.evidenceChecked == 6)
        // Marked printed: currency, the second tax entry and the first unit (no mark: the schema's default).
        #expect(unmarked.printedChecked == 6)
        #expect(marked.printedChecked == 3 && marked.printedFound == 2)
    }

    @Test func marksAreFoundBesideTheGroundTruthAndBadFilesAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = folder.appendingPathComponent("a.expected.json").path
        #expect(PrintedMarks.path(besideExpected: expected) == nil)
        let marksFile = folder.appendingPathComponent("a.visibility.json")
        try Data(#"{"note": "x", "fields": {"seller.name": true, "lines[0].unit": false}}"#.utf8).write(to: marksFile)
        let path = try #require(PrintedMarks.path(besideExpected: expected))
        let marks = try PrintedMarks.load(path)
        #expect(marks.isPrinted(["seller", "name"]) == true)
        #expect(marks.isPrinted(["lines", "unit"], index: 0, arrayDepth: 1) == false)
        #expect(marks.isPrinted(["lines", "unit"], index: 1, arrayDepth: 1) == nil)
        try Data(#"{"fields": {"seller.name": "yes"}}"#.utf8).write(to: marksFile)
        #expect(throws: EvaluationError.self) { try PrintedMarks.load(path) }
        do {
            _ = try PrintedMarks.load(path)
        } catch {
            #expect(error.message.contains("a.visibility.json") && error.message.contains("seller.name"))
        }
    }

    /// A fuzzy field's value counts as printed only as similar as its own `x-compare` threshold asks, not at the
    /// locator's looser floor of 0.8, and a threshold under that floor is honoured too.
    @Test func fuzzyValuesCountOnlyAtTheSchemasThreshold() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "strict": ["type": "string", "x-compare": ["method": "fuzzy", "threshold": 0.9]],
                "loose": ["type": "string", "x-compare": ["method": "fuzzy", "threshold": 0.85]],
                "lenient": ["type": "string", "x-compare": ["method": "fuzzy", "threshold": 0.7]],
            ],
        ]
        // `KFDAI 8UKU NAJU JAYA` is three characters off `KEDAI BUKU MAJU JAYA`: 0.85 similar.
        let evidence = Self.evidence([["KFDAI", "8UKU", "NAJU", "JAYA"], ["Tingkat", "Dua,", "Biok", "G"]])
        // `Tingkat Dua, Biok G` against `Tingkat Tiga, Blok C`: 0.75 similar.
        let expected: JSONValue = [
            "strict": "KEDAI BUKU MAJU JAYA", "loose": "KEDAI BUKU MAJU JAYA", "lenient": "Tingkat Tiga, Blok C",
        ]
        let scorer = DocumentScorer(plan: try ScoringPlan(schema: schema))
        let (fields, _) = scorer.score(predicted: nil, expected: expected, evidence: EvidenceCheck(evidence: evidence))
        let byPointer = Dictionary(uniqueKeysWithValues: fields.map { ($0.pointer, $0) })
        #expect(byPointer["/strict"]?.evidenceChecked == 1 && byPointer["/strict"]?.evidenceFound == 0)
        #expect(byPointer["/loose"]?.evidenceFound == 1)
        #expect(byPointer["/lenient"]?.evidenceFound == 1)
    }
}
