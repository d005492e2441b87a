import Foundation

/// Paths to the project's samples and the shared evaluation corpus, for tests and benchmarks.
public enum Fixtures {
    /// The repository's root folder (found from this source file's location).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `samples/` in the repository.
    public static var samples: URL { repositoryRoot.appendingPathComponent("samples") }

    /// A file in `samples/`, e.g. `sample("invoice.pdf")`.
    public static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// The shared material folder: `$DOCEXTRACT_SHARED`, or `../shared` beside the repository.
    public static var shared: URL {
        if let override = ProcessInfo.processInfo.environment["DOCEXTRACT_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A path in the shared corpus, e.g. `corpus("invoice2data/tests/compare/saeco.pdf")`.
    public static func corpus(_ relativePath: String) -> URL {
        shared.appendingPathComponent("corpus").appendingPathComponent(relativePath)
    }

    /// The built `extract` executable next to the test bundle, for tests that run the real command.
    public static var extractExecutable: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("extract"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("extract"),
            repositoryRoot.appendingPathComponent(".build/debug/extract"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }
}
