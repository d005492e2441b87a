import ExtractTestSupport
import Foundation
import JSONCore
import Testing

/// `extract A.pdf B.pdf … --out-dir DIR` with hostile names: every output lands directly in DIR under a safe,
/// unique name, and nothing is written through a link pointing outside it.
@Suite(.serialized) struct OutDirTests {
    let extract = CommandRunner()
    static let expected = try! String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)
    let manager = FileManager.default

    private func server() throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer()
        server.enqueue(contentsOf: Array(
            repeating: RecordedModelAnswers.openAIChatCompletion(content: Self.expected), count: 40
        ))
        return server
    }

    /// A copy of the born-digital invoice at `relative` under `folder`.
    private func place(_ relative: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(relative)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: Fixtures.sample("invoice.pdf"), to: url)
    }

    private func contents(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func hostileNamesStayInsideTheFolderAndNeverOverwriteEachOther() throws {
        let root = manager.temporaryDirectory.appendingPathComponent("outdir-\(UUID())")
        defer { try? manager.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in")
        let out = root.appendingPathComponent("out")
        let outside = root.appendingPathComponent("outside")
        try manager.createDirectory(at: out, withIntermediateDirectories: true)
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        let names = [
            "-dash.pdf", "with space.pdf", "new\nline.pdf", "Rechnung-ü-日本.pdf", "..pdf", "x/a.pdf", "y/a.pdf",
            "a.report.pdf", "d.pdf", "s.pdf", "t.pdf",
        ]
        for name in names { try place(name, in: inputs) }
        // d.json is a hard link to a file outside: replacing it must not change that file.
        let original = outside.appendingPathComponent("original.txt")
        try "keep".write(to: original, atomically: false, encoding: .utf8)
        try manager.linkItem(at: original, to: out.appendingPathComponent("d.json"))
        // s.json is a symbolic link to a file outside, t.report.json a dangling one: neither may be followed.
        let target = outside.appendingPathComponent("target.txt")
        try "keep".write(to: target, atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: out.appendingPathComponent("s.json").path, withDestinationPath: target.path
        )
        let never = outside.appendingPathComponent("never.json")
        try manager.createSymbolicLink(
            atPath: out.appendingPathComponent("t.report.json").path, withDestinationPath: never.path
        )

        let server = try server()
        defer { server.stop() }
        let schema = Fixtures.repositoryRoot.appendingPathComponent("schemas/invoice.schema.json").path
        // The inputs are relative to their folder and follow `--`, so `-dash.pdf` is a file, not an option.
        let result = try extract.run(
            ["--schema", schema, "--provider", "openai", "--base-url", server.baseURL + "/v1", "--model", "test-model",
             "--no-cache", "--out-dir", out.path, "--"] + names,
            currentDirectory: inputs
        )
        #expect(result.status == 73, "a refused output is a write failure: \(result.standardError)")

        let written = try manager.contentsOfDirectory(atPath: out.path).sorted()
        let expectedNames = [
            "_dash", "with space", "new_line", "Rechnung-ü-日本", "_", "a", "a-2", "a.report-2", "d", "t",
        ].flatMap { [$0 + ".json", $0 + ".report.json"] } + ["s.json"]
        #expect(written == expectedNames.sorted(), "no temporary file is left behind either")
        // Identical base names from two folders: each report names its own input.
        let first = try JSONValue(parsing: Data(contentsOf: out.appendingPathComponent("a.report.json")))
        let second = try JSONValue(parsing: Data(contentsOf: out.appendingPathComponent("a-2.report.json")))
        #expect(first["file"]?.stringValue == "x/a.pdf")
        #expect(second["file"]?.stringValue == "y/a.pdf")
        let dashed = try JSONValue(parsing: Data(contentsOf: out.appendingPathComponent("_dash.json")))
        #expect(dashed == (try JSONValue(parsing: Self.expected)))

        // The hard link was replaced, not written through.
        #expect(contents(original) == "keep")
        #expect(try JSONValue(parsing: Data(contentsOf: out.appendingPathComponent("d.json")))
            == (try JSONValue(parsing: Self.expected)))
        // The symbolic links are untouched and nothing was written where they point.
        #expect(contents(target) == "keep")
        #expect(!manager.fileExists(atPath: never.path))
        #expect((try? manager.destinationOfSymbolicLink(atPath: out.appendingPathComponent("s.json").path))
            == target.path)
        #expect((try? manager.destinationOfSymbolicLink(atPath: out.appendingPathComponent("t.report.json").path))
            == never.path)
        #expect(try manager.contentsOfDirectory(atPath: outside.path).sorted() == ["original.txt", "target.txt"])
        #expect(try manager.contentsOfDirectory(atPath: root.path).sorted() == ["in", "out", "outside"])
        let errors = result.standardError.split(separator: "\n").map(String.init)
        #expect(errors.allSatisfy { $0.hasPrefix("extract: ") }, "one line per file, newline or not: \(errors)")
        #expect(errors.contains { $0.hasPrefix(#"extract: new\nline.pdf: "#) }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("extract: s.pdf: cannot write the output: \(out.path)/s.json is a "
            + "symbolic link; it was left alone") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("extract: t.pdf: cannot write the output: \(out.path)/t.report.json "
            + "is a symbolic link") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("extract: y/a.pdf: ") && $0.hasSuffix(" → \(out.path)/a-2.json") },
                "the summary line says where a renamed output went: \(errors)")
    }

    @Test func stemsAreSafeFileNames() throws {
        // The same rules, through the executable's own report of where each file went.
        let root = manager.temporaryDirectory.appendingPathComponent("stems-\(UUID())")
        defer { try? manager.removeItem(at: root) }
        let long = String(repeating: "é", count: 120) + ".pdf"  // 244 bytes: a legal name
        let names = ["\u{202E}fdp.exe.pdf", long, ".hidden.pdf"]
        for name in names { try place(name, in: root.appendingPathComponent("in")) }
        let server = try server()
        defer { server.stop() }
        let out = root.appendingPathComponent("out")
        let result = try extract.run(
            ["--schema", Fixtures.repositoryRoot.appendingPathComponent("schemas/invoice.schema.json").path,
             "--provider", "openai", "--base-url", server.baseURL + "/v1", "--no-cache", "--out-dir", out.path, "--"]
                + names,
            currentDirectory: root.appendingPathComponent("in")
        )
        #expect(result.status == 0, "\(result.standardError)")
        let written = Set(try manager.contentsOfDirectory(atPath: out.path))
        #expect(written.contains("_fdp.exe.json"), "direction override replaced: \(written)")
        #expect(written.contains("_hidden.json"), "no hidden output: \(written)")
        let longStem = String(repeating: "é", count: 100)
        #expect(written.contains(longStem + ".json"), "cut to 200 bytes of UTF-8: \(written.map(\.utf8.count))")
        #expect(written.count == 6)
    }
}
