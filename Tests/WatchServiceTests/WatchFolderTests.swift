#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExtractTestSupport
import Foundation
import JSONCore
import Synchronization
import Testing

/// `extract watch` run as a user runs it: real folders, the real executable, kill -9 and SIGTERM, and a
/// loopback server speaking the OpenAI API in place of the model.
@Suite(.serialized) struct WatchFolderTests {
    static let expected = try! String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)
    static let invoice = try! Data(contentsOf: Fixtures.sample("invoice.pdf"))

    /// A temporary folder with `inbox/`, `outbox/` and `cache/`, removed at the end.
    struct Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        var inbox: URL { root.appendingPathComponent("inbox") }
        var outbox: URL { root.appendingPathComponent("outbox") }
        var cache: URL { root.appendingPathComponent("cache") }

        init() throws {
            for folder in [inbox, outbox, cache] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// Regular files under `folder` (relative paths), hidden ones excluded, optionally by suffix.
        func files(in folder: URL, suffix: String = "") -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path,
                                               isDirectory: &isFolder)
                let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
                if !isFolder.boolValue, !hidden, relative.hasSuffix(suffix) { found.append(relative) }
            }
            return found.sorted()
        }

        /// PDFs still in the inbox itself (not in processed/, failed/).
        func waitingInInbox() -> [String] {
            files(in: inbox, suffix: ".pdf").filter { !$0.hasPrefix("processed/") && !$0.hasPrefix("failed/") }
        }

        func claimed() -> [String] { files(in: inbox.appendingPathComponent(".processing"), suffix: ".pdf") }
    }

    /// A fake model answering every request with the expected invoice after `delay`.
    private func modelServer(delay: Duration) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { _ in
            var answer = RecordedModelAnswers.openAIChatCompletion(content: Self.expected)
            answer.delay = delay
            return answer
        }
    }

    private func startWatcher(_ workspace: Workspace, _ server: LoopbackHTTPServer, extra: [String] = [])
        async throws -> LongRunningProcess
    {
        let watcher = try LongRunningProcess(Fixtures.extractExecutable, [
            "watch", workspace.inbox.path, "--schema", "schemas/invoice.schema.json", "--out", workspace.outbox.path,
            "--workers", "2", "--poll", "0.2", "--summary-every", "1", "--retry-delay", "0.2",
            "--provider", "openai", "--base-url", server.baseURL + "/v1", "--model", "test-model",
            "--cache-dir", workspace.cache.path,
        ] + extra)
        try await watcher.waitForLine(timeout: .seconds(60), "the watcher to start") { $0.contains("watch: watching") }
        return watcher
    }

    /// The invoice with a comment after `%%EOF`, so each copy has its own bytes (and its own cache entries).
    private static func uniqueInvoice(_ number: Int) -> Data {
        invoice + Data("\n% copy \(number)\n".utf8)
    }

    @Test func twentyFilesKillNineAndRestartGiveExactlyOneResultEach() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer(delay: .milliseconds(400))
        defer { server.stop() }

        var good: [String: Data] = [:]
        for number in 1...12 { good[String(format: "invoice-%02d.pdf", number)] = Self.uniqueInvoice(number) }
        // Same names in a subfolder: distinct documents, distinct outputs.
        for number in 1...3 { good[String(format: "acme/invoice-%02d.pdf", number)] = Self.uniqueInvoice(100 + number) }
        let slow = ["slow-1.pdf": Self.uniqueInvoice(201), "slow-2.pdf": Self.uniqueInvoice(202)]
        let corrupt = ["truncated.pdf", "not-a-pdf.pdf", "empty.pdf"]
        try FileManager.default.createDirectory(at: workspace.inbox.appendingPathComponent("acme"),
                                                withIntermediateDirectories: true)

        // Without the stage cache every document asks the (slow) model, so the kill surely comes mid-batch.
        var watcher = try await startWatcher(workspace, server, extra: ["--no-cache"])
        defer { watcher.killIfRunning() }
        let started = ContinuousClock.now
        let inbox = workspace.inbox
        // Drop the files while the watcher runs: some written in place, some through a `.part` name renamed
        // when complete, two copied slowly in chunks with the file kept open.
        let slowCopies = Task {
            for (name, data) in slow.sorted(by: { $0.key < $1.key }) {
                let url = inbox.appendingPathComponent(name)
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                let handle = try FileHandle(forWritingTo: url)
                let chunk = data.count / 4 + 1
                for start in stride(from: 0, to: data.count, by: chunk) {
                    try handle.write(contentsOf: data[start..<min(data.count, start + chunk)])
                    try await Task.sleep(for: .milliseconds(350))
                }
                try handle.close()
            }
        }
        for (index, (name, data)) in good.sorted(by: { $0.key < $1.key }).enumerated() {
            let url = inbox.appendingPathComponent(name)
            if index.isMultiple(of: 2) {
                try data.write(to: url)
            } else {
                let partial = url.appendingPathExtension("part")
                try data.write(to: partial)
                #expect(rename(partial.path, url.path) == 0)
            }
        }
        for name in corrupt {
            try Data(contentsOf: Fixtures.sample("bad/" + name)).write(to: inbox.appendingPathComponent(name))
        }

        // kill -9 in the middle of the batch.
        try await LongRunningProcess.waitUntil(timeout: .seconds(120), "5 documents processed",
                                               context: { watcher.tail() }) {
            workspace.files(in: inbox.appendingPathComponent("processed"), suffix: ".pdf").count >= 5
        }
        watcher.send(SIGKILL)
        #expect(try await watcher.waitForExit(timeout: .seconds(30)) == .signalled(SIGKILL))
        let doneAtKill = workspace.files(in: inbox.appendingPathComponent("processed"), suffix: ".pdf").count
        let claimedAtKill = workspace.claimed().count
        #expect(doneAtKill < good.count + slow.count, "the kill came mid-batch")
        // No half-written file under a final name.
        for name in workspace.files(in: workspace.outbox, suffix: ".json") {
            #expect((try? JSONValue(parsing: Data(contentsOf: workspace.outbox.appendingPathComponent(name)))) != nil,
                    "\(name) is complete")
        }
        try await slowCopies.value

        watcher = try await startWatcher(workspace, server, extra: ["--no-cache"])
        let total = good.count + slow.count + corrupt.count
        try await LongRunningProcess.waitUntil(timeout: .seconds(180), "every document to be finished",
                                               context: { watcher.tail() }) {
            let processed = workspace.files(in: inbox.appendingPathComponent("processed"), suffix: ".pdf").count
            let failed = workspace.files(in: inbox.appendingPathComponent("failed"), suffix: ".pdf").count
            return processed + failed == total && workspace.waitingInInbox().isEmpty && workspace.claimed().isEmpty
        }
        let elapsed = ContinuousClock.now - started
        try await watcher.waitForLine(timeout: .seconds(10), "a summary") { $0.contains("watch: summary") }
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")

        // Exactly one output (and report) per good document, none for the corrupt ones.
        let goodNames = Set(good.keys).union(slow.keys)
        let stems = goodNames.map { String($0.dropLast(4)) }
        let outputs = workspace.files(in: workspace.outbox, suffix: ".json").filter { !$0.hasSuffix(".report.json") }
        #expect(outputs == stems.map { $0 + ".json" }.sorted())
        #expect(workspace.files(in: workspace.outbox, suffix: ".report.json")
            == stems.map { $0 + ".report.json" }.sorted())
        let expectedValue = try JSONValue(parsing: Self.expected)
        for output in outputs {
            let value = try JSONValue(parsing: Data(contentsOf: workspace.outbox.appendingPathComponent(output)))
            #expect(value == expectedValue, "\(output)")
        }
        // Every input is in processed/ or failed/, byte for byte.
        let processedFolder = inbox.appendingPathComponent("processed")
        #expect(workspace.files(in: processedFolder, suffix: ".pdf") == goodNames.sorted())
        for (name, data) in good.merging(slow, uniquingKeysWith: { first, _ in first }) {
            #expect((try? Data(contentsOf: processedFolder.appendingPathComponent(name))) == data, "\(name)")
        }
        let failedFolder = inbox.appendingPathComponent("failed")
        #expect(workspace.files(in: failedFolder, suffix: ".pdf") == corrupt.sorted())
        for name in corrupt {
            let record = try JSONValue(parsing: Data(contentsOf: failedFolder.appendingPathComponent(
                String(name.dropLast(4)) + ".error.json")))
            #expect(record["reason"]?.stringValue?.isEmpty == false, "\(name): \(record)")
            #expect(record["exit_code"] == .number(JSONNumber(4)), "\(name): \(record)")
            #expect(record["kind"]?.stringValue == "permanent")
        }
        // A log line per document, with pages, routing, time and tokens.
        let lines = watcher.standardErrorLines
        #expect(lines.contains { $0.contains("watch: slow-1.pdf: success — 1 page (text layer 1, OCR 0)")
            && $0.contains("tokens") } || lines.contains { $0.contains("slow-1.pdf: processed") })
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        for line in watcher.standardErrorLines.prefix(6) { print("  " + line) }
        print("watch: 20 documents (3 corrupt, 2 slow, 1 kill -9) in \(String(format: "%.1f", seconds)) s = "
              + String(format: "%.1f", 20 / seconds * 60) + " documents/min; \(doneAtKill) done and \(claimedAtKill) "
              + "claimed at the kill; "
              + "\(server.statistics.requestsReceived) model requests")
    }

    @Test func routesTransientFailuresNameCollisionsAndPartialNames() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // The first eight model requests fail with 500 (transient once the client's own retries are used up);
        // then the model answers.
        let failures = Mutex(0)
        let server = try LoopbackHTTPServer { _ in
            let failing = failures.withLock { count -> Bool in
                count += 1
                return count <= 8
            }
            return failing ? RecordedModelAnswers.openAIServerError()
                : RecordedModelAnswers.openAIChatCompletion(content: Self.expected)
        }
        defer { server.stop() }
        // schemas.json: everything under receipts/ gets a schema only the invoice answer fails.
        let strict = workspace.root.appendingPathComponent("strict.schema.json")
        try #"{"type": "object", "required": ["never_there"]}"#.write(to: strict, atomically: true, encoding: .utf8)
        let routes = #"{"routes": [{"match": "receipts/", "schema": "\#(strict.path)"}]}"#
        try routes.write(to: workspace.inbox.appendingPathComponent("schemas.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: workspace.inbox.appendingPathComponent("receipts"),
                                                withIntermediateDirectories: true)

        let watcher = try await startWatcher(workspace, server, extra: ["--no-inotify"])
        defer { watcher.killIfRunning() }
        let inbox = workspace.inbox
        try Self.uniqueInvoice(1).write(to: inbox.appendingPathComponent("a.pdf"))
        try Self.uniqueInvoice(2).write(to: inbox.appendingPathComponent("receipts/a.pdf"))
        // Partial and hidden names are left alone.
        try Self.uniqueInvoice(3).write(to: inbox.appendingPathComponent("b.pdf.crdownload"))
        try Self.uniqueInvoice(4).write(to: inbox.appendingPathComponent(".c.pdf"))
        try Self.uniqueInvoice(5).write(to: inbox.appendingPathComponent("d.pdf.tmp"))
        let processed = inbox.appendingPathComponent("processed")
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "a.pdf processed", context: { watcher.tail() }) {
            FileManager.default.fileExists(atPath: processed.appendingPathComponent("a.pdf").path)
                && FileManager.default.fileExists(atPath: inbox.appendingPathComponent("failed/receipts/a.pdf").path)
        }
        #expect(watcher.standardErrorLines.contains { $0.contains("transient failure, retry") })
        // The same name again, a different document: a second output, the first untouched.
        try Self.uniqueInvoice(6).write(to: inbox.appendingPathComponent("a.pdf"))
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "the second a.pdf", context: { watcher.tail() }) {
            FileManager.default.fileExists(atPath: processed.appendingPathComponent("a-2.pdf").path)
        }
        watcher.send(SIGINT)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")

        #expect(workspace.files(in: workspace.outbox) == ["a-2.json", "a-2.report.json", "a.json", "a.report.json"])
        #expect((try? Data(contentsOf: processed.appendingPathComponent("a.pdf"))) == Self.uniqueInvoice(1))
        #expect((try? Data(contentsOf: processed.appendingPathComponent("a-2.pdf"))) == Self.uniqueInvoice(6))
        let record = try JSONValue(
            parsing: Data(contentsOf: inbox.appendingPathComponent("failed/receipts/a.error.json")))
        #expect(record["exit_code"] == .number(JSONNumber(8)))
        #expect(record["schema"]?.stringValue == strict.path)
        for name in ["b.pdf.crdownload", ".c.pdf", "d.pdf.tmp"] {
            #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent(name).path), "\(name) ignored")
        }
    }

    @Test func sigtermLetsTheDocumentInProgressFinishAndStartsNoOther() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer(delay: .seconds(2))
        defer { server.stop() }
        let watcher = try await startWatcher(workspace, server, extra: ["--workers", "1", "--no-cache"])
        defer { watcher.killIfRunning() }
        for number in 1...3 {
            try Self.uniqueInvoice(300 + number).write(to: workspace.inbox.appendingPathComponent("doc-\(number).pdf"))
        }
        // The model is asked: one document is in progress.
        await server.wait { $0.requestsReceived >= 1 }
        #expect(workspace.claimed().count == 1)
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
        let outputs = workspace.files(in: workspace.outbox, suffix: ".json").filter { !$0.hasSuffix(".report.json") }
        #expect(outputs.count == 1, "the document in progress finished")
        #expect(workspace.files(in: workspace.inbox.appendingPathComponent("processed"), suffix: ".pdf").count == 1)
        #expect(workspace.claimed().isEmpty)
        #expect(workspace.waitingInInbox().count == 2, "the others were not started and stay in the inbox")
        #expect(server.statistics.requestsReceived == 1)
    }

    @Test func aRestartFinishesWhatACrashLeftAndSetsPoisonFilesAside() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let server = try modelServer(delay: .zero)
        defer { server.stop() }
        let processing = workspace.inbox.appendingPathComponent(".processing")
        try FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        // Killed after writing the outputs, before moving the input.
        try Self.uniqueInvoice(401).write(to: processing.appendingPathComponent("written.pdf"))
        try Data(Self.expected.utf8).write(to: workspace.outbox.appendingPathComponent("written.json"))
        // Killed while reading it, three times already.
        try Self.uniqueInvoice(402).write(to: processing.appendingPathComponent("poison.pdf"))
        try Data("3\n".utf8).write(to: processing.appendingPathComponent(".poison.pdf.starts"))
        // Killed while reading it once: read again.
        try Self.uniqueInvoice(403).write(to: processing.appendingPathComponent("again.pdf"))
        try Data("1\n".utf8).write(to: processing.appendingPathComponent(".again.pdf.starts"))
        // A temporary output a killed watcher left behind.
        try Data("{".utf8).write(to: workspace.outbox.appendingPathComponent(".again.json.tmp-1-x"))

        let watcher = try await startWatcher(workspace, server)
        defer { watcher.killIfRunning() }
        try await LongRunningProcess.waitUntil(timeout: .seconds(60), "the claims to be finished",
                                               context: { watcher.tail() }) { workspace.claimed().isEmpty }
        watcher.send(SIGTERM)
        #expect(try await watcher.waitForExit(timeout: .seconds(60)) == .exited(0), "\(watcher.tail())")
        let inbox = workspace.inbox
        #expect(workspace.files(in: inbox.appendingPathComponent("processed")) == ["again.pdf", "written.pdf"])
        #expect(workspace.files(in: inbox.appendingPathComponent("failed")) == ["poison.error.json", "poison.pdf"])
        let record = try JSONValue(parsing: Data(contentsOf: inbox.appendingPathComponent("failed/poison.error.json")))
        #expect(record["code"]?.stringValue == "interrupted")
        #expect(workspace.files(in: workspace.outbox) == ["again.json", "again.report.json", "written.json"])
        let temporary = workspace.outbox.appendingPathComponent(".again.json.tmp-1-x")
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(server.statistics.requestsReceived == 1, "only again.pdf asked the model")
        #expect(!FileManager.default.fileExists(atPath: processing.appendingPathComponent(".again.pdf.starts").path))
    }
}
