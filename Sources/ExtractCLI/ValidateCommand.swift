import ArgumentParser
import ExtractCore
import Foundation
import JSONCore
import JSONSchema

/// `extract validate --schema S.json INSTANCE.json…`: our draft 2020-12 validator on the command line.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON instances against a JSON Schema (draft 2020-12).",
        discussion: """
            Every error is one line on stderr: FILE: /instance/pointer: message (at /keyword/location).
            Exit codes: 0 every instance is valid, 1 an instance is invalid or not JSON, 2 the schema is \
            unreadable or not valid against the 2020-12 meta-schema.

            Examples:
              extract validate --schema schemas/invoice.schema.json out.json
              extract invoice.pdf --schema invoice.json | extract validate --schema invoice.json -
            """
    )

    @Option(help: "The schema to validate against.")
    var schema: String

    @Flag(help: "Treat `format` as an assertion (date, email, uri …), not just an annotation.")
    var assertFormat = false

    @Argument(help: "JSON files to validate; - reads standard input.")
    var instances: [String]

    func validate() throws {
        guard !instances.isEmpty else { throw ValidationError("give at least one instance file (or - for stdin)") }
    }

    func run() async throws {
        let compiled: JSONSchema
        do {
            let data = try read(schema)
            compiled = try JSONSchema(data: data)
        } catch let error as SchemaError {
            CLIError.printError("extract: \(schema): \(error.message)")
            for violation in error.violations.prefix(20) { CLIError.printError("extract: \(schema): \(violation)") }
            throw ExitCode(2)
        } catch {
            CLIError.printError("extract: \(schema): \(error)")
            throw ExitCode(2)
        }
        let validator = Validator(schema: compiled, options: .init(assertFormat: assertFormat))
        var allValid = true
        for path in instances {
            let name = path == "-" ? "<stdin>" : path
            let value: JSONValue
            do {
                value = try JSONValue(parsing: try read(path))
            } catch {
                CLIError.printError("extract: \(name): not JSON: \(error)")
                allValid = false
                continue
            }
            let result = validator.validate(value)
            if !result.isValid {
                allValid = false
                for error in result.errors {
                    CLIError.printError("\(name): \(error) (at \(error.keywordLocation))")
                }
            }
        }
        if !allValid { throw ExitCode(1) }
    }

    private func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExtractError(.unreadableFile, FileManager.default.fileExists(atPath: path)
                ? "cannot be read" : "no such file", path: path)
        }
        return data
    }
}
