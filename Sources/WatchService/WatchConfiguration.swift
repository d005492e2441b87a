import DocExtract
import Foundation

/// Everything a ``FolderWatcher`` needs: the folders, the default schema and its routes, and how to extract.
public struct WatchConfiguration: Sendable {
    /// The watched folder. `processed/`, `failed/` and `.processing/` are created inside it.
    public var inbox: URL
    /// Where `<name>.json` and `<name>.report.json` are written (subfolders of the inbox are mirrored).
    public var outbox: URL
    /// The schema for files no route of ``routesFile`` matches.
    public var defaultSchema: URL
    /// A `schemas.json` mapping globs or subfolders to schemas; nil for none.
    public var routesFile: URL?
    /// How every document is extracted (one extractor serves every worker).
    public var extractor = ExtractorConfiguration()
    /// The password given to encrypted PDFs.
    public var password: String?
    /// Documents extracted at the same time. Default 2.
    public var workers = 2
    /// Seconds between two scans of the inbox; a file is complete once its size and modification time are the
    /// same in two scans (or when inotify reports it closed after writing or renamed into place). Default 2.
    public var pollInterval: Duration = .seconds(2)
    /// With inotify: a file seen being written but never seen closed (a writer holding it open, a missed event)
    /// counts as complete only after this long without change. Default 30 s.
    public var unclosedQuietPeriod: Duration = .seconds(30)
    /// Use Linux inotify to notice new files at once (scans still run every ``pollInterval``). Default true.
    public var useInotify = true
    /// Seconds between two summary lines. Default 60.
    public var summaryInterval: Duration = .seconds(60)
    /// First delay before a transient failure (model unreachable, rate limit) is retried; doubled each time.
    public var retryDelay: Duration = .seconds(2)
    /// The longest delay between two retries of one file.
    public var maxRetryDelay: Duration = .seconds(120)
    /// How often a file may be claimed by a watcher that then died (kill -9, crash) before it is set aside in
    /// `failed/` as a poison file. Default 3.
    public var maxInterruptedStarts = 3
    /// How often a document may crash the evidence worker process (a signal or an unexpected exit in Poppler or
    /// Tesseract, with ``EvidenceIsolation/workerProcess(_:)``) before it is set aside in `failed/`. The count
    /// is kept beside the claim, so it survives restarts. Default 2: one crash is retried once.
    public var maxWorkerCrashes = 2
    /// The longest one document may take (reading, OCR, model calls, writing) before it is given up and set
    /// aside in `failed/` ("timed out after N s"); nil for no limit. Default 600 s. With worker isolation the
    /// worker's ``WorkerProcessOptions/requestTimeout`` is kept at most 5 s above it, so a hung native stage
    /// is killed too.
    public var fileTimeout: Duration? = .seconds(600)
    /// Where `<name>.review.html` pages go (subfolders mirrored), written before the input moves to
    /// `processed/`; nil for none. Needs ``reviewRenderer``.
    public var reviewFolder: URL?
    /// Makes the self-contained HTML review page of an extraction from the PDF at the given path (the `extract`
    /// tool renders the pages with Poppler and uses `ReviewReport`).
    public var reviewRenderer: (@Sendable (ExtractionResult, String) async throws -> Data)?

    /// A configuration with the documented defaults.
    public init(inbox: URL, outbox: URL, defaultSchema: URL, routesFile: URL? = nil) {
        self.inbox = inbox
        self.outbox = outbox
        self.defaultSchema = defaultSchema
        self.routesFile = routesFile
    }
}
