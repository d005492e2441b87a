import ExtractCore
import Foundation

/// A decorator that serves a stage's output from a ``CacheStore`` when the same stage version, options and
/// input were seen before, and runs the stage (then stores its output) otherwise.
///
/// The wrapped stage knows nothing of caching. Every request is reported to `observe` as a ``StageEvent``
/// (executed, cache hit, failed) — the run log and the tests that count stage executions listen there. Cache
/// problems never fail the request: an unreadable entry is recomputed, a failed store is a warning.
public struct CachedStage<Wrapped: Stage>: Stage
where Wrapped.Input: CacheKeyed, Wrapped.Output: Codable {
    public typealias Input = Wrapped.Input
    public typealias Output = Wrapped.Output

    /// The stage being cached.
    public let wrapped: Wrapped
    /// Where outputs are kept; nil runs the stage every time (`--no-cache`) while still reporting events.
    public let store: (any CacheStore)?
    private let observe: @Sendable (StageEvent) -> Void
    private let warn: @Sendable (Diagnostic) -> Void

    /// Wraps `wrapped`.
    public init(
        _ wrapped: Wrapped,
        store: (any CacheStore)?,
        observe: @escaping @Sendable (StageEvent) -> Void = { _ in },
        warn: @escaping @Sendable (Diagnostic) -> Void = { _ in }
    ) {
        self.wrapped = wrapped
        self.store = store
        self.observe = observe
        self.warn = warn
    }

    public var identity: StageIdentity { wrapped.identity }

    public func run(_ input: Input) async throws -> Output {
        let start = ContinuousClock.now
        let identity = wrapped.identity
        let material = input.cacheKeyMaterial
        let key = CacheKey(material: CacheKey.material(identity: identity, input: material))
        // Short key material (a page reference) is kept readable in events; long material (a whole document's
        // evidence) is named by its hash, so events stay small.
        let label = material.utf8.count <= 160 ? material : "sha256:" + CacheKey.sha256Hex(Data(material.utf8))
        func report(_ outcome: StageEvent.Outcome) {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            observe(StageEvent(stage: identity.description, input: label, outcome: outcome, seconds: seconds))
        }
        if let store, let data = store.load(key) {
            if let output = try? JSONDecoder().decode(Output.self, from: data) {
                report(.cacheHit)
                return output
            }
            warn(Diagnostic(
                .warning, code: "cache.undecodable",
                "cached output of \(identity.name) could not be read back; it was recomputed"
            ))
        }
        let output: Output
        do {
            output = try await wrapped.run(input)
        } catch {
            report(.failed)
            throw error
        }
        if let store {
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try store.save(try encoder.encode(output), for: key)
            } catch {
                warn(Diagnostic(
                    .warning, code: "cache.write",
                    "could not store the output of \(identity.name) in the cache (\(error.localizedDescription))"
                ))
            }
        }
        report(.executed)
        return output
    }
}
