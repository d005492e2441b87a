import JSONCore

/// Schemas that `$ref` and `$schema` may refer to by URI, besides the schema being compiled.
///
/// Nothing is ever fetched over the network: a reference resolves only to the schema itself, to a schema
/// registered here, or to the embedded draft 2020-12 meta-schemas (registered by default). Schemas are
/// found by the URI they were registered under and by every `$id` they contain.
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.register(parsing: addressSchemaText, uri: "https://example.com/address.json")
/// let schema = try JSONSchema(parsing: invoiceSchemaText, registry: registry)
/// ```
public struct SchemaRegistry: Sendable {
    /// Registered documents by retrieval URI (without fragment).
    private(set) var documents: [String: JSONValue] = [:]
    /// Embedded resource URI (from `$id`) → retrieval URI of the document holding it.
    private(set) var embeddedResources: [String: String] = [:]

    /// Creates a registry; with `includingMetaSchemas` (the default) it holds the draft 2020-12 meta-schema
    /// and its vocabulary meta-schemas.
    public init(includingMetaSchemas: Bool = true) {
        if includingMetaSchemas {
            documents = SchemaRegistry.metaSchemaRegistry.documents
            embeddedResources = SchemaRegistry.metaSchemaRegistry.embeddedResources
        }
    }

    private static let metaSchemaRegistry: SchemaRegistry = {
        var registry = SchemaRegistry(includingMetaSchemas: false)
        for (uri, text) in MetaSchemas.all {
            do {
                try registry.register(parsing: text, uri: uri)
            } catch {
                preconditionFailure("embedded meta-schema \(uri) does not parse: \(error)")
            }
        }
        return registry
    }()

    /// Registers `schema` under `uri`, or under its own `$id` when `uri` is `nil`.
    ///
    /// A later registration under the same URI replaces the earlier one. Throws ``SchemaError`` when no URI is
    /// given and the schema has no absolute `$id`.
    public mutating func register(_ schema: JSONValue, uri: String? = nil) throws(SchemaError) {
        let key: String
        if let uri {
            key = URIReference(uri).withoutFragment.text
        } else if case .string(let identifier)? = schema["$id"], URIReference(identifier).scheme != nil {
            key = URIReference(identifier).withoutFragment.text
        } else {
            throw SchemaError(
                kind: .invalidKeyword,
                message: "cannot register a schema without a URI: pass uri: or give the schema an absolute \"$id\""
            )
        }
        documents[key] = schema
        SchemaWalker.resourceIdentifiers(in: schema, baseURI: key) { identifier in
            if identifier != key { embeddedResources[identifier] = key }
        }
    }

    /// Parses JSON text and registers it (see ``register(_:uri:)``).
    public mutating func register(parsing text: String, uri: String? = nil) throws(SchemaError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw SchemaError(kind: .invalidJSON, message: "schema for \(uri ?? "registry") is not JSON: \(error)")
        }
        try register(value, uri: uri)
    }

    /// The URIs of the registered documents, sorted.
    public var uris: [String] { documents.keys.sorted() }

    /// Whether a document or embedded resource is registered under `uri` (fragment ignored).
    public func contains(_ uri: String) -> Bool {
        let key = URIReference(uri).withoutFragment.text
        return documents[key] != nil || embeddedResources[key] != nil
    }

    /// The registered document that holds the resource `uri`, with its retrieval URI, or `nil`.
    func document(holding uri: String) -> (uri: String, document: JSONValue)? {
        if let document = documents[uri] { return (uri, document) }
        if let holder = embeddedResources[uri], let document = documents[holder] { return (holder, document) }
        return nil
    }
}
