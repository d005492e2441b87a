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
        case retry(reason: String)
    }

    let layout: InboxLayout
    let routes: SchemaRoutes
    let extractor: Extractor
    let password: String?
    let maxInterruptedStarts: Int
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
            var result = try await extractor.extract(
                pdfAt: claim.path, schema: routes.schema(for: relative), password: password)
            result.file = relative
            let report = try Self.reportJSON(result)
            guard let value = result.value, result.status != .failure else {
                let reason = "no output that validates against \(schemaPath) could be produced: "
                    + (result.errors.prefix(5).joined(separator: "; "))
                return try fail(relative, reason: reason, code: ExtractError.Code.noValidOutput.description,
                                exitCode: ExtractError.Code.noValidOutput.exitCode, report: report,
                                started: started, result: result)
            }
            try DurableFile.write(report, to: layout.report(relative))
            try DurableFile.write(Data((value.serialized(pretty: true) + "\n").utf8), to: layout.output(relative))
            try finish(relative, into: layout.processedFile(relative))
            let seconds = Self.seconds(since: started)
            let tokens = result.usage.inputTokens + result.usage.outputTokens
            statistics.finished(success: true, pages: result.pages.count, tokens: tokens, seconds: seconds)
            log(Self.line(relative, result: result, outcome: result.status.rawValue, seconds: seconds,
                          destination: layout.output(relative).path, schema: schemaPath))
            return .processed
        } catch {
            switch FailureKind.classify(error) {
            case .transient(let reason):
                // The attempt ended without a crash: it does not count towards the poison-file limit.
                unlink(layout.startsFile(relative).path)
                return .retry(reason: reason)
            case .permanent(let reason, let code, let exitCode):
                do {
                    return try fail(relative, reason: reason, code: code, exitCode: exitCode, report: nil,
                                    started: started)
                } catch {
                    return .retry(reason: "cannot record the failure: \(error)")
                }
            }
        }
    }

    /// Writes `failed/<name>.error.json` (and the report, when there is one), then moves the input beside it.
    private func fail(
        _ relative: String, reason: String, code: String, exitCode: Int32, report: Data?,
        started: ContinuousClock.Instant,
        result: ExtractionResult? = nil
    ) throws -> Outcome {
        if let report {
            let name = InboxLayout.stem(of: relative) + ".report.json"
            try DurableFile.write(report, to: layout.failed.appendingPathComponent(name))
        }
        let record: JSONValue = [
            "file": .string(relative),
            "reason": .string(reason),
            "code": .string(code),
            "exit_code": .number(JSONNumber(Int(exitCode))),
            "kind": "permanent",
            "schema": .string(routes.schemaPath(for: relative)),
            "time": .string(ISO8601DateFormatter().string(from: Date())),
        ]
        try DurableFile.write(Data((record.serialized(pretty: true) + "\n").utf8), to: layout.errorRecord(relative))
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

    /// Moves the claimed input to its final folder and forgets its start counter.
    private func finish(_ relative: String, into destination: URL) throws {
        try DurableFile.move(layout.claimFile(relative), to: destination)
        unlink(layout.startsFile(relative).path)
    }

    /// Counts one more start of the claim durably and returns the count.
    private func countStart(_ relative: String) throws -> Int {
        let file = layout.startsFile(relative)
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
