import ExtractCore
import ExtractTestSupport
import Foundation
import Testing

/// `extract inspect` run as a user runs it: the real executable, real files, exit codes and output.
@Suite struct InspectCommandTests {
    let extract = CommandRunner()

    static let badInputs: [(String, Int32, String)] = [
        ("samples/bad/empty.pdf", 4, "empty"),
        ("samples/bad/truncated.pdf", 4, "damaged or truncated"),
        ("samples/bad/not-a-pdf.pdf", 4, "not a PDF"),
        ("samples/bad/png-as-pdf.pdf", 4, "not a PDF"),
        ("samples/bad/garbage.pdf", 4, "damaged"),
        ("samples/bad/no-pages.pdf", 4, "no pages"),
        ("samples/encrypted.pdf", 5, "--password"),
        ("samples/does-not-exist.pdf", 3, "no such file"),
        ("samples", 3, "directory"),
    ]

    @Test(arguments: badInputs)
    func badInputGetsOneLineAndItsExitCode(_ path: String, _ status: Int32, _ cause: String) throws {
        let result = try extract.run(["inspect", path])
        #expect(result.status == status, "\(path): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr: \(result.standardError.prefix(600))")
        #expect(result.standardError.contains(path))
        #expect(result.standardError.contains(cause))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func wrongPasswordIsItsOwnError() throws {
        let result = try extract.run(["inspect", "samples/encrypted.pdf", "--password", "nope"])
        #expect(result.status == 5)
        #expect(result.standardError.contains("password"))
        #expect(!result.standardError.contains("nope"))
    }

    @Test func rightPasswordReadsTheText() throws {
        let result = try extract.run(["inspect", "samples/encrypted.pdf", "--password", "secret"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("encrypted"))
        #expect(result.standardOutput.contains("Board"))
    }

    @Test func mixedDocumentOCRsOnlyItsScannedPage() throws {
        let result = try extract.run(["inspect", "samples/mixed.pdf", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let evidence = try JSONDecoder().decode(DocumentEvidence.self, from: Data(result.standardOutput.utf8))
        #expect(evidence.pages.map(\.number) == [1, 2, 3])
        #expect(evidence.pages.map { $0.ocrDecision?.runOCR } == [false, true, false])
        #expect(evidence.pages[1].ocr.map { !$0.words.isEmpty } == true, "the scanned page never comes back empty")
        #expect(evidence.pages[0].textLayer.map { !$0.words.isEmpty } == true)
        #expect(evidence.pages[1].ocr?.words.allSatisfy { $0.confidence != nil } == true)
    }

    @Test func pageSelectionAndOCRNever() throws {
        let result = try extract.run(["inspect", "samples/mixed.pdf", "--pages", "2-3", "--ocr", "never", "--json"])
        #expect(result.status == 0)
        let evidence = try JSONDecoder().decode(DocumentEvidence.self, from: Data(result.standardOutput.utf8))
        #expect(evidence.pages.map(\.number) == [2, 3])
        #expect(evidence.pages.allSatisfy { $0.ocr == nil })
    }

    @Test func textOutputShowsProbeAndBlocks() throws {
        let result = try extract.run(["inspect", "samples/invoice-scanned.pdf"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("probe:"))
        #expect(result.standardOutput.contains("ocr: yes"))
        #expect(result.standardOutput.contains("INV-2024-00417"))
    }

    @Test(arguments: [
        ["inspect", "samples/invoice.pdf", "--pages", "2"],
        ["inspect", "samples/invoice.pdf", "--pages", "x-y"],
        ["inspect", "samples/invoice.pdf", "--ocr", "sometimes"],
        ["inspect", "samples/invoice.pdf", "--dpi", "5"],
        ["inspect", "samples/invoice.pdf", "--lang", "zzz"],
    ])
    func badOptionsAreUsageErrors(_ arguments: [String]) throws {
        let result = try extract.run(arguments)
        #expect(result.status != 0)
        #expect(result.status != 70, "never an internal error: \(result.standardError)")
        #expect(!result.standardError.isEmpty)
    }
}
