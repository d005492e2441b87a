import ArgumentParser
import ExtractCore
import Foundation
import StageCache

/// `extract cache stats|clear|prune`: look after the stage cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, clear or prune the stage cache.",
        subcommands: [Stats.self, Clear.self, Prune.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "Cache folder (default $XDG_CACHE_HOME/docextract or ~/.cache/docextract).")
        var cacheDir: String?

        func open() throws -> DiskCache {
            try DiskCache(root: cacheDir.map { URL(fileURLWithPath: $0) } ?? DiskCache.defaultRoot())
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the entries and their size.")
        @OptionGroup var location: Location

        func run() async throws {
            do {
                let cache = try location.open()
                let stats = cache.statistics()
                print("\(cache.root.path): \(stats.entries) entries, \(ByteCountFormatter.string(fromByteCount: stats.bytes, countStyle: .file))")
            } catch {
                throw CLIError.exit(for: error)
            }
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every entry.")
        @OptionGroup var location: Location

        func run() async throws {
            do {
                let cache = try location.open()
                print("removed \(cache.clear()) entries from \(cache.root.path)")
            } catch {
                throw CLIError.exit(for: error)
            }
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove least recently used entries until the cache fits a size, e.g. --max-size 500M."
        )
        @OptionGroup var location: Location
        @Option(help: "The size to shrink to: bytes, or with K, M, G.")
        var maxSize: String

        func validate() throws {
            guard Self.bytes(maxSize) != nil else { throw ValidationError("--max-size takes e.g. 500M, 2G or 1000000") }
        }

        static func bytes(_ text: String) -> Int64? {
            let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
            let upper = text.uppercased().replacingOccurrences(of: "B", with: "")
            if let unit = upper.last, let factor = units[unit], let value = Double(upper.dropLast()), value >= 0 {
                return Int64(value * Double(factor))
            }
            return Int64(upper).flatMap { $0 >= 0 ? $0 : nil }
        }

        func run() async throws {
            do {
                let cache = try location.open()
                let removed = cache.prune(maximumBytes: Self.bytes(maxSize) ?? 0)
                let stats = cache.statistics()
                print("removed \(removed) entries; \(stats.entries) left (\(ByteCountFormatter.string(fromByteCount: stats.bytes, countStyle: .file)))")
            } catch {
                throw CLIError.exit(for: error)
            }
        }
    }
}
