import Foundation

/// Where the local llama.cpp server and its GGUF model live, and how to run them.
///
/// The defaults follow `make setup` (`scripts/setup-llm.sh`): the binary at
/// `$DOCEXTRACT_HOME/bin/llama-server`, the model at `$DOCEXTRACT_HOME/models/SmolLM2-135M-Instruct.Q4_1.gguf`,
/// with `DOCEXTRACT_HOME` defaulting to `~/.local/share/docextract`.
public struct LocalModelConfiguration: Sendable, Hashable {
    /// The file name of the default model installed by `make setup`.
    public static let defaultModelFileName = "SmolLM2-135M-Instruct.Q4_1.gguf"

    /// The `llama-server` executable.
    public var serverBinary: URL
    /// The GGUF model file; any chat-tuned GGUF works.
    public var modelFile: URL
    /// Context size in tokens that each request gets (the server is started with `-c contextSize × slots`).
    public var contextSize: Int
    /// CPU threads for generation (`-t`). One keeps generation fast when other work shares the cores.
    public var threads: Int
    /// Concurrent request slots (`-np`), each with its own ``contextSize`` tokens of context, or `nil` for
    /// llama-server's default (automatic slots sharing one ``contextSize`` pool — concurrent long prompts then
    /// fail with "Context size has been exceeded", as measured with two watch workers). Default from the
    /// environment: 2 (`DOCEXTRACT_LOCAL_SLOTS`), the watch mode's default worker count.
    public var parallelSlots: Int?
    /// Longest wait for the model to load and `/health` to answer 200.
    public var startupTimeout: Duration
    /// More command-line arguments, appended last.
    public var extraArguments: [String]

    /// Creates a configuration.
    public init(
        serverBinary: URL,
        modelFile: URL,
        contextSize: Int = 4096,
        threads: Int = 1,
        parallelSlots: Int? = nil,
        startupTimeout: Duration = .seconds(120),
        extraArguments: [String] = []
    ) {
        self.serverBinary = serverBinary
        self.modelFile = modelFile
        self.contextSize = contextSize
        self.threads = max(1, threads)
        self.parallelSlots = parallelSlots
        self.startupTimeout = startupTimeout
        self.extraArguments = extraArguments
    }

    /// The configuration described by the environment.
    ///
    /// Reads `DOCEXTRACT_HOME` (install root), `DOCEXTRACT_LLAMA_SERVER` (binary path),
    /// `DOCEXTRACT_LOCAL_MODEL` (GGUF path), `DOCEXTRACT_LOCAL_CONTEXT` (context size per request, 4096),
    /// `DOCEXTRACT_LOCAL_SLOTS` (concurrent requests, 2) and `DOCEXTRACT_LOCAL_THREADS` (threads, 1); unset or
    /// malformed values fall back to the defaults.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LocalModelConfiguration {
        let home = installRoot(environment)
        func path(_ name: String) -> URL? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return URL(fileURLWithPath: (value as NSString).expandingTildeInPath)
        }
        func number(_ name: String) -> Int? {
            environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
        }
        return LocalModelConfiguration(
            serverBinary: path("DOCEXTRACT_LLAMA_SERVER") ?? home.appendingPathComponent("bin/llama-server"),
            modelFile: path("DOCEXTRACT_LOCAL_MODEL") ?? home.appendingPathComponent("models/\(defaultModelFileName)"),
            contextSize: number("DOCEXTRACT_LOCAL_CONTEXT") ?? 4096,
            threads: number("DOCEXTRACT_LOCAL_THREADS") ?? 1,
            parallelSlots: number("DOCEXTRACT_LOCAL_SLOTS") ?? 2)
    }

    /// `$DOCEXTRACT_HOME`, or `~/.local/share/docextract` when it is unset.
    public static func installRoot(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["DOCEXTRACT_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: (home as NSString).expandingTildeInPath)
        }
        let user = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return user.appendingPathComponent(".local/share/docextract")
    }

    /// The model name reported in logs: the GGUF file name without its extension.
    public var modelName: String {
        modelFile.deletingPathExtension().lastPathComponent
    }

    /// Why the server cannot start (binary or model missing) with the fix, or `nil` when both are present.
    public var installationProblem: String? {
        let files = FileManager.default
        var missing: [String] = []
        if !files.isExecutableFile(atPath: serverBinary.path) {
            missing.append("no llama-server executable at \(serverBinary.path)")
        }
        if !files.isReadableFile(atPath: modelFile.path) {
            missing.append("no GGUF model at \(modelFile.path)")
        }
        guard !missing.isEmpty else { return nil }
        return "the offline model is not installed: " + missing.joined(separator: " and ")
            + ". Run `make setup` (or `scripts/setup-llm.sh`) to build llama-server and fetch SmolLM2 into "
            + "$DOCEXTRACT_HOME (default ~/.local/share/docextract); or set DOCEXTRACT_LLAMA_SERVER and "
            + "DOCEXTRACT_LOCAL_MODEL to an existing llama-server and GGUF file; or configure a remote provider "
            + "(OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY)."
    }

    /// The `llama-server` arguments for listening on `127.0.0.1:port`.
    func arguments(port: UInt16) -> [String] {
        var arguments = [
            "--host", "127.0.0.1", "--port", String(port), "--model", modelFile.path,
            "--ctx-size", String(contextSize * max(1, parallelSlots ?? 1)), "--threads", String(threads),
            "--alias", modelName,
        ]
        // With explicit slots llama-server splits the context evenly between them (no shared pool).
        if let parallelSlots { arguments += ["--parallel", String(max(1, parallelSlots)), "--no-kv-unified"] }
        return arguments + extraArguments
    }
}
