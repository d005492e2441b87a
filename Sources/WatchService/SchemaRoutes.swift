#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocExtract
import Foundation
import JSONCore

/// Which schema a document gets, from a `schemas.json` so that one watcher serves several document types.
///
/// ```json
/// {"routes": [
///     {"match": "receipts/", "schema": "receipt.schema.json"},
///     {"match": "*-invoice.pdf", "schema": "/srv/schemas/invoice.schema.json"}
/// ]}
/// ```
/// Routes are tried in order and the first that matches wins; a document no route matches gets the default
/// schema (`--schema`). A `match` ending in `/` is a subfolder of the inbox (and everything below it); one
/// with a `/` elsewhere is a glob over the whole relative path (`*` also crosses `/`); one without `/` is a
/// glob over the file name in any folder. Relative schema paths are relative to the `schemas.json` folder.
struct SchemaRoutes: Sendable {
    struct Route: Sendable {
        var match: String
        var schemaPath: String
    }

    let routes: [Route]
    let defaultSchemaPath: String
    private let schemas: [String: JSONValue]

    /// Loads the mapping (if any) and every schema it names, checking each one.
    ///
    /// - Throws: ``WatchError`` for an unreadable mapping; `ExtractError` `.invalidSchema` for a bad schema.
    init(defaultSchema: URL, routesFile: URL?) throws {
        var routes: [Route] = []
        if let routesFile {
            guard let data = FileManager.default.contents(atPath: routesFile.path) else {
                throw WatchError("cannot read the schema mapping \(routesFile.path); check the path given to --schemas")
            }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: data)
            } catch {
                throw WatchError("the schema mapping \(routesFile.path) is not JSON: \(error)")
            }
            guard let list = value["routes"]?.arrayValue else {
                throw WatchError(
                    #"the schema mapping \#(routesFile.path) needs {"routes": [{"match": …, "schema": …}]}"#)
            }
            let folder = routesFile.deletingLastPathComponent()
            for (index, entry) in list.enumerated() {
                guard let match = entry["match"]?.stringValue, !match.isEmpty,
                      let schema = entry["schema"]?.stringValue, !schema.isEmpty else {
                    throw WatchError(
                        "route \(index + 1) of \(routesFile.path) needs a non-empty \"match\" and \"schema\"")
                }
                let path = schema.hasPrefix("/")
                    ? schema : folder.appendingPathComponent(schema).standardizedFileURL.path
                routes.append(Route(match: match, schemaPath: path))
            }
        }
        self.routes = routes
        defaultSchemaPath = defaultSchema.path
        var schemas: [String: JSONValue] = [:]
        for path in [defaultSchemaPath] + routes.map(\.schemaPath) where schemas[path] == nil {
            schemas[path] = try Self.load(path)
        }
        self.schemas = schemas
    }

    /// The schema path for a document's relative path.
    func schemaPath(for relative: String) -> String {
        routes.first { Self.matches($0.match, relative) }?.schemaPath ?? defaultSchemaPath
    }

    /// The schema for a document's relative path.
    func schema(for relative: String) -> JSONValue {
        schemas[schemaPath(for: relative)]!
    }

    static func matches(_ pattern: String, _ relative: String) -> Bool {
        if pattern.hasSuffix("/") {
            return relative.hasPrefix(pattern)
        }
        let subject = pattern.contains("/") ? relative : (relative as NSString).lastPathComponent
        return fnmatch(pattern, subject, 0) == 0
    }

    private static func load(_ path: String) throws -> JSONValue {
        try Extractor.loadSchema(atPath: path)
    }
}
