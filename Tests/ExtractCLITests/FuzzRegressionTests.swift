import ExtractTestSupport
import Foundation
import Testing

/// Inputs that crashed a worker or the tool while fuzzing (`make fuzz` keeps them in
/// `samples/fuzz-regressions/`), and a few fixed mutations: each must end with JSON or one clean error line.
@Suite struct FuzzRegressionTests {
    let extract = CommandRunner()
    static let cleanExitCodes: Set<Int32> = [3, 4, 5, 6, 9]

    private func expectCleanEnding(_ path: String) throws {
        let result = try extract.run(["inspect", path, "--json", "--ocr", "never"])
        if result.status == 0 {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))) != nil,
                    "\(path): exit 0 must print JSON")
            return
        }
        #expect(Self.cleanExitCodes.contains(result.status), "\(path): exit \(result.status): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("extract: "), "\(path): \(result.standardError.prefix(500))")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func keptFuzzFindingsEndCleanly() throws {
        let folder = Fixtures.sample("fuzz-regressions")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".pdf") }.sorted()
        for file in files { try expectCleanEnding(folder.appendingPathComponent(file).path) }
    }

    @Test func fixedMutationsEndCleanly() throws {
        let original = try Data(contentsOf: Fixtures.sample("invoice.pdf"))
        var flipped = original
        for index in stride(from: 200, to: flipped.count, by: 97) { flipped[index] ^= 0x20 }
        var lengths = original
        if let range = lengths.range(of: Data("/Length".utf8)) {
            lengths.replaceSubrange(range, with: Data("/Length 999999999 /Length".utf8))
        }
        let mutations = [
            ("truncated-half.pdf", original.prefix(original.count / 2)),
            ("bit-flips.pdf", flipped),
            ("huge-length.pdf", lengths),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in mutations {
            let url = folder.appendingPathComponent(name)
            try Data(data).write(to: url)
            try expectCleanEnding(url.path)
        }
    }
}
