import DocExtract
import Foundation
import ModelClients

/// Whether a failure belongs to the document (set it aside in `failed/`), to the moment (retry later), to the
/// run's configuration (fail the document, loudly), or is a crashed worker process (retry once).
enum FailureKind: Sendable, Equatable {
    /// Model unreachable, rate limit, server error, cancellation: retried with backoff, never `failed/`.
    case transient(reason: String)
    /// Bad PDF, no valid output, limits: the input goes to `failed/` with this reason and code.
    case permanent(reason: String, code: String, exitCode: Int32)
    /// A problem of the run's set-up that no retry fixes (key rejected, model or endpoint not found, offline
    /// model not installed): the document fails with this reason instead of waiting forever, and the watcher
    /// says loudly that the configuration needs fixing.
    case configuration(reason: String, exitCode: Int32)
    /// The native evidence stage crashed its worker process (a signal, or an unexpected exit). Such a crash
    /// can be a one-off (memory pressure, a race in the C library), so the document is read once more; a
    /// second crash sets it aside.
    case workerCrash(reason: String, signal: String, code: String, exitCode: Int32)

    /// Classifies an error thrown while extracting one document.
    static func classify(_ error: any Error) -> FailureKind {
        switch error {
        case let error as ExtractError:
            if error.code == .modelConfiguration {
                return .configuration(reason: error.message, exitCode: error.code.exitCode)
            }
            if let reason = tooLongForTheModel(error.message) {
                return .permanent(reason: reason, code: "contextExceeded",
                                  exitCode: ExtractError.Code.noValidOutput.exitCode)
            }
            if error.code == .modelUnavailable { return .transient(reason: error.message) }
            if let signal = workerCrash(in: error.message) {
                return .workerCrash(
                    reason: (error.page.map { "page \($0): " } ?? "") + error.message, signal: signal,
                    code: error.code.description,
                    exitCode: error.code.exitCode)
            }
            return .permanent(reason: error.message, code: error.code.description, exitCode: error.code.exitCode)
        case let error as ModelClientError:
            let unavailable = ExtractError.Code.modelUnavailable.exitCode
            if error.code == .unsupportedInput {
                return .permanent(reason: error.message, code: error.code.description, exitCode: unavailable)
            }
            if [.unauthorized, .missingAPIKey, .localServerMissing, .invalidConfiguration].contains(error.code)
                || (error.code == .badRequest && error.status == 404) {
                return .configuration(reason: error.message, exitCode: unavailable)
            }
            if let reason = tooLongForTheModel(error.message) {
                return .permanent(reason: reason, code: "contextExceeded",
                                  exitCode: ExtractError.Code.noValidOutput.exitCode)
            }
            // Unreachable servers, rate limits, 5xx: none of them is the document's fault, so the document
            // waits until the model works again.
            return .transient(reason: error.message)
        case is CancellationError:
            return .transient(reason: "cancelled")
        default:
            return .permanent(reason: "\(error)", code: "internalError", exitCode: 70)
        }
    }

    /// What servers say when a prompt does not fit the model's context: llama-server answers 500 "Context size
    /// has been exceeded.", OpenAI-compatible servers 400 `context_length_exceeded`. Retrying the same document
    /// gives the same answer, so it is the document's failure, not a transient one.
    private static let contextPhrases = [
        "context size has been exceeded", "context_length_exceeded", "maximum context length",
        "exceeds the context", "exceed_context_size",
    ]

    /// The failure reason when `message` says the document's prompt is too long for the model; nil otherwise.
    static func tooLongForTheModel(_ message: String) -> String? {
        let lower = message.lowercased()
        guard contextPhrases.contains(where: { lower.contains($0) }) else { return nil }
        return "the document does not fit the model's context (\(message)); read fewer pages (--pages), use a "
            + "model with a larger context (DOCEXTRACT_LOCAL_CONTEXT for the local one) or a remote provider"
    }

    /// `signal 11, SIGSEGV` when `message` is a worker-process crash reported by the evidence reader
    /// ("the PDF reader crashed (signal 11, SIGSEGV) …", "… exited unexpectedly (exit code 3) …"); nil otherwise.
    static func workerCrash(in message: String) -> String? {
        if let range = message.range(of: " crashed (signal ") {
            let rest = message[range.upperBound...]
            let inside = rest.prefix { $0 != ")" }
            return "signal " + inside
        }
        if let range = message.range(of: " exited unexpectedly (exit code ") {
            let rest = message[range.upperBound...]
            return "exit code " + rest.prefix { $0 != ")" }
        }
        return nil
    }
}
