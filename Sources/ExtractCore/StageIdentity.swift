/// What makes a stage's output what it is: its name, its implementation version and its options.
///
/// Cache keys are derived from this, so bump `version` whenever a change alters the stage's output.
public struct StageIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable name, e.g. `poppler.text`.
    public var name: String
    /// The implementation version; bump it when output changes.
    public var version: Int
    /// Options that affect the output, as sorted key/value pairs (never secrets).
    public var options: [String: String]

    /// Creates an identity.
    public init(name: String, version: Int, options: [String: String] = [:]) {
        self.name = name
        self.version = version
        self.options = options
    }

    /// A canonical one-line form: `name@version{k=v,…}` with keys sorted.
    public var description: String {
        let rendered = options.keys.sorted().map { "\($0)=\(options[$0] ?? "")" }.joined(separator: ",")
        return "\(name)@\(version){\(rendered)}"
    }
}
