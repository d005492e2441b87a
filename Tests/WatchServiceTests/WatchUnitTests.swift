import Foundation
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
        let stamp = InboxLayout.Stamp(size: 10, modifiedNanoseconds: 100 * second)
        #expect(tracker.complete(["a.pdf": stamp], reportedComplete: [], now: 101 * second, quietNanoseconds: second)
            .isEmpty, "seen once")
        let grown = InboxLayout.Stamp(size: 20, modifiedNanoseconds: 101 * second)
        #expect(tracker.complete(["a.pdf": grown], reportedComplete: [], now: 102 * second, quietNanoseconds: second)
            .isEmpty, "still growing")
        #expect(tracker.complete(["a.pdf": grown], reportedComplete: [], now: 103 * second, quietNanoseconds: second)
            == ["a.pdf"])
        var fresh = CompletionTracker()
        #expect(fresh.complete(["b.pdf": stamp], reportedComplete: ["b.pdf"], now: 100 * second,
                               quietNanoseconds: second) == ["b.pdf"], "closed after writing")
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
}
