import ExtractCLI

await ExtractCommand.main()
