import ExtractCore
import ExtractTestSupport
import Foundation
import StageCache
import Synchronization
import Testing

/// The on-disk cache: round trips, corruption, sharing between writers, statistics, pruning.
@Suite struct DiskCacheTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxcache-\(UUID().uuidString)")
    }

    private func warnings() -> (DiagnosticCollector, @Sendable (Diagnostic) -> Void) {
        let collector = DiagnosticCollector()
        return (collector, { collector.emit($0) })
    }

    @Test func roundTripAndMiss() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try DiskCache(root: folder)
        let key = CacheKey(material: "a")
        #expect(cache.load(key) == nil)
        try cache.save(Data("hello".utf8), for: key)
        #expect(cache.load(key) == Data("hello".utf8))
        try cache.save(Data("again".utf8), for: key)
        #expect(cache.load(key) == Data("again".utf8))
        #expect(cache.statistics().entries == 1)
    }

    @Test func corruptEntryIsDroppedWithAWarning() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (collector, warn) = warnings()
        let cache = try DiskCache(root: folder, warn: warn)
        let key = CacheKey(material: "b")
        try cache.save(Data(repeating: 7, count: 1000), for: key)
        let file = folder.appendingPathComponent("v1/\(key.hex.prefix(2))/\(key.hex).entry")
        // Truncate the entry as a crash or a full disk would.
        let raw = try Data(contentsOf: file)
        try raw.prefix(raw.count / 2).write(to: file)
        #expect(cache.load(key) == nil)
        #expect(collector.diagnostics.map(\.code) == ["cache.corrupt"])
        #expect(!FileManager.default.fileExists(atPath: file.path))
        // Flip one payload byte: the checksum catches it too.
        try cache.save(Data(repeating: 7, count: 1000), for: key)
        var flipped = try Data(contentsOf: file)
        flipped[flipped.count - 1] ^= 0xFF
        try flipped.write(to: file)
        #expect(cache.load(key) == nil)
        #expect(collector.diagnostics.count == 2)
    }

    @Test func concurrentWritersNeverExposeAPartialEntry() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try DiskCache(root: folder)
        let other = try DiskCache(root: folder)
        let key = CacheKey(material: "shared")
        let payloads = (0..<8).map { Data(repeating: UInt8($0), count: 200_000) }
        await withTaskGroup(of: Void.self) { group in
            for (index, payload) in payloads.enumerated() {
                group.addTask {
                    let cache = index.isMultiple(of: 2) ? one : other
                    for _ in 0..<5 {
                        try? cache.save(payload, for: key)
                        if let seen = cache.load(key) { #expect(payloads.contains(seen)) }
                    }
                }
            }
        }
        let final = try #require(one.load(key))
        #expect(payloads.contains(final))
        let strays = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(strays.isEmpty)
    }

    @Test func statisticsClearAndPrune() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try DiskCache(root: folder)
        for index in 0..<10 {
            try cache.save(Data(repeating: 1, count: 1000), for: CacheKey(material: "k\(index)"))
        }
        let stats = cache.statistics()
        #expect(stats.entries == 10)
        #expect(stats.bytes > 10_000)
        // Make k0 the oldest, then read k1 so that it is recent; pruning must drop k0 before k1.
        let old = Date(timeIntervalSinceNow: -3600)
        for index in 0..<10 {
            let key = CacheKey(material: "k\(index)")
            let file = folder.appendingPathComponent("v1/\(key.hex.prefix(2))/\(key.hex).entry")
            try FileManager.default.setAttributes(
                [.modificationDate: old.addingTimeInterval(Double(index))], ofItemAtPath: file.path
            )
        }
        _ = cache.load(CacheKey(material: "k0"))
        let removed = cache.prune(maximumBytes: stats.bytes / 2)
        #expect(removed >= 5)
        #expect(cache.statistics().bytes <= stats.bytes / 2)
        #expect(cache.load(CacheKey(material: "k0")) != nil, "recently used survives")
        #expect(cache.load(CacheKey(material: "k1")) == nil, "least recently used goes first")
        #expect(cache.clear() == 10 - removed)
        #expect(cache.statistics().entries == 0)
    }

    @Test func unwritableFolderIsAClearError() throws {
        let error = #expect(throws: ExtractError.self) {
            try DiskCache(root: URL(fileURLWithPath: "/proc/docextract-cache"))
        }
        #expect(error?.code == .invalidOption)
        #expect(error?.message.contains("--no-cache") == true)
    }

    @Test func defaultRootFollowsXDG() {
        #expect(DiskCache.defaultRoot(environment: ["XDG_CACHE_HOME": "/x"]).path == "/x/docextract")
        #expect(DiskCache.defaultRoot(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/docextract")
    }
}
