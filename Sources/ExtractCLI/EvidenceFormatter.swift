import ExtractCore
import Foundation

/// Renders document evidence as readable text for `extract inspect`.
enum EvidenceFormatter {
    static func text(_ evidence: DocumentEvidence, file: String) -> String {
        var out = ""
        let info = evidence.info
        out += "\(file): \(info.pageCount) page\(info.pageCount == 1 ? "" : "s")"
        if let version = info.pdfVersion { out += ", \(version)" }
        if info.isEncrypted { out += ", encrypted" }
        out += "\n"
        for page in evidence.pages {
            let size = "\(Int(page.size.width.rounded())) × \(Int(page.size.height.rounded())) pt"
            out += "\n=== page \(page.number) (\(size)) ===\n"
            if let probe = page.probe {
                out += String(
                    format: "probe: %d characters, %d words, %.1f chars/in², images %.0f%%, unmappable %.1f%%, "
                        + "invisible %.0f%%\n",
                    probe.characterCount, probe.wordCount, probe.charactersPerSquareInch, probe.imageCoverage * 100,
                    probe.unmappableShare * 100, probe.invisibleShare * 100
                )
            }
            if let decision = page.ocrDecision {
                let answer = decision.runOCR ? "yes" : decision.ocrsRegions ? "image regions" : "no"
                out += "ocr: \(answer) (\(decision.reason))\n"
                for region in decision.regions ?? [] { out += "  region \(region)\n" }
            }
            out += "--- text layer ---\n"
            out += page.textLayer.map { indent($0.text) } ?? "  (none)\n"
            if let ocr = page.ocr {
                let confidence = ocr.meanConfidence.map { String(format: ", mean confidence %.0f%%", $0 * 100) } ?? ""
                out += "--- OCR (\(ocr.words.count) words\(confidence)) ---\n"
                for block in ocr.blocks {
                    out += "  [\(block.kind.rawValue) \(block.box)]\n"
                    if !block.lines.isEmpty { out += indent(block.text, by: "    ") }
                }
            }
        }
        for diagnostic in evidence.diagnostics { out += "\(diagnostic)\n" }
        return out
    }

    private static func indent(_ text: String, by prefix: String = "  ") -> String {
        guard !text.isEmpty else { return "\(prefix)(empty)\n" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
            + "\n"
    }
}
