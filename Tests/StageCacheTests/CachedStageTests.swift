import ExtractCore
import ExtractTestSupport
import Foundation
import StageCache
import Synchronization
import Testing

/// A stage that counts its runs and doubles numbers, to test the decorator.
private struct Doubling: Stage {
    struct Number: CacheKeyed {
        var value: Int
        var cacheKeyMaterial: String { "n:\(value)" }
    }

    let runs: RunCounter
    var version = 1
    var failOn: Int?

    var identity: StageIdentity { StageIdentity(name: "test.double", version: version, options: ["x": "1"]) }

    func run(_ input: Number) async throws -> [Int] {
        runs.add()
        if input.value == failOn { throw ExtractError(.internalError, "boom") }
        return [input.value * 2]
    }
}

/// Counts runs across copies of the stage value.
private final class RunCounter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

@Suite struct CachedStageTests {
    @Test func secondRequestIsServedFromTheCache() async throws {
        let runs = RunCounter()
        let store = InMemoryCache()
        let events = StageEventRecorder()
        let stage = CachedStage(Doubling(runs: runs), store: store, observe: events.record)
        #expect(try await stage.run(.init(value: 21)) == [42])
        #expect(try await stage.run(.init(value: 21)) == [42])
        #expect(runs.value == 1)
        #expect(events.executions(of: "test.double") == 1)
        #expect(events.hits(of: "test.double") == 1)
        #expect(try await stage.run(.init(value: 5)) == [10])
        #expect(runs.value == 2)
    }

    @Test func aNewVersionOrOptionMisses() async throws {
        let runs = RunCounter()
        let store = InMemoryCache()
        _ = try await CachedStage(Doubling(runs: runs), store: store).run(.init(value: 1))
        _ = try await CachedStage(Doubling(runs: runs, version: 2), store: store).run(.init(value: 1))
        #expect(runs.value == 2)
        #expect(store.count == 2)
    }

    @Test func failuresAreNotCached() async throws {
        let runs = RunCounter()
        let store = InMemoryCache()
        let events = StageEventRecorder()
        let stage = CachedStage(Doubling(runs: runs, failOn: 3), store: store, observe: events.record)
        await #expect(throws: ExtractError.self) { try await stage.run(.init(value: 3)) }
        await #expect(throws: ExtractError.self) { try await stage.run(.init(value: 3)) }
        #expect(runs.value == 2)
        #expect(store.count == 0)
        #expect(events.events.map(\.outcome) == [.failed, .failed])
    }

    @Test func undecodableEntryIsRecomputed() async throws {
        let runs = RunCounter()
        let store = InMemoryCache()
        let collector = DiagnosticCollector()
        let doubling = Doubling(runs: runs)
        try store.save(Data("not json".utf8), for: CacheKey(identity: doubling.identity, input: Doubling.Number(value: 4)))
        let stage = CachedStage(doubling, store: store, warn: { collector.emit($0) })
        #expect(try await stage.run(.init(value: 4)) == [8])
        #expect(collector.diagnostics.map(\.code) == ["cache.undecodable"])
        #expect(try await stage.run(.init(value: 4)) == [8])
        #expect(runs.value == 1)
    }

    @Test func noStoreRunsEveryTimeButStillReports() async throws {
        let runs = RunCounter()
        let events = StageEventRecorder()
        let stage = CachedStage(Doubling(runs: runs), store: nil, observe: events.record)
        _ = try await stage.run(.init(value: 1))
        _ = try await stage.run(.init(value: 1))
        #expect(runs.value == 2)
        #expect(events.executions(of: "test.double") == 2)
    }

    @Test func keysDependOnIdentityAndInputOnly() {
        let identity = StageIdentity(name: "s", version: 1, options: ["b": "2", "a": "1"])
        let same = StageIdentity(name: "s", version: 1, options: ["a": "1", "b": "2"])
        #expect(CacheKey(identity: identity, input: Doubling.Number(value: 1))
            == CacheKey(identity: same, input: Doubling.Number(value: 1)))
        #expect(CacheKey(identity: identity, input: Doubling.Number(value: 1))
            != CacheKey(identity: identity, input: Doubling.Number(value: 2)))
        #expect(CacheKey(material: "x").hex.count == 64)
    }
}
