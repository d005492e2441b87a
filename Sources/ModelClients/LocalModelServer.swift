#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The embedded offline model: a `llama-server` child process on 127.0.0.1, started on demand.
///
/// ```swift
/// let server = LocalModelServer.shared()                       // one per configuration and process
/// let model = try await server.languageModel()                 // starts llama-server, waits for /health
/// let answer = try await model.complete(ChatRequest(user: [.text("Say hi")], maxOutputTokens: 16))
/// ```
/// The server listens on a free loopback port, is reused for the life of the process and stopped at exit,
/// also on Ctrl-C (SIGINT), SIGTERM and SIGHUP. It runs with `OMP_WAIT_POLICY=PASSIVE` and, by default,
/// one thread. When the binary or model is missing, ``start()`` throws
/// ``ModelClientError/Code/localServerMissing`` with install instructions.
public actor LocalModelServer {
    /// What the server runs.
    public nonisolated let configuration: LocalModelConfiguration

    private enum State {
        case stopped
        case starting(Task<Running, any Error>)
        case running(Running)
    }

    private struct Running: Sendable {
        let process: ChildProcess
        let port: UInt16
    }

    private var state = State.stopped

    /// Creates a manager; nothing starts until ``start()``. Prefer ``shared(_:)`` to reuse one server.
    public init(configuration: LocalModelConfiguration = .fromEnvironment()) {
        self.configuration = configuration
    }

    private static let registry = Locked([LocalModelConfiguration: LocalModelServer]())

    /// The process-wide server for `configuration`, created on first use and reused afterwards.
    public static func shared(_ configuration: LocalModelConfiguration = .fromEnvironment()) -> LocalModelServer {
        registry.withLock { servers in
            if let server = servers[configuration] { return server }
            let server = LocalModelServer(configuration: configuration)
            servers[configuration] = server
            return server
        }
    }

    /// Stops every server this process started, synchronously. Call it from your own SIGINT/SIGTERM handler
    /// if the application installed one before the first server started (the built-in handlers then stay off).
    public static func stopAll() {
        ChildProcess.terminateAll()
    }

    /// The `http://127.0.0.1:PORT` root of the running server, or `nil` when it is not running.
    public var baseURL: String? {
        guard case .running(let running) = state, running.process.isRunning else { return nil }
        return "http://127.0.0.1:\(running.port)"
    }

    /// Starts the server unless it already runs, waits until `/health` answers 200, and returns its root URL.
    ///
    /// Concurrent callers share one start. A server that died is started again.
    public func start() async throws -> String {
        switch state {
        case .running(let running) where running.process.isRunning:
            return "http://127.0.0.1:\(running.port)"
        case .starting(let task):
            return "http://127.0.0.1:\(try await task.value.port)"
        case .running, .stopped:
            break
        }
        if let problem = configuration.installationProblem {
            throw ModelClientError(code: .localServerMissing, message: problem)
        }
        let configuration = configuration
        let task = Task { try await LocalModelServer.launch(configuration) }
        state = .starting(task)
        do {
            let running = try await task.value
            state = .running(running)
            return "http://127.0.0.1:\(running.port)"
        } catch {
            state = .stopped
            throw error
        }
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s). The next ``start()`` launches a new one.
    public func stop() async {
        let current = state
        state = .stopped
        switch current {
        case .running(let running):
            await running.process.terminate()
            try? FileManager.default.removeItem(at: running.process.logFile)
        case .starting(let task):
            if let running = try? await task.value {
                await running.process.terminate()
                try? FileManager.default.removeItem(at: running.process.logFile)
            }
        case .stopped:
            break
        }
    }

    /// A client for the server's OpenAI-compatible API, starting the server if needed.
    ///
    /// The client drops schema keywords llama-server rejects (``SchemaSanitizer/llamaServer``), refuses images
    /// (the bundled model is text-only) and reports the provider as `local`.
    public func languageModel(
        configuration clientConfiguration: ModelClientConfiguration = ModelClientConfiguration()
    ) async throws -> OpenAICompatibleClient {
        let root = try await start()
        return OpenAICompatibleClient(
            baseURL: root + "/v1", apiKey: nil, model: configuration.modelName, provider: "local",
            sanitizer: .llamaServer, supportsImages: false, configuration: clientConfiguration)
    }

    // MARK: Launching

    private static func launch(_ configuration: LocalModelConfiguration) async throws -> Running {
        var lastError: (any Error)?
        // A free port can be taken between probing and binding; try a few.
        for _ in 0..<3 {
            let port = try freeLoopbackPort()
            let log = FileManager.default.temporaryDirectory
                .appendingPathComponent("docextract-llama-server-\(getpid())-\(port).log")
            let process = try ChildProcess(
                executable: configuration.serverBinary, arguments: configuration.arguments(port: port),
                environment: ["OMP_WAIT_POLICY": "PASSIVE", "OMP_NUM_THREADS": String(configuration.threads)],
                logFile: log)
            do {
                try await waitUntilHealthy(process: process, port: port, configuration: configuration)
                return Running(process: process, port: port)
            } catch let error as ModelClientError {
                await process.terminate(grace: .seconds(1))
                let tail = process.logTail()
                lastError = error
                guard tail.localizedCaseInsensitiveContains("bind")
                    || tail.localizedCaseInsensitiveContains("address already in use") else { throw error }
            } catch {
                await process.terminate(grace: .seconds(1))
                throw error
            }
        }
        throw lastError ?? ModelClientError(code: .localServerFailed, message: "llama-server did not start")
    }

    private static func waitUntilHealthy(
        process: ChildProcess, port: UInt16, configuration: LocalModelConfiguration
    ) async throws {
        let transport = CurlTransport(maxResponseBytes: 1 << 20)
        let health = HTTPRequest(
            url: "http://127.0.0.1:\(port)/health", connectTimeout: .seconds(1), timeout: .seconds(5))
        let deadline = ContinuousClock.now + configuration.startupTimeout
        var lastStatus = "no answer yet"
        while true {
            if !process.isRunning {
                throw ModelClientError(
                    code: .localServerFailed,
                    message: "llama-server (\(configuration.serverBinary.path)) ended during startup with "
                        + "\(process.describeExit()). Its output ends with:\n\(process.logTail())\n"
                        + "Check that the model file is a valid GGUF and that the binary was built on this "
                        + "machine (re-run `make setup`).")
            }
            if let response = try? await transport.send(health) {
                if response.status == 200 { return }
                lastStatus = "HTTP \(response.status)"
            }
            if ContinuousClock.now >= deadline {
                throw ModelClientError(
                    code: .localServerFailed,
                    message: "llama-server did not become healthy within \(configuration.startupTimeout) "
                        + "(last health check: \(lastStatus)). Its output ends with:\n\(process.logTail())\n"
                        + "Raise LocalModelConfiguration.startupTimeout or use a smaller model.")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freeLoopbackPort() throws -> UInt16 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else {
            throw ModelClientError(
                code: .localServerFailed,
                message: "cannot create a socket to find a free port: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else {
            throw ModelClientError(
                code: .localServerFailed,
                message: "cannot bind 127.0.0.1:0 to find a free port: \(String(cString: strerror(errno)))")
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
