import ExtractCore
import PopplerStage

/// A page stage given by its identity and a closure, so the same cached stage can run in process or in a
/// worker process: both produce the same output under the same identity, and share cache entries.
struct PageStage<Output: Sendable & Codable>: Stage {
    let identity: StageIdentity
    let body: @Sendable (PageRequest) async throws -> Output

    func run(_ input: PageRequest) async throws -> Output {
        try await body(input)
    }
}
