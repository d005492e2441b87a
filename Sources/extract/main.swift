import ExtractCLI

await ExtractCommand.runFromCommandLine()
