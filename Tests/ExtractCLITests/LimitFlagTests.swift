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
