import DocExtract
import ModelClients

/// Whether a failure belongs to the document (set it aside in `failed/`) or to the moment (retry later).
enum FailureKind: Sendable, Equatable {
    /// Model unreachable, rate limit, server error, cancellation: retried with backoff, never `failed/`.
    case transient(reason: String)
    /// Bad PDF, no valid output, limits: the input goes to `failed/` with this reason and code.
    case permanent(reason: String, code: String, exitCode: Int32)

    /// Classifies an error thrown while extracting one document.
    static func classify(_ error: any Error) -> FailureKind {
        switch error {
        case let error as ExtractError:
            if error.code == .modelUnavailable { return .transient(reason: error.message) }
            return .permanent(reason: error.message, code: error.code.description, exitCode: error.code.exitCode)
        case let error as ModelClientError:
            if error.code == .unsupportedInput {
                return .permanent(
                    reason: error.message, code: error.code.description,
                    exitCode: ExtractError.Code.modelUnavailable.exitCode)
            }
            // Unreachable servers, rate limits, 5xx, but also a wrong key or a missing local server: none of
            // them is the document's fault, so the document waits until the model works again.
            return .transient(reason: error.message)
        case is CancellationError:
            return .transient(reason: "cancelled")
        default:
            return .permanent(reason: "\(error)", code: "internalError", exitCode: 70)
        }
    }
}
