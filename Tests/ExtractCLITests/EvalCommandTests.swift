import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// `extract eval` end to end on two samples, against a loopback server speaking the OpenAI API: the invoice
/// is answered with its ground truth, the table with its ground truth but one date changed.
@Suite(.serialized) struct EvalCommandTests {
    let extract = CommandRunner()

    /// A fake model that answers from the request's evidence: which sample it is decides the answer.
    private func server() throws -> LoopbackHTTPServer {
        let invoice = try String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)
        var table = try JSONValue(parsing: Data(contentsOf: Fixtures.sample("expected/table.json")))
        if case .object(var object) = table {
            object["count_date"] = "2024-03-08"
            table = .object(object)
        }
        let tableAnswer = table.serialized()
        return try LoopbackHTTPServer { request in
            RecordedModelAnswers.openAIChatCompletion(
                content: request.bodyText.contains("Bin audit") ? tableAnswer : invoice
            )
        }
    }

    private func arguments(_ server: LoopbackHTTPServer, _ extra: [String]) -> [String] {
        ["eval", "--dataset", "eval/samples.tsv", "--provider", "openai", "--base-url", server.baseURL + "/v1",
         "--model", "test-model", "--no-cache"] + extra
    }

    @Test func scoresEveryDocumentAndComparesWithABaseline() throws {
        let server = try server()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.json")
        let markdown = folder.appendingPathComponent("first.md")

        let run = try extract.run(arguments(server, ["--out", first.path, "--markdown", markdown.path]))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty, "the results went to --out")
        #expect(run.standardError.contains("eval [2/2]"))
        let report = try JSONValue(parsing: Data(contentsOf: first))
        let summary = try #require(report["summary"])
        #expect(summary["documents"]?.intValue == 2)
        #expect(summary["schema_valid_rate"]?.doubleValue == 1)
        let documents = try #require(report["documents"]?.arrayValue)
        let invoice = try #require(documents.first { $0["file"]?.stringValue?.hasSuffix("invoice.pdf") == true })
        let table = try #require(documents.first { $0["file"]?.stringValue?.hasSuffix("table.pdf") == true })
        #expect(invoice["metrics"]?["accuracy"]?.doubleValue == 1)
        let tableMetrics = try #require(table["metrics"])
        let scored = try #require(tableMetrics["scored"]?.intValue)
        #expect(tableMetrics["correct"]?.intValue == scored - 1, "only the changed date is wrong")
        let date = table["fields"]?.arrayValue?.first { $0["pointer"]?.stringValue == "/count_date" }
        #expect(date?["correct"]?.intValue == 0)
        #expect(table["tables"]?[0]?["correct_rows"]?.intValue == table["tables"]?[0]?["expected_rows"]?.intValue)
        // The born-digital samples print every expected value: the evidence holds all of them.
        #expect(summary["metrics"]?["evidence_recall"]?.doubleValue == 1)
        #expect(invoice["input_tokens"]?.intValue ?? 0 > 0)
        #expect(report["fields"]?.arrayValue?.contains { $0["pointer"]?.stringValue == "/rows/*/part" } == true)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(text.contains("| field accuracy |"))
        #expect(text.contains("`/count_date`"))

        let second = try extract.run(arguments(server, ["--baseline", first.path, "--limit", "1"]))
        #expect(second.status == 0, "\(second.standardError)")
        let compared = try JSONValue(parsing: second.standardOutput)
        #expect(compared["summary"]?["documents"]?.intValue == 1)
        let deltas = try #require(compared["baseline"]?["summary"]?.arrayValue)
        let accuracy = try #require(deltas.first { $0["name"]?.stringValue == "accuracy" })
        let before = try #require(accuracy["baseline"]?.doubleValue)
        #expect(before < 1)
        #expect(accuracy["current"]?.doubleValue == 1)
        #expect(accuracy["delta"]?.doubleValue == 1 - before)
    }

    /// `--evidence-only` reads the documents without asking any model and names every expected value the
    /// evidence lacks: here an invoice number the sample does not print.
    @Test func evidenceOnlyAsksNoModelAndNamesTheMissingValues() throws {
        let server = try server()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected = try JSONValue(parsing: Data(contentsOf: Fixtures.sample("expected/invoice.json")))
        if case .object(var object) = expected {
            object["invoice_number"] = "INV-1999-31337"
            expected = .object(object)
        }
        try Data(expected.serialized().utf8).write(to: folder.appendingPathComponent("invoice.json"))
        // The ground truth marks the invoice number a template label: evidence recall over the values marked
        // printed leaves it out.
        let schemaURL = Fixtures.repositoryRoot.appendingPathComponent("schemas/invoice.schema.json")
        var schema = try JSONValue(parsing: Data(contentsOf: schemaURL))
        if case .object(var root) = schema, case .object(var properties)? = root["properties"],
            case .object(var number)? = properties["invoice_number"]
        {
            number["x-source"] = "template-label"
            properties["invoice_number"] = .object(number)
            root["properties"] = .object(properties)
            schema = .object(root)
        }
        try Data(schema.serialized().utf8).write(to: folder.appendingPathComponent("schema.json"))
        let list = folder.appendingPathComponent("list.tsv")
        try "\(Fixtures.sample("invoice.pdf").path)\tinvoice.json\tschema.json\n"
            .write(to: list, atomically: true, encoding: .utf8)
        let markdown = folder.appendingPathComponent("results.md")

        let run = try extract.run(
            ["eval", "--dataset", list.path, "--evidence-only", "--provider", "openai", "--base-url",
             server.baseURL + "/v1", "--model", "test-model", "--no-cache", "--markdown", markdown.path]
        )
        #expect(run.status == 0, "\(run.standardError)")
        #expect(server.statistics.requestsReceived == 0, "no model is asked")
        #expect(run.standardError.contains(
            "not in the evidence: /invoice_number (identifier) \"INV-1999-31337\" "
                + "(the ground truth does not mark it printed)"
        ))
        #expect(!run.standardError.contains("not in the evidence: /invoice_date"), "printed values are found")
        let report = try JSONValue(parsing: run.standardOutput)
        #expect(report["model"]?.stringValue == "none (evidence only)")
        let recall = try #require(report["summary"]?["metrics"]?["evidence_recall"]?.doubleValue)
        #expect(recall < 1 && recall > 0.8)
        #expect(report["summary"]?["metrics"]?["printed_evidence_recall"]?.doubleValue == 1)
        #expect(report["documents"]?[0]?["status"]?.stringValue == "evidence-only")
        #expect(try String(contentsOf: markdown, encoding: .utf8).contains("Evidence only: no model was asked"))
    }

    @Test func aBadListIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.tsv")
        try Data("# a comment\nmissing.pdf\tmissing.json\n".utf8).write(to: list)
        let result = try extract.run(["eval", "--dataset", list.path])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains("list.tsv:2"))
    }
}
