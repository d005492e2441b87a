/// Why a schema could not be compiled: it is not JSON, breaks the meta-schema, or cannot be resolved.
///
/// ``description`` names the problem and how to fix it; for meta-schema violations each violation follows on
/// its own line, located by a JSON Pointer into the schema.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable, Hashable {
        /// The schema text is not valid JSON.
        case invalidJSON
        /// The schema is not valid against its meta-schema (draft 2020-12 unless `$schema` names another).
        case invalidAgainstMetaSchema
        /// A `$ref`/`$dynamicRef` points to nothing in the schema or the registry (nothing is fetched).
        case unresolvedReference
        /// A `pattern`/`patternProperties` regular expression does not compile.
        case invalidRegex
        /// `$schema` names a meta-schema that is neither draft 2020-12 nor registered.
        case unknownMetaSchema
        /// The meta-schema requires a vocabulary this validator does not implement.
        case unsupportedVocabulary
        /// A keyword value has the wrong shape (only possible when meta-schema validation is skipped), or a
        /// schema was registered without a URI.
        case invalidKeyword
    }

    /// The kind of problem.
    public let kind: Kind
    /// A readable explanation with a hint on how to fix it.
    public let message: String
    /// For ``Kind/invalidAgainstMetaSchema``: each violation, located in the schema (the instance location
    /// is a pointer into the schema document).
    public let violations: [ValidationError]

    /// Creates an error.
    public init(kind: Kind, message: String, violations: [ValidationError] = []) {
        self.kind = kind
        self.message = message
        self.violations = violations
    }

    /// The message followed by one violation per line.
    public var description: String {
        ([message] + violations.map { "  " + $0.description }).joined(separator: "\n")
    }
}
