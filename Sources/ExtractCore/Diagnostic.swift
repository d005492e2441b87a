/// A message about a run that the user should be able to see: a warning, a note, a recoverable error.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious the message is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious the message is.
    public var severity: Severity
    /// A stable machine-readable code, e.g. `render.downscaled`.
    public var code: String
    /// What happened and, where possible, what to do about it.
    public var message: String
    /// The 1-based page the message is about, if any.
    public var page: Int?

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ message: String, page: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.page = page
    }

    public var description: String {
        let location = page.map { "page \($0): " } ?? ""
        return "\(severity.rawValue): \(location)\(message) [\(code)]"
    }
}
