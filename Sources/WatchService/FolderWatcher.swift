import DocExtract
import Foundation
import ModelClients
import ServiceLifecycle
import Synchronization

/// A hot folder: every complete PDF dropped into the inbox becomes `OUTBOX/<name>.json` and
/// `<name>.report.json`, or a failure record in `INBOX/failed/`, exactly once, even across crashes.
///
/// Run it in a `ServiceGroup` (swift-service-lifecycle): on graceful shutdown (SIGTERM, SIGINT) the documents
/// being extracted finish and no new one starts; documents still waiting stay in the inbox for the next run.
///
/// ```swift
/// let watcher = try FolderWatcher(configuration: WatchConfiguration(
///     inbox: inbox, outbox: outbox, defaultSchema: schema))
/// let group = ServiceGroup(services: [watcher], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
///
/// A document is first *claimed* by renaming it into `INBOX/.processing/` (atomic, fsynced): from then on it
/// exists in one place only, and a restart resumes every claim before taking new files. Transient failures
/// (model unreachable, rate limits) keep the claim and retry it with exponential backoff while the other
/// workers go on; a document that was being read each time the watcher died
/// ``WatchConfiguration/maxInterruptedStarts`` times goes to `failed/` as a poison file.
public final class FolderWatcher: Service, Sendable {
    /// The configuration.
    public let configuration: WatchConfiguration
    private let layout: InboxLayout
    private let routes: SchemaRoutes
    private let log: @Sendable (String) -> Void
    private let queue = WorkQueue()
    private let statistics = WatchStatistics()
    private let seenClaims = Mutex(Set<String>())
    private let claimLock = Mutex(())
    private let retryTasks = Mutex([Task<Void, Never>]())

    /// Checks the folders and loads every schema; nothing is watched until ``run()``.
    ///
    /// - Parameter log: receives one line per document and the summaries (default: standard error).
    /// - Throws: ``WatchError`` for unusable folders or mapping, `ExtractError` `.invalidSchema` for a bad schema.
    public init(
        configuration: WatchConfiguration,
        log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) throws {
        guard configuration.workers >= 1 else { throw WatchError("--workers must be at least 1") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.inbox.path, isDirectory: &isFolder),
              isFolder.boolValue else {
            throw WatchError("the inbox \(configuration.inbox.path) is not a folder; create it or fix the path")
        }
        let inbox = configuration.inbox.standardizedFileURL.path
        let outbox = configuration.outbox.standardizedFileURL.path
        for reserved in InboxLayout.reservedFolders where outbox == inbox + "/" + reserved || outbox == inbox {
            throw WatchError("--out \(outbox) is one of the inbox's own folders; choose another output folder")
        }
        if let reviews = configuration.reviewFolder?.standardizedFileURL.path {
            guard configuration.reviewRenderer != nil else {
                throw WatchError("a review folder needs WatchConfiguration.reviewRenderer to make the pages")
            }
            for reserved in InboxLayout.reservedFolders where reviews == inbox + "/" + reserved || reviews == inbox {
                throw WatchError(
                    "--review-dir \(reviews) is one of the inbox's own folders; choose another folder for review pages")
            }
        }
        if let timeout = configuration.fileTimeout, timeout <= .zero {
            throw WatchError("the file timeout must be positive (or nil for none)")
        }
        self.configuration = configuration
        layout = InboxLayout(inbox: configuration.inbox.standardizedFileURL,
                             outbox: configuration.outbox.standardizedFileURL,
                             reviews: configuration.reviewFolder?.standardizedFileURL)
        routes = try SchemaRoutes(defaultSchema: configuration.defaultSchema, routesFile: configuration.routesFile)
        // Document names may hold newlines or other control characters: one log line stays one line.
        self.log = { log(Self.printable($0)) }
    }

    /// `line` with control characters (a newline in a file name) written as `\u{…}` escapes.
    static func printable(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return line }
        var escaped = ""
        for scalar in line.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The extractor configuration with the worker's request timeout kept at most 5 s above the file timeout,
    /// so that a native stage hanging in a worker process is killed soon after its document was given up.
    static func extractorConfiguration(_ configuration: WatchConfiguration) -> ExtractorConfiguration {
        var extractor = configuration.extractor
        if let timeout = configuration.fileTimeout, case .workerProcess(var worker) = extractor.evidence.isolation {
            worker.requestTimeout = min(worker.requestTimeout, timeout + .seconds(5))
            extractor.evidence.isolation = .workerProcess(worker)
        }
        return extractor
    }

    /// Watches until graceful shutdown (or cancellation), then lets in-flight documents finish.
    public func run() async throws {
        for folder in [layout.processing, layout.processed, layout.failed, layout.outbox]
            + (layout.reviews.map { [$0] } ?? []) {
            try DurableFile.createDirectory(folder)
        }
        layout.removeStaleTemporaries()
        let extractor = try Extractor(configuration: Self.extractorConfiguration(configuration))
        defer {
            extractor.close()
            LocalModelServer.stopAll()
        }
        let processor = DocumentProcessor(
            layout: layout, routes: routes, extractor: extractor, password: configuration.password,
            maxInterruptedStarts: configuration.maxInterruptedStarts, maxWorkerCrashes: configuration.maxWorkerCrashes,
            fileTimeout: configuration.fileTimeout, reviewRenderer: configuration.reviewRenderer, log: log,
            statistics: statistics)
        let resumed = layout.claimed()
        for relative in resumed { queue.push(.claimed(relative)) }
        let monitor = try InboxMonitor(
            layout: layout, queue: queue, interval: configuration.pollInterval,
            unclosedQuiet: configuration.unclosedQuietPeriod, useInotify: configuration.useInotify, log: log)
        log("watch: watching \(layout.inbox.path) → \(layout.outbox.path) with \(configuration.workers) worker"
            + "\(configuration.workers == 1 ? "" : "s") (\(monitor.usesInotify ? "inotify" : "polling") every "
            + "\(configuration.pollInterval)); \(resumed.count) claimed document\(resumed.count == 1 ? "" : "s") "
            + "resumed; \(routes.routes.count) schema route\(routes.routes.count == 1 ? "" : "s")")
        monitor.start()
        let queue = queue
        await withTaskCancellationOrGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.summaries() }
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<configuration.workers {
                        workers.addTask { await self.work(processor) }
                    }
                }
                group.cancelAll()
            }
        } onCancelOrGracefulShutdown: {
            queue.close()
        }
        monitor.stop()
        retryTasks.withLock { tasks in tasks.forEach { $0.cancel() } }
        log(statistics.summary(waiting: 0))
        log("watch: stopped; unfinished documents stay in \(layout.inbox.path) and \(layout.processing.path)")
    }

    /// One worker: takes jobs until the queue closes.
    private func work(_ processor: DocumentProcessor) async {
        while let job = await queue.next() {
            let relative: String
            switch job {
            case .inbox(let original):
                guard let claimed = claim(original) else { continue }
                relative = claimed
            case .claimed(let claimed):
                relative = claimed
            }
            let firstTime = seenClaims.withLock { $0.insert(relative).inserted }
            statistics.begin()
            let outcome = await processor.process(relative, firstTimeHere: firstTime)
            statistics.end()
            switch outcome {
            case .retry(let reason):
                scheduleRetry(relative, reason: reason)
            case .retryNow(let reason):
                statistics.retried()
                log("watch: \(relative): the evidence worker crashed, retrying once — \(reason)")
                queue.push(.claimed(relative))
            case .processed, .failed:
                break
            }
        }
    }

    /// Renames an inbox document into `.processing/` under a unique name; nil when it vanished.
    private func claim(_ original: String) -> String? {
        defer { queue.release(original) }
        return claimLock.withLock { _ -> String? in
            let source = layout.inboxFile(original)
            // lstat: a document-named symbolic link is claimed as the link itself (and set aside, never followed).
            guard InboxLayout.exists(source) else { return nil }
            // A subfolder swapped for a link after the scan would make the rename take a file from elsewhere.
            guard layout.foldersAreReal(original) else {
                log("watch: \(original): skipped — a folder on its path is now a symbolic link (never followed)")
                return nil
            }
            let name = layout.uniqueClaimName(for: original)
            do {
                try DurableFile.move(source, to: layout.claimFile(name))
            } catch {
                log("watch: \(original): cannot claim it: \(error)")
                return nil
            }
            if name != original {
                let why = InboxLayout.shortened(original) != original
                    ? "its name is longer than \(InboxLayout.maximumStemBytes) bytes" : "the name was taken"
                log("watch: \(original): claimed as \(name) (\(why))")
            }
            return name
        }
    }

    private let attempts = Mutex([String: Int]())

    /// Queues a claimed document again after an exponential backoff.
    private func scheduleRetry(_ relative: String, reason: String) {
        let attempt = attempts.withLock { attempts -> Int in
            attempts[relative, default: 0] += 1
            return attempts[relative]!
        }
        statistics.retried()
        var delay = configuration.retryDelay
        for _ in 1..<min(attempt, 20) { delay *= 2 }
        delay = min(delay, configuration.maxRetryDelay)
        log("watch: \(relative): transient failure, retry \(attempt) in \(delay) — \(reason)")
        let queue = queue
        let task = Task {
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { queue.push(.claimed(relative)) }
        }
        retryTasks.withLock { $0.append(task) }
    }

    /// Logs a summary every ``WatchConfiguration/summaryInterval`` until cancelled.
    private func summaries() async {
        while true {
            do {
                try await Task.sleep(for: configuration.summaryInterval)
            } catch {
                return
            }
            log(statistics.summary(waiting: queue.waiting))
        }
    }
}
