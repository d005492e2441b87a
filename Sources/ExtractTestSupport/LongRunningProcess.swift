#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A child process that keeps running while a test works beside it (a watcher, a server): start it, read its
/// standard error line by line as it comes, send it signals, and wait for it to exit, each with a deadline.
///
/// ```swift
/// let watcher = try LongRunningProcess(Fixtures.extractExecutable, ["watch", inbox.path, …])
/// try await watcher.waitForLine(timeout: .seconds(30)) { $0.contains("watching") }
/// watcher.send(SIGTERM)
/// let status = try await watcher.waitForExit(timeout: .seconds(30))
/// ```
public final class LongRunningProcess: Sendable {
    /// How the process ended.
    public enum Termination: Sendable, Equatable {
        /// It called exit with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
    }

    /// A wait that ran out of time; the message says what was awaited and shows the process's last output.
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    /// The process identifier.
    public let pid: pid_t
    private let state = SharedState()
    private let readerDone = DispatchSemaphore(value: 0)

    /// Spawns `executable` with `arguments`; `environment` is added to this process's. Standard output goes
    /// to /dev/null, standard input is empty, standard error is read line by line.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        currentDirectory: URL = Fixtures.repositoryRoot
    ) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        // Foundation's Process reaps the child itself; record how it ended.
        let state = state
        state.process = process
        process.terminationHandler = { ended in
            state.termination.withLock {
                $0 = ended.terminationReason == .uncaughtSignal
                    ? .signalled(ended.terminationStatus) : .exited(ended.terminationStatus)
            }
        }
        try process.run()
        pid = process.processIdentifier
        let handle = errorPipe.fileHandleForReading
        let thread = Thread { [state, readerDone] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    state.lines.withLock { $0.append(line) }
                }
            }
            if !pending.isEmpty { state.lines.withLock { $0.append(String(decoding: pending, as: UTF8.self)) } }
            readerDone.signal()
        }
        thread.start()
    }

    /// Every line written to standard error so far.
    public var standardErrorLines: [String] { state.lines.withLock { $0 } }

    /// How the process ended, or nil while it runs.
    public var exit: Termination? { state.termination.withLock { $0 } }

    /// Sends `signal` (SIGTERM, SIGINT, SIGKILL …).
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits until some line of standard error satisfies `predicate`; returns it.
    @discardableResult
    public func waitForLine(
        timeout: Duration, _ what: String = "a matching line", _ predicate: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        var found: String?
        try await Self.waitUntil(timeout: timeout, what, context: { self.tail() }) {
            found = self.standardErrorLines.first(where: predicate)
            return found != nil
        }
        return found!
    }

    /// Waits until the process has ended and its standard error is read to the end.
    @discardableResult
    public func waitForExit(timeout: Duration) async throws -> Termination {
        try await Self.waitUntil(timeout: timeout, "the process to exit", context: { self.tail() }) {
            self.exit != nil
        }
        _ = readerDone.wait(timeout: .now() + 5)
        return exit!
    }

    /// Kills the process (SIGKILL) unless it has ended; for cleanup.
    public func killIfRunning() {
        if exit == nil { kill(pid, SIGKILL) }
    }

    /// The last lines of standard error, for failure messages.
    public func tail(_ count: Int = 15) -> String {
        standardErrorLines.suffix(count).joined(separator: "\n")
    }

    /// Checks `condition` every 20 ms until it holds, or throws ``Timeout`` after `timeout`.
    public static func waitUntil(
        timeout: Duration, _ what: String, context: () -> String = { "" }, _ condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                throw Timeout(description: "timed out after \(timeout) waiting for \(what)\n\(context())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// What the reader thread and the termination handler share with the test; keeps the `Process` alive.
private final class SharedState: @unchecked Sendable {
    let lines = Mutex([String]())
    let termination = Mutex<LongRunningProcess.Termination?>(nil)
    var process: Process?
}
