import DocExtract
import Foundation
import JSONCore

/// Takes one claimed document from `.processing/` to its final state: outputs written and the input in
/// `processed/`, or a failure record and the input in `failed/`; or, for a transient failure, left claimed.
///
/// Every step is durable before the next starts, and every state a crash can leave is recognised on the
/// next start: an output without a moved input is finished by moving the input; a failure record without a
/// moved input likewise; anything else is extracted again (cheaply, from the stage cache). So a document
/// ends with exactly one output or one failure record.
struct DocumentProcessor: Sendable {
    /// What became of the document.
    enum Outcome: Sendable {
        case processed
        case failed
        /// A transient failure: retry after a backoff.
        case retry(reason: String)
        /// The worker process crashed on it for the first time: read it once more, now.
        case retryNow(reason: String)
    }

    let layout: InboxLayout
    let routes: SchemaRoutes
    let extractor: Extractor
    let password: String?
    let maxInterruptedStarts: Int
    let maxWorkerCrashes: Int
    let fileTimeout: Duration?
    let reviewRenderer: (@Sendable (ExtractionResult, String) async throws -> Data)?
    let log: @Sendable (String) -> Void
    let statistics: WatchStatistics

    /// Processes `relative` (a path under `.processing/`). `firstTimeHere` is true the first time this
    /// process handles the claim; only then does it count as a (possibly interrupted) start.
    func process(_ relative: String, firstTimeHere: Bool) async -> Outcome {
        let started = ContinuousClock.now
        let claim = layout.claimFile(relative)
        do {
            if FileManager.default.fileExists(atPath: layout.output(relative).path) {
                try finish(relative, into: layout.processedFile(relative))
                log("watch: \(relative): processed (outputs were already written before a restart)")
                statistics.finished(success: true, pages: 0, tokens: 0, seconds: 0)
                return .processed
            }
            if FileManager.default.fileExists(atPath: layout.errorRecord(relative).path) {
                try finish(relative, into: layout.failedFile(relative))
                log("watch: \(relative): failed (the failure record was already written before a restart)")
                statistics.finished(success: false, pages: 0, tokens: 0, seconds: 0)
                return .failed
            }
            // Checked on the claim itself, so a file swapped for a link after the scan is caught too.
            if !InboxLayout.isRegularFile(claim) {
                return try fail(relative, reason: Self.notARegularFile(claim), code: "notAFile",
                                exitCode: ExtractError.Code.notAFile.exitCode, report: nil, started: started)
            }
            if firstTimeHere {
                let starts = try countStart(relative)
                if starts > maxInterruptedStarts {
                    let reason = "the watcher stopped \(starts - 1) times while reading this document (a crash or "
                        + "kill); set aside as a poison file — check it with `extract inspect`"
                    return try fail(relative, reason: reason, code: "interrupted", exitCode: 70, report: nil,
                                    started: started)
                }
            }
            let schemaPath = routes.schemaPath(for: relative)
            let schema = routes.schema(for: relative)
            let (extractor, password, renderer, log) = (extractor, password, reviewRenderer, log)
            let review = layout.review(relative)
            let (extracted, reviewPage) = try await FileDeadline.run(limit: fileTimeout) {
                var result = try await extractor.extract(pdfAt: claim.path, schema: schema, password: password)
                result.file = relative
                guard let renderer, review != nil, result.value != nil, result.status != .failure else {
                    return (result, Data?.none)
                }
                do {
                    return (result, try await renderer(result, claim.path))
                } catch {
                    log("watch: \(relative): warning: no review page could be made (\(error)); the outputs are "
                        + "written without it")
                    return (result, nil)
                }
            }
            let result = extracted
            let report = try Self.reportJSON(result)
            guard let value = result.value, result.status != .failure else {
                let reason = "no output that validates against \(schemaPath) could be produced: "
                    + (result.errors.prefix(5).joined(separator: "; "))
                return try fail(relative, reason: reason, code: ExtractError.Code.noValidOutput.description,
                                exitCode: ExtractError.Code.noValidOutput.exitCode, report: report,
                                started: started, result: result)
            }
            // The review page and the report first: the data output is the mark that a document is done.
            if let review, let reviewPage { try DurableFile.write(reviewPage, to: review, within: layout.reviews) }
            try DurableFile.write(report, to: layout.report(relative), within: layout.outbox)
            try DurableFile.write(Data((value.serialized(pretty: true) + "\n").utf8), to: layout.output(relative),
                                  within: layout.outbox)
            try finish(relative, into: layout.processedFile(relative))
            let seconds = Self.seconds(since: started)
            let tokens = result.usage.inputTokens + result.usage.outputTokens
            statistics.finished(success: true, pages: result.pages.count, tokens: tokens, seconds: seconds)
            log(Self.line(relative, result: result, outcome: result.status.rawValue, seconds: seconds,
                          destination: layout.output(relative).path, schema: schemaPath))
            return .processed
        } catch let expired as FileDeadline.Expired {
            let limit = expired.limit.components.seconds
            let reason = "timed out after \(limit) s (--file-timeout \(limit)): the document was still being read "
                + "or extracted and was given up — check it with `extract inspect`, or raise --file-timeout"
            return failOrRetry(relative, reason: reason, code: "timedOut",
                               exitCode: ExtractError.Code.limitExceeded.exitCode, started: started)
        } catch {
            switch FailureKind.classify(error) {
            case .transient(let reason):
                // The attempt ended without a crash: it does not count towards the poison-file limit.
                unlink(layout.startsFile(relative).path)
                return .retry(reason: reason)
            case .permanent(let reason, let code, let exitCode):
                return failOrRetry(relative, reason: reason, code: code, exitCode: exitCode, started: started)
            case .configuration(let reason, let exitCode):
                log("watch: CONFIGURATION PROBLEM — \(reason) — retrying cannot fix this, so \(relative) goes to "
                    + "failed/ and so will every document until the configuration is fixed (then move them from "
                    + "\(layout.failed.path) back into the inbox)")
                return failOrRetry(relative, reason: "the model configuration is wrong: \(reason)",
                                   code: "configuration", exitCode: exitCode, started: started,
                                   kind: "configuration")
            case .workerCrash(let reason, let signal, let code, let exitCode):
                // The watcher itself survived: this start does not count towards the poison-file limit.
                unlink(layout.startsFile(relative).path)
                let crashes: Int
                do {
                    crashes = try countCrash(relative)
                } catch {
                    return .retry(reason: "cannot record the worker crash: \(error)")
                }
                guard crashes >= maxWorkerCrashes else {
                    return .retryNow(reason: "\(reason) — crash \(crashes) of \(maxWorkerCrashes), reading it again")
                }
                let times = crashes == 2 ? "twice" : "\(crashes) times"
                return failOrRetry(
                    relative, reason: "crashed the PDF worker \(times): \(signal) — \(reason)", code: "workerCrashed",
                    exitCode: exitCode, started: started,
                    extra: ["worker_crashes": .number(JSONNumber(crashes)), "stage_code": .string(code)])
            }
        }
    }

    /// Sets the document aside in `failed/`; when even that fails (a full disk), retries later.
    private func failOrRetry(
        _ relative: String, reason: String, code: String, exitCode: Int32, started: ContinuousClock.Instant,
        kind: String = "permanent", extra: [String: JSONValue] = [:]
    ) -> Outcome {
        do {
            return try fail(relative, reason: reason, code: code, exitCode: exitCode, report: nil, started: started,
                            kind: kind, extra: extra)
        } catch {
            return .retry(reason: "cannot record the failure: \(error)")
        }
    }

    /// Why a claim that is not a regular file (a symbolic link, a device, a folder) is not read.
    private static func notARegularFile(_ claim: URL) -> String {
        if InboxLayout.isSymbolicLink(claim) {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: claim.path)) ?? "?"
            return "is a symbolic link (to \(target)); links in the inbox are never followed, so its target was "
                + "neither read nor moved — put the file itself into the inbox"
        }
        return "is not a regular file; only regular PDF files are read — put the file itself into the inbox"
    }

    /// Writes `failed/<name>.error.json` (and the report, when there is one), then moves the input beside it.
    private func fail(
        _ relative: String, reason: String, code: String, exitCode: Int32, report: Data?,
        started: ContinuousClock.Instant,
        result: ExtractionResult? = nil, kind: String = "permanent", extra: [String: JSONValue] = [:]
    ) throws -> Outcome {
        if let report {
            let name = InboxLayout.stem(of: relative) + ".report.json"
            try DurableFile.write(report, to: layout.failed.appendingPathComponent(name), within: layout.failed)
        }
        let fields: [(String, JSONValue)] = [
            ("file", .string(relative)),
            ("reason", .string(reason)),
            ("code", .string(code)),
            ("exit_code", .number(JSONNumber(Int(exitCode)))),
            ("kind", .string(kind)),
            ("schema", .string(routes.schemaPath(for: relative))),
            ("time", .string(ISO8601DateFormatter().string(from: Date()))),
        ] + extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let record = JSONValue.object(JSONObject(fields))
        try DurableFile.write(Data((record.serialized(pretty: true) + "\n").utf8), to: layout.errorRecord(relative),
                              within: layout.failed)
        try finish(relative, into: layout.failedFile(relative))
        let seconds = Self.seconds(since: started)
        let tokens = result.map { $0.usage.inputTokens + $0.usage.outputTokens } ?? 0
        statistics.finished(success: false, pages: result?.pages.count ?? 0, tokens: tokens, seconds: seconds)
        if let result {
            log(Self.line(relative, result: result, outcome: "failed (\(code))", seconds: seconds,
                          destination: layout.errorRecord(relative).path, schema: routes.schemaPath(for: relative)))
        } else {
            log("watch: \(relative): failed (\(code), exit \(exitCode)) — \(reason) — "
                + String(format: "%.2f s", seconds) + " → \(layout.errorRecord(relative).path)")
        }
        return .failed
    }

    /// Moves the claimed input to its final folder and forgets its start and crash counters.
    ///
    /// The counters go first: the outputs or the failure record are already written, so a crash between the two
    /// steps only leaves a claim that the next start finishes by moving it.
    private func finish(_ relative: String, into destination: URL) throws {
        unlink(layout.startsFile(relative).path)
        unlink(layout.crashesFile(relative).path)
        try DurableFile.move(layout.claimFile(relative), to: destination)
    }

    /// Counts one more start of the claim durably and returns the count.
    private func countStart(_ relative: String) throws -> Int {
        try increment(layout.startsFile(relative))
    }

    /// Counts one more worker crash on the claim durably (it survives restarts) and returns the count.
    private func countCrash(_ relative: String) throws -> Int {
        try increment(layout.crashesFile(relative))
    }

    private func increment(_ file: URL) throws -> Int {
        let previous = (try? String(contentsOf: file, encoding: .utf8)).flatMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        } ?? 0
        try DurableFile.write(Data("\(previous + 1)\n".utf8), to: file)
        return previous + 1
    }

    /// `watch: acme/a.pdf: success — 2 pages (text 1, OCR 1), 1.84 s, 312 tokens, schema S → OUT`.
    static func line(
        _ relative: String, result: ExtractionResult, outcome: String, seconds: Double, destination: String,
        schema: String
    ) -> String {
        let ocr = result.pages.filter { $0.decision?.runOCR == true }.count
        let tokens = result.usage.inputTokens + result.usage.outputTokens
        let review = result.needsReview.isEmpty ? "" : ", \(result.needsReview.count) to review"
        let cache = result.stagesExecuted == 0 && result.cacheHits > 0 ? ", all from cache" : ""
        return "watch: \(relative): \(outcome) — \(result.pages.count) page\(result.pages.count == 1 ? "" : "s") "
            + "(text layer \(result.pages.count - ocr), OCR \(ocr)), "
            + String(format: "%.2f s, %d tokens", seconds, tokens) + "\(review)\(cache), schema "
            + "\((schema as NSString).lastPathComponent) → \(destination)"
    }

    static func reportJSON(_ result: ExtractionResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(result) + Data("\n".utf8)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
