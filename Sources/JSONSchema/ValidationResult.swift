/// The outcome of validating one instance: valid, or every error found.
public struct ValidationResult: Sendable, Hashable, CustomStringConvertible {
    /// Every error, in evaluation order (schema keyword order, depth first). Empty when the instance is valid.
    public let errors: [ValidationError]

    /// Creates a result from its errors.
    public init(errors: [ValidationError]) {
        self.errors = errors
    }

    /// Whether the instance satisfies the schema.
    public var isValid: Bool { errors.isEmpty }

    /// `valid`, or one error per line.
    public var description: String {
        isValid ? "valid" : errors.map(\.description).joined(separator: "\n")
    }
}
