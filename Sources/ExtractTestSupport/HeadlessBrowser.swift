import Foundation

/// Debian's `chromium` run headless for tests: the DOM after the page's scripts ran, screenshots, and the
/// console messages the page logged. Every run gets a fresh temporary profile and a time limit.
public struct HeadlessBrowser: Sendable {
    /// What one browser run left behind.
    public struct Run: Sendable {
        /// Standard output (the DOM for `--dump-dom`).
        public var output: String
        /// Console messages of the page, as chromium logs them (`"message", source: URL (line)`).
        public var consoleMessages: [String]
        /// Standard error in full, for failure messages.
        public var log: String
    }

    /// A failed or timed-out browser run.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened, with the end of the browser's log.
        public var description: String
    }

    /// The browser executable.
    public let executable: URL
    /// How long one run may take before it is killed.
    public var timeout: Duration = .seconds(60)

    /// The installed browser: `$DOCEXTRACT_CHROMIUM`, or `chromium` on the `PATH`; nil when there is none.
    public static func installed() -> HeadlessBrowser? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let override = environment["DOCEXTRACT_CHROMIUM"], !override.isEmpty { candidates.append(override) }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            candidates.append(String(folder) + "/chromium")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
            .map { HeadlessBrowser(executable: URL(fileURLWithPath: $0)) }
    }

    /// Creates a runner for the browser at `executable`.
    public init(executable: URL) {
        self.executable = executable
    }

    /// Loads `url` in a `width` × `height` window and returns the serialised DOM after the load event.
    public func dumpDOM(_ url: URL, width: Int = 1400, height: Int = 1000) throws -> Run {
        try run(["--dump-dom", "--window-size=\(width),\(height)"], url: url)
    }

    /// Loads `url` in a `width` × `height` window (device scale 1) and returns a screenshot of the viewport.
    public func screenshot(_ url: URL, width: Int, height: Int) throws -> (image: PNGImage, png: Data, run: Run) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dx-shot-\(UUID()).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)"], url: url)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: "chromium wrote no screenshot:\n\(run.log.suffix(2000))")
        }
        return (try PNGImage(data), data, run)
    }

    private func run(_ arguments: [String], url: URL) throws -> Run {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dx-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            ] + arguments + [url.absoluteString]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let seconds = Double(timeout.components.seconds)
        let finished = group.wait(timeout: .now() + seconds) == .success
        if !finished {
            process.terminate()
            _ = group.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        let log = String(decoding: errData, as: UTF8.self)
        guard finished else {
            throw Failure(description: "chromium timed out after \(seconds) s:\n\(log.suffix(2000))")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus):\n\(log.suffix(2000))")
        }
        let console = log.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: ":CONSOLE") else { return nil }
            return line[range.upperBound...].drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
        }
        return Run(output: String(decoding: outData, as: UTF8.self), consoleMessages: console, log: log)
    }
}
