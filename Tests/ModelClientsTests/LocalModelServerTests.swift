import ExtractTestSupport
import Foundation
import JSONCore
import JSONSchema
@testable import ModelClients
import Testing

@Suite("Local llama.cpp server")
struct LocalModelServerTests {
    static let installed = LocalModelConfiguration.fromEnvironment().installationProblem == nil

    @Test func configurationFollowsTheEnvironment() {
        let defaults = LocalModelConfiguration.fromEnvironment(["HOME": "/home/ada"])
        #expect(defaults.serverBinary.path == "/home/ada/.local/share/docextract/bin/llama-server")
        #expect(defaults.modelFile.path == "/home/ada/.local/share/docextract/models/SmolLM2-135M-Instruct.Q4_1.gguf")
        #expect(defaults.contextSize == 4096)
        #expect(defaults.threads == 1)
        #expect(defaults.parallelSlots == 2)
        // Each of the two slots gets the whole 4096-token context: concurrent requests cannot crowd each other.
        let arguments = defaults.arguments(port: 8080)
        #expect(arguments.firstIndex(of: "--ctx-size").map { arguments[$0 + 1] } == "8192")
        #expect(arguments.firstIndex(of: "--parallel").map { arguments[$0 + 1] } == "2")
        #expect(arguments.contains("--no-kv-unified"))
        #expect(defaults.modelName == "SmolLM2-135M-Instruct.Q4_1")
        let custom = LocalModelConfiguration.fromEnvironment([
            "DOCEXTRACT_HOME": "/opt/dx", "DOCEXTRACT_LOCAL_MODEL": "/models/qwen.gguf",
            "DOCEXTRACT_LOCAL_CONTEXT": "8192", "DOCEXTRACT_LOCAL_THREADS": "2",
        ])
        #expect(custom.serverBinary.path == "/opt/dx/bin/llama-server")
        #expect(custom.modelFile.path == "/models/qwen.gguf")
        #expect(custom.contextSize == 8192)
        #expect(custom.threads == 2)
        let bad = LocalModelConfiguration.fromEnvironment(["HOME": "/h", "DOCEXTRACT_LOCAL_THREADS": "many"])
        #expect(bad.threads == 1)
    }

    @Test func missingInstallationSaysHowToInstall() async throws {
        let root = URL(fileURLWithPath: "/nonexistent-docextract-home")
        let server = LocalModelServer(configuration: LocalModelConfiguration(
            serverBinary: root.appendingPathComponent("bin/llama-server"),
            modelFile: root.appendingPathComponent("models/x.gguf")))
        let error = await modelError { _ = try await server.start() }
        #expect(error?.code == .localServerMissing)
        #expect(error?.message.contains("no llama-server executable at /nonexistent-docextract-home/bin/llama-server")
            == true)
        #expect(error?.message.contains("make setup") == true)
        #expect(error?.message.contains("DOCEXTRACT_LLAMA_SERVER") == true)
        #expect(await server.baseURL == nil)
    }

    @Test func aServerThatDiesAtStartupReportsItsOutput() async throws {
        // /bin/false is executable but exits at once, like a llama-server that cannot load its model.
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("docextract-fake-\(UUID()).gguf")
        try Data("not a gguf".utf8).write(to: model)
        defer { try? FileManager.default.removeItem(at: model) }
        let server = LocalModelServer(configuration: LocalModelConfiguration(
            serverBinary: URL(fileURLWithPath: "/bin/false"), modelFile: model, startupTimeout: .seconds(30)))
        let error = await modelError { _ = try await server.start() }
        #expect(error?.code == .localServerFailed)
        #expect(error?.message.contains("ended during startup with exit code 1") == true)
    }

    @Test(
        .enabled(if: installed, "llama-server or the SmolLM2 model is not installed: run `make setup`"),
        .timeLimit(.minutes(3)))
    func realLlamaServerReturnsSchemaConstrainedJSON() async throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "name": ["type": "string", "maxLength": 40],
                "age": ["type": "integer", "minimum": 0, "maximum": 150],
            ],
            "required": ["name", "age"],
            "additionalProperties": false,
        ]
        let server = LocalModelServer.shared()
        let log = InMemoryCallLog()
        let model = try await server.languageModel(
            configuration: ModelClientConfiguration(callLog: log, timeout: .seconds(120)))
        let request = ChatRequest(
            system: "You extract data as JSON.",
            user: [.text("Text: \"Maria Lopez is 34 years old.\" Give the person's name and age.")],
            responseSchema: ResponseSchema(name: "person", schema: schema), temperature: 0, maxOutputTokens: 60)

        let response = try await model.complete(request)

        let value = try response.json()
        #expect(value["name"]?.stringValue != nil)
        #expect(value["age"]?.intValue != nil)
        // The grammar ignores minimum/maximum, so only keys and types are guaranteed; validate those.
        let guaranteed: JSONValue = [
            "type": "object",
            "properties": ["name": ["type": "string"], "age": ["type": "integer"]],
            "required": ["name", "age"],
            "additionalProperties": false,
        ]
        let validation = try JSONSchema(guaranteed).validate(value)
        #expect(validation.isValid, "\(validation)")
        #expect(response.usage.output > 0)
        #expect(log.records.last?.provider == "local")
        #expect(log.records.last?.outcome == .ok)

        // The shared server is reused, not started again.
        let again = try await LocalModelServer.shared().start()
        #expect(await server.baseURL == again)
    }

    @Test(
        .enabled(if: installed, "llama-server or the SmolLM2 model is not installed: run `make setup`"),
        .timeLimit(.minutes(2)))
    func stopEndsTheServerProcess() async throws {
        let server = LocalModelServer(configuration: .fromEnvironment())
        let root = try await server.start()
        let health = try await CurlTransport().send(HTTPRequest(url: root + "/health"))
        #expect(health.status == 200)
        await server.stop()
        #expect(await server.baseURL == nil)
        let error = await #expect(throws: TransportError.self) {
            _ = try await CurlTransport().send(HTTPRequest(url: root + "/health", connectTimeout: .seconds(2)))
        }
        #expect(error?.code == .connectionFailed)
    }
}
