import Foundation
import ModelClients
import Synchronization

/// An in-memory language model for tests: answers from a script, records every request.
///
/// Each call takes the next scripted step; when the script runs out, the last step repeats. A step can answer
/// text, or throw (to simulate an unreachable server or an exhausted budget).
public final class ScriptedLanguageModel: LanguageModel {
    /// One scripted reaction.
    public enum Step: Sendable {
        /// Answer with this text.
        case answer(String)
        /// Answer with whatever the closure returns for the request (e.g. choose by the question asked).
        case respond(@Sendable (ChatRequest) -> String)
        /// Throw this error.
        case fail(ModelClientError)
    }

    private let steps: [Step]
    private let state = Mutex<(index: Int, requests: [ChatRequest])>((0, []))
    public let descriptor: ModelDescriptor

    /// A model that plays `steps` in order; `provider` decides the synthesis strategy `auto` picks.
    public init(_ steps: [Step], provider: String = "scripted", model: String = "script-1") {
        self.steps = steps
        descriptor = ModelDescriptor(provider: provider, model: model, host: "in-memory")
    }

    /// Every request received, in order.
    public var requests: [ChatRequest] { state.withLock { $0.requests } }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let step: Step = state.withLock { state in
            state.requests.append(request)
            let step = steps[min(state.index, steps.count - 1)]
            state.index += 1
            return step
        }
        let text: String
        switch step {
        case .answer(let answer): text = answer
        case .respond(let respond): text = respond(request)
        case .fail(let error): throw error
        }
        let promptCharacters = request.messages.reduce(0) { $0 + $1.text.count }
        return ChatResponse(
            text: text, finishReason: .stop,
            usage: TokenUsage(input: promptCharacters / 4, output: max(1, text.count / 4)),
            latency: .milliseconds(1), model: descriptor.model, attempts: 1, costUSD: 0
        )
    }
}
