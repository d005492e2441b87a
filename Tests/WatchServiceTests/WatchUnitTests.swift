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
}
