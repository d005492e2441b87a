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
    /// the worker is killed and the document fails with `.timeLimitExceeded`. Default 600 s. A page's render
    /// and OCR is bounded by the OCR time limit instead when one is set (see ``ocrDeadlineMargin``).
    public var requestTimeout: Duration = .seconds(600)
    /// How long past ``EvidenceOptions/maximumOCRDuration`` a page's render and OCR may run before the worker
    /// is killed (and replaced for the next request) and the document fails with `.timeLimitExceeded`.
    ///
    /// Tesseract checks its own deadline only while recognising words, not while deskewing or analysing the
    /// page layout, and Poppler has none while rendering; this wall-clock deadline, kept by the parent from
    /// the moment the worker starts rendering the page, is what makes the limit hold. The margin leaves
    /// Tesseract's deadline the first word on an ordinary page. Default 5 s.
    public var ocrDeadlineMargin: Duration = .seconds(5)
    /// Variables added to the worker's environment. Default none.
    public var environment: [String: String] = [:]

    /// Workers started from `executable` (e.g. `/proc/self/exe` for the running `extract` tool).
    public init(executable: URL) {
        self.executable = executable
    }
}
