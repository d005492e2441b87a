/// Why JSON text could not be parsed, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, e.g. `unexpected character '}' (expected a value)`.
    public let message: String
    /// Zero-based byte offset of the problem in the input.
    public let offset: Int
    /// One-based line number.
    public let line: Int
    /// One-based column, counted in bytes from the start of the line.
    public let column: Int

    /// Creates an error; `line` and `column` are normally computed by the parser from `offset`.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line L, column C (byte B): message`.
    public var description: String {
        "invalid JSON at line \(line), column \(column) (byte \(offset)): \(message)"
    }
}
