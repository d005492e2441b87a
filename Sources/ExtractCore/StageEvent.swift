/// What happened when a stage was asked for an output: computed, served from the cache, or failed.
///
/// The stage cache reports one event per request; the run log and the tests that count stage executions
/// listen to them.
public struct StageEvent: Sendable, Hashable, Codable {
    /// How the output was obtained.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The stage ran (and its output was stored, when a cache is in use).
        case executed
        /// The output came from the cache; the stage did not run.
        case cacheHit
        /// The stage ran and threw.
        case failed
    }

    /// The stage's identity, as `name@version{options}`.
    public var stage: String
    /// The input's cache-key material (no secrets by construction; see ``CacheKeyed``).
    public var input: String
    /// How the output was obtained.
    public var outcome: Outcome
    /// Seconds spent, including cache look-up and store.
    public var seconds: Double

    /// Creates an event.
    public init(stage: String, input: String, outcome: Outcome, seconds: Double) {
        self.stage = stage
        self.input = input
        self.outcome = outcome
        self.seconds = seconds
    }
}
