import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("Run log (JSON Lines)")
struct RunLogTests {
    @Test func everyAttemptIsOneJSONLineWithTheDocumentedFields() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            RecordedModelAnswers.openAIServerError(),
            RecordedModelAnswers.openAIChatCompletion(content: "ok", promptTokens: 1000, completionTokens: 500))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("docextract-runlog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("nested/calls.jsonl")
        let prices = try PriceTable.parse(
            Data(#"{"gpt-4o-mini": {"input_per_million": 1, "output_per_million": 2}}"#.utf8))
        let client = openAIClient(
            server,
            configuration: testConfiguration(
                retry: SleepRecorder().policy(), callLog: try JSONLinesCallLog(url: file), prices: prices))
        _ = try await client.complete(simpleRequest())

        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let records = try lines.map { try JSONValue(parsing: String($0)) }
        for (index, record) in records.enumerated() {
            #expect(record["provider"] == "openai")
            #expect(record["model"] == "gpt-4o-mini")
            #expect(record["host"] == "127.0.0.1")
            #expect(record["attempt"]?.intValue == index + 1)
            #expect(record["latency_ms"]?.intValue != nil)
            #expect(record["time"]?.stringValue?.hasSuffix("Z") == true)
        }
        #expect(records[0]["status"] == 500)
        #expect(records[0]["outcome"] == "retry")
        #expect(records[0]["error"]?.stringValue?.contains("HTTP 500") == true)
        #expect(records[1]["status"] == 200)
        #expect(records[1]["outcome"] == "ok")
        #expect(records[1]["input_tokens"] == 1000)
        #expect(records[1]["output_tokens"] == 500)
        #expect(abs((records[1]["cost_usd"]?.doubleValue ?? 0) - 0.002) < 1e-12)
        #expect(records[1]["finish_reason"] == "stop")
    }

    @Test func unwritableLogPathFailsWithAClearMessage() {
        let error = #expect(throws: ModelClientError.self) {
            _ = try JSONLinesCallLog(url: URL(fileURLWithPath: "/proc/docextract-no-such-dir/calls.jsonl"))
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("cannot open the run log") == true)
    }
}
