/// A problem with an evaluation's inputs: the dataset list, a ground-truth file, a schema's annotations or a
/// baseline. The message names the file and line where there is one.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// See ``message``.
    public var description: String { message }
}
