#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl
import Foundation

/// A child process started with `posix_spawn` that talks over its standard input and output in lines, for
/// worker processes (its standard error goes to `/dev/null`).
///
/// Not thread-safe: one thread owns a `PipedProcess` at a time. The child inherits no descriptor of this
/// process but its two pipes; when this object is released the pipes close (a worker reading its standard
/// input then sees the end and exits) and a child still running is killed and reaped.
public final class PipedProcess {
    /// What ``readLine(timeout:)`` found.
    public enum Read: Sendable, Hashable {
        /// One line, without its newline.
        case line(Data)
        /// The child closed its output (it exited or crashed).
        case closed
        /// Nothing arrived within the timeout.
        case timedOut
    }

    /// The process identifier.
    public let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var buffer = Data()
    private var status: Int32?

    /// Spawns `executable` with `arguments`; `environment` is added to (and overrides) this process's.
    ///
    /// - Throws: ``SpawnError`` when the pipes or the process cannot be created.
    public init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
        Self.ignoreBrokenPipes()
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw Self.failure("cannot create a pipe", errno) }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw Self.failure("cannot create a pipe", errno)
        }
        let pid: pid_t
        do throws(ProcessSpawner.Failure) {
            pid = try ProcessSpawner.spawn(
                executable: executable, arguments: arguments, environment: environment,
                fallbackCloses: toChild + fromChild
            ) { actions in
                posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
                posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            }
        } catch {
            for descriptor in toChild + fromChild { close(descriptor) }
            throw Self.failure("cannot start \(executable.path)", error.code)
        }
        close(toChild[0])
        close(fromChild[1])
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        closePipes()
        if status == nil {
            Glibc.kill(pid, SIGKILL)
            _ = waitForExit()
        }
    }

    /// Writes `line` and a newline to the child's standard input; false when the child has gone.
    public func send(_ line: Data) -> Bool {
        var bytes = line
        bytes.append(0x0A)
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(input, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// The next line of the child's standard output, waiting at most `timeout` (nil: as long as it takes).
    public func readLine(timeout: Duration?) -> Read {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return .line(Data(line))
            }
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero { return .timedOut }
                let parts = left.components
                wait = Int32(clamping: parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000 + 1)
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .closed
            }
            if count == 0 { return .closed }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Kills the child (SIGKILL) and reaps it.
    public func kill() {
        if status == nil { Glibc.kill(pid, SIGKILL) }
        _ = waitForExit()
    }

    /// Waits until the child has ended and returns its raw status (as from `waitpid`).
    public func waitForExit() -> Int32 {
        if let status { return status }
        closePipes()
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR { break }
        }
        status = raw
        return raw
    }

    /// The signal that ended the child, if one did (after ``waitForExit()``).
    public var terminationSignal: Int32? {
        guard let status, status & 0x7f != 0 else { return nil }
        return status & 0x7f
    }

    /// The exit code of a child that exited normally (after ``waitForExit()``).
    public var exitCode: Int32? {
        guard let status, status & 0x7f == 0 else { return nil }
        return (status >> 8) & 0xff
    }

    private func closePipes() {
        if input >= 0 { close(input) }
        if output >= 0 { close(output) }
        input = -1
        output = -1
    }

    private static let brokenPipesIgnored: Void = {
        // A write to a worker that just died must fail with EPIPE, not kill this process.
        signal(SIGPIPE, SIG_IGN)
    }()

    private static func ignoreBrokenPipes() {
        _ = brokenPipesIgnored
    }

    private static func failure(_ what: String, _ code: Int32) -> SpawnError {
        SpawnError(description: "\(what): \(String(cString: strerror(code)))")
    }

    /// The pipes or the process could not be created.
    public struct SpawnError: Error, Sendable, CustomStringConvertible {
        /// What failed and why.
        public var description: String
    }
}
