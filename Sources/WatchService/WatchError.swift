/// A problem of the watch service itself (folders, mapping file), with a message that says how to fix it.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
