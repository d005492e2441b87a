import Evaluation
import ExtractCore
import Foundation
import JSONCore
import Testing

/// Evidence recall of values printed in another form: codes of standard lists, and set elements counted whole.
struct EvidenceRecallTests {
    /// One text-layer page with `lines` of words.
    static func evidence(_ lines: [[String]]) -> DocumentEvidence {
        var textLines: [TextLine] = []
        for (row, words) in lines.enumerated() {
            textLines.append(TextLine(words: words.enumerated().map { column, text in
                TextWord(text: text, box: BoundingBox(x: Double(40 + 70 * column), y: Double(40 + 20 * row),
                                                      width: 60, height: 10))
            }))
        }
        let page = PageEvidence(number: 1, size: PageSize(width: 595, height: 842),
                                textLayer: PageText(source: .textLayer, lines: textLines))
        return DocumentEvidence(info: DocumentInfo(pageCount: 1, pageSizes: [page.size]), pages: [page])
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
