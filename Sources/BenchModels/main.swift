// BenchModels: the model-client transport against an in-process loopback server (127.0.0.1 only).
//
// 1. Concurrency: N calls (default 32) to a server that answers each after 1 s must finish in about 1 s of
//    wall time, not N seconds: the curl multi interface keeps them all in flight on one thread.
// 2. Overhead per call on loopback, answer immediate: CurlTransport, the full OpenAI-compatible client
//    (encode, send, decode, log), and the `curl` command-line tool (one process per call, and one process
//    for all calls with keep-alive).
//
// 3. With --local: the embedded llama-server (start-up time, schema-constrained calls), when installed.
//
// Usage: BenchModels [--concurrent 32] [--delay-ms 1000] [--calls 300] [--cli-calls 60] [--local]

import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients

struct Options {
    var concurrent = 32
    var delayMilliseconds = 1000
    var calls = 300
    var cliCalls = 60
    var local = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--local" {
                local = true
                continue
            }
            guard let value = iterator.next().flatMap({ Int($0) }), value > 0 else {
                fatalError("BenchModels: \(argument) needs a positive integer value")
            }
            switch argument {
            case "--concurrent": concurrent = value
            case "--delay-ms": delayMilliseconds = value
            case "--calls": calls = value
            case "--cli-calls": cliCalls = value
            default: fatalError("BenchModels: unknown option \(argument); see the comment at the top of main.swift")
            }
        }
    }
}

/// Per-call timings in milliseconds.
struct Sample {
    var label: String
    var milliseconds: [Double]

    var sorted: [Double] { milliseconds.sorted() }
    var mean: Double { milliseconds.reduce(0, +) / Double(max(1, milliseconds.count)) }
    func percentile(_ fraction: Double) -> Double {
        let values = sorted
        guard !values.isEmpty else { return 0 }
        return values[min(values.count - 1, Int((Double(values.count - 1) * fraction).rounded()))]
    }
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func format(_ value: Double, decimals: Int = 3) -> String {
    String(format: "%.\(decimals)f", value)
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

/// Runs `curl` with `arguments`, failing loudly when it does not exit 0.
func runCurl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(
            domain: "BenchModels", code: Int(process.terminationStatus),
            userInfo: [NSLocalizedDescriptionKey: "curl \(arguments.joined(separator: " ")) exited "
                + "\(process.terminationStatus)"])
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let answer = RecordedModelAnswers.openAIChatCompletion(content: #"{"total": 12.5, "currency": "EUR"}"#)
let request = ChatRequest(
    system: "Extract the invoice total.", user: [.text("Invoice INV-7: total 12.50 EUR.")], maxOutputTokens: 64)
let configuration = ModelClientConfiguration(retry: .none, timeout: .seconds(60))

// MARK: 1. Concurrency

let slowServer = try LoopbackHTTPServer { [delay = options.delayMilliseconds] _ in
    answer.delayed(by: .milliseconds(delay))
}
let slowClient = OpenAICompatibleClient(
    baseURL: slowServer.baseURL + "/v1", apiKey: nil, model: "gpt-4o-mini", configuration: configuration)
let clock = ContinuousClock()
let wall = try await clock.measure {
    try await withThrowingTaskGroup(of: ChatResponse.self) { group in
        for _ in 0..<options.concurrent {
            group.addTask { try await slowClient.complete(request) }
        }
        for try await response in group where response.text.isEmpty {
            fatalError("BenchModels: empty answer from the loopback server")
        }
    }
}
let concurrentConnections = slowServer.statistics.connectionsAccepted
slowServer.stop()
let serial = Double(options.concurrent * options.delayMilliseconds) / 1000

// MARK: 2. Per-call overhead

let fastServer = try LoopbackHTTPServer { _ in answer }
let transport = CurlTransport()
let body = Data(#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Invoice INV-7"}]}"#.utf8)
let raw = HTTPRequest(
    method: "POST", url: fastServer.baseURL + "/v1/chat/completions",
    headers: [HTTPHeader("Content-Type", "application/json")], body: body)
let fastClient = OpenAICompatibleClient(
    baseURL: fastServer.baseURL + "/v1", apiKey: nil, model: "gpt-4o-mini",
    configuration: ModelClientConfiguration(retry: .none, callLog: InMemoryCallLog(), timeout: .seconds(60)))

// Warm up the connection, the event loop and the code paths.
for _ in 0..<20 {
    _ = try await transport.send(raw)
    _ = try await fastClient.complete(request)
}

var transportSample = Sample(label: "CurlTransport.send (keep-alive)", milliseconds: [])
for _ in 0..<options.calls {
    let elapsed = try await clock.measure { _ = try await transport.send(raw) }
    transportSample.milliseconds.append(milliseconds(elapsed))
}

var clientSample = Sample(label: "OpenAICompatibleClient.complete", milliseconds: [])
for _ in 0..<options.calls {
    let elapsed = try await clock.measure { _ = try await fastClient.complete(request) }
    clientSample.milliseconds.append(milliseconds(elapsed))
}

let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-models-body-\(getpid()).json")
try body.write(to: bodyFile)
defer { try? FileManager.default.removeItem(at: bodyFile) }
let curlArguments = [
    "-s", "-o", "/dev/null", "-H", "Content-Type: application/json", "--data-binary", "@\(bodyFile.path)",
    "--noproxy", "*", raw.url,
]
var cliSample = Sample(label: "curl CLI, one process per call", milliseconds: [])
for _ in 0..<options.cliCalls {
    let elapsed = try clock.measure { try runCurl(curlArguments) }
    cliSample.milliseconds.append(milliseconds(elapsed))
}

// One curl process for every call: the same URL repeated reuses one connection.
var batchArguments = ["-s", "-H", "Content-Type: application/json", "--noproxy", "*"]
for _ in 0..<options.calls {
    batchArguments += ["-o", "/dev/null", "--data-binary", "@\(bodyFile.path)", raw.url]
}
let batch = try clock.measure { try runCurl(batchArguments) }
let batchPerCall = milliseconds(batch) / Double(options.calls)
let fastConnections = fastServer.statistics.connectionsAccepted
fastServer.stop()

// MARK: Report

print("BenchModels — loopback only (127.0.0.1), \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("")
print("1. \(options.concurrent) concurrent OpenAI-compatible calls, server answers each after "
    + "\(options.delayMilliseconds) ms")
print("   wall time: \(format(milliseconds(wall) / 1000)) s  (one at a time: \(format(serial, decimals: 1)) s; "
    + "connections: \(concurrentConnections))")
print("")
print("2. Per-call time on loopback, immediate answer (\(options.calls) calls; curl CLI per process: "
    + "\(options.cliCalls) calls)")
let header = pad("way of calling", 40) + pad("mean ms", 10, right: true) + pad("p50 ms", 10, right: true)
    + pad("p95 ms", 10, right: true)
print("   " + header)
print("   " + String(repeating: "-", count: header.count))
for sample in [transportSample, clientSample, cliSample] {
    print("   " + pad(sample.label, 40) + pad(format(sample.mean), 10, right: true)
        + pad(format(sample.percentile(0.5)), 10, right: true) + pad(format(sample.percentile(0.95)), 10, right: true))
}
print("   " + pad("curl CLI, one process for all calls", 40) + pad(format(batchPerCall), 10, right: true)
    + pad("-", 10, right: true) + pad("-", 10, right: true))
print("")
let encodeDecode = clientSample.percentile(0.5) - transportSample.percentile(0.5)
print("   client cost over the raw transport (p50): \(format(encodeDecode)) ms per call "
    + "(JSON encode + decode + run-log record)")
let ratio = cliSample.percentile(0.5) / max(0.001, clientSample.percentile(0.5))
print("   a curl process per call costs \(format(ratio, decimals: 1))× the in-process client; "
    + "loopback connections accepted in part 2: \(fastConnections)")

// MARK: 3. The local model

if options.local {
    print("")
    let localConfiguration = LocalModelConfiguration.fromEnvironment()
    if let problem = localConfiguration.installationProblem {
        print("3. local llama-server: skipped — \(problem)")
    } else {
        let server = LocalModelServer.shared(localConfiguration)
        let startup = try await clock.measure { _ = try await server.start() }
        print("3. local llama-server (\(localConfiguration.modelName), -c \(localConfiguration.contextSize), "
            + "-t \(localConfiguration.threads)): ready after \(format(milliseconds(startup) / 1000, decimals: 2)) s")
        fflush(nil)  // all streams: `stdout` is not concurrency-safe in Swift 6
        let model = try await server.languageModel(
            configuration: ModelClientConfiguration(retry: .none, timeout: .seconds(300)))
        let schema: JSONValue = [
            "type": "object",
            "properties": ["name": ["type": "string", "maxLength": 40], "age": ["type": "integer"]],
            "required": ["name", "age"],
            "additionalProperties": false,
        ]
        let people = ["Maria Lopez is 34 years old.", "Tom Becker, 58, lives in Bonn.", "Age 7: Lea Wu."]
        for text in people {
            let ask = ChatRequest(
                system: "You extract data as JSON.", user: [.text("Text: \"\(text)\" Give the name and age.")],
                responseSchema: ResponseSchema(name: "person", schema: schema), temperature: 0, maxOutputTokens: 60)
            let response = try await model.complete(ask)
            let seconds = milliseconds(response.latency) / 1000
            let rate = Double(response.usage.output) / max(0.001, seconds)
            print("   \(format(seconds, decimals: 2)) s, \(response.usage.input) in / \(response.usage.output) out "
                + "(\(format(rate, decimals: 1)) tok/s overall): \(response.text)")
            fflush(nil)  // all streams: `stdout` is not concurrency-safe in Swift 6
        }
        await server.stop()
    }
}
