/// A chat model: request in, answer out. Implementations are cheap values; share one per run.
///
/// Conforming clients: ``OpenAICompatibleClient`` (OpenAI, vLLM, llama.cpp, Ollama, LM Studio),
/// ``AnthropicClient``, ``GeminiClient``; ``LocalModelServer/languageModel(configuration:)`` gives the offline one.
public protocol LanguageModel: Sendable {
    /// Which provider and model this client calls.
    var descriptor: ModelDescriptor { get }

    /// Sends `request` (retrying transient failures) and returns the answer.
    ///
    /// Throws ``ModelClientError`` for failures, `CancellationError` when the task is cancelled.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
}

/// Identifies a client for logs and error messages.
public struct ModelDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Provider name, for example `openai`, `anthropic`, `gemini`, `local`.
    public var provider: String
    /// Model name as sent to the provider.
    public var model: String
    /// The host requests go to.
    public var host: String

    /// Creates a descriptor.
    public init(provider: String, model: String, host: String) {
        self.provider = provider
        self.model = model
        self.host = host
    }

    public var description: String { "\(provider)/\(model) at \(host)" }
}
