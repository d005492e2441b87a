import ExtractCore
import ExtractTestSupport
import Foundation
import Testing

/// The limit flags of `extract inspect` and `extract FILE`: exceeding one exits 9 with one line naming the flag.
@Suite struct LimitFlagTests {
    let extract = CommandRunner()

    static let cases: [([String], String)] = [
        (["--max-file-size", "1K"], "--max-file-size"),
        (["--max-pages", "1", "--pages", "1-2"], "--max-pages"),
        (["--ocr", "always", "--ocr-timeout", "0.001", "--pages", "2"], "--ocr-timeout"),
    ]

    @Test(arguments: cases)
    func inspectExitsNineNamingTheFlag(_ flags: [String], _ flag: String) throws {
        let result = try extract.run(["inspect", "samples/mixed.pdf"] + flags)
        #expect(result.status == 9, "\(flags): \(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError.prefix(600))")
        #expect(result.standardError.contains("samples/mixed.pdf"))
        #expect(result.standardError.contains(flag))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func extractExitsNineOnTheFileSizeLimit() throws {
        let result = try extract.run([
            "samples/invoice.pdf", "--schema", "schemas/invoice.schema.json", "--max-file-size", "2K", "--no-cache",
        ])
        #expect(result.status == 9, "\(result.standardError)")
        #expect(result.standardError.contains("--max-file-size"))
    }

    @Test func badLimitValuesAreUsageErrors() throws {
        let result = try extract.run(["inspect", "samples/invoice.pdf", "--max-file-size", "lots"])
        #expect(result.status == 64, "\(result.standardError)")
    }
}

/// `extract` reads in worker processes by default: a PDF that crashes its worker fails alone, and the batch
/// goes on.
@Suite struct WorkerIsolationCommandTests {
    let extract = CommandRunner()

    @Test func aCrashFailsOneFileOfTheBatchAndTheRestIsRead() throws {
        // No model is reachable on port 1: the second file gets as far as synthesis, so its evidence was read.
        let result = try extract.run(
            [
                "samples/mixed.pdf", "samples/invoice.pdf", "--schema", "schemas/invoice.schema.json",
                "--strategy", "text", "--provider", "openai", "--base-url", "http://127.0.0.1:1/v1", "--no-cache",
            ],
            environment: ["DOCEXTRACT_TEST_CRASH_PAGE": "2"]
        )
        #expect(result.status == 4, "the first failure's exit code: \(result.standardError)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("extract: samples/mixed.pdf: page 2: the PDF reader crashed (signal") })
        #expect(lines.contains { $0.contains("127.0.0.1 port 1") }, "the second file reached the model: \(lines)")
    }

    @Test func inProcessReadingIsStillAvailable() throws {
        let result = try extract.run(["inspect", "samples/invoice.pdf", "--isolation", "none"],
                                     environment: ["DOCEXTRACT_TEST_CRASH_PAGE": "1"])
        #expect(result.status == 0, "the crash trigger exists only in worker mode: \(result.standardError)")
    }
}

/// The OCR time limit holds even where Tesseract's own deadline is not checked: a worker stuck in a page's OCR
/// is killed at the limit plus its margin, the file fails with exit 9, and the batch goes on.
@Suite struct OCRTimeLimitCommandTests {
    @Test func aStuckOCRPageFailsAtTheTimeLimitAndTheNextFileIsExtracted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-limit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stuck = folder.appendingPathComponent("stuck-scan.pdf")
        try FileManager.default.copyItem(at: Fixtures.sample("invoice-scanned.pdf"), to: stuck)
        let out = folder.appendingPathComponent("out")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let answer = try String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)
        server.enqueue(contentsOf: Array(repeating: RecordedModelAnswers.openAIChatCompletion(content: answer),
                                         count: 10))
        let started = ContinuousClock.now
        let run = try LongRunningProcess(
            Fixtures.extractExecutable,
            [stuck.path, "samples/invoice.pdf", "--schema", "schemas/invoice.schema.json", "--provider", "openai",
             "--base-url", server.baseURL + "/v1", "--model", "test-model", "--no-cache", "--ocr-timeout", "1",
             "--out-dir", out.path],
            environment: ["DOCEXTRACT_TEST_HANG_ON": "stuck-scan"]
        )
        defer { run.killIfRunning() }
        let line = try await run.waitForLine(timeout: .seconds(120)) { $0.contains("stuck-scan.pdf") }
        let elapsed = ContinuousClock.now - started
        // "the OCR engine" (stuck where the hook waits) or, on a starved machine, "the PDF renderer" (the limit
        // covers the page's render too).
        #expect(line.hasPrefix("extract: \(stuck.path): page 1: the "), "\(line)")
        #expect(line.contains(" did not finish the page within the OCR time limit of 1 s (plus a margin of 5 s) and "
            + "its worker was stopped; the file was skipped"), "\(line)")
        #expect(line.contains("--ocr-timeout 2"), "\(line)")
        #expect(elapsed >= .seconds(6), "not stopped before the limit and its margin: \(elapsed)")
        // Starting the tool and its worker is included (seconds, a minute at worst in a full parallel test run);
        // the default limit (120 s) or the request timeout (600 s) would take far longer.
        #expect(elapsed < .seconds(115), "stopped at the 1 s limit, not at 120 s or 600 s: \(elapsed)")
        let status = try await run.waitForExit(timeout: .seconds(120))
        #expect(status == .exited(9), "the stuck file's exit code: \(run.tail())")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["invoice.json", "invoice.report.json"], "the next file was extracted: \(run.tail())")
    }
}
