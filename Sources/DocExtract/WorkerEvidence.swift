import ExtractCore
import Foundation
import ModelClients
import PopplerStage
import Synchronization

/// The parent side of ``EvidenceIsolation/workerProcess(_:)``: a pool of evidence worker processes, one per
/// pool thread, each reused across documents and replaced when it dies.
///
/// A worker that crashes, is killed (out of memory) or stops answering fails only the request it was
/// serving, with an error naming the signal, the native step and the page. A worker that overruns a time
/// limit (the page's OCR time limit plus ``WorkerProcessOptions/ocrDeadlineMargin`` while rendering and OCR'ing,
/// ``WorkerProcessOptions/requestTimeout`` otherwise) is killed and the request fails with
/// `.timeLimitExceeded`; the next request starts a new worker.
final class WorkerEvidence: Sendable {
    private let pool: ThreadWorkerPool<WorkerSlot>
    private let starts = WorkerStarts()
    let options: WorkerProcessOptions

    init(options: WorkerProcessOptions, threads: Int) {
        self.options = options
        let starts = starts
        pool = ThreadWorkerPool(threadCount: threads, name: "evidence-worker") {
            WorkerSlot(options: options, starts: starts)
        }
    }

    var threadCount: Int { pool.threadCount }

    /// Stops the pool's threads; their workers see their input close and exit.
    func shutdown(waitUntilStopped: Bool = false) {
        pool.shutdown(waitUntilStopped: waitUntilStopped)
    }

    /// The number of worker processes this pool started so far (replacements included).
    var workersStarted: Int { starts.count.withLock { $0 } }

    func info(_ source: PDFSource, path: String) async throws -> DocumentInfo {
        let request = WorkerMessage.Request(
            op: .info, path: path, name: source.displayName, password: source.password
        )
        let reply = try await pool.run { slot in try slot.call(request) }
        guard let info = reply.info else { throw Self.malformed(request) }
        return info
    }

    func textLayer(_ request: PageRequest, path: String) async throws -> TextLayerStage.Output {
        let message = WorkerMessage.Request(
            op: .text, path: path, name: request.source.displayName, password: request.source.password,
            page: request.page
        )
        let reply = try await pool.run { slot in try slot.call(message) }
        guard let text = reply.text else { throw Self.malformed(message) }
        return text
    }

    /// One page rendered and OCR'd whole or, with `regions`, only those areas of it.
    func ocr(_ request: PageRequest, path: String, options evidence: EvidenceOptions, regions: [BoundingBox]? = nil)
        async throws -> PageOCRStage.Output
    {
        let message = WorkerMessage.Request(
            op: regions == nil ? .ocr : .ocrRegions, path: path, name: request.source.displayName,
            password: request.source.password, page: request.page, languages: evidence.languages, dpi: evidence.dpi,
            deskew: evidence.deskew, matchScan: evidence.matchScanResolution,
            preprocess: evidence.preprocessing.rawValue, maxPixels: evidence.maximumRenderPixels,
            ocrMilliseconds: evidence.maximumOCRDuration.map { duration in
                let parts = duration.components
                return max(1, Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000))
            },
            regions: regions
        )
        let reply = try await pool.run { slot in try slot.call(message) }
        guard let ocr = reply.ocr else { throw Self.malformed(message) }
        return ocr
    }

    private static func malformed(_ request: WorkerMessage.Request) -> ExtractError {
        ExtractError(.internalError, "the evidence worker answered a \(request.op.rawValue) request without a result",
                     path: request.name, page: request.page)
    }
}

/// How many worker processes one pool started.
final class WorkerStarts: Sendable {
    let count = Mutex(0)
}

/// One pool thread's worker process, started on first use and replaced after it dies.
final class WorkerSlot {
    private let options: WorkerProcessOptions
    private let starts: WorkerStarts
    private var process: PipedProcess?

    init(options: WorkerProcessOptions, starts: WorkerStarts) {
        self.options = options
        self.starts = starts
    }

    /// Sends `request` and returns the worker's final reply; a reply carrying an error is thrown.
    func call(_ request: WorkerMessage.Request) throws -> WorkerMessage.Reply {
        let worker = try running()
        let line: Data
        do {
            line = try JSONEncoder().encode(request)
        } catch {
            throw ExtractError(.internalError, "cannot encode a worker request: \(error)", path: request.name)
        }
        var phase = "open"
        if !worker.send(line) { throw crashed(worker, request: request, phase: phase) }
        var deadline = ContinuousClock.now + options.requestTimeout
        var ocrLimit: Duration?
        while true {
            switch worker.readLine(timeout: deadline - ContinuousClock.now) {
            case .line(let data):
                guard let reply = try? JSONDecoder().decode(WorkerMessage.Reply.self, from: data) else {
                    worker.kill()
                    process = nil
                    throw ExtractError(.internalError, "the evidence worker sent an unreadable reply",
                                       path: request.name, page: request.page)
                }
                if let next = reply.phase {
                    phase = next
                    if next == "render", let milliseconds = request.ocrMilliseconds {
                        // From here the page's OCR time limit holds, whatever the native code checks itself.
                        ocrLimit = .milliseconds(milliseconds)
                        deadline = ContinuousClock.now + .milliseconds(milliseconds) + options.ocrDeadlineMargin
                    }
                    continue
                }
                if let error = reply.error { throw error.error(path: request.name) }
                return reply
            case .closed:
                throw crashed(worker, request: request, phase: phase)
            case .timedOut:
                worker.kill()
                process = nil
                if let ocrLimit { throw ocrTimedOut(request, phase: phase, limit: ocrLimit) }
                throw ExtractError(
                    .timeLimitExceeded,
                    "\(Self.component(for: phase)) did not finish within \(Self.describe(options.requestTimeout))"
                        + "\(Self.place(request)) and was stopped; the file was skipped",
                    path: request.name, page: request.page
                )
            }
        }
    }

    private func running() throws -> PipedProcess {
        if let process { return process }
        var arguments = options.arguments
        if let limit = options.memoryLimitBytes { arguments += ["--memory-limit", String(limit)] }
        do {
            let started = try PipedProcess(
                executable: options.executable, arguments: arguments, environment: options.environment
            )
            starts.count.withLock { $0 += 1 }
            process = started
            return started
        } catch {
            throw ExtractError(
                .internalError,
                "cannot start the evidence worker \(options.executable.path): \(error); use in-process reading "
                    + "(--isolation none) or check the executable"
            )
        }
    }

    private func crashed(_ worker: PipedProcess, request: WorkerMessage.Request, phase: String) -> ExtractError {
        _ = worker.waitForExit()
        process = nil
        let how: String
        if let signal = worker.terminationSignal {
            how = "crashed (signal \(signal)\(Self.signalName(signal).map { ", \($0)" } ?? ""))"
        } else {
            how = "exited unexpectedly (exit code \(worker.exitCode ?? -1))"
        }
        var hint = "the file was skipped (likely a damaged or hostile PDF"
        if let limit = options.memoryLimitBytes {
            hint += ", or one needing more than the worker's memory limit of \(limit / 1_048_576) MiB: "
                + "raise it with --worker-memory"
        }
        hint += ")"
        return ExtractError(
            Self.code(for: phase), "\(Self.component(for: phase)) \(how)\(Self.place(request)); \(hint)",
            path: request.name, page: request.page
        )
    }

    /// The page's render and OCR ran past the OCR time limit and its margin; the worker has been killed.
    private func ocrTimedOut(_ request: WorkerMessage.Request, phase: String, limit: Duration) -> ExtractError {
        ExtractError(
            .timeLimitExceeded,
            "\(Self.component(for: phase)) did not finish the page within the OCR time limit of "
                + "\(Self.describe(limit)) (plus a margin of \(Self.describe(options.ocrDeadlineMargin))) and its "
                + "worker was stopped; the file was skipped (raise the limit with --ocr-timeout "
                + "\(Self.seconds(limit * 2)), or 0 for no limit)",
            path: request.name, page: request.page
        )
    }

    /// `120 s`, `0.5 s`.
    private static func describe(_ duration: Duration) -> String { "\(seconds(duration)) s" }

    /// `120`, `0.5`: a duration in seconds, as the flags take it.
    private static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)" : "\(Double(milliseconds) / 1000)"
    }

    /// Where it happened, when the error's page does not already say it.
    private static func place(_ request: WorkerMessage.Request) -> String {
        request.page == nil ? " while opening the document" : ""
    }

    private static func component(for phase: String) -> String {
        switch phase {
        case "render": "the PDF renderer"
        case "ocr": "the OCR engine"
        default: "the PDF reader"
        }
    }

    private static func code(for phase: String) -> ExtractError.Code {
        switch phase {
        case "render": .renderFailed
        case "ocr": .ocrFailed
        default: .damagedPDF
        }
    }

    private static func signalName(_ signal: Int32) -> String? {
        switch signal {
        case SIGSEGV: "SIGSEGV"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGKILL: "SIGKILL"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGFPE: "SIGFPE"
        default: nil
        }
    }
}
