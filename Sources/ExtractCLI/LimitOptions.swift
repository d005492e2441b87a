import ArgumentParser
import DocExtract
import Foundation

/// The per-document limits (`--max-file-size`, `--max-pages`, `--max-page-pixels`, `--ocr-timeout`), shared by
/// `extract FILE` and `extract inspect`. Defaults are those of ``EvidenceOptions``.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest PDF read, e.g. 512M, 2G or a number of bytes (default 512M).")
    var maxFileSize: String = "512M"

    @Option(help: "Most pages read from one document (default 2000).")
    var maxPages: Int = EvidenceOptions().maximumPages

    @Option(help: "Largest raster for one page, in pixels; larger pages render at a lower dpi (default 40000000).")
    var maxPagePixels: Int = EvidenceOptions().maximumRenderPixels

    @Option(help: "Longest OCR of one page, in seconds; 0 means no limit (default 120).")
    var ocrTimeout: Double = 120

    func validate() throws {
        guard Self.bytes(maxFileSize) != nil else {
            throw ValidationError("--max-file-size takes e.g. 512M, 2G or a number of bytes")
        }
        guard maxPages >= 1 else { throw ValidationError("--max-pages must be at least 1") }
        guard maxPagePixels >= 10_000 else { throw ValidationError("--max-page-pixels must be at least 10000") }
        guard ocrTimeout >= 0, ocrTimeout.isFinite else { throw ValidationError("--ocr-timeout must be 0 or more") }
    }

    /// `options` with these limits.
    func apply(to options: inout EvidenceOptions) {
        options.maximumFileBytes = Self.bytes(maxFileSize) ?? options.maximumFileBytes
        options.maximumPages = maxPages
        options.maximumRenderPixels = maxPagePixels
        options.maximumOCRDuration = ocrTimeout == 0 ? nil : .milliseconds(Int64((ocrTimeout * 1000).rounded()))
    }

    /// `512M` → 536870912; `2G`, `900K`, `1000000`; nil when unreadable.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024]
        let upper = text.uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(of: "B", with: "")
        if let unit = upper.last, let factor = units[unit], let value = Double(upper.dropLast()), value > 0 {
            return Int(value * factor)
        }
        return Int(upper).flatMap { $0 > 0 ? $0 : nil }
    }
}
