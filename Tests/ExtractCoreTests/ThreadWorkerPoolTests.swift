import ExtractCore
import Foundation
import Synchronization
import Testing

@Suite struct ThreadWorkerPoolTests {
    @Test func eachThreadKeepsItsOwnContext() async throws {
        let created = Atomic<Int>(0)
        let pool = ThreadWorkerPool<[Int]>(threadCount: 2, name: "test") {
            created.add(1, ordering: .relaxed)
            return []
        }
        defer { pool.shutdown() }
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 0..<40 {
                group.addTask {
                    try await pool.run { context in
                        context.append(value)
                        return context.count
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.count == 40)
        #expect(created.load(ordering: .relaxed) <= 2)
        // Every job saw a context only its own thread appended to: counts per thread run 1, 2, 3 …
        #expect(results.reduce(0, +) >= 40)
    }

    @Test func contextErrorsFailTheJobAndAreRetried() async throws {
        let attempts = Atomic<Int>(0)
        struct Boom: Error {}
        let pool = ThreadWorkerPool<Int>(threadCount: 1, name: "test") {
            if attempts.add(1, ordering: .relaxed).newValue == 1 { throw Boom() }
            return 7
        }
        defer { pool.shutdown() }
        await #expect(throws: Boom.self) { try await pool.run { $0 } }
        #expect(try await pool.run { $0 } == 7)
    }

    @Test func jobErrorsReachTheCaller() async {
        struct Failure: Error, Equatable { let code: Int }
        let pool = ThreadWorkerPool<Void>(threadCount: 1, name: "test") { () }
        defer { pool.shutdown() }
        await #expect(throws: Failure(code: 3)) { try await pool.run { _ in throw Failure(code: 3) } }
    }

    @Test func shutdownAndWaitReleasesEveryContextOnItsThread() async throws {
        let released = Atomic<Int>(0)
        final class Context: Sendable {
            let onRelease: @Sendable () -> Void
            init(onRelease: @escaping @Sendable () -> Void) { self.onRelease = onRelease }
            deinit { onRelease() }
        }
        let pool = ThreadWorkerPool<Context>(threadCount: 2, name: "release") {
            Context { released.add(1, ordering: .relaxed) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { try await pool.run { _ in } } }
            try await group.waitForAll()
        }
        pool.shutdown(waitUntilStopped: true)
        let made = released.load(ordering: .relaxed)
        #expect(made >= 1 && made <= 2, "every context created was released before shutdown returned")
        await #expect(throws: CancellationError.self) { try await pool.run { _ in 1 } }
    }
}
