// `make bench` (pipeline part): the real `extract` command, run as a user runs it, with the offline model.
//   - cold run (empty cache) vs warm run (same document, same schema): goal warm ≥ 100× faster;
//   - a run after a schema change (only synthesis re-runs);
//   - peak RSS of a 200-page document vs a 20-page one (goal: flat).
//
//     BenchPipeline --extract .build/release/extract [--samples samples] [--schemas schemas] [--rss-runs N]
//                   [--rss-only]
//
// `--rss-runs N` runs each generated document N times and reports the minimum and median peak RSS; `--rss-only`
// skips the cold, warm and schema-change runs.
//
// The same cold and warm pair is also measured through the library (`import DocExtract`), as a service or the
// watch mode uses it: a fresh `Extractor` on an empty cache folder, then a new `Extractor` on the same folder.
// That shows what the cache saves without the cost of starting a process, which bounds the command's warm run.

import DocExtract
import ExtractTestSupport
import Foundation

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

struct Run {
    var seconds: Double
    var status: Int32
    /// The `extract` process's own peak RSS, from its report (GNU time would add the model server's).
    var peakRSSMiB: Double
    var stderr: String
}

/// Runs `extract`, discarding stdout; the peak RSS comes from the report it writes.
func runExtract(_ executable: String, _ arguments: [String]) throws -> Run {
    let report = NSTemporaryDirectory() + "bench-pipeline-report-\(getpid()).json"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments + ["--report", report]
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    let start = now()
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = now() - start
    var rss = 0.0
    if let data = FileManager.default.contents(atPath: report),
       let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
       let timings = object["timings"] as? [String: Any] {
        rss = timings["peakResidentMiB"] as? Double ?? 0
    }
    try? FileManager.default.removeItem(atPath: report)
    return Run(seconds: seconds, status: process.terminationStatus, peakRSSMiB: rss,
               stderr: String(decoding: errorData, as: UTF8.self))
}

var executable = ".build/release/extract"
var samples = "samples"
var schemas = "schemas"
var rssRuns = 1
var rssOnly = false
var iterator = CommandLine.arguments.dropFirst().makeIterator()
while let flag = iterator.next() {
    switch flag {
    case "--extract": executable = iterator.next() ?? executable
    case "--samples": samples = iterator.next() ?? samples
    case "--schemas": schemas = iterator.next() ?? schemas
    case "--rss-runs": rssRuns = max(1, Int(iterator.next() ?? "") ?? 1)
    case "--rss-only": rssOnly = true
    default:
        FileHandle.standardError.write(Data("BenchPipeline: unknown option \(flag)\n".utf8))
        exit(64)
    }
}

let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-pipeline-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let cache = work.appendingPathComponent("cache").path

// MARK: Cold, warm, schema change

let document = "\(samples)/invoice.pdf"
let schema = "\(schemas)/invoice.schema.json"
let skipped = Run(seconds: 0, status: 0, peakRSSMiB: 0, stderr: "")
let cold = rssOnly ? skipped : try runExtract(executable, [document, "--schema", schema, "--cache-dir", cache])
let warm = rssOnly ? skipped : try runExtract(executable, [document, "--schema", schema, "--cache-dir", cache])
var changedSchema = try String(contentsOfFile: schema, encoding: .utf8)
changedSchema = changedSchema.replacingOccurrences(of: "Key fields of a commercial invoice.",
                                                   with: "Key fields of a commercial invoice (changed).")
let changedPath = work.appendingPathComponent("invoice-changed.schema.json").path
try changedSchema.write(toFile: changedPath, atomically: true, encoding: .utf8)
let changed = rssOnly ? skipped : try runExtract(executable, [document, "--schema", changedPath, "--cache-dir", cache])
// A scanned page, where the cold run pays for OCR and model calls: born-digital invoice.pdf now needs almost no
// model call (its line items come from the item table), so its cold run no longer shows what the cache saves.
let scan = "\(samples)/receipt-scanned.pdf"
let scanSchema = "\(schemas)/receipt.schema.json"
let scanCold = rssOnly ? skipped : try runExtract(executable, [scan, "--schema", scanSchema, "--cache-dir", cache])
let scanWarm = rssOnly ? skipped : try runExtract(executable, [scan, "--schema", scanSchema, "--cache-dir", cache])

// MARK: Peak RSS against document length

let small = work.appendingPathComponent("pages-20.pdf")
let large = work.appendingPathComponent("pages-200.pdf")
let body: (Int) -> [String] = { page in
    ["Statement page \(page)", "Account holder: Nordvik Instruments B.V.", "Statement date: 14 March 2024"]
        + (1...40).map { "Item \(page)-\($0)   Sensor calibration batch \($0)   \($0 * 3).50 EUR" }
}
func generated(pages: Int) -> Data {
    MinimalPDF(pages: (1...pages).map { MinimalPDF.Page(width: 595, height: 842, lines: body($0)) }).data()
}
try generated(pages: 20).write(to: small)
try generated(pages: 200).write(to: large)
let statementSchema = work.appendingPathComponent("statement.schema.json")
try """
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
     "properties": {
       "account_holder": {"type": ["string", "null"], "description": "The account holder's name."},
       "statement_date": {"type": ["string", "null"], "format": "date", "description": "The statement date."}
     }, "required": ["account_holder", "statement_date"]}
    """.write(to: statementSchema, atomically: true, encoding: .utf8)
/// Runs one generated document `rssRuns` times; the returned run carries the median peak RSS (and the median
/// wall time), with every run's peak RSS.
@MainActor func measured(_ pdf: URL) throws -> (run: Run, all: [Double]) {
    var runs: [Run] = []
    for _ in 0..<rssRuns {
        runs.append(try runExtract(executable, [pdf.path, "--schema", statementSchema.path, "--no-cache"]))
    }
    let byRSS = runs.sorted { $0.peakRSSMiB < $1.peakRSSMiB }
    var median = byRSS[byRSS.count / 2]
    median.seconds = runs.map(\.seconds).sorted()[runs.count / 2]
    return (median, byRSS.map(\.peakRSSMiB))
}
let (twenty, twentyAll) = try measured(small)
let (twoHundred, twoHundredAll) = try measured(large)

// MARK: The same through the library
// After the peak-RSS runs: Linux carries a parent's peak RSS into the processes it starts, and these in-process
// runs (OCR included) would raise the figure every later `extract` reports.

/// A cold then a warm extraction through `Extractor`, each with a new extractor (the warm one on the cold one's
/// cache folder); each time includes creating and closing the extractor (and, cold, starting the local model).
func libraryPair(_ pdf: String, schema path: String) async throws -> (cold: Double, warm: Double, same: Bool) {
    let schema = try JSONValue(parsing: String(contentsOfFile: path, encoding: .utf8))
    var configuration = ExtractorConfiguration()
    configuration.cacheDirectory = work.appendingPathComponent("library-cache-\(UUID().uuidString)")
    var values: [JSONValue?] = []
    var seconds: [Double] = []
    for _ in 0..<2 {
        let start = now()
        let extractor = try Extractor(configuration: configuration)
        let result = try await extractor.extract(pdfAt: pdf, schema: schema)
        extractor.close()
        seconds.append(now() - start)
        values.append(result.value)
    }
    return (seconds[0], seconds[1], values[0] == values[1])
}
let library = rssOnly ? (cold: 0.0, warm: 1.0, same: true) : try await libraryPair(document, schema: schema)
let libraryScan = rssOnly ? (cold: 0.0, warm: 1.0, same: true) : try await libraryPair(scan, schema: scanSchema)

func describe(_ run: Run) -> String {
    run.status == 0 ? "" : " (exit \(run.status): \(run.stderr.split(separator: "\n").last ?? ""))"
}

let speedup = cold.seconds / max(warm.seconds, 1e-6)
let scanSpeedup = scanCold.seconds / max(scanWarm.seconds, 1e-6)
let librarySpeedup = library.cold / max(library.warm, 1e-6)
let libraryScanSpeedup = libraryScan.cold / max(libraryScan.warm, 1e-6)
func libraryNote(_ speedup: Double, same: Bool) -> String {
    "\(String(format: "%.0f", speedup))× faster than cold (goal ≥ 100×: \(speedup >= 100 ? "met" : "NOT met"))"
        + (same ? "" : "; DIFFERENT result from the cold run")
}
let rssRatio = twoHundred.peakRSSMiB / max(twenty.peakRSSMiB, 1e-6)
print("""

DocExtract pipeline benchmark — `extract` with the offline model, \(ProcessInfo.processInfo.activeProcessorCount) cores

| run | wall time | peak RSS | note |
|---|---:|---:|---|
| cold: invoice.pdf, empty cache | \(String(format: "%.2f", cold.seconds)) s | \(String(format: "%.0f", cold.peakRSSMiB)) MiB | \
includes starting the local model\(describe(cold)) |
| warm: same document and schema | \(String(format: "%.3f", warm.seconds)) s | \
\(String(format: "%.0f", warm.peakRSSMiB)) MiB | \(String(format: "%.0f", speedup))× faster than cold \
(goal ≥ 100×: \(speedup >= 100 ? "met" : "NOT met"))\(describe(warm)) |
| cold: receipt-scanned.pdf (OCR), empty cache | \(String(format: "%.2f", scanCold.seconds)) s | \
\(String(format: "%.0f", scanCold.peakRSSMiB)) MiB | \(describe(scanCold)) |
| warm: same scan and schema | \(String(format: "%.3f", scanWarm.seconds)) s | \
\(String(format: "%.0f", scanWarm.peakRSSMiB)) MiB | \(String(format: "%.0f", scanSpeedup))× faster than cold \
(goal ≥ 100×: \(scanSpeedup >= 100 ? "met" : "NOT met"))\(describe(scanWarm)) |
| library, cold: invoice.pdf, new `Extractor`, empty cache | \(String(format: "%.2f", library.cold)) s | | \
includes starting the local model |
| library, warm: new `Extractor`, same cache | \(String(format: "%.3f", library.warm)) s | | \
\(libraryNote(librarySpeedup, same: library.same)) |
| library, cold: receipt-scanned.pdf | \(String(format: "%.2f", libraryScan.cold)) s | | |
| library, warm: same scan | \(String(format: "%.3f", libraryScan.warm)) s | | \
\(libraryNote(libraryScanSpeedup, same: libraryScan.same)) |
| schema changed (description) | \(String(format: "%.2f", changed.seconds)) s | \
\(String(format: "%.0f", changed.peakRSSMiB)) MiB | only synthesis re-runs\(describe(changed)) |
| 20-page generated PDF, no cache | \(String(format: "%.2f", twenty.seconds)) s | \
\(String(format: "%.0f", twenty.peakRSSMiB)) MiB | \(describe(twenty)) |
| 200-page generated PDF, no cache | \(String(format: "%.2f", twoHundred.seconds)) s | \
\(String(format: "%.0f", twoHundred.peakRSSMiB)) MiB | RSS ratio 200/20 = \(String(format: "%.2f", rssRatio)) \
(goal flat, ≤ 1.10: \(rssRatio <= 1.10 ? "met" : "NOT met"))\(describe(twoHundred)) |

Peak RSS is the `extract` process's own (from its report); the local model server is a separate process.
""")
if rssRuns > 1 {
    let format = { (values: [Double]) in values.map { String(format: "%.1f", $0) }.joined(separator: ", ") }
    print("""
    Peak RSS over \(rssRuns) runs (MiB, sorted): 20 pages \(format(twentyAll)); 200 pages \(format(twoHundredAll)); \
    ratio of minima \(String(format: "%.2f", twoHundredAll[0] / max(twentyAll[0], 1e-6))), of medians \
    \(String(format: "%.2f", rssRatio)).
    """)
}
