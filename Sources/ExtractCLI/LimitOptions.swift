import ArgumentParser
import DocExtract
import Foundation

/// Where the native stages run.
enum IsolationMode: String, ExpressibleByArgument, CaseIterable {
    /// In worker processes: a crash fails one document.
    case process
    /// In this process (faster start, but a crashing PDF ends the run).
    case none
}

/// The per-document limits (`--max-file-size`, `--max-pages`, `--max-page-pixels`, `--ocr-timeout`) and the
/// isolation of the native stages (`--isolation`, `--worker-memory`), shared by `extract FILE` and
/// `extract inspect`. Defaults are those of ``EvidenceOptions`` and ``WorkerProcessOptions``.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest PDF read, e.g. 512M, 2G or a number of bytes.")
    var maxFileSize: String = "512M"

    @Option(help: "Most pages read from one document.")
    var maxPages: Int = EvidenceOptions().maximumPages

    @Option(help: "Largest raster for one page, in pixels; larger pages render at a lower dpi.")
    var maxPagePixels: Int = EvidenceOptions().maximumRenderPixels

    @Option(help: """
        Longest render and OCR of one page, in seconds (a worker still busy 5 s after it is killed and the file \
        fails, exit 9); 0 means no limit.
        """)
    var ocrTimeout: Double = 120

    @Option(help: "Where Poppler and Tesseract run: process (workers; a crash fails one file) or none (in process).")
    var isolation: IsolationMode = .process

    @Option(help: "Address space of one worker process, e.g. 4G; 0 means no limit.")
    var workerMemory: String = "4G"

    func validate() throws {
        guard workerMemory == "0" || Self.bytes(workerMemory).map({ $0 >= 256 * 1024 * 1024 }) == true else {
            throw ValidationError("--worker-memory takes e.g. 4G or 512M (at least 256M), or 0 for no limit")
        }
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
        switch isolation {
        case .none: options.isolation = .inProcess
        case .process:
            options.isolation = .workerProcess(WorkerMode.options(
                memoryLimitBytes: workerMemory == "0" ? nil : Self.bytes(workerMemory)
            ))
        }
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
