import DocExtract
import ExtractCore
import Foundation
import JSONCore

/// Reads the user's schema file (`-` for stdin) and checks it before any stage runs.
enum SchemaFile {
    /// - Throws: `ExtractError` `.invalidSchema` (exit 2) when the file is missing, not JSON or not a valid
    ///   draft 2020-12 schema.
    static func load(_ path: String) throws -> JSONValue {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                let exists = FileManager.default.fileExists(atPath: path)
                throw ExtractError(
                    .invalidSchema, exists ? "the schema file cannot be read" : "the schema file does not exist",
                    path: path
                )
            }
            data = contents
        }
        let schema: JSONValue
        do {
            schema = try JSONValue(parsing: data)
        } catch {
            throw ExtractError(.invalidSchema, "the schema is not JSON: \(error)", path: path)
        }
        do {
            try Extractor.checkSchema(schema)
        } catch var error as ExtractError {
            error.path = path
            throw error
        }
        return schema
    }
}
