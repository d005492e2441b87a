import ArgumentParser
import DocExtract
import ExtractCore
import Foundation
import JSONCore
import ModelClients

/// `extract FILE.pdf --schema S.json`: the default command.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Extract JSON that validates against a schema from one or more PDFs (the default command).",
        discussion: """
            The data JSON goes to stdout (or -o); how each value was found, its confidence, the page routing, \
            model use and timings go to --report. Offline by default: the bundled local model is started on \
            127.0.0.1 and stopped at exit.

            Examples:
              extract invoice.pdf --schema schemas/invoice.schema.json
              extract scan.pdf --schema receipt.json -o out.json --report report.json
              extract invoice.pdf --schema invoice.json --review review.html
              extract *.pdf --schema invoice.json --out-dir results/
              OPENAI_API_KEY=… extract invoice.pdf --schema invoice.json --provider openai --model gpt-4o-mini
              extract invoice.pdf --schema invoice.json --provider openai --base-url http://127.0.0.1:8000/v1 \
            --model qwen2.5

            Exit codes: 0 valid output (also when fields need review), 2 invalid schema, 3 unreadable input, \
            4 not a readable PDF, 5 encrypted, 6 OCR failed, 7 model unavailable, 8 no valid output, 9 limit \
            exceeded (also the OCR time per page), 64 usage error, 73 an output could not be written.
            """
    )

    @Argument(help: "The PDF files.")
    var files: [String]

    @Option(name: .long, help: "The JSON Schema (draft 2020-12) the output must validate against.")
    var schema: String

    @OptionGroup var options: ExtractionOptions

    @Option(name: [.short, .customLong("output")], help: "Write the data JSON here instead of stdout (one file only).")
    var output: String?

    @Option(help: "Write the full report (provenance, confidence, routing, usage) here (one file only).")
    var report: String?

    @Option(help: "Write a self-contained HTML review page (each value boxed on its page, the fields table) here.")
    var review: String?

    @Option(help: """
        Write <name>.json and <name>.report.json per file into this folder (names from the inputs' file names, \
        made safe; a name already used in the run gets -2, -3 …; nothing is written outside the folder).
        """)
    var outDir: String?

    @Flag(name: .shortAndLong, help: "Print per-page routing and per-field confidence on stderr.")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one PDF file") }
        if files.count > 1, output != nil || report != nil || review != nil {
            throw ValidationError("-o, --report and --review take one file; use --out-dir for several")
        }
    }

    func run() async throws {
        var status: Int32 = 0
        do {
            let schema = try SchemaFile.load(self.schema)
            let destination = try outputDestination()
            let extractor = try Extractor(configuration: try options.configuration())
            defer {
                extractor.close()
                LocalModelServer.stopAll()
            }
            let runLog = try options.log.map { try RunLog(path: $0, format: options.logFormat) }
            let progress = isatty(STDERR_FILENO) == 1 && files.count > 1
            for (index, file) in files.enumerated() {
                if progress { CLIError.printError(ResultSummary.progress(index: index, of: files.count, file: file)) }
                let code = await extractOne(
                    file, index: index, schema: schema, extractor: extractor, runLog: runLog, destination: destination
                )
                if status == 0 { status = code }
            }
        } catch {
            throw CLIError.exit(for: error)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The `--out-dir` folder and the names of the batch's outputs in it, when one was given.
    private func outputDestination() throws -> (folder: OutputFolder, names: OutputNames)? {
        guard let outDir else { return nil }
        do {
            return (try OutputFolder(path: outDir), OutputNames(inputs: files))
        } catch {
            CLIError.printError("extract: \(error)")
            throw ExitCode(Self.cannotWrite)
        }
    }

    /// The exit code when an output cannot be written (`EX_CANTCREAT`).
    static let cannotWrite: Int32 = 73

    private func extractOne(
        _ file: String, index: Int, schema: JSONValue, extractor: Extractor, runLog: RunLog?,
        destination: (folder: OutputFolder, names: OutputNames)?
    ) async -> Int32 {
        let eventsBefore = extractor.stageEvents.count
        let result: ExtractionResult
        do {
            result = try await extractor.extract(pdfAt: file, schema: schema, password: options.password)
        } catch {
            runLog?.append(["file": .string(file), "event": "failed", "error": .string("\(error)")])
            return CLIError.exit(for: error).rawValue
        }
        runLog?.record(result, events: Array(extractor.stageEvents[eventsBefore...]))
        do {
            try write(result, for: file, index: index, destination: destination)
        } catch {
            CLIError.printError("extract: \(CLIError.visible(file)): cannot write the output: \(error)")
            return Self.cannotWrite
        }
        if let review {
            do {
                try await ReviewWriter.write(
                    result, source: .file(file, password: options.password), to: URL(fileURLWithPath: review)
                )
            } catch {
                CLIError.printError(
                    "extract: \(CLIError.visible(file)): cannot write the review page \(review): \(error)"
                )
                return Self.cannotWrite
            }
        }
        let written = destination.map { " → " + CLIError.visible($0.folder.display($0.names.dataName(index))) }
        CLIError.printError(ResultSummary.line(result) + (result.value == nil ? "" : written ?? ""))
        if verbose { CLIError.printError(ResultSummary.details(result)) }
        guard result.status != .failure else {
            for error in result.errors.prefix(10) { CLIError.printError("  \(error)") }
            return ExtractError.Code.noValidOutput.exitCode
        }
        return 0
    }

    private func write(
        _ result: ExtractionResult, for file: String, index: Int,
        destination: (folder: OutputFolder, names: OutputNames)?
    ) throws {
        let data = result.value.map { Data(($0.serialized(pretty: true) + "\n").utf8) }
        let reportData = try ResultSummary.reportJSON(result)
        if let destination {
            if let data { try destination.folder.write(data, named: destination.names.dataName(index)) }
            try destination.folder.write(reportData, named: destination.names.reportName(index))
            return
        }
        if let report { try AtomicFile.write(reportData, to: URL(fileURLWithPath: report)) }
        if files.count > 1 {
            // JSON Lines on stdout: one record per file.
            let line: JSONValue = [
                "file": .string(file), "status": .string(result.status.rawValue), "value": result.value ?? .null,
                "needs_review": .array(result.needsReview.map { .string($0) }),
            ]
            FileHandle.standardOutput.write(Data((line.serialized() + "\n").utf8))
        } else if let data {
            if let output {
                try AtomicFile.write(data, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
