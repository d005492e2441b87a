/// One way an instance fails its schema.
///
/// ``description`` reads `instanceLocation: message`, e.g.
/// `/lines/2/price_unit: expected number, got string "12,50"`; the root instance prints as `(root)`.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) to the failing value in the instance; `""` is the whole instance.
    public let instanceLocation: String
    /// JSON Pointer to the failing keyword along the evaluation path from the root schema, through `$ref`s,
    /// e.g. `/properties/lines/items/$ref/properties/price_unit/type`.
    public let keywordLocation: String
    /// Absolute URI of the failing keyword in the schema document that holds it,
    /// e.g. `urn:docextract:schema#/$defs/line/properties/price_unit/type`.
    public let absoluteKeywordLocation: String
    /// What is wrong, e.g. `expected number, got string "12,50"`.
    public let message: String

    /// Creates an error.
    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.message = message
    }

    /// `instanceLocation: message`.
    public var description: String {
        "\(instanceLocation.isEmpty ? "(root)" : instanceLocation): \(message)"
    }
}
