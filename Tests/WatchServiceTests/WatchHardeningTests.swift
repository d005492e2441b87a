#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// `extract watch` against what goes wrong in production: review pages, a document that crashes the PDF
/// worker (and a restart in between), one that hangs, a rejected API key, and hostile file names and links.
/// Real folders, the real executable and its real worker processes; the model is a loopback server.
@Suite(.serialized) struct WatchHardeningTests {
    typealias Workspace = WatchFolderTests.Workspace

    /// A fake model answering every request with the expected invoice.
    private func modelServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIChatCompletion(content: WatchFolderTests.expected) }
    }

    private func startWatcher(
        _ workspace: Workspace, _ server: LoopbackHTTPServer, extra: [String] = [],
        environment: [String: String] = [:]
    ) async throws -> LongRunningProcess {
        let watcher = try LongRunningProcess(Fixtures.extractExecutable, [
            "watch", workspace.inbox.path, "--schema", "schemas/invoice.schema.json", "--out", workspace.outbox.path,
            "--workers", "2", "--poll", "0.2", "--summary-every", "60", "--retry-delay", "0.2",
            "--provider", "openai", "--base-url", server.baseURL + "/v1", "--model", "test-model",
            "--cache-dir", workspace.cache.path,
        ] + extra, environment: environment)
        try await watcher.waitForLine(timeout: .seconds(60), "the watcher to start") { $0.contains("watch: watching") }
        return watcher
    }

    /// The sample invoice (one page) with its own bytes.
    private static func invoice(_ number: Int) -> Data {
        WatchFolderTests.invoice + Data("\n% hardening copy \(number)\n".utf8)
    }

    /// A valid two-page PDF: the worker test hooks crash or hang on its page 2, which the one-page invoices
    /// never reach.
    private static func twoPages(_ label: String) -> Data {
        MinimalPDF(pages: [
            MinimalPDF.Page(lines: ["Invoice \(label)", "Total 10.00 EUR"]),
            MinimalPDF.Page(lines: ["Page two of \(label)"]),
        ]).data()
    }

    private static func record(_ url: URL) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: url))
    }

    private static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    @Test func reviewDirGetsOneSelfContainedPagePerProcessedDocument() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        let reviews = workspace.root.appendingPathComponent("reviews")
        let watcher = try await startWatcher(workspace, server, extra: ["--review-dir", reviews.path])
        defer { watcher.killIfRunning() }
        let inbox = workspace.inbox
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("acme"),
                                                withIntermediateDirectories: true)
        try Self.invoice(1).write(to: inbox.appendingPathComponent("a.pdf"))
        try Self.invoice(2).write(to: inbox.appendingPathComponent("acme/b.pdf"))
        try Data("not a pdf".utf8).write(to: inbox.appendingPathComponent("bad.pdf"))
        let processed = inbox.appendingPathComponent("processed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(90), "both invoices processed",
                                               context: { watcher.tail() }) {
            Self.exists(processed.appendingPathComponent("a.pdf"))
                && Self.exists(processed.appendingPathComponent("acme/b.pdf"))
                && Self.exists(inbox.appendingPathComponent("failed/bad.pdf"))
        }
        // Written before the input moved on, so present the moment the input is in processed/.
        #expect(workspace.files(in: reviews) == ["a.review.html", "acme/b.review.html"])
        for name in ["a.review.html", "acme/b.review.html"] {
            let html = try String(contentsOf: reviews.appendingPathComponent(name), encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"), "\(name)")
            #expect(html.contains("INV-2024-00417"), "\(name) shows the extracted invoice number")
            #expect(html.contains("data:image/png;base64,"), "\(name) embeds its page image")
            #expect(!html.contains("src=\"http"), "\(name) loads nothing from the network")
            #expect(html.contains("Content-Security-Policy"), "\(name)")
        }
        // No hidden temporary file is left beside them.
        let names = try FileManager.default.contentsOfDirectory(atPath: reviews.path)
        #expect(names.sorted() == ["a.review.html", "acme"])
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func aDocumentThatCrashesTheWorkerTwiceIsSetAsideAndTheBatchGoesOn() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        let watcher = try await startWatcher(
            workspace, server, environment: ["DOCEXTRACT_TEST_CRASH_PAGE": "2", "DOCEXTRACT_TEST_CRASH_SIGNAL": "11"])
        defer { watcher.killIfRunning() }
        let inbox = workspace.inbox
        try Self.twoPages("crash").write(to: inbox.appendingPathComponent("crash.pdf"))
        for number in 1...3 {
            try Self.invoice(10 + number).write(to: inbox.appendingPathComponent("good-\(number).pdf"))
        }
        let processed = inbox.appendingPathComponent("processed")
        let failed = inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(120), "the batch to be finished",
                                               context: { watcher.tail() }) {
            workspace.files(in: processed, suffix: ".pdf").count == 3
                && Self.exists(failed.appendingPathComponent("crash.error.json"))
                && Self.exists(failed.appendingPathComponent("crash.pdf"))
        }
        let record = try Self.record(failed.appendingPathComponent("crash.error.json"))
        let reason = record["reason"]?.stringValue ?? ""
        #expect(reason.hasPrefix("crashed the PDF worker twice: signal 11"), "\(record)")
        #expect(reason.contains("SIGSEGV"), "\(record)")
        #expect(record["code"]?.stringValue == "workerCrashed")
        #expect(record["worker_crashes"] == .number(JSONNumber(2)))
        #expect(record["exit_code"] == .number(JSONNumber(4)), "a crash while reading the text layer: exit 4")
        #expect(Self.exists(failed.appendingPathComponent("crash.pdf")))
        let lines = watcher.standardErrorLines
        #expect(lines.filter { $0.contains("crash.pdf: the evidence worker crashed, retrying once") }.count == 1,
                "\(watcher.tail(30))")
        #expect(workspace.files(in: processed, suffix: ".pdf") == ["good-1.pdf", "good-2.pdf", "good-3.pdf"])
        #expect(workspace.files(in: workspace.outbox, suffix: ".json").filter { !$0.hasSuffix(".report.json") }
            == ["good-1.json", "good-2.json", "good-3.json"])
        #expect(workspace.claimed().isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: inbox.appendingPathComponent(".processing").path)
        #expect(leftovers.isEmpty, "no counter is left behind: \(leftovers)")
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func theWorkerCrashCountSurvivesARestart() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        // A watcher that saw crash.pdf crash its worker once, then died (kill -9, power loss) before reading it
        // again: the claim and its durable crash counter are what it left.
        let processing = workspace.inbox.appendingPathComponent(".processing")
        try FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        try Self.twoPages("again").write(to: processing.appendingPathComponent("crash.pdf"))
        try Data("1\n".utf8).write(to: processing.appendingPathComponent(".crash.pdf.crashes"))
        try Self.invoice(21).write(to: workspace.inbox.appendingPathComponent("good.pdf"))
        let watcher = try await startWatcher(
            workspace, server, environment: ["DOCEXTRACT_TEST_CRASH_PAGE": "2", "DOCEXTRACT_TEST_CRASH_SIGNAL": "11"])
        defer { watcher.killIfRunning() }
        let failed = workspace.inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(90), "crash.pdf set aside and good.pdf processed",
                                               context: { watcher.tail() }) {
            Self.exists(failed.appendingPathComponent("crash.error.json"))
                && Self.exists(workspace.inbox.appendingPathComponent("processed/good.pdf"))
        }
        let record = try Self.record(failed.appendingPathComponent("crash.error.json"))
        #expect(record["reason"]?.stringValue?.hasPrefix("crashed the PDF worker twice: signal 11") == true,
                "\(record)")
        #expect(!watcher.standardErrorLines.contains {
            $0.contains("crash.pdf: the evidence worker crashed, retrying")
        }, "the crash before the restart counted: no second retry")
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func aHangingDocumentTimesOutAndTheOthersGoOn() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        let watcher = try await startWatcher(
            // 20 s: long enough for the good invoices on a loaded 2-core machine running the whole suite (3 s
            // timed them out there), and the hang is endless, so any limit detects it.
            workspace, server, extra: ["--file-timeout", "20"], environment: ["DOCEXTRACT_TEST_HANG_PAGE": "2"])
        defer { watcher.killIfRunning() }
        let inbox = workspace.inbox
        try Self.twoPages("hang").write(to: inbox.appendingPathComponent("hang.pdf"))
        for number in 1...2 {
            try Self.invoice(30 + number).write(to: inbox.appendingPathComponent("ok-\(number).pdf"))
        }
        let failed = inbox.appendingPathComponent("failed")
        let processed = inbox.appendingPathComponent("processed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(180), "hang.pdf given up, the others processed",
                                               context: { watcher.tail() }) {
            // The record is made durable before the input is moved beside it, so wait for both.
            Self.exists(failed.appendingPathComponent("hang.error.json"))
                && Self.exists(failed.appendingPathComponent("hang.pdf"))
                && workspace.files(in: processed, suffix: ".pdf").count == 2
        }
        let record = try Self.record(failed.appendingPathComponent("hang.error.json"))
        #expect(record["reason"]?.stringValue?.hasPrefix("timed out after 20 s") == true, "\(record)")
        #expect(record["code"]?.stringValue == "timedOut")
        #expect(record["exit_code"] == .number(JSONNumber(9)))
        #expect(Self.exists(failed.appendingPathComponent("hang.pdf")))
        // The stuck worker is killed by its request timeout shortly after; shutdown does not wait for ever.
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func aRejectedKeyFailsTheDocumentLoudlyInsteadOfRetryingForever() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIInvalidKey() }
        defer { server.stop() }
        let watcher = try await startWatcher(workspace, server)
        defer { watcher.killIfRunning() }
        try Self.invoice(41).write(to: workspace.inbox.appendingPathComponent("a.pdf"))
        let failed = workspace.inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "a.pdf failed", context: { watcher.tail() }) {
            Self.exists(failed.appendingPathComponent("a.error.json"))
        }
        let record = try Self.record(failed.appendingPathComponent("a.error.json"))
        #expect(record["code"]?.stringValue == "configuration", "\(record)")
        #expect(record["kind"]?.stringValue == "configuration")
        #expect(record["reason"]?.stringValue?.contains("401 from 127.0.0.1") == true, "\(record)")
        #expect(record["exit_code"] == .number(JSONNumber(7)))
        let lines = watcher.standardErrorLines
        #expect(lines.contains { $0.contains("CONFIGURATION PROBLEM") && $0.contains("401") }, "\(watcher.tail())")
        #expect(!lines.contains { $0.contains("transient failure, retry") }, "a rejected key is not retried")
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func aMissingModelIsAConfigurationProblemButARateLimitStaysTransient() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // The server does not have the model asked for.
        let server = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.openAIError(status: 404, message: "The model `test-model` does not exist")
        }
        defer { server.stop() }
        let watcher = try await startWatcher(workspace, server)
        defer { watcher.killIfRunning() }
        try Self.invoice(51).write(to: workspace.inbox.appendingPathComponent("a.pdf"))
        let failed = workspace.inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "a.pdf failed", context: { watcher.tail() }) {
            Self.exists(failed.appendingPathComponent("a.error.json"))
        }
        let record = try Self.record(failed.appendingPathComponent("a.error.json"))
        #expect(record["code"]?.stringValue == "configuration", "\(record)")
        #expect(record["reason"]?.stringValue?.contains("404 from 127.0.0.1") == true, "\(record)")
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")

        // A prompt too long for the model's context (llama-server's 500): the same every time, so not retried.
        let small = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.openAIError(status: 500, message: "Context size has been exceeded.",
                                             type: "exceed_context_size_error")
        }
        defer { small.stop() }
        let third = try await startWatcher(workspace, small)
        defer { third.killIfRunning() }
        try Self.invoice(53).write(to: workspace.inbox.appendingPathComponent("long.pdf"))
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "long.pdf failed", context: { third.tail() }) {
            Self.exists(failed.appendingPathComponent("long.error.json"))
        }
        let long = try Self.record(failed.appendingPathComponent("long.error.json"))
        #expect(long["code"]?.stringValue == "contextExceeded", "\(long)")
        #expect(!third.standardErrorLines.contains { $0.contains("transient failure, retry") })
        third.send(SIGTERM)
        #expect(try await third.waitForExit(timeout: .seconds(60)) == .exited(0), "\(third.tail())")

        // Rate limited: the document stays claimed and is retried, never failed.
        let limited = try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIRateLimited(retryAfterSeconds: 0) }
        defer { limited.stop() }
        let again = try await startWatcher(workspace, limited)
        defer { again.killIfRunning() }
        try Self.invoice(52).write(to: workspace.inbox.appendingPathComponent("b.pdf"))
        try await again.waitForLine(timeout: .seconds(60), "a transient retry") {
            $0.contains("b.pdf: transient failure, retry 2")
        }
        #expect(!Self.exists(failed.appendingPathComponent("b.error.json")))
        #expect(workspace.claimed() == ["b.pdf"])
        again.send(SIGTERM)
        #expect(try await again.waitForExit(timeout: .seconds(60)) == .exited(0), "\(again.tail())")
    }

    @Test func hostileNamesAreProcessedInPlaceAndLinksAreNeverFollowed() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        // Outside the inbox: a PDF and a folder with a PDF, reachable only through links.
        let outside = workspace.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("folder"),
                                                withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.pdf")
        try Self.invoice(60).write(to: secret)
        try Self.invoice(61).write(to: outside.appendingPathComponent("folder/inner.pdf"))
        let before = workspace.files(in: outside)

        let longName = String(repeating: "ü", count: 120) + ".pdf"   // 244 bytes: fits, but its outputs would not
        let names = ["with space.pdf", "new\nline.pdf", "Ünïcødé € 日本.pdf", "-rf.pdf", "--help.pdf", "x..pdf",
                     "a..b.pdf", "∕..∕..∕etc∕passwd.pdf", #"a\..\b.pdf"#, longName]
        // Names starting with a dot are hidden files: left alone, like every hidden name.
        let hidden = ["..pdf", "...pdf"]
        let watcher = try await startWatcher(workspace, server)
        defer { watcher.killIfRunning() }
        let inbox = workspace.inbox
        for (index, name) in (names + hidden).enumerated() {
            try Self.invoice(70 + index).write(to: inbox.appendingPathComponent(name))
        }
        #expect(symlink(secret.path, inbox.appendingPathComponent("linked.pdf").path) == 0)
        let linkedFolder = inbox.appendingPathComponent("linked-folder")
        #expect(symlink(outside.appendingPathComponent("folder").path, linkedFolder.path) == 0)
        let dangling = inbox.appendingPathComponent("dangling.pdf")
        #expect(symlink(outside.appendingPathComponent("gone.pdf").path, dangling.path) == 0)
        let processed = inbox.appendingPathComponent("processed")
        let failed = inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(120), "every name handled",
                                               context: { watcher.tail() }) {
            workspace.files(in: processed, suffix: ".pdf").count == names.count
                && Self.exists(failed.appendingPathComponent("linked.error.json"))
                && Self.exists(failed.appendingPathComponent("dangling.error.json"))
        }
        try await watcher.waitForLine(timeout: .seconds(10), "the linked folder skipped") {
            $0.contains("linked-folder: skipped")
        }
        // Every regular file, whatever its name, has its outputs under that name (the long one shortened).
        let shortStem = String(repeating: "ü", count: 90)
        let stems = names.filter { $0 != longName }.map { String($0.dropLast(4)) } + [shortStem]
        let outputs = workspace.files(in: workspace.outbox, suffix: ".json").filter { !$0.hasSuffix(".report.json") }
        #expect(outputs == stems.map { $0 + ".json" }.sorted())
        #expect(workspace.files(in: processed, suffix: ".pdf")
            == (names.filter { $0 != longName } + [shortStem + ".pdf"]).sorted())
        #expect(watcher.standardErrorLines.contains {
            $0.contains("claimed as \(shortStem).pdf (its name is longer than 180 bytes)")
        })
        for name in hidden {
            #expect(try Data(contentsOf: inbox.appendingPathComponent(name)) == Self.invoice(70 + names.count
                + hidden.firstIndex(of: name)!), "\(name) is hidden and left alone")
        }
        // A newline in a name never splits a log line.
        #expect(watcher.standardErrorLines.contains { $0.contains("new\\u{a}line.pdf: success") },
                "\(watcher.tail(30))")

        // The links were moved as links: their targets are where they were, unchanged, and were never read.
        let record = try Self.record(failed.appendingPathComponent("linked.error.json"))
        #expect(record["reason"]?.stringValue?.contains("is a symbolic link (to \(secret.path))") == true, "\(record)")
        #expect(record["code"]?.stringValue == "notAFile")
        #expect((try? FileManager.default.destinationOfSymbolicLink(
            atPath: failed.appendingPathComponent("linked.pdf").path)) == secret.path)
        #expect(try Data(contentsOf: secret) == Self.invoice(60))
        #expect(workspace.files(in: outside) == before, "nothing outside the inbox moved or appeared")
        #expect((try? FileManager.default.destinationOfSymbolicLink(
            atPath: inbox.appendingPathComponent("linked-folder").path)) != nil, "the linked folder is left alone")
        #expect(!outputs.contains { $0.contains("secret") || $0.contains("inner") || $0.contains("linked") })
        #expect(server.statistics.requestsReceived == names.count, "only the regular files were read")
        // Nothing was written anywhere but the outbox and the inbox's own folders.
        let top = try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).sorted()
        #expect(top == ["cache", "inbox", "outbox", "outside"])
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }

    @Test func aLinkPlantedInTheOutboxIsNeverWrittenThrough() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer()
        defer { server.stop() }
        // The inbox's subfolder `sub` is mirrored in the outbox, where someone made `sub` a link to a folder
        // outside it.
        let outside = workspace.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace.outbox, withIntermediateDirectories: true)
        #expect(symlink(outside.path, workspace.outbox.appendingPathComponent("sub").path) == 0)
        let watcher = try await startWatcher(workspace, server)
        defer { watcher.killIfRunning() }
        let sub = workspace.inbox.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Self.invoice(90).write(to: sub.appendingPathComponent("a.pdf"))
        try Self.invoice(91).write(to: workspace.inbox.appendingPathComponent("b.pdf"))
        let failed = workspace.inbox.appendingPathComponent("failed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(120), "sub/a.pdf failed, b.pdf processed",
                                               context: { watcher.tail() }) {
            Self.exists(failed.appendingPathComponent("sub/a.error.json"))
                && Self.exists(failed.appendingPathComponent("sub/a.pdf"))
                && Self.exists(workspace.outbox.appendingPathComponent("b.json"))
        }
        let record = try Self.record(failed.appendingPathComponent("sub/a.error.json"))
        #expect(record["reason"]?.stringValue?.contains("is a symbolic link inside the output folder") == true,
                "\(record)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty,
                "nothing was written through the link")
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
    }
}
