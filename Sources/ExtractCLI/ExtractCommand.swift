import ArgumentParser

/// The `extract` command-line tool: the root command and its subcommands.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct ExtractCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Turn PDFs into JSON that validates against your JSON Schema, with where each value came from.",
        discussion: """
            Exit codes: 0 success; 1 an instance is invalid (validate); 2 the schema is unreadable or invalid; \
            3 an input file is missing or unreadable; 4 the input is not a readable PDF (empty, truncated, \
            damaged, not a PDF); 5 the PDF is encrypted and the password is missing or wrong; 6 OCR or \
            rendering failed (e.g. language data missing); 7 no language model reachable; 8 no valid output; \
            9 a limit was exceeded (size, pages, tokens, OCR time per page); 64 usage error; 70 internal error; \
            73 an output file could not be written.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, InspectCommand.self, ValidateCommand.self, CacheCommand.self, WatchCommand.self,
            EvalCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    public init() {}
}

extension ExtractCommand {
    /// Runs the tool with the process's arguments and exits with its status. The `extract` executable calls this.
    public static func runFromCommandLine() async {
        ProcessBootstrap.ensureOpenMPThreadLimit()
        WorkerMode.runIfRequested()
        let main: () async -> Void = { await Self.main() }
        await main()
    }
}
