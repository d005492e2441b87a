import Foundation
import JSONCore
import JSONSchema

/// The required draft 2020-12 cases of the official test suite, compiled once for timing.
struct SuiteCases {
    struct Case {
        let validator: Validator
        let data: JSONValue
        let expected: Bool
    }

    let cases: [Case]

    /// Loads every required case under `suiteRoot` (`…/jsonschema-suite`), with `remotes/` registered.
    init(suiteRoot: URL) throws {
        var registry = SchemaRegistry()
        let remotes = suiteRoot.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = url.path.dropFirst(remotes.path.count + 1)
            try registry.register(JSONValue(parsing: Data(contentsOf: url)), uri: "http://localhost:1234/" + relative)
        }
        let folder = suiteRoot.appendingPathComponent("tests/draft2020-12")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        var cases: [Case] = []
        for name in names.sorted() {
            let groups = try JSONValue(parsing: Data(contentsOf: folder.appendingPathComponent(name))).arrayValue ?? []
            for group in groups {
                let validator = Validator(schema: try JSONSchema(group["schema"] ?? true, registry: registry))
                for test in group["tests"]?.arrayValue ?? [] {
                    cases.append(Case(validator: validator, data: test["data"] ?? .null,
                                      expected: test["valid"]?.boolValue ?? false))
                }
            }
        }
        self.cases = cases
    }
}
