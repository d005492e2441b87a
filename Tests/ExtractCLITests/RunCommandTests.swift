import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// `extract FILE --schema S.json` run as a user runs it, against a loopback server speaking the OpenAI API.
@Suite(.serialized) struct RunCommandTests {
    let extract = CommandRunner()
    static let expected = try! String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)

    /// A fake model server answering every request with `answers` in turn (the last one repeats).
    private func server(_ answers: [String]) throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer()
        server.enqueue(contentsOf: answers.map { RecordedModelAnswers.openAIChatCompletion(content: $0) })
        server.enqueue(contentsOf: Array(repeating: RecordedModelAnswers.openAIChatCompletion(content: answers.last!),
                                         count: 10))
        return server
    }

    private func arguments(_ server: LoopbackHTTPServer, _ extra: [String]) -> [String] {
        ["samples/invoice.pdf", "--schema", "schemas/invoice.schema.json", "--provider", "openai",
         "--base-url", server.baseURL + "/v1", "--model", "test-model", "--no-cache"] + extra
    }

    @Test func validAnswerGoesToStdoutAndTheReportToItsFile() throws {
        let server = try server([Self.expected])
        defer { server.stop() }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try extract.run(arguments(server, ["--report", report.path]))
        #expect(result.status == 0, "\(result.standardError)")
        // stdout carries only the data JSON.
        let value = try JSONValue(parsing: result.standardOutput)
        #expect(value == (try JSONValue(parsing: Self.expected)))
        let reportValue = try JSONValue(parsing: Data(contentsOf: report))
        #expect(reportValue["status"]?.stringValue == "success" || reportValue["status"]?.stringValue == "partial")
        #expect(reportValue["fields"]?.arrayValue?.isEmpty == false)
        #expect(reportValue["pages"]?[0]?["decision"]?["runOCR"]?.boolValue == false)
        #expect(result.standardError.contains("extract: samples/invoice.pdf:"))
    }

    @Test func neverValidExitsWithNoValidOutput() throws {
        let server = try server([#"{"invoice_number": 12}"#])
        defer { server.stop() }
        let result = try extract.run(arguments(server, []))
        #expect(result.status == 8, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty, "nothing invalid is printed as output")
        #expect(result.standardError.contains("failure"))
        #expect(server.requests.count == 3)
    }

    @Test func unreachableModelExitsSeven() throws {
        let server = try LoopbackHTTPServer()
        let url = server.baseURL
        server.stop()
        let result = try extract.run(["samples/invoice.pdf", "--schema", "schemas/invoice.schema.json",
                                      "--provider", "openai", "--base-url", url + "/v1", "--no-cache"])
        #expect(result.status == 7, "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count <= 2)
    }

    @Test func apiKeyNeverAppearsInOutputOrLogs() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIInvalidKey())
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let secret = "sk-test-\(UUID().uuidString)"
        let result = try extract.run(
            arguments(server, ["--api-key-env", "DX_TEST_KEY", "--log", log.path]),
            environment: ["DX_TEST_KEY": secret]
        )
        #expect(result.status == 7, "\(result.standardError)")
        #expect(result.standardError.contains("DX_TEST_KEY"), "the message names the variable to check")
        #expect(!result.standardError.contains(secret))
        #expect(!result.standardOutput.contains(secret))
        let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!logged.contains(secret))
        #expect(server.requests.first?.headers.contains { $0.value.contains(secret) } == true, "the key was sent")
    }

    @Test func invalidSchemaExitsTwoBeforeReading() throws {
        let schema = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json")
        try #"{"type": "nonsense"}"#.write(to: schema, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schema) }
        let result = try extract.run(["samples/invoice.pdf", "--schema", schema.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains(schema.path))
        let missing = try extract.run(["samples/invoice.pdf", "--schema", "/nonexistent.json"])
        #expect(missing.status == 2)
        let notJSON = try extract.run(["samples/invoice.pdf", "--schema", "samples/bad/not-a-pdf.pdf"])
        #expect(notJSON.status == 2)
    }

    @Test func severalFilesGiveJSONLinesAndTheWorstExitCode() throws {
        let server = try server([Self.expected])
        defer { server.stop() }
        let result = try extract.run(["samples/invoice.pdf", "samples/bad/empty.pdf", "--schema",
                                      "schemas/invoice.schema.json", "--provider", "openai",
                                      "--base-url", server.baseURL + "/v1", "--no-cache"])
        #expect(result.status == 4, "the empty file's code: \(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try JSONValue(parsing: String(lines[0]))
        #expect(record["file"]?.stringValue == "samples/invoice.pdf")
        #expect(result.standardError.contains("samples/bad/empty.pdf"))
    }

    @Test func runLogHasStagesRoutingAndModelCalls() throws {
        let server = try server([Self.expected])
        defer { server.stop() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let result = try extract.run(arguments(server, ["--log", log.path]))
        #expect(result.status == 0, "\(result.standardError)")
        let records = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .map { try JSONValue(parsing: String($0)) }
        #expect(records.contains { $0["stage"]?.stringValue?.hasPrefix("poppler.text") == true })
        #expect(records.contains { $0["event"]?.stringValue == "routing" && $0["page"]?.intValue == 1 })
        #expect(records.contains { $0["event"]?.stringValue == "result" })
        // One record per model call, from the model clients, with tokens.
        #expect(records.contains { record in record["model"]?.stringValue == "test-model" })
    }

    @Test func outDirGetsOneFilePerDocument() throws {
        let server = try server([Self.expected])
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try extract.run(arguments(server, ["--out-dir", folder.path]))
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["invoice.json", "invoice.report.json"])
    }
}

/// `extract validate` with our validator.
@Suite struct ValidateCommandTests {
    let extract = CommandRunner()

    @Test func validInvalidAndBadSchema() throws {
        let valid = try extract.run(["validate", "--schema", "schemas/invoice.schema.json",
                                     "samples/expected/invoice.json"])
        #expect(valid.status == 0, "\(valid.standardError)")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("inv-\(UUID()).json")
        try #"{"invoice_number": 5, "currency": "EUR"}"#.write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let invalid = try extract.run(["validate", "--schema", "schemas/invoice.schema.json", bad.path])
        #expect(invalid.status == 1)
        #expect(invalid.standardError.contains("/invoice_number"))
        let stdin = try extract.run(["validate", "--schema", "schemas/invoice.schema.json", "-"],
                                    input: Data(#"{"a": 1}"#.utf8))
        #expect(stdin.status == 1)
        let badSchema = try extract.run(["validate", "--schema", "samples/bad/not-a-pdf.pdf", bad.path])
        #expect(badSchema.status == 2)
    }
}
