#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl
import Foundation

/// A process started with `posix_spawn`, its output sent to a log file.
///
/// Every live child is registered with ``ChildProcess/terminateAll()``, which runs at normal exit (`atexit`)
/// and on SIGINT, SIGTERM and SIGHUP (see ``ChildProcess/installTerminationHandlers()``), so servers started
/// by this process do not outlive it. The child starts with default signal dispositions and an empty mask.
final class ChildProcess: Sendable {
    /// The process identifier.
    let pid: pid_t
    /// Where the child's standard output and error go.
    let logFile: URL
    private let exitStatus = Locked<Int32?>(nil)

    /// Spawns `executable` with `arguments`; `environment` is added to (and overrides) this process's.
    init(executable: URL, arguments: [String], environment: [String: String], logFile: URL) throws {
        ChildProcess.installTerminationHandlers()
        let pid: pid_t
        do throws(ProcessSpawner.Failure) {
            pid = try ProcessSpawner.spawn(
                executable: executable, arguments: arguments, environment: environment
            ) { actions in
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
            }
        } catch {
            throw ModelClientError(
                code: .localServerFailed,
                message: "cannot start \(executable.path): \(error.reason); "
                    + "check that the file is an executable built for this machine")
        }
        self.pid = pid
        self.logFile = logFile
        ChildProcess.live.withLock { _ = $0.insert(pid) }
    }

    /// The exit status (as from `waitpid`) once the child has ended, reaping it; `nil` while it runs.
    func poll() -> Int32? {
        exitStatus.withLock { status in
            if status != nil { return status }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) {
                status = raw
                ChildProcess.live.withLock { _ = $0.remove(pid) }
            }
            return status
        }
    }

    /// Whether the child still runs.
    var isRunning: Bool { poll() == nil }

    /// A readable account of how the child ended, for example `exit code 1` or `signal 9`.
    func describeExit() -> String {
        guard let status = poll() else { return "still running" }
        let signal = status & 0x7f
        return signal == 0 ? "exit code \((status >> 8) & 0xff)" : "signal \(signal)"
    }

    /// The last `limit` bytes of the child's log, for error messages.
    func logTail(limit: Int = 1500) -> String {
        guard let data = try? Data(contentsOf: logFile) else { return "(no output)" }
        let text = String(decoding: data.suffix(limit), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "(no output)" : text
    }

    /// Sends SIGTERM, waits up to `grace` for the child to end, then sends SIGKILL and reaps it.
    func terminate(grace: Duration = .seconds(5)) async {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning {
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    // MARK: Process-wide cleanup

    /// Children started by this process that have not been reaped.
    private static let live = Locked(Set<pid_t>())
    /// Signal sources kept alive for the life of the process.
    private static let signalSources = Locked([any DispatchSourceSignal]())

    /// Terminates every live child: SIGTERM, up to one second of grace, then SIGKILL. Safe to call repeatedly.
    static func terminateAll() {
        let pids = live.withLock { $0 }
        guard !pids.isEmpty else { return }
        for pid in pids { kill(pid, SIGTERM) }
        var remaining = pids
        for _ in 0..<100 where !remaining.isEmpty {
            remaining = remaining.filter { pid in
                var status: Int32 = 0
                let result = waitpid(pid, &status, WNOHANG)
                return !(result == pid || (result < 0 && errno == ECHILD))
            }
            if !remaining.isEmpty { usleep(10_000) }
        }
        for pid in remaining {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        live.withLock { $0.subtract(pids) }
    }

    private static let handlersInstalled: Void = {
        atexit { ChildProcess.terminateAll() }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // Only take over signals nobody handles yet; an application with its own handler should call
            // LocalModelServer.stopAll() from it.
            guard hasDefaultDisposition(signalNumber) else { continue }
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ChildProcess.terminateAll()
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
                _exit(128 + signalNumber)
            }
            source.resume()
            signalSources.withLock { $0.append(source) }
        }
    }()

    private static func hasDefaultDisposition(_ signalNumber: Int32) -> Bool {
        var current = sigaction()
        sigaction(signalNumber, nil, &current)
        #if canImport(Glibc)
        return current.__sigaction_handler.sa_handler == nil
        #else
        return current.__sigaction_u.__sa_handler == nil
        #endif
    }

    /// Installs the `atexit` and signal cleanup once per process. Signals that already have a handler are
    /// left alone.
    static func installTerminationHandlers() {
        _ = handlersInstalled
    }
}
