// `make bench` (watch part): the real `extract watch`, run as a user runs it, with the offline model.
//   - documents per minute and seconds per document over the invoice2data dev list (eval/invoice2data.tsv,
//     documents in ../shared/corpus), dropped into the inbox at once, with an empty stage cache;
//   - the idle CPU of the watcher: clock ticks (/proc/PID/stat utime + stime, children included) over
//     --idle seconds with an empty inbox, before the batch (nothing started yet) and after it (the worker
//     processes and the local model server warm).
// Skips with a message (exit 0) when the local model or the corpus is not installed.
//
//     BenchWatch --extract .build/release/extract [--list eval/invoice2data.tsv] [--limit N] [--workers 2]
//                [--idle 10] [--timeout 3600] [--json bench-results/watch.json] [--log bench-results/watch.log]
// After --timeout seconds the figures of the documents finished so far are reported.

import Foundation

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BenchWatch: \(message)\n".utf8))
    exit(1)
}

/// The watcher's standard error lines, appended by the reader thread.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

func skip(_ message: String) -> Never {
    print("BenchWatch: skipped — \(message)")
    exit(0)
}

var executable = ".build/release/extract"
var list = "eval/invoice2data.tsv"
var limit = Int.max
var workers = 2
var idleSeconds = 10.0
var jsonPath: String?
var logPath: String?
var batchLimit = 3600.0
var iterator = CommandLine.arguments.dropFirst().makeIterator()
while let flag = iterator.next() {
    switch flag {
    case "--extract": executable = iterator.next() ?? executable
    case "--list": list = iterator.next() ?? list
    case "--limit": limit = iterator.next().flatMap(Int.init) ?? limit
    case "--workers": workers = iterator.next().flatMap(Int.init) ?? workers
    case "--idle": idleSeconds = iterator.next().flatMap(Double.init) ?? idleSeconds
    case "--json": jsonPath = iterator.next()
    case "--log": logPath = iterator.next()
    case "--timeout": batchLimit = iterator.next().flatMap(Double.init) ?? batchLimit
    default:
        FileHandle.standardError.write(Data("BenchWatch: unknown option \(flag)\n".utf8))
        exit(64)
    }
}

// MARK: What is needed

let environment = ProcessInfo.processInfo.environment
let home = environment["DOCEXTRACT_HOME"] ?? (NSHomeDirectory() + "/.local/share/docextract")
let server = environment["DOCEXTRACT_LLAMA_SERVER"] ?? home + "/bin/llama-server"
let weights = environment["DOCEXTRACT_LOCAL_MODEL"] ?? home + "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
guard FileManager.default.isExecutableFile(atPath: server), FileManager.default.isReadableFile(atPath: weights) else {
    skip("the local model is not installed (\(server), \(weights)); `make setup-llm` installs it")
}
guard FileManager.default.isExecutableFile(atPath: executable) else {
    fail("no extract executable at \(executable); build it with `swift build -c release` or pass --extract")
}
guard let listText = try? String(contentsOfFile: list, encoding: .utf8) else {
    fail("cannot read the dataset list \(list); pass --list eval/invoice2data.tsv")
}
let listFolder = URL(fileURLWithPath: list).deletingLastPathComponent()
struct Document {
    var pdf: URL
    var schema: URL
    /// The name it gets in the inbox (unique, `.pdf`).
    var name: String
}
var documents: [Document] = []
for line in listText.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
    let columns = line.split(separator: "\t").map(String.init)
    guard columns.count >= 3 else { continue }
    let pdf = listFolder.appendingPathComponent(columns[0]).standardizedFileURL
    let schema = listFolder.appendingPathComponent(columns[2]).standardizedFileURL
    documents.append(Document(pdf: pdf, schema: schema, name: "doc-\(documents.count + 1)-" + pdf.lastPathComponent))
}
documents = Array(documents.prefix(limit))
guard !documents.isEmpty else { fail("the list \(list) names no documents") }
for document in documents where !FileManager.default.fileExists(atPath: document.pdf.path) {
    skip("the corpus is not there (\(document.pdf.path) is missing)")
}

// MARK: A watcher on a fresh inbox

let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-watch-\(getpid())")
let inbox = work.appendingPathComponent("inbox")
let outbox = work.appendingPathComponent("outbox")
let cache = work.appendingPathComponent("cache")
for folder in [inbox, outbox, cache] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
}
defer { try? FileManager.default.removeItem(at: work) }
// Every document gets its own schema through a route on its name (outside the inbox, so it is not a document).
let routes: [[String: String]] = documents.map { ["match": $0.name, "schema": $0.schema.path] }
let routesFile = work.appendingPathComponent("schemas.json")
try JSONSerialization.data(withJSONObject: ["routes": routes], options: [.prettyPrinted]).write(to: routesFile)

let watcher = Process()
watcher.executableURL = URL(fileURLWithPath: executable)
watcher.arguments = [
    "watch", inbox.path, "--schema", documents[0].schema.path, "--schemas", routesFile.path, "--out", outbox.path,
    "--workers", String(workers), "--poll", "2", "--summary-every", "3600", "--cache-dir", cache.path,
]
let errors = Pipe()
watcher.standardError = errors
watcher.standardOutput = FileHandle.nullDevice
let lines = LinesBox()
let readerDone = DispatchSemaphore(value: 0)
try watcher.run()
let reader = Thread {
    defer { readerDone.signal() }
    var pending = Data()
    while true {
        let chunk = errors.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        pending.append(chunk)
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
    }
}
reader.start()

/// Waits until `condition` holds, checking every 50 ms; fails after `timeout` seconds.
func waitFor(_ what: String, timeout: Double, _ condition: () -> Bool) {
    let deadline = now() + timeout
    while !condition() {
        if now() > deadline || !watcher.isRunning {
            watcher.terminate()
            fail("gave up waiting for \(what); the watcher said:\n" + lines.all.suffix(20).joined(separator: "\n"))
        }
        usleep(50_000)
    }
}

waitFor("the watcher to start", timeout: 60) { lines.all.contains { $0.contains("watch: watching") } }

// MARK: CPU ticks of the watcher and its children

/// utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
func ticks(of pid: Int32) -> (ticks: Int, parent: Int32)? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After the name: state(3) ppid(4) … utime(14) stime(15); fields[0] is field 3.
    guard fields.count > 13, let parent = Int32(fields[1]), let user = Int(fields[11]), let system = Int(fields[12])
    else { return nil }
    return (user + system, parent)
}

/// Every process below `root` (evidence workers, llama-server).
func descendants(of root: Int32) -> [Int32] {
    var parents: [Int32: Int32] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(name), let entry = ticks(of: pid) else { continue }
        parents[pid] = entry.parent
    }
    return parents.keys.filter { pid in
        var current = parents[pid]
        while let parent = current, parent > 1 {
            if parent == root { return true }
            current = parents[parent]
        }
        return false
    }
}

/// The watcher's ticks, and those of every process below it (evidence workers, llama-server).
func treeTicks(_ root: Int32) -> (watcher: Int, children: Int, processes: Int) {
    var parents: [Int32: Int32] = [:]
    var counts: [Int32: Int] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(name), let entry = ticks(of: pid) else { continue }
        parents[pid] = entry.parent
        counts[pid] = entry.ticks
    }
    func below(_ pid: Int32) -> Bool {
        var current = parents[pid]
        while let parent = current, parent > 1 {
            if parent == root { return true }
            current = parents[parent]
        }
        return false
    }
    let children = counts.keys.filter(below)
    return (counts[root] ?? 0, children.reduce(0) { $0 + (counts[$1] ?? 0) }, children.count)
}

struct Idle {
    var watcherTicks: Int
    var childTicks: Int
    var children: Int
}

func measureIdle(seconds: Double) -> Idle {
    let before = treeTicks(watcher.processIdentifier)
    usleep(useconds_t(seconds * 1_000_000))
    let after = treeTicks(watcher.processIdentifier)
    return Idle(watcherTicks: after.watcher - before.watcher, childTicks: after.children - before.children,
                children: after.processes)
}

/// The 1-minute load average: the figures mean little on a machine other work keeps busy.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return text.split(separator: " ").first.map(String.init) ?? "?"
}

let clockTicks = sysconf(Int32(_SC_CLK_TCK))
let idleBefore = measureIdle(seconds: idleSeconds)
print(String(format: "BenchWatch: idle %.0f s before the batch: watcher %d ticks, %d child processes %d ticks "
             + "(%d ticks per second)", idleSeconds, idleBefore.watcherTicks, idleBefore.children,
             idleBefore.childTicks, clockTicks))
let loadBefore = loadAverage()
print("BenchWatch: dropping \(documents.count) documents (load average \(loadBefore))")
fflush(nil)

// MARK: The batch

let started = now()
for document in documents {
    let partial = inbox.appendingPathComponent(document.name + ".part")
    try FileManager.default.copyItem(at: document.pdf, to: partial)
    guard rename(partial.path, inbox.appendingPathComponent(document.name).path) == 0 else {
        fail("cannot rename \(partial.path) into the inbox")
    }
}
func finished() -> [String] {
    ["processed", "failed"].flatMap { folder -> [String] in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(folder).path))
        return (names ?? []).filter { $0.hasSuffix(".pdf") }
    }
}
var reported = 0
while finished().count < documents.count, now() - started < batchLimit, watcher.isRunning {
    let done = finished().count
    if done > reported {
        reported = done
        print(String(format: "BenchWatch:   %d of %d finished after %.1f s", done, documents.count, now() - started))
        fflush(nil)
    }
    usleep(50_000)
}
let elapsed = now() - started
let finishedCount = finished().count
if finishedCount < documents.count {
    print(String(format: "BenchWatch: only %d of %d documents finished within %.0f s (--timeout); figures below are "
                 + "for those", finishedCount, documents.count, batchLimit))
}
let loadAfter = loadAverage()
let idleAfter = measureIdle(seconds: idleSeconds)
// Documents still in progress would finish first on SIGTERM: past the time limit, stop at once.
if finishedCount < documents.count {
    let below = descendants(of: watcher.processIdentifier)
    kill(watcher.processIdentifier, SIGKILL)
    for pid in below { kill(pid, SIGTERM) }
} else {
    watcher.terminate()
}
watcher.waitUntilExit()
readerDone.wait()
if let logPath { try lines.all.joined(separator: "\n").write(toFile: logPath, atomically: true, encoding: .utf8) }

// MARK: Figures

/// `watch: NAME: success — 1 page (…), 23.41 s, 1843 tokens, …` → (name, outcome, seconds).
struct DocumentLine {
    var name: String
    var outcome: String
    var seconds: Double
}
var perDocument: [DocumentLine] = []
for line in lines.all where line.hasPrefix("watch: doc-") {
    guard let dash = line.range(of: " — ") else { continue }
    let head = line[line.index(line.startIndex, offsetBy: 7)..<dash.lowerBound]
    guard let colon = head.range(of: ".pdf: ") else { continue }
    let name = String(head[..<colon.lowerBound]) + ".pdf"
    let outcome = String(head[colon.upperBound...])
    // The time is the last `12.34 s` before the arrow to the output (a failure's reason comes before it).
    let tail = line[dash.upperBound...]
    let timed = tail.range(of: " → ", options: .backwards).map { tail[..<$0.lowerBound] } ?? tail
    var seconds = 0.0
    var rest = timed[...]
    while let match = rest.range(of: #"[0-9]+\.[0-9]{2} s(,|$)"#, options: .regularExpression) {
        seconds = Double(rest[match].prefix { $0 != " " }) ?? seconds
        rest = rest[match.upperBound...]
    }
    perDocument.append(DocumentLine(name: name, outcome: outcome, seconds: seconds))
}
let processed = ((try? FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("processed").path))
    ?? []).filter { $0.hasSuffix(".pdf") }.count
let perMinute = Double(finishedCount) / elapsed * 60
let meanSeconds = perDocument.isEmpty ? 0 : perDocument.map(\.seconds).reduce(0, +) / Double(perDocument.count)

print("BenchWatch: \(documents.count) documents of \(list) through `extract watch --workers \(workers)` "
      + "(local model, empty cache; load average \(loadBefore) at the start, \(loadAfter) at the end)")
print(String(format: "  %.1f s wall, %.2f documents/min, %.1f s per document (mean of the watcher's own timings), "
             + "%d processed, %d failed, %d unfinished", elapsed, perMinute, meanSeconds, processed,
             finishedCount - processed, documents.count - finishedCount))
for line in perDocument {
    print(String(format: "    %-48@ %7.2f s  %@", line.name as NSString, line.seconds, line.outcome as NSString))
}
print(String(format: "  idle %.0f s, empty inbox, before the batch: watcher %d ticks (%.2f %% of a core), "
             + "%d child processes %d ticks", idleSeconds, idleBefore.watcherTicks,
             Double(idleBefore.watcherTicks) / Double(clockTicks) / idleSeconds * 100, idleBefore.children,
             idleBefore.childTicks))
print(String(format: "  idle %.0f s, empty inbox, after the batch: watcher %d ticks (%.2f %% of a core), "
             + "%d child processes (workers, llama-server) %d ticks (%.2f %%); %d ticks per second",
             idleSeconds, idleAfter.watcherTicks,
             Double(idleAfter.watcherTicks) / Double(clockTicks) / idleSeconds * 100, idleAfter.children,
             idleAfter.childTicks, Double(idleAfter.childTicks) / Double(clockTicks) / idleSeconds * 100, clockTicks))

if let jsonPath {
    let object: [String: Any] = [
        "documents": documents.count, "finished": finishedCount, "processed": processed, "workers": workers,
        "wall_seconds": elapsed,
        "documents_per_minute": perMinute, "mean_seconds_per_document": meanSeconds,
        "per_document": perDocument.map { ["name": $0.name, "outcome": $0.outcome, "seconds": $0.seconds] },
        "idle_seconds": idleSeconds, "clock_ticks_per_second": clockTicks,
        "load_average_start": loadBefore, "load_average_end": loadAfter,
        "idle_before": ["watcher_ticks": idleBefore.watcherTicks, "child_ticks": idleBefore.childTicks,
                        "children": idleBefore.children],
        "idle_after": ["watcher_ticks": idleAfter.watcherTicks, "child_ticks": idleAfter.childTicks,
                       "children": idleAfter.children],
    ]
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        .write(to: URL(fileURLWithPath: jsonPath))
}
