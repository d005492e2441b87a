#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocExtract
import Foundation
import ModelClients
import Testing
@testable import WatchService

/// The watch service's rules, without processes: names, completion, routes, the queue.
@Suite struct WatchUnitTests {
    @Test func onlyCompleteVisiblePDFNamesAreDocuments() {
        #expect(InboxLayout.isDocumentName("invoice.pdf"))
        #expect(InboxLayout.isDocumentName("SCAN.PDF"))
        for name in [".invoice.pdf", "invoice.pdf.part", "invoice.pdf.tmp", "invoice.pdf.crdownload", "notes.txt",
                     "schemas.json"] {
            #expect(!InboxLayout.isDocumentName(name), "\(name)")
        }
    }

    @Test func aFileIsCompleteWhenUnchangedForTwoScansOrReportedClosed() {
        var tracker = CompletionTracker()
        let second: Int64 = 1_000_000_000
        func scan(_ stamps: [String: InboxLayout.Stamp], closed: Set<String> = [], written: Set<String> = [],
                  at now: Int64) -> [String] {
            tracker.complete(stamps, closed: closed, written: written, now: now * second, quiet: second,
                             unclosedQuiet: 30 * second)
        }
        let stamp = InboxLayout.Stamp(size: 10, modifiedNanoseconds: 100 * second)
        #expect(scan(["a.pdf": stamp], at: 101).isEmpty, "seen once")
        let grown = InboxLayout.Stamp(size: 20, modifiedNanoseconds: 101 * second)
        #expect(scan(["a.pdf": grown], at: 102).isEmpty, "still growing")
        #expect(scan(["a.pdf": grown], at: 103) == ["a.pdf"], "nobody seen writing it: two equal scans")

        tracker = CompletionTracker()
        #expect(scan(["b.pdf": stamp], closed: ["b.pdf"], at: 100) == ["b.pdf"], "closed after writing")

        // Created empty and closed, then written in slow chunks through a second open: not done until closed.
        tracker = CompletionTracker()
        let empty = InboxLayout.Stamp(size: 0, modifiedNanoseconds: 100 * second)
        #expect(scan(["c.pdf": empty], closed: ["c.pdf"], at: 100).isEmpty, "an empty close is not enough")
        #expect(scan(["c.pdf": stamp], written: ["c.pdf"], at: 100).isEmpty)
        #expect(scan(["c.pdf": stamp], at: 105).isEmpty, "written, unchanged, but never closed")
        #expect(scan(["c.pdf": grown], closed: ["c.pdf"], at: 106) == ["c.pdf"])

        // An empty file closed and left alone is complete (and will be recorded as a bad PDF).
        tracker = CompletionTracker()
        #expect(scan(["d.pdf": empty], closed: ["d.pdf"], at: 100).isEmpty)
        #expect(scan(["d.pdf": empty], at: 102) == ["d.pdf"])
        // Written but never seen closed: taken after the long quiet period.
        tracker = CompletionTracker()
        #expect(scan(["e.pdf": stamp], written: ["e.pdf"], at: 101).isEmpty)
        #expect(scan(["e.pdf": stamp], at: 120).isEmpty)
        #expect(scan(["e.pdf": stamp], at: 131) == ["e.pdf"])
    }

    @Test func routesMatchSubfoldersPathGlobsAndNameGlobs() {
        #expect(SchemaRoutes.matches("receipts/", "receipts/2024/a.pdf"))
        #expect(!SchemaRoutes.matches("receipts/", "invoices/a.pdf"))
        #expect(SchemaRoutes.matches("*-invoice.pdf", "acme/march-invoice.pdf"))
        #expect(SchemaRoutes.matches("acme/*.pdf", "acme/x.pdf"))
        #expect(!SchemaRoutes.matches("acme/*.pdf", "other/x.pdf"))
    }

    @Test func claimedNamesNeverReuseAnEarlierDocumentsName() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = InboxLayout(inbox: root.appendingPathComponent("in"), outbox: root.appendingPathComponent("out"))
        #expect(layout.uniqueClaimName(for: "acme/a.pdf") == "acme/a.pdf")
        try FileManager.default.createDirectory(at: layout.outbox.appendingPathComponent("acme"),
                                                withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: layout.output("acme/a.pdf"))
        #expect(layout.uniqueClaimName(for: "acme/a.pdf") == "acme/a-2.pdf")
        #expect(layout.uniqueClaimName(for: "a.pdf") == "a.pdf", "another folder is another name")
    }

    @Test func theQueueOffersEachInboxDocumentOnceAndEndsOnClose() async {
        let queue = WorkQueue()
        #expect(queue.offer("a.pdf"))
        #expect(!queue.offer("a.pdf"), "already waiting")
        queue.push(.claimed("b.pdf"))
        #expect(await queue.next() == .inbox("a.pdf"))
        queue.release("a.pdf")
        #expect(queue.offer("a.pdf"), "a new file of the same name")
        #expect(await queue.next() == .claimed("b.pdf"))
        queue.close()
        #expect(await queue.next() == nil)
        #expect(!queue.offer("c.pdf"))
    }

    @Test func failuresAreClassifiedAsTransientPermanentConfigurationOrWorkerCrash() {
        let crash = ExtractError(
            .damagedPDF, "the PDF reader crashed (signal 11, SIGSEGV); the file was skipped (likely a damaged PDF)",
            path: "/in/.processing/a.pdf", page: 2)
        #expect(FailureKind.classify(crash) == .workerCrash(
            reason: "page 2: the PDF reader crashed (signal 11, SIGSEGV); the file was skipped (likely a damaged PDF)",
            signal: "signal 11, SIGSEGV", code: "damagedPDF", exitCode: 4))
        let exited = ExtractError(
            .renderFailed, "the PDF renderer exited unexpectedly (exit code 3); the file was skipped")
        if case .workerCrash(_, let signal, _, let exitCode) = FailureKind.classify(exited) {
            #expect(signal == "exit code 3")
            #expect(exitCode == 6)
        } else {
            Issue.record("an unexpected worker exit is a crash")
        }
        let stuck = ExtractError(.damagedPDF, "the PDF reader did not finish within 600 s and was stopped")
        #expect(FailureKind.classify(stuck) == .permanent(reason: stuck.message, code: "damagedPDF", exitCode: 4))

        let key = ExtractError(.modelConfiguration, "openai/m@h: 401 from h: check OPENAI_API_KEY (said: bad key)")
        #expect(FailureKind.classify(key) == .configuration(reason: key.message, exitCode: 7))
        let missing = ExtractError(.modelConfiguration, "openai/m@h: 404 from h: not found; check the base URL")
        #expect(FailureKind.classify(missing) == .configuration(reason: missing.message, exitCode: 7))
        let unreachable = ExtractError(.modelUnavailable, "openai/m@h: cannot connect to h: connection refused")
        #expect(FailureKind.classify(unreachable) == .transient(reason: unreachable.message))
        let limited = ModelClientError(code: .rateLimited, message: "429 from h: rate limited", status: 429)
        #expect(FailureKind.classify(limited) == .transient(reason: limited.message))
        let rejected = ModelClientError(code: .unauthorized, message: "403 from h", status: 403)
        #expect(FailureKind.classify(rejected) == .configuration(reason: "403 from h", exitCode: 7))
        let tooLong = ExtractError(
            .modelUnavailable, "local/m at 127.0.0.1: 500 from 127.0.0.1: server error after 4 attempt(s); the "
                + "provider may be overloaded, retry later (local/m said: Context size has been exceeded.)")
        if case .permanent(let reason, let code, let exitCode) = FailureKind.classify(tooLong) {
            #expect(reason.hasPrefix("the document does not fit the model's context"))
            #expect(code == "contextExceeded")
            #expect(exitCode == 8)
        } else {
            Issue.record("a prompt too long for the model's context is not retried")
        }
        let bad = ExtractError(.notAPDF, "the file is not a PDF")
        #expect(FailureKind.classify(bad) == .permanent(reason: bad.message, code: "notAPDF", exitCode: 4))
    }

    @Test func longNamesAreShortenedAtACharacterBoundary() {
        #expect(InboxLayout.shortened("acme/short.pdf") == "acme/short.pdf")
        let long = "acme/" + String(repeating: "é", count: 120) + ".PDF"
        let short = InboxLayout.shortened(long)
        #expect(short == "acme/" + String(repeating: "é", count: 90) + ".PDF")
        let stem = (short as NSString).lastPathComponent.dropLast(4)
        #expect(stem.utf8.count <= InboxLayout.maximumStemBytes)
        #expect(DurableFile.prefix(of: "aé", bytes: 2) == "a", "never half a character")
    }

    @Test func aPathThroughALinkedFolderIsNotReal() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = InboxLayout(inbox: root.appendingPathComponent("in"), outbox: root.appendingPathComponent("out"))
        try FileManager.default.createDirectory(at: layout.inbox.appendingPathComponent("acme/2024"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("elsewhere"),
                                                withIntermediateDirectories: true)
        #expect(symlink(root.appendingPathComponent("elsewhere").path,
                        layout.inbox.appendingPathComponent("linked").path) == 0)
        #expect(layout.foldersAreReal("a.pdf"))
        #expect(layout.foldersAreReal("acme/2024/a.pdf"))
        #expect(!layout.foldersAreReal("linked/a.pdf"))
        #expect(!layout.foldersAreReal("missing/a.pdf"))
        #expect(layout.scan().skipped == ["linked"], "a linked folder is reported, not descended into")
    }

    @Test func logLinesEscapeControlCharacters() {
        #expect(FolderWatcher.printable("watch: a.pdf: success") == "watch: a.pdf: success")
        #expect(FolderWatcher.printable("watch: new\nline\t.pdf") == "watch: new\\u{a}line\\u{9}.pdf")
        #expect(FolderWatcher.printable("watch: Ünïcødé.pdf") == "watch: Ünïcødé.pdf")
    }

    @Test func theFileDeadlineReturnsTheResultOrGivesUpOnAHungOperation() async throws {
        #expect(try await FileDeadline.run(limit: .seconds(30)) { 42 } == 42)
        #expect(try await FileDeadline.run(limit: nil) { "no limit" } == "no limit")
        let started = ContinuousClock.now
        // An operation that ignores cancellation (it answers only after 300 s, from a dispatch queue, so no
        // cooperative thread is blocked): the caller still gets its answer at the limit. The bound below is loose
        // because a full parallel test run can starve the cooperative pool for seconds (11.6 s measured).
        await #expect(throws: FileDeadline.Expired.self) {
            try await FileDeadline.run(limit: .milliseconds(200)) { () async throws -> Int in
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 300) { continuation.resume(returning: 1) }
                }
            }
        }
        #expect(ContinuousClock.now - started < .seconds(120), "given up long before the operation answered")
        await #expect(throws: CancellationError.self) {
            try await FileDeadline.run(limit: .seconds(30)) { () async throws -> Int in throw CancellationError() }
        }
    }
}
