// `make bench` (evidence part): our in-process Poppler text extraction against `pdftotext -bbox-layout`, and our
// render + OCR against `pdftoppm -r 300 -gray | tesseract` run serially per page, on samples/ and every PDF of
// the shared corpus. The command-line tools are used here only, for comparison; the product never calls them.
//
//     BenchEvidence --samples samples --corpus ../shared/corpus [--ocr-pages N] [--json out.json]
//         [--ocr-preprocess auto|contrast|none] [--ocr-resolution scan|fixed]
//
// Ours reads each page as the pipeline does by default: scanned pages at the scan's own resolution (300 dpi
// otherwise), Leptonica preprocessing `auto`.

import ExtractCore
import Foundation
import PopplerStage
import TesseractStage

struct Arguments {
    var samples = "samples"
    var corpus = "../shared/corpus"
    var ocrPageLimit = Int.max
    var jsonOut: String?
    var preprocessing = OCRPreprocessing.auto
    var matchScan = true

    init(_ argv: [String]) {
        var iterator = argv.dropFirst().makeIterator()
        while let flag = iterator.next() {
            switch flag {
            case "--samples": samples = iterator.next() ?? samples
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--ocr-pages": ocrPageLimit = Int(iterator.next() ?? "") ?? ocrPageLimit
            case "--json": jsonOut = iterator.next()
            case "--ocr-preprocess": preprocessing = OCRPreprocessing(rawValue: iterator.next() ?? "") ?? preprocessing
            case "--ocr-resolution": matchScan = iterator.next() != "fixed"
            default:
                FileHandle.standardError.write(Data("BenchEvidence: unknown option \(flag)\n".utf8))
                exit(64)
            }
        }
    }
}

/// Wall-clock seconds since an arbitrary start.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Peak resident memory of this process in MiB.
func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Runs a shell pipeline (for the CLI side only) and returns whether it succeeded.
@discardableResult
func shell(_ command: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-o", "pipefail", "-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

func quoted(_ path: String) -> String { "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }

func pdfFiles(under root: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var files: [String] = []
    while let item = walker.nextObject() as? String {
        if item.lowercased().hasSuffix(".pdf"), !item.hasPrefix("bad/") {
            files.append((root as NSString).appendingPathComponent(item))
        }
    }
    return files.sorted()
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

let arguments = Arguments(CommandLine.arguments)
if ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil {
    print("note: OMP_THREAD_LIMIT is not set; Tesseract (ours and the CLI) runs 5-9x slower. `make bench` sets it.")
}
let files = pdfFiles(under: arguments.samples) + pdfFiles(under: arguments.corpus)
guard !files.isEmpty else {
    print("BenchEvidence: no PDFs under \(arguments.samples) or \(arguments.corpus)")
    exit(1)
}

// MARK: Text layer: ours in process vs pdftotext -bbox-layout

var readable: [(path: String, pages: Int)] = []
var textPages = 0
var words = 0
let oursTextStart = now()
for path in files {
    guard let document = try? PDFDocument(.file(path)) else { continue }
    readable.append((path, document.pageCount))
    for page in 1...max(1, document.pageCount) where page <= document.pageCount {
        if let text = try? document.textLayer(page: page) {
            words += text.words.count
            textPages += 1
        }
    }
}
let oursText = now() - oursTextStart
let textRSS = peakRSS()
let cliTextStart = now()
for (path, _) in readable {
    shell("pdftotext -bbox-layout \(quoted(path)) /dev/null")
}
let cliText = now() - cliTextStart

// MARK: Scanned pages: ours (render + OCR, 2 workers) vs pdftoppm | tesseract serially

struct OCRJob: Sendable {
    var path: String
    var page: Int
}

let routing = OCRRouting()
var jobs: [OCRJob] = []
// Pages whose text layer is used but whose large images the pipeline OCRs as regions (not timed here).
var regionPages = 0
for (path, pages) in readable {
    guard let document = try? PDFDocument(.file(path)) else { continue }
    for page in 1...max(1, pages) where page <= pages {
        guard let text = try? document.textLayer(page: page),
              let probe = try? document.probe(page: page, textLayer: text),
              let size = try? document.pageSize(page) else { continue }
        let decision = routing.decide(mode: .auto, probe: probe, pageArea: size.width * size.height)
        if decision.runOCR { jobs.append(OCRJob(path: path, page: page)) }
        if decision.ocrsRegions { regionPages += 1 }
    }
}
jobs = Array(jobs.prefix(arguments.ocrPageLimit))

let threads = ProcessInfo.processInfo.activeProcessorCount
let reader = PDFReader(threads: threads)
let ocr = OCRService(languages: try OCRLanguages("eng"), threads: threads)
// Warm both pools (engine load, first render) outside the timing, as a long-running process would be.
if let first = jobs.first {
    _ = try? await ocr.recognize(try await reader.renderGray(.file(first.path), page: first.page, dpi: 300))
}
let preprocessing = arguments.preprocessing
let matchScan = arguments.matchScan
/// Renders and OCRs one page; the number of words read (0 when the page failed).
@Sendable func ocrWordCount(_ job: OCRJob) async -> Int {
    do {
        let (image, _) = try await reader.renderGrayForOCR(
            .file(job.path), page: job.page, dpi: 300, matchingScan: matchScan
        )
        return try await ocr.recognize(image, preprocessing: preprocessing).words.count
    } catch {
        return 0
    }
}

let oursOCRStart = now()
let ocrWords = await withTaskGroup(of: Int.self) { group in
    var iterator = jobs.makeIterator()
    var total = 0
    for _ in 0..<(threads * 2) {
        guard let job = iterator.next() else { break }
        group.addTask { await ocrWordCount(job) }
    }
    while let count = await group.next() {
        total += count
        if let job = iterator.next() {
            group.addTask { await ocrWordCount(job) }
        }
    }
    return total
}
let oursOCR = now() - oursOCRStart
let oursRSS = peakRSS()
reader.shutdown(waitUntilStopped: true)
ocr.shutdown(waitUntilStopped: true)

let rssLog = NSTemporaryDirectory() + "bench-evidence-rss-\(getpid()).txt"
let timed = "/usr/bin/time -f %M -a -o \(quoted(rssLog))"
let cliOCRStart = now()
var cliFailures = 0
for job in jobs {
    let command = "\(timed) pdftoppm -r 300 -gray -f \(job.page) -l \(job.page) \(quoted(job.path)) "
        + "| \(timed) tesseract - - >/dev/null"
    if !shell(command) { cliFailures += 1 }
}
let cliOCR = now() - cliOCRStart
// GNU time's %M is the peak resident set in KiB of each command of the pipeline.
let cliRSS = ((try? String(contentsOfFile: rssLog, encoding: .utf8)) ?? "")
    .split(whereSeparator: \.isNewline).compactMap { Double($0) }.max().map { $0 / 1024 } ?? 0
try? FileManager.default.removeItem(atPath: rssLog)

// MARK: Report

let textRatio = oursText / max(cliText, 1e-9)
let ocrRatio = oursOCR / max(cliOCR, 1e-9)
print("""

DocExtract evidence benchmark — \(readable.count) PDFs (\(textPages) pages), \(jobs.count) pages routed to OCR, \
\(threads) cores

| step | ours (in process) | CLI | ratio ours/CLI | goal |
|---|---:|---:|---:|---|
| text layer, \(textPages) pages | \(format(oursText, 3)) s (\(format(Double(textPages) / oursText, 0)) pages/s) \
| pdftotext -bbox-layout \(format(cliText, 3)) s (\(format(Double(textPages) / cliText, 0)) pages/s) \
| \(format(textRatio)) | ≤ 1.0 \(textRatio <= 1.0 ? "met" : "NOT met") |
| render (\(matchScan ? "scans at their resolution" : "300 dpi")) + OCR (\(preprocessing.rawValue)), \
\(jobs.count) pages | \(format(oursOCR, 1)) s (\(format(Double(jobs.count) / oursOCR))\
 pages/s, \(threads) workers) | pdftoppm -gray \\| tesseract, serial: \(format(cliOCR, 1)) s \
(\(format(Double(jobs.count) / cliOCR)) pages/s) | \(format(ocrRatio)) | ≤ 0.6 \(ocrRatio <= 0.6 ? "met" : "NOT met") |

Peak RSS: ours \(format(textRSS, 0)) MiB after the text pass over every PDF, \(format(oursRSS, 0)) MiB after OCR \
(\(threads) Poppler documents + \(threads) Tesseract engines); largest CLI process \(format(cliRSS, 0)) MiB.
Words: \(words) from text layers, \(ocrWords) from OCR\(cliFailures > 0 ? "; \(cliFailures) CLI pages failed" : "").
Pages read from their text layer whose large images (≥ \(Int(routing.minimumImageRegionShare * 100)) % of the page) \
the pipeline also OCRs as regions: \(regionPages) (not timed here).
""")

if let out = arguments.jsonOut {
    let record: [String: Any] = [
        "pdfs": readable.count, "text_pages": textPages, "ocr_pages": jobs.count, "cores": threads,
        "region_ocr_pages": regionPages, "ocr_preprocess": preprocessing.rawValue,
        "ocr_resolution": matchScan ? "scan" : "fixed",
        "ours_text_s": oursText, "cli_text_s": cliText, "text_ratio": textRatio,
        "ours_ocr_s": oursOCR, "cli_ocr_s": cliOCR, "ocr_ratio": ocrRatio,
        "ours_peak_rss_mib": oursRSS, "ours_text_peak_rss_mib": textRSS, "cli_peak_rss_mib": cliRSS,
    ]
    let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: out))
}
