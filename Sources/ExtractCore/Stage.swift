/// One step of the pipeline: turns an input into an output.
///
/// A stage is pure with respect to its inputs and its `identity`: the same input and identity must produce
/// the same output. That is what lets the stage cache (a decorator around stages) skip work it has done.
public protocol Stage<Input, Output>: Sendable {
    /// What the stage consumes.
    associatedtype Input: Sendable
    /// What the stage produces.
    associatedtype Output: Sendable

    /// Identifies the stage, its version and every option that changes its output.
    var identity: StageIdentity { get }

    /// Runs the stage.
    func run(_ input: Input) async throws -> Output
}
