import Foundation

/// A provider API key. It prints as a redacted placeholder, so it cannot leak through logs,
/// string interpolation or `dump`.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself; only request builders read it.
    let secret: String
    /// Where the key came from, for error messages: an environment variable name or a description.
    public let source: String

    /// Wraps a key obtained elsewhere; `source` names its origin in error messages.
    public init(_ secret: String, source: String = "the configured API key") {
        self.secret = secret
        self.source = source
    }

    /// Reads the key from the environment variable `name`.
    ///
    /// Throws ``ModelClientError/Code/missingAPIKey`` when it is unset or blank.
    public static func environment(
        _ name: String, in environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> APIKey {
        let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !value.isEmpty else {
            throw ModelClientError(
                code: .missingAPIKey,
                message: "the environment variable \(name) is not set: export \(name)=<your key> "
                    + "or name another variable that holds the key")
        }
        return APIKey(value, source: name)
    }

    public var description: String { "APIKey(\(source), redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }

    /// Replaces every occurrence of the secret in `text` with `[redacted]`.
    func redact(_ text: String) -> String {
        guard secret.count >= 4 else { return text }
        return text.replacingOccurrences(of: secret, with: "[redacted]")
    }
}
