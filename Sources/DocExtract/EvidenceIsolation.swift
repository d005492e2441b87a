import Foundation

/// Where the native evidence stages (Poppler, Tesseract) run.
public enum EvidenceIsolation: Sendable, Hashable {
    /// On worker threads of this process: fastest, but a crash in a C library ends the process. The library
    /// default.
    case inProcess
    /// In worker processes: a crash, abort or out-of-memory in a C library fails only the document being
    /// read, with an error naming the signal and the page; the worker is replaced for the next document.
    /// The command-line tool's default.
    case workerProcess(WorkerProcessOptions)
}

/// How evidence worker processes are started and limited.
public struct WorkerProcessOptions: Sendable, Hashable {
    /// The executable that serves evidence requests. It must call ``EvidenceWorker/serve(arguments:)`` when
    /// started with ``arguments`` (the `extract` tool does, for `extract __worker`).
    public var executable: URL
    /// The arguments that put ``executable`` into worker mode. Default `["__worker"]`.
    public var arguments: [String] = ["__worker"]
    /// The address space one worker may use, set with `setrlimit(RLIMIT_AS)` in the worker; an allocation
    /// beyond it fails inside the worker, not here. Default 4 GiB (`--worker-memory`); nil means no limit.
    public var memoryLimitBytes: Int? = 4 * 1024 * 1024 * 1024
    /// The longest one request (opening, one page's text layer, one page's render and OCR) may take before
    /// the worker is killed and the document fails. Default 600 s.
    public var requestTimeout: Duration = .seconds(600)
    /// Variables added to the worker's environment. Default none.
    public var environment: [String: String] = [:]

    /// Workers started from `executable` (e.g. `/proc/self/exe` for the running `extract` tool).
    public init(executable: URL) {
        self.executable = executable
    }
}
