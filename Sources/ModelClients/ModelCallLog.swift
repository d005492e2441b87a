import Foundation
import Logging

/// Where the records of model call attempts go. Implementations must be thread-safe.
public protocol ModelCallLog: Sendable {
    /// Stores one attempt's record.
    func append(_ record: ModelCallRecord)
}

/// Keeps records in memory: the twin of ``JSONLinesCallLog`` for tests and summaries.
public final class InMemoryCallLog: ModelCallLog {
    private let storage = Locked([ModelCallRecord]())

    /// Creates an empty log.
    public init() {}

    public func append(_ record: ModelCallRecord) {
        storage.withLock { $0.append(record) }
    }

    /// Every record appended so far, in order.
    public var records: [ModelCallRecord] {
        storage.withLock { $0 }
    }
}

/// Appends each record as one JSON line to a file (created if missing, never truncated).
///
/// Each line is written with a single `write(2)` on a file opened with `O_APPEND`, so concurrent clients and
/// processes do not interleave lines. Write failures are reported once through the logger, not thrown.
public final class JSONLinesCallLog: ModelCallLog {
    /// The log file.
    public let url: URL
    private let descriptor: Int32
    private let logger: Logger
    private let failed = Locked(false)

    /// Opens (or creates) the log file at `url`; throws when it cannot be opened for appending.
    public init(url: URL, logger: Logger = Logger(label: "docextract.model-calls")) throws {
        self.url = url
        self.logger = logger
        let directory = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ModelClientError(
                code: .invalidConfiguration,
                message: "cannot open the run log \(url.path) for appending: \(reason); "
                    + "check that the directory exists and is writable")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    public func append(_ record: ModelCallRecord) {
        let bytes = Array((record.jsonLine + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != bytes.count {
            let reason = String(cString: strerror(errno))
            let first = failed.withLock { flag -> Bool in
                defer { flag = true }
                return !flag
            }
            if first {
                logger.warning("cannot append to the run log \(url.path): \(reason); further records may be lost")
            }
        }
    }
}
