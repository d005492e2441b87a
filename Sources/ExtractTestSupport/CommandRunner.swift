import Foundation

/// Runs the real `extract` executable and captures what it printed, for end-to-end tests.
public struct CommandRunner: Sendable {
    /// What a finished run left behind.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output as UTF-8.
        public var standardOutput: String
        /// Standard error as UTF-8.
        public var standardError: String
    }

    /// The executable to run.
    public var executable: URL

    /// Runs `extract` from the build folder.
    public init(executable: URL = Fixtures.extractExecutable) {
        self.executable = executable
    }

    /// Runs the executable with `arguments`, with `environment` added to this process's environment and
    /// `input` on standard input. The call returns when the process exits.
    public func run(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
        currentDirectory: URL = Fixtures.repositoryRoot
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = error.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}
