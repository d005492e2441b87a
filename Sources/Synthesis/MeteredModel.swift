import ExtractCore
import ModelClients
import Synchronization

/// Sums what one synthesis spends and turns model failures into the pipeline's errors.
final class MeteredModel: Sendable {
    let model: any LanguageModel
    private let spent = Mutex(SynthesisOutput.Usage())
    private let documentTokenLimit: Int?

    init(_ model: any LanguageModel, documentTokenLimit: Int? = nil) {
        self.model = model
        self.documentTokenLimit = documentTokenLimit
    }

    var usage: SynthesisOutput.Usage { spent.withLock { $0 } }

    /// Sends `request`; a budget that runs out or a model that cannot be reached becomes an `ExtractError`
    /// (`.limitExceeded`, `.modelConfiguration` for a set-up that retrying cannot fix, `.modelUnavailable`) that
    /// says what was spent and what to do.
    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        if let limit = documentTokenLimit {
            let used = usage.inputTokens + usage.outputTokens
            if used >= limit {
                throw ExtractError(
                    .limitExceeded,
                    "the document used \(used) model tokens, reaching the limit of \(limit) tokens per document "
                        + "before a valid answer (raise it with --max-document-tokens, or read fewer pages)"
                )
            }
        }
        do {
            let response = try await model.complete(request)
            spent.withLock { usage in
                usage.calls += response.attempts
                usage.inputTokens += response.usage.input
                usage.outputTokens += response.usage.output
                usage.costUSD += response.costUSD
            }
            return response
        } catch let error as ModelClientError {
            spent.withLock { $0.calls += max(1, error.attempts) }
            switch error.code {
            case .budgetExhausted:
                throw ExtractError(
                    .limitExceeded,
                    "the model budget ran out before a valid answer: \(error.message) (raise --max-cost or the "
                        + "call/token limits)"
                )
            case .unauthorized, .missingAPIKey, .invalidConfiguration, .localServerMissing:
                throw ExtractError(.modelConfiguration, "\(model.descriptor): \(error.message)")
            case .badRequest where error.status == 404:
                throw ExtractError(.modelConfiguration, "\(model.descriptor): \(error.message)")
            case .transport, .localServerFailed, .rateLimited, .serverError:
                throw ExtractError(.modelUnavailable, "\(model.descriptor): \(error.message)")
            default:
                throw ExtractError(.noValidOutput, "\(model.descriptor): \(error.message)")
            }
        }
    }
}
