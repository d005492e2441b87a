import DocExtract
import Foundation

/// The human-readable lines `extract` prints on stderr, and the report JSON.
enum ResultSummary {
    static func line(_ result: ExtractionResult) -> String {
        let ocrPages = result.pages.filter { $0.decision?.runOCR == true }.count
        let review = result.needsReview.isEmpty ? "" : ", \(result.needsReview.count) to review"
        let tokens = result.usage.inputTokens + result.usage.outputTokens
        let cache = result.stagesExecuted == 0 && result.cacheHits > 0 ? ", all from cache" : ""
        return "extract: \(CLIError.visible(result.file)): \(result.status.rawValue) — \(result.pages.count) page"
            + "\(result.pages.count == 1 ? "" : "s") (\(ocrPages) OCR'd), \(result.fields.count) values\(review), "
            + String(format: "%.1f s, %d tokens, $%.4f", result.timings.totalSeconds, tokens, result.usage.costUSD)
            + cache
    }

    /// `[####------] 4/10 name.pdf`, shown on a terminal before each file of a batch.
    static func progress(index: Int, of total: Int, file: String) -> String {
        let width = 20
        let done = total == 0 ? 0 : index * width / total
        let bar = String(repeating: "#", count: done) + String(repeating: "-", count: width - done)
        return "[\(bar)] \(index + 1)/\(total) \(CLIError.visible(file))"
    }

    static func details(_ result: ExtractionResult) -> String {
        var lines: [String] = []
        for page in result.pages {
            lines.append("  page \(page.page): \(page.decision.map { ($0.runOCR ? "OCR" : "text layer") + " — " + $0.reason } ?? "")")
        }
        for field in result.fields {
            let place = field.provenance.map { " page \($0.page) \($0.source) \($0.match)" } ?? " not found in the evidence"
            lines.append(String(format: "  %@ = %@ (%.2f%@, %@)%@", field.pointer, field.value.serialized(),
                                field.confidence, field.needsReview ? ", review" : "", field.origin, place))
        }
        for diagnostic in result.diagnostics { lines.append("  \(diagnostic)") }
        return lines.joined(separator: "\n")
    }

    static func reportJSON(_ result: ExtractionResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(result) + Data("\n".utf8)
    }
}
