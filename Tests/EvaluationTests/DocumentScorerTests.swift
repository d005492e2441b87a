import Evaluation
import Foundation
import JSONCore
import Testing

/// Whole documents scored under a schema with annotations: rows in another order, sets, fabrication,
/// needs-review precision and recall, `$ref`s and ignored fields.
struct DocumentScorerTests {
    static let schema: JSONValue = [
        "type": "object",
        "$defs": [
            "money": ["type": "number", "x-compare": ["method": "numeric", "abs_tol": 0.01]],
        ],
        "properties": [
            "invoice_number": ["type": "string", "x-compare": ["method": "identifier"]],
            "date": ["type": "string", "format": "date", "x-compare": ["method": "date"]],
            "total": ["$ref": "#/$defs/money"],
            "tax": ["$ref": "#/$defs/money"],
            "desc": ["type": "string", "x-compare": ["method": "ignore"]],
            "seller": [
                "type": "object",
                "properties": ["name": ["type": "string", "x-compare": ["method": "fuzzy", "threshold": 0.85]]],
            ],
            "party": ["type": "array", "items": ["type": "string"], "x-compare": ["method": "kleister-multilabel"]],
            "lines": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "name": ["type": "string", "x-compare": ["method": "fuzzy", "threshold": 0.85]],
                        "price": ["$ref": "#/$defs/money"],
                    ],
                ],
                "x-compare": ["method": "line-items"],
            ],
        ],
    ]

    static let expected: JSONValue = [
        "invoice_number": "VF-1005", "date": "03.08.2014", "total": 4.11, "desc": "Invoice from X",
        "seller": ["name": "Amazon Web Services, Inc."],
        "party": ["Eric_Dean_Sprunk", "Nike_Inc."],
        "lines": [
            ["name": "AWS Data Transfer", "price": "0.01"],
            ["name": "Amazon Glacier", "price": "2.22"],
            ["name": "Amazon Simple Storage Service", "price": "0.01"],
        ],
    ]

    func scorer() throws -> DocumentScorer {
        DocumentScorer(plan: try ScoringPlan(schema: Self.schema))
    }

    func outcome(_ fields: [FieldOutcome], _ pointer: String) -> FieldOutcome? {
        fields.first { $0.pointer == pointer }
    }

    @Test func planFollowsRefsNestedObjectsAndDropsIgnored() throws {
        let plan = try ScoringPlan(schema: Self.schema)
        let pointers = plan.fields.map { $0.pointer() }
        #expect(pointers == ["/invoice_number", "/date", "/total", "/tax", "/seller/name", "/party", "/lines"])
        #expect(plan.fields[2].rule == .numeric(absoluteTolerance: 0.01))
        #expect(plan.fields[5].elementRule == .kleister)
        #expect(plan.fields[6].elementFields.map { $0.pointer() } == ["/name", "/price"])
    }

    @Test func perfectPredictionInAnotherRowOrder() throws {
        let predicted: JSONValue = [
            "invoice_number": "VF 1005", "date": "2014-08-03", "total": "4,11", "desc": "other",
            "seller": ["name": "Amazon Web Services Inc."],
            "party": ["Nike Inc.", "Eric Dean Sprunk"],
            "lines": [
                ["name": "Amazon Simple Storage Service", "price": 0.01],
                ["name": "AWS Data Transfer", "price": 0.01],
                ["name": "Amazon Glacier", "price": 2.22],
            ],
        ]
        let (fields, tables) = try scorer().score(predicted: predicted, expected: Self.expected)
        let metrics = Metrics(fields)
        // 4 scalars present in the ground truth (tax is absent, desc ignored), 1 set, 3 rows × 2 fields.
        #expect(metrics.scored == 4 + 1 + 6)
        #expect(metrics.correct == metrics.scored)
        #expect(metrics.absent == 1 && metrics.fabricated == 0)
        #expect(outcome(fields, "/party")?.f1 == 1)
        #expect(tables.count == 1)
        #expect(tables[0].correctRows == 3 && tables[0].precision == 1 && tables[0].recall == 1)
    }

    @Test func wrongMissingFabricatedAndFlagged() throws {
        let predicted: JSONValue = [
            "invoice_number": "VF1006",      // wrong, flagged
            "date": .null,                   // missed
            "total": 4.11,                   // right, flagged
            "tax": 0.5,                      // fabricated: not in the ground truth
            "seller": ["name": "Amazon Web Services, Inc."],
            "party": ["Nike Inc.", "Someone Else"],
            "lines": [
                ["name": "AWS Data Transfer", "price": 0.05],   // price wrong
                ["name": "Amazon Glacier", "price": 2.22],
                ["name": "Coffee", "price": 1],                 // an extra row
            ],
        ]
        let flagged = ["/invoice_number", "/total", "/lines/0/price"]
        let (fields, tables) = try scorer().score(predicted: predicted, expected: Self.expected, needsReview: flagged)
        #expect(outcome(fields, "/invoice_number")?.correct == 0)
        #expect(outcome(fields, "/date")?.wrong == 1)
        #expect(outcome(fields, "/tax")?.fabricated == 1)
        #expect(outcome(fields, "/party")?.f1 == 0.5)
        #expect(outcome(fields, "/party")?.correct == 0)
        let names = try #require(outcome(fields, "/lines/*/name"))
        let prices = try #require(outcome(fields, "/lines/*/price"))
        #expect(names.scored == 3 && names.correct == 2, "the third expected row is unmatched (Coffee)")
        #expect(prices.scored == 3 && prices.correct == 1)
        #expect(tables[0].expectedRows == 3 && tables[0].predictedRows == 3)
        #expect(tables[0].correctRows == 1)
        #expect(tables[0].precision == 1.0 / 3 && tables[0].recall == 1.0 / 3)
        let metrics = Metrics(fields)
        #expect(metrics.fabricationRate == 1)
        // Flagged: invoice_number (wrong), total (right), lines/0/price (wrong) → precision 2/3.
        #expect(metrics.flagged == 3 && metrics.flaggedWrong == 2)
        #expect(metrics.reviewPrecision == 2.0 / 3)
        // Wrong: invoice_number, date, tax, party, 1 name, 2 prices = 7; 2 of them flagged.
        #expect(metrics.wrong == 7)
        #expect(metrics.reviewRecall == 2.0 / 7)
    }

    @Test func whereAbsenceIsNotGroundTruthAnExtraValueIsUnverifiedNotFabricated() throws {
        let predicted: JSONValue = [
            "invoice_number": "VF1006", "tax": 0.5,
            "lines": [["name": "AWS Data Transfer", "price": 0.01], ["name": "Coffee", "price": 1]],
        ]
        var scorer = try scorer()
        let known = Metrics(scorer.score(predicted: predicted, expected: Self.expected).fields)
        #expect(known.fabricated == 1 && known.absent == 1 && known.unverified == 0)
        scorer.absenceIsGroundTruth = false
        let (fields, _) = scorer.score(predicted: predicted, expected: Self.expected)
        let unknown = Metrics(fields)
        #expect(unknown.fabricated == 0 && unknown.absent == 0 && unknown.fabricationRate == nil)
        #expect(outcome(fields, "/tax")?.unverified == 1 && outcome(fields, "/tax")?.wrong == 0)
        #expect(unknown.unverified == 1)
        // Values the ground truth has are scored as before.
        #expect(unknown.scored == known.scored && unknown.correct == known.correct)
        #expect(unknown.wrong == known.wrong - 1)
    }

    @Test func noPredictionMissesEverything() throws {
        let (fields, tables) = try scorer().score(predicted: nil, expected: Self.expected)
        let metrics = Metrics(fields)
        #expect(metrics.correct == 0 && metrics.scored == 11)
        #expect(metrics.fabricated == 0)
        #expect(tables[0].predictedRows == 0 && tables[0].recall == 0 && tables[0].precision == nil)
    }

    @Test func metricsSumTheOutcomesCountsAndKeepTheirJSONFlat() throws {
        let (fields, _) = try scorer().score(predicted: Self.expected, expected: Self.expected)
        let metrics = Metrics(fields)
        #expect(metrics.counts == fields.map(\.counts).reduce(FieldCounts(), +))
        #expect(metrics.counts.correct == metrics.correct && metrics.correct == 11)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONValue(parsing: String(decoding: try encoder.encode(metrics), as: UTF8.self))
        #expect(object["correct"]?.intValue == 11 && object["evidence_checked"]?.intValue == 0)
        #expect(object["counts"] == nil && object["accuracy"]?.numberValue != nil)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try encoder.encode(fields)
        let decoded = try decoder.decode([FieldOutcome].self, from: data)
        #expect(decoded.map(\.counts) == fields.map(\.counts) && decoded.map(\.pointer) == fields.map(\.pointer))
        #expect(try decoder.decode(Metrics.self, from: try encoder.encode(metrics)) == metrics)
    }

    @Test func setOfObjectsMatchesElementsByTheirRules() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "tax": [
                    "type": "array",
                    "items": ["type": "object", "properties": [
                        "rate": ["type": "number", "x-compare": ["method": "numeric", "abs_tol": 0.001]],
                        "amount": ["type": "number", "x-compare": ["method": "numeric", "abs_tol": 0.01]],
                    ]],
                    "x-compare": ["method": "set", "key": ["rate"]],
                ],
            ],
        ]
        let scorer = DocumentScorer(plan: try ScoringPlan(schema: schema))
        let expected: JSONValue = ["tax": [["rate": 7, "amount": 19.25], ["rate": 19, "amount": 37.62]]]
        let same: JSONValue = ["tax": [["rate": "19", "amount": "37,62"], ["rate": 7.0, "amount": 19.25]]]
        #expect(scorer.score(predicted: same, expected: expected).fields[0].correct == 1)
        let half: JSONValue = ["tax": [["rate": 19, "amount": 37.62], ["rate": 7, "amount": 19.30]]]
        #expect(scorer.score(predicted: half, expected: expected).fields[0].f1 == 0.5)
    }

    @Test func groundTruthShapesAreUnwrapped() {
        let schema: JSONValue = ["type": "object", "properties": ["a": ["type": "string"]]]
        #expect(GroundTruth.expectedValue([["a": "x"]], schema: schema) == ["a": "x"])
        #expect(GroundTruth.expectedValue(["upstream_split": "train", "fields": ["a": "x"]], schema: schema)
            == ["a": "x"])
        #expect(GroundTruth.expectedValue(["a": "x"], schema: schema) == ["a": "x"])
    }
}
