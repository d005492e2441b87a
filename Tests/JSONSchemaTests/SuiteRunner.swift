import ExtractTestSupport
import Foundation
import JSONCore
import JSONSchema

/// Runs files of the official JSON-Schema-Test-Suite (draft 2020-12) and counts the cases that pass.
struct SuiteRunner {
    /// Outcome of one run.
    struct Tally {
        var passed = 0
        var failed: [String] = []
        var total: Int { passed + failed.count }
    }

    static let suiteRoot = Fixtures.corpus("jsonschema-suite")
    static let testsRoot = suiteRoot.appendingPathComponent("tests/draft2020-12")

    /// The registry with `remotes/` registered under `http://localhost:1234/`.
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        let remotes = suiteRoot.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json", let data = try? Data(contentsOf: url),
                  let document = try? JSONValue(parsing: data) else { continue }
            let relative = url.path.dropFirst(remotes.path.count + 1)
            try? registry.register(document, uri: "http://localhost:1234/" + relative)
        }
        return registry
    }()

    /// The `.json` files directly in `folder`, sorted.
    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Runs every case of `files`; `assertFormat` turns format assertion on.
    static func run(_ files: [URL], assertFormat: Bool) throws -> Tally {
        var tally = Tally()
        for file in files {
            let groups = try JSONValue(parsing: Data(contentsOf: file)).arrayValue ?? []
            for group in groups {
                let groupName = "\(file.lastPathComponent): \(group["description"]?.stringValue ?? "?")"
                let tests = group["tests"]?.arrayValue ?? []
                let schema: JSONSchema
                do {
                    schema = try JSONSchema(group["schema"] ?? true, registry: registry)
                } catch {
                    for test in tests {
                        tally.failed.append("\(groupName) / \(test["description"]?.stringValue ?? "?"): "
                            + "schema rejected: \(error)")
                    }
                    continue
                }
                let validator = Validator(schema: schema, options: .init(assertFormat: assertFormat))
                for test in tests {
                    let data = test["data"] ?? .null
                    let expected = test["valid"]?.boolValue ?? false
                    let quick = validator.isValid(data)
                    let full = validator.validate(data)
                    if quick == expected, full.isValid == expected {
                        tally.passed += 1
                    } else {
                        tally.failed.append("\(groupName) / \(test["description"]?.stringValue ?? "?"): expected "
                            + "\(expected ? "valid" : "invalid"), isValid \(quick), validate \(full.isValid) "
                            + full.errors.prefix(3).map(\.description).joined(separator: "; "))
                    }
                }
            }
        }
        return tally
    }
}
