import ArgumentParser
import DocExtract
import ExtractCore
import Foundation
import PopplerStage
import Provenance

/// `extract inspect`: shows what the evidence stages read, page by page.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what DocExtract reads from a PDF: text layer, OCR, probe values and block types.",
        discussion: """
            Examples:
              extract inspect invoice.pdf
              extract inspect scan.pdf --ocr always --pages 1-2
              extract inspect report.pdf --json > evidence.json
              extract inspect invoice.pdf --schema invoice.schema.json

            With --schema, each field of the schema is listed with the values found in the evidence without a \
            model (by the field's labels, or by its type), best first: what field-by-field synthesis offers the \
            model, and takes unasked when one candidate leads clearly. Each array of objects is listed with the \
            rows the item-table reader finds (synthesis takes them instead of asking the model).
            """
    )

    @Argument(help: "The PDF file to read.")
    var file: String

    @Option(help: "When to OCR pages: auto (pages without a usable text layer), always, never.")
    var ocr: OCRMode = .auto

    @Option(help: "Pages to read, e.g. 1-3,5 or 8- (default: all).")
    var pages: String = "all"

    @Option(name: .customLong("lang"), help: "OCR languages, e.g. eng or eng+deu.")
    var languages: String = "eng"

    @Option(help: "Rendering resolution for OCR, in dots per inch (scanned pages: see --ocr-resolution).")
    var dpi: Double = 300

    @Option(help: "Scanned pages: scan (render at the scan's own resolution, 72-400 dpi) or fixed (at --dpi).")
    var ocrResolution: OCRResolution = .scan

    @Option(help: "Page preparation before OCR: auto (contrast, and a second reading of faint pages), contrast, none.")
    var ocrPreprocess: OCRPreprocessing = .auto

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    @Flag(help: "Print the full evidence (boxes, confidences, probe values) as JSON.")
    var json = false

    @Option(help: "A JSON Schema: also list each field's candidate values found without a model.")
    var schema: String?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        guard dpi >= 36, dpi <= 1200 else { throw ValidationError("--dpi must be between 36 and 1200") }
        _ = try PageSelection(parsing: pages)
    }

    func run() async throws {
        do {
            var options = EvidenceOptions()
            options.ocrMode = ocr
            options.languages = languages
            options.dpi = dpi
            options.matchScanResolution = ocrResolution == .scan
            options.preprocessing = ocrPreprocess
            options.pages = try PageSelection(parsing: pages)
            limits.apply(to: &options)
            let schemaValue = try schema.map { try Extractor.loadSchema(atPath: $0) }
            let reader = try EvidenceReader(options: options)
            defer { reader.close() }
            let evidence = try await reader.read(.file(file, password: password))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(evidence))
                FileHandle.standardOutput.write(Data("\n".utf8))
            } else {
                print(EvidenceFormatter.text(evidence, file: file), terminator: "")
                if let schemaValue { print(Self.candidatesText(evidence, schema: schemaValue), terminator: "") }
            }
        } catch {
            throw CLIError.exit(for: error)
        }
    }
}

extension InspectCommand {
    /// Every leaf field of `schema` with its candidates, best first.
    static func candidatesText(_ evidence: DocumentEvidence, schema: JSONValue) -> String {
        var out = "\n=== candidates (found without a model, best first) ===\n"
        for (field, candidates) in CandidateFinder(evidence: evidence).candidates(forSchema: schema) {
            let labels = CandidateFinder.labelPhrases(for: field).prefix(6).joined(separator: ", ")
            out += "\(field.pointer)  [\(field.types.joined(separator: "|"))"
                + (field.format.map { ", \($0)" } ?? "") + "]" + (labels.isEmpty ? "" : "  labels: \(labels)") + "\n"
            if candidates.isEmpty { out += "    (none)\n" }
            for candidate in candidates {
                var how = candidate.label.map { "\(candidate.method.rawValue) \"\($0)\"" } ?? candidate.method.rawValue
                if candidate.isOtherPartys { how += ", the other party's" }
                out += "    \(String(format: "%.2f", candidate.score))  \(candidate.value.serialized())  "
                    + "page \(candidate.page), \(how): \(CLIError.visible(candidate.text))\n"
            }
        }
        out += rowsText(evidence, schema: schema)
        return out
    }

    /// The rows the item-table reader finds for each array of objects in `schema`, with where each value is printed.
    static func rowsText(_ evidence: DocumentEvidence, schema: JSONValue) -> String {
        let arrays = Dictionary(grouping: SchemaFields.leaves(of: schema).filter(\.isInArray)) { field in
            "/" + field.path.prefix { $0 != "*" }.joined(separator: "/")
        }
        guard !arrays.isEmpty else { return "" }
        var out = "\n=== rows (item tables read without a model) ===\n"
        let reader = LineItemReader(evidence: evidence)
        for (pointer, fields) in arrays.sorted(by: { $0.key < $1.key }) {
            let rows = reader.rows(for: fields)
            out += "\(pointer)  \(rows.count) row\(rows.count == 1 ? "" : "s")\n"
            if rows.isEmpty { out += "    (no item table found: synthesis asks the model)\n" }
            for (number, row) in rows.enumerated() {
                out += "    \(number + 1). page \(row.page)  \(row.value.serialized())\n"
                for cell in row.cells {
                    out += "         \(cell.pointer.split(separator: "/").last ?? "")  \(cell.value.serialized())  "
                        + "\(cell.box): \(CLIError.visible(cell.text))\n"
                }
            }
        }
        return out
    }
}

extension OCRMode: ExpressibleByArgument {}
