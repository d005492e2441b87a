#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import Logging
import ModelClients
import ServiceLifecycle
import WatchService

/// `extract watch INBOX --schema S.json --out OUTBOX`: the hot folder.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a folder and extract every PDF dropped into it, exactly once, even across crashes.",
        discussion: """
            Every complete PDF in INBOX (and its subfolders) becomes OUTBOX/<name>.json and \
            <name>.report.json; then the input moves to INBOX/processed/. A document without valid output goes \
            to INBOX/failed/ with <name>.error.json. Files ending in .part, .tmp or .crdownload and hidden files \
            are ignored until renamed. Transient failures (model unreachable, rate limits) are retried with \
            backoff; a rejected key (401/403) or an unknown model (404) fails the document at once and is logged \
            as a CONFIGURATION PROBLEM. A document that crashes the PDF worker is read once more, and set aside \
            after the second crash; one still unfinished after --file-timeout seconds is set aside too. Symbolic \
            links are never followed: a linked PDF goes to failed/ (as the link), a linked folder is skipped. \
            With --review-dir, DIR/<name>.review.html (the page images with the values boxed, as with \
            `extract FILE --review`) is written before the input moves to processed/. SIGTERM or Ctrl-C lets \
            the documents in progress finish, then exits 0.

            A schemas.json (--schemas, or INBOX/schemas.json when present) routes documents to schemas:
              {"routes": [{"match": "receipts/", "schema": "receipt.schema.json"},
                          {"match": "*-invoice.pdf", "schema": "invoice.schema.json"}]}
            Documents no route matches get --schema.

            Examples:
              extract watch inbox/ --schema schemas/invoice.schema.json --out results/
              extract watch inbox/ --schema schemas/invoice.schema.json --out results/ --review-dir reviews/ \
            --file-timeout 300
              extract watch inbox/ --schema default.json --schemas routes.json --out results/ --workers 2 \
            --provider openai --base-url http://127.0.0.1:8000/v1
            """
    )

    @Argument(help: "The folder to watch.")
    var inbox: String

    @Option(name: .long, help: "The JSON Schema (draft 2020-12) for documents no route in schemas.json matches.")
    var schema: String

    @OptionGroup var options: ExtractionOptions

    @Option(help: "Where <name>.json and <name>.report.json are written.")
    var out: String

    @Option(help: "Documents extracted at the same time.")
    var workers: Int = 2

    @Option(help: "Seconds between two scans of the inbox (a file is complete once unchanged for two scans).")
    var poll: Double = 2

    @Option(help: "A schemas.json mapping globs or subfolders to schemas (default INBOX/schemas.json if present).")
    var schemas: String?

    @Option(help: "Seconds between two summary lines on stderr.")
    var summaryEvery: Double = 60

    @Option(help: "Seconds before the first retry of a transient failure (doubled each time, at most 120).")
    var retryDelay: Double = 2

    @Flag(help: "Do not use inotify; find new files by scanning every --poll seconds only.")
    var noInotify = false

    @Option(help: "Write DIR/<name>.review.html (self-contained HTML review page) for every processed document.")
    var reviewDir: String?

    @Option(help: ArgumentHelp(
        "Seconds one document may take before it is set aside in failed/ as timed out (0: no limit).",
        valueName: "seconds"))
    var fileTimeout: Double = 600

    func validate() throws {
        guard workers >= 1, workers <= 64 else { throw ValidationError("--workers must be 1 to 64") }
        guard poll >= 0.05, poll <= 3600 else { throw ValidationError("--poll must be 0.05 to 3600 seconds") }
        guard summaryEvery >= 0.1 else { throw ValidationError("--summary-every must be at least 0.1 seconds") }
        guard retryDelay >= 0.01 else { throw ValidationError("--retry-delay must be at least 0.01 seconds") }
        guard schema != "-" else { throw ValidationError("watch needs --schema as a file, not stdin") }
        guard fileTimeout >= 0 else { throw ValidationError("--file-timeout must be 0 (no limit) or more seconds") }
    }

    func run() async throws {
        let inboxURL = URL(fileURLWithPath: inbox)
        var watch = WatchConfiguration(
            inbox: inboxURL, outbox: URL(fileURLWithPath: out), defaultSchema: URL(fileURLWithPath: schema))
        if let schemas {
            watch.routesFile = URL(fileURLWithPath: schemas)
        } else {
            let standard = inboxURL.appendingPathComponent("schemas.json")
            if FileManager.default.fileExists(atPath: standard.path) { watch.routesFile = standard }
        }
        watch.workers = workers
        watch.pollInterval = .milliseconds(Int64(poll * 1000))
        watch.summaryInterval = .milliseconds(Int64(summaryEvery * 1000))
        watch.retryDelay = .milliseconds(Int64(retryDelay * 1000))
        watch.useInotify = !noInotify
        watch.password = options.password
        watch.fileTimeout = fileTimeout > 0 ? .milliseconds(Int64(fileTimeout * 1000)) : nil
        if let reviewDir {
            watch.reviewFolder = URL(fileURLWithPath: reviewDir)
            let password = options.password
            watch.reviewRenderer = { result, path in
                try await ReviewWriter.html(result, source: .file(path, password: password))
            }
        }
        do {
            watch.extractor = try options.configuration()
            // Our own handlers take SIGINT and SIGTERM (the local model server's built-in ones then stay off;
            // the watcher stops it at the end).
            signal(SIGINT, SIG_IGN)
            signal(SIGTERM, SIG_IGN)
            let watcher = try FolderWatcher(configuration: watch)
            var logger = Logger(label: "extract.watch")
            logger.logLevel = .warning
            let group = ServiceGroup(
                services: [watcher], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
                logger: logger)
            defer { LocalModelServer.stopAll() }
            try await group.run()
        } catch let error as WatchError {
            CLIError.printError("extract: watch: \(error.message)")
            throw ExitCode(64)
        } catch {
            throw CLIError.exit(for: error)
        }
    }
}
