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
        // The silent slot still counts; the value in it is neither fabricated nor right until audited, so the
        // rate is a range: 0 if it is printed, 1 of 1 if it is not.
        #expect(unknown.fabricated == 0 && unknown.absent == 1 && unknown.fabricationRate == 0)
        #expect(unknown.fabricationRateUpperBound == 1)
        #expect(outcome(fields, "/tax")?.unverified == 1 && outcome(fields, "/tax")?.wrong == 0)
        #expect(unknown.unverified == 1)
        // Values the ground truth has are scored as before.
        #expect(unknown.scored == known.scored && unknown.correct == known.correct)
        #expect(unknown.wrong == known.wrong - 1)
        #expect(known.fabricationRateUpperBound == nil)
    }

    @Test func anAuditDecidesTheValuesItHasCheckedAndOnlyThose() throws {
        let predicted: JSONValue = ["invoice_number": "VF-1005", "tax": 0.5, "seller": ["name": "AWS"]]
        let expected: JSONValue = ["invoice_number": "VF-1005"]
        var scorer = try scorer()
        scorer.absenceIsGroundTruth = false
        scorer.document = "/docs/a.pdf"
        scorer.audit = ValueAudit([
            .init(pdf: "/docs/a.pdf", pointer: "/tax", value: 0.5): .printed,
            .init(pdf: "/docs/a.pdf", pointer: "/seller/name", value: "AWS"): .fabricated,
            // Another document's verdict on the same value, and a verdict on another value, do not apply.
            .init(pdf: "/docs/b.pdf", pointer: "/date", value: "2014-08-03"): .printed,
        ])
        var (fields, _) = scorer.score(predicted: predicted, expected: expected)
        var metrics = Metrics(fields)
        #expect(outcome(fields, "/tax")?.confirmed == 1 && outcome(fields, "/tax")?.wrong == 0)
        #expect(outcome(fields, "/seller/name")?.fabricated == 1 && outcome(fields, "/seller/name")?.wrong == 1)
        #expect(metrics.unverified == 0 && metrics.fabricationRateUpperBound == nil)
        // Every silent slot counts (date, total, tax, seller name, party, lines), filled or not.
        #expect(metrics.fabricated == 1 && metrics.absent == 6 && metrics.fabricationRate == 1.0 / 6)
        // The same pointer with another value is not what was checked.
        (fields, _) = scorer.score(predicted: ["tax": 0.7], expected: expected)
        metrics = Metrics(fields)
        #expect(outcome(fields, "/tax")?.unverified == 1 && metrics.confirmed == 0 && metrics.fabricated == 0)
        // Where absence is ground truth, the audit has no say: a value there is fabricated.
        scorer.absenceIsGroundTruth = true
        (fields, _) = scorer.score(predicted: predicted, expected: expected)
        #expect(outcome(fields, "/tax")?.fabricated == 1 && Metrics(fields).confirmed == 0)
    }

    @Test func auditedRowsGivenWhereTheGroundTruthHasNoneAreLookedUpWhole() throws {
        let rows: JSONValue = [["name": "Coffee", "price": 1]]
        var scorer = try scorer()
        scorer.absenceIsGroundTruth = false
        scorer.document = "/docs/a.pdf"
        let expected: JSONValue = ["invoice_number": "VF-1005"]
        var (fields, _) = scorer.score(predicted: ["lines": rows], expected: expected)
        #expect(outcome(fields, "/lines")?.unverified == 1)
        #expect(outcome(fields, "/lines")?.predicted == rows, "kept in the results so that it can be audited")
        scorer.audit = ValueAudit([.init(pdf: "/docs/a.pdf", pointer: "/lines", value: rows): .printed])
        (fields, _) = scorer.score(predicted: ["lines": rows], expected: expected)
        #expect(outcome(fields, "/lines")?.confirmed == 1 && outcome(fields, "/lines")?.unverified == 0)
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

    @Test func theReportListsUnauditedValuesAsAuditLinesThatReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID())")
        let lists = folder.appendingPathComponent("eval")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("docs/a.pdf").path
        let entry = DatasetEntry(pdf: pdf, expected: "a.json", schema: "s.json", line: 1, absenceIsGroundTruth: false)
        let prediction = Prediction(
            value: ["invoice_number": "VF-1005", "tax": 0.5, "lines": [["name": "Tea", "price": 1]]], status: "success"
        )
        let expected: JSONValue = ["invoice_number": "VF-1005"]
        let score = DocumentScore(
            entry: entry, schema: Self.schema, expected: expected, prediction: prediction, scorer: try scorer()
        )
        #expect(score.metrics.unverified == 2)
        let report = EvaluationReport(
            dataset: lists.appendingPathComponent("list.tsv").path, model: "m", documents: [score]
        )
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("## Values to audit"))
        let lines = markdown.split(separator: "\n").filter { $0.hasPrefix("../docs/a.pdf\t") }
        #expect(lines.count == 2)
        // Filled in by hand and read back, the verdicts apply to the same values.
        let audit = lists.appendingPathComponent("list.audit.tsv")
        let filled = lines.map { $0.replacingOccurrences(of: "\t?\t?", with: "\tprinted\tpage 1") }
        try Data(filled.joined(separator: "\n").utf8).write(to: audit)
        var scorer = try scorer()
        scorer.audit = try ValueAudit.load(audit.path)
        let audited = DocumentScore(
            entry: entry, schema: Self.schema, expected: expected, prediction: prediction, scorer: scorer
        )
        #expect(audited.metrics.unverified == 0 && audited.metrics.confirmed == 2)
        #expect(!MarkdownReport.render(EvaluationReport(dataset: report.dataset, model: "m", documents: [audited]))
            .contains("## Values to audit"))
    }
}
