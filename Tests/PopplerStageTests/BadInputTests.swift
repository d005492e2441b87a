import ExtractCore
import ExtractTestSupport
import Foundation
import PopplerStage
import Testing

/// Every kind of bad input gets its own error code and a message naming the cause; none crashes.
@Suite struct BadInputTests {
    static let cases: [(String, ExtractError.Code)] = [
        ("bad/empty.pdf", .emptyFile),
        ("bad/truncated.pdf", .damagedPDF),
        ("bad/not-a-pdf.pdf", .notAPDF),
        ("bad/png-as-pdf.pdf", .notAPDF),
        ("bad/garbage.pdf", .damagedPDF),
        ("encrypted.pdf", .passwordRequired),
    ]

    @Test(arguments: cases)
    func badFileFromPath(_ name: String, _ code: ExtractError.Code) {
        let path = Fixtures.sample(name).path
        let error = #expect(throws: ExtractError.self) { try PDFDocument(.file(path)) }
        #expect(error?.code == code)
        #expect(error?.path == path)
        #expect(error.map { !$0.message.isEmpty && !$0.description.contains("\n") } == true)
    }

    @Test(arguments: cases)
    func badFileFromBytes(_ name: String, _ code: ExtractError.Code) throws {
        let data = try Data(contentsOf: Fixtures.sample(name))
        let error = #expect(throws: ExtractError.self) { try PDFDocument(.bytes(data, name: name)) }
        #expect(error?.code == code)
    }

    @Test func noPagesOpensWithZeroPages() throws {
        let document = try PDFDocument(.file(Fixtures.sample("bad/no-pages.pdf").path))
        #expect(document.pageCount == 0)
        #expect(document.info.pageSizes.isEmpty)
    }

    @Test func wrongPassword() {
        let error = #expect(throws: ExtractError.self) {
            try PDFDocument(.file(Fixtures.sample("encrypted.pdf").path, password: "not-it"))
        }
        #expect(error?.code == .wrongPassword)
        #expect(error?.description.contains("not-it") == false, "the password never appears in messages")
    }

    @Test func missingPathAndDirectory() {
        let missing = #expect(throws: ExtractError.self) { try PDFDocument(.file("/nonexistent/x.pdf")) }
        #expect(missing?.code == .fileNotFound)
        let directory = #expect(throws: ExtractError.self) { try PDFDocument(.file(Fixtures.samples.path)) }
        #expect(directory?.code == .notAFile)
    }

    @Test func everyTruncationOfAValidPDFFailsCleanly() throws {
        let data = try Data(contentsOf: Fixtures.sample("invoice.pdf"))
        for fraction in stride(from: 0.05, to: 1.0, by: 0.15) {
            let cut = data.prefix(Int(Double(data.count) * fraction))
            do {
                let document = try PDFDocument(.bytes(cut, name: "cut"))
                // Poppler may repair a cut file; then reading its pages must still not crash.
                for page in 0..<document.pageCount { _ = try? document.textLayer(page: page + 1) }
            } catch let error as ExtractError {
                #expect([.damagedPDF, .notAPDF].contains(error.code))
            }
        }
    }
}
