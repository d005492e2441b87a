import JSONCore

/// The draft 2020-12 vocabularies a schema resource uses, as declared by its meta-schema's `$vocabulary`.
struct Vocabulary: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let core = Vocabulary(rawValue: 1 << 0)
    static let applicator = Vocabulary(rawValue: 1 << 1)
    static let unevaluated = Vocabulary(rawValue: 1 << 2)
    static let validation = Vocabulary(rawValue: 1 << 3)
    static let metaData = Vocabulary(rawValue: 1 << 4)
    static let formatAnnotation = Vocabulary(rawValue: 1 << 5)
    static let formatAssertion = Vocabulary(rawValue: 1 << 6)
    static let content = Vocabulary(rawValue: 1 << 7)
    /// Not a vocabulary: the resource declares draft 2019-09 or earlier, where `items` may be an array (with
    /// `additionalItems`) and `prefixItems` does not exist. Set for referenced resources only.
    static let legacyItems = Vocabulary(rawValue: 1 << 8)

    /// `$schema` values of earlier drafts, whose array keywords differ.
    static let legacyMetaSchemas: Set<String> = [
        "https://json-schema.org/draft/2019-09/schema", "http://json-schema.org/draft-07/schema",
        "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-04/schema",
    ]

    /// What the standard 2020-12 meta-schema declares.
    static let standard: Vocabulary = [
        .core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content,
    ]

    private static let byURI: [String: Vocabulary] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]

    /// The vocabularies a meta-schema declares; ``standard`` when it has no `$vocabulary`.
    ///
    /// Throws when it requires (`true`) a vocabulary this validator does not know; unknown optional (`false`)
    /// vocabularies are ignored. The core vocabulary is always in effect.
    static func declared(by metaSchema: JSONValue, uri: String) throws(SchemaError) -> Vocabulary {
        guard case .object(let declarations)? = metaSchema["$vocabulary"] else { return .standard }
        var result: Vocabulary = .core
        for (vocabularyURI, required) in declarations {
            if let known = byURI[vocabularyURI] {
                result.insert(known)
            } else if required.boolValue == true {
                throw SchemaError(
                    kind: .unsupportedVocabulary,
                    message: "meta-schema \(uri) requires the vocabulary \(vocabularyURI), which this validator "
                        + "does not implement; mark it optional (false) in \"$vocabulary\" or drop it"
                )
            }
        }
        return result
    }
}
