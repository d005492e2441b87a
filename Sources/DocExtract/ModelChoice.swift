import Foundation
import ModelClients

/// Which language model synthesis asks. Keys are read from the environment when the run starts, never
/// stored in the configuration.
public enum ModelChoice: Sendable {
    /// The embedded offline model: llama.cpp's `llama-server` with SmolLM2-135M, started on loopback on
    /// first use and stopped at exit. The default.
    case local(LocalModelConfiguration)
    /// Any OpenAI-compatible Chat Completions server (OpenAI, vLLM, llama.cpp, Ollama's `/v1`, LM Studio).
    /// `apiKeyVariable` names the environment variable holding the key; nil sends none.
    case openAICompatible(baseURL: String, model: String, apiKeyVariable: String?)
    /// Anthropic Messages API with the key in `apiKeyVariable`.
    case anthropic(model: String, apiKeyVariable: String, baseURL: String)
    /// Google Gemini `generateContent` with the key in `apiKeyVariable`.
    case gemini(model: String, apiKeyVariable: String, baseURL: String)
    /// A model you built yourself (tests use a scripted one).
    case custom(any LanguageModel)

    /// The offline default.
    public static var localDefault: ModelChoice { .local(.fromEnvironment()) }

    /// The provider name used in logs and cache keys.
    public var provider: String {
        switch self {
        case .local: "local"
        case .openAICompatible: "openai"
        case .anthropic: "anthropic"
        case .gemini: "gemini"
        case .custom(let model): model.descriptor.provider
        }
    }

    /// Provider, model and host, known before any client is built or server started.
    public var descriptor: ModelDescriptor {
        func host(_ url: String) -> String { URLComponents(string: url)?.host ?? url }
        switch self {
        case .local(let local):
            return ModelDescriptor(provider: "local", model: local.modelName, host: "127.0.0.1")
        case .openAICompatible(let baseURL, let model, _):
            return ModelDescriptor(provider: "openai", model: model, host: host(baseURL))
        case .anthropic(let model, _, let baseURL):
            return ModelDescriptor(provider: "anthropic", model: model, host: host(baseURL))
        case .gemini(let model, _, let baseURL):
            return ModelDescriptor(provider: "gemini", model: model, host: host(baseURL))
        case .custom(let model):
            return model.descriptor
        }
    }

    /// Builds (and for `.local`, starts) the client.
    func resolve(_ configuration: ModelClientConfiguration) async throws -> any LanguageModel {
        switch self {
        case .local(let local):
            return try await LocalModelServer.shared(local).languageModel(configuration: configuration)
        case .openAICompatible(let baseURL, let model, let variable):
            let key = try variable.map { try APIKey.environment($0) }
            return OpenAICompatibleClient(
                baseURL: baseURL, apiKey: key, model: model, provider: "openai", configuration: configuration
            )
        case .anthropic(let model, let variable, let baseURL):
            return AnthropicClient(
                apiKey: try APIKey.environment(variable), model: model, baseURL: baseURL, configuration: configuration
            )
        case .gemini(let model, let variable, let baseURL):
            return GeminiClient(
                apiKey: try APIKey.environment(variable), model: model, baseURL: baseURL, configuration: configuration
            )
        case .custom(let model):
            return model
        }
    }
}
