import ArgumentParser

public struct ExtractCommand: AsyncParsableCommand {
    public init() {}
}
