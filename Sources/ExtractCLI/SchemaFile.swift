import DocExtract
import ExtractCore
import Foundation
import JSONCore

/// Reads the user's schema file (`-` for stdin) and checks it before any stage runs.
enum SchemaFile {
    /// - Throws: `ExtractError` `.invalidSchema` (exit 2) when the file is missing, not JSON or not a valid
    ///   draft 2020-12 schema.
    static func load(_ path: String) throws -> JSONValue {
        guard path == "-" else { return try Extractor.loadSchema(atPath: path) }
        return try Extractor.parseSchema(FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>")
    }
}
