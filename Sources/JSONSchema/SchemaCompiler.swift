import Foundation
import JSONCore

/// The compiled form of a schema: a table of nodes that reference each other by index.
struct CompiledSchema: Sendable {
    var nodes: [SchemaNode]
    var resources: [SchemaResource]
    var root: Int
}

/// Turns a schema document (and whatever it references in the registry) into a ``CompiledSchema``.
///
/// Two phases: documents are first indexed (base URIs, `$id` resources, anchors, vocabularies), then nodes are
/// compiled on demand from a work list, so reference cycles are fine and unreferenced `$defs` cost nothing.
struct SchemaCompiler {
    /// A schema position: a document and a JSON Pointer into it.
    struct Location: Hashable {
        let document: Int
        let pointer: [String]
    }

    private struct LocationInfo {
        let base: String
        let vocabulary: Vocabulary
    }

    private struct Work {
        let node: Int
        let location: Location
        let value: JSONValue
        let info: LocationInfo
    }

    private let registry: SchemaRegistry
    private var documents: [JSONValue] = []
    private var documentByURI: [String: Int] = [:]
    private var resourceRoots: [String: Location] = [:]
    private var anchors: [String: Location] = [:]
    private var dynamicAnchors: [String: [String: Location]] = [:]
    private var locationInfo: [Location: LocationInfo] = [:]
    private var nodes: [SchemaNode] = []
    private var nodeByLocation: [Location: Int] = [:]
    private var resources: [SchemaResource] = []
    private var resourceIDs: [String: Int] = [:]
    private var pending: [Work] = []

    private init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Compiles `document`, whose retrieval URI is `baseURI`, resolving references against `registry`.
    static func compile(
        _ document: JSONValue, baseURI: String, registry: SchemaRegistry
    ) throws(SchemaError) -> CompiledSchema {
        var compiler = SchemaCompiler(registry: registry)
        let base = URIReference(baseURI).withoutFragment.text
        let documentIndex = try compiler.indexDocument(document, uri: base, isRoot: true)
        let root = compiler.nodeIndex(for: Location(document: documentIndex, pointer: []))
        try compiler.drain()
        return CompiledSchema(nodes: compiler.nodes, resources: compiler.resources, root: root)
    }

    // MARK: Indexing

    private mutating func indexDocument(_ value: JSONValue, uri: String, isRoot: Bool) throws(SchemaError) -> Int {
        let index = documents.count
        documents.append(value)
        documentByURI[uri] = index
        let root = Location(document: index, pointer: [])
        if resourceRoots[uri] == nil { resourceRoots[uri] = root }
        try walk(value, at: root, base: uri, vocabulary: .standard, isRoot: isRoot)
        return index
    }

    private mutating func walk(
        _ value: JSONValue, at location: Location, base: String, vocabulary: Vocabulary, isRoot: Bool
    ) throws(SchemaError) {
        guard case .object(let object) = value else {
            locationInfo[location] = LocationInfo(base: base, vocabulary: vocabulary)
            return
        }
        var base = base
        var vocabulary = vocabulary
        if case .string(let identifier)? = object["$id"] {
            base = URIReference(base).resolving(URIReference(identifier)).withoutFragment.text
            if resourceRoots[base] == nil { resourceRoots[base] = location }
        }
        if case .string(let metaSchema)? = object["$schema"], location.pointer.isEmpty || object["$id"] != nil {
            vocabulary = try vocabularyOf(metaSchema: metaSchema, strict: isRoot && location.pointer.isEmpty)
        }
        locationInfo[location] = LocationInfo(base: base, vocabulary: vocabulary)
        if case .string(let name)? = object["$anchor"] {
            anchors[base + "#" + name] = location
        }
        if case .string(let name)? = object["$dynamicAnchor"] {
            if anchors[base + "#" + name] == nil { anchors[base + "#" + name] = location }
            dynamicAnchors[base, default: [:]][name] = location
        }
        for child in SchemaWalker.subschemas(of: object) {
            let childLocation = Location(document: location.document, pointer: location.pointer + child.tokens)
            try walk(child.value, at: childLocation, base: base, vocabulary: vocabulary, isRoot: isRoot)
        }
    }

    private func vocabularyOf(metaSchema: String, strict: Bool) throws(SchemaError) -> Vocabulary {
        let key = URIReference(metaSchema).withoutFragment.text
        if key == MetaSchemas.draft202012 { return .standard }
        guard let (_, document) = registry.document(holding: key) else {
            if !strict, Vocabulary.legacyMetaSchemas.contains(key) { return Vocabulary.standard.union(.legacyItems) }
            if strict {
                throw SchemaError(
                    kind: .unknownMetaSchema,
                    message: "\"$schema\": \"\(metaSchema)\" is not a known meta-schema; use "
                        + "\"\(MetaSchemas.draft202012)\" or register the meta-schema in the SchemaRegistry"
                )
            }
            return .standard
        }
        return try Vocabulary.declared(by: document, uri: key)
    }

    /// Base URI and vocabulary for a position the indexer did not visit (reached by a JSON Pointer through
    /// a keyword that is not a known applicator).
    private func inferInfo(_ location: Location) -> LocationInfo {
        var current = documents[location.document]
        var info = locationInfo[Location(document: location.document, pointer: [])]
            ?? LocationInfo(base: "", vocabulary: .standard)
        for (depth, token) in location.pointer.enumerated() {
            guard let next = JSONPointer.resolve([token], in: current) else { break }
            current = next
            let prefix = Location(document: location.document, pointer: Array(location.pointer[...depth]))
            if let known = locationInfo[prefix] {
                info = known
            } else if case .string(let identifier)? = current["$id"] {
                let base = URIReference(info.base).resolving(URIReference(identifier)).withoutFragment.text
                info = LocationInfo(base: base, vocabulary: info.vocabulary)
            }
        }
        return info
    }

    // MARK: Resolution

    private mutating func resourceRoot(_ uri: String) throws(SchemaError) -> Location? {
        if let root = resourceRoots[uri] { return root }
        guard let (documentURI, document) = registry.document(holding: uri), documentByURI[documentURI] == nil else {
            return nil
        }
        _ = try indexDocument(document, uri: documentURI, isRoot: false)
        return resourceRoots[uri]
    }

    /// Resolves a `$ref`/`$dynamicRef` value against `base`.
    private mutating func resolve(
        _ reference: String, base: String, keyword: String, at location: String
    ) throws(SchemaError) -> Location {
        let absolute = URIReference(base).resolving(URIReference(reference))
        let uri = absolute.withoutFragment.text
        let fragment = absolute.fragment ?? ""
        func failure(_ reason: String) -> SchemaError {
            SchemaError(
                kind: .unresolvedReference,
                message: "\(keyword) \"\(reference)\" at \(location) cannot be resolved: \(reason)"
            )
        }
        guard let root = try resourceRoot(uri) else {
            throw failure(
                "no schema with URI \(uri) is known; register it in the SchemaRegistry "
                    + "(schemas are never fetched from the network)"
            )
        }
        if fragment.isEmpty { return root }
        if fragment.hasPrefix("/") || fragment.hasPrefix("%2F") || fragment.hasPrefix("%2f") {
            guard let tokens = JSONPointer.tokens(fragment: fragment) else {
                throw failure("\"#\(fragment)\" is not a valid JSON Pointer")
            }
            let target = Location(document: root.document, pointer: root.pointer + tokens)
            guard JSONPointer.resolve(target.pointer, in: documents[root.document]) != nil else {
                throw failure("\(uri) has nothing at the JSON Pointer \"\(fragment)\"")
            }
            return target
        }
        let name = fragment.removingPercentEncoding ?? fragment
        guard let target = anchors[uri + "#" + name] else {
            throw failure("\(uri) declares no \"$anchor\" or \"$dynamicAnchor\" named \"\(name)\"")
        }
        return target
    }

    // MARK: Nodes

    private mutating func nodeIndex(for location: Location) -> Int {
        if let index = nodeByLocation[location] { return index }
        let value = JSONPointer.resolve(location.pointer, in: documents[location.document]) ?? .bool(true)
        let info = locationInfo[location] ?? inferInfo(location)
        let index = nodes.count
        nodes.append(.placeholder)
        nodeByLocation[location] = index
        pending.append(Work(node: index, location: location, value: value, info: info))
        return index
    }

    private mutating func resourceID(_ uri: String) -> Int {
        if let id = resourceIDs[uri] { return id }
        let id = resources.count
        resources.append(SchemaResource(uri: uri, dynamicAnchors: [:]))
        resourceIDs[uri] = id
        return id
    }

    /// Compiles queued nodes until none is left, including the `$dynamicAnchor`s of every resource entered.
    private mutating func drain() throws(SchemaError) {
        var anchoredResources = 0
        while true {
            while let work = pending.popLast() { try compileNode(work) }
            guard anchoredResources < resources.count else { return }
            while anchoredResources < resources.count {
                let uri = resources[anchoredResources].uri
                for (name, location) in dynamicAnchors[uri] ?? [:] {
                    let node = nodeIndex(for: location)
                    resources[anchoredResources].dynamicAnchors[name] = node
                }
                anchoredResources += 1
            }
        }
    }

    private func locationText(_ location: Location, base: String) -> String {
        var pointer = location.pointer[...]
        if let root = resourceRoots[base], root.document == location.document,
           location.pointer.starts(with: root.pointer) {
            pointer = location.pointer.dropFirst(root.pointer.count)
        }
        return base + "#" + JSONPointer.join(Array(pointer))
    }

    private mutating func compileNode(_ work: Work) throws(SchemaError) {
        let resource = resourceID(work.info.base)
        let location = locationText(work.location, base: work.info.base)
        switch work.value {
        case .bool(let flag):
            nodes[work.node] = SchemaNode(
                constant: flag, keywords: [], resource: resource, location: location, usesUnevaluated: false
            )
        case .object(let object):
            let builder = KeywordBuilder(object: object, location: location)
            let keywords = try buildKeywords(builder, work: work)
            let usesUnevaluated = keywords.contains { entry in
                switch entry.keyword {
                case .unevaluatedItems, .unevaluatedProperties: return true
                default: return false
                }
            }
            nodes[work.node] = SchemaNode(
                constant: nil, keywords: keywords, resource: resource, location: location,
                usesUnevaluated: usesUnevaluated
            )
        default:
            throw SchemaError(
                kind: .invalidKeyword,
                message: "the schema at \(location) is \(work.value.typeName); a schema must be an object or "
                    + "a boolean"
            )
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func buildKeywords(
        _ builder: KeywordBuilder, work: Work
    ) throws(SchemaError) -> [CompiledKeyword] {
        let object = builder.object
        let vocabulary = work.info.vocabulary
        let base = work.info.base
        func child(_ tokens: String...) -> Int {
            nodeIndex(for: Location(document: work.location.document, pointer: work.location.pointer + tokens))
        }
        var keywords: [CompiledKeyword] = []
        func add(_ name: String, _ keyword: Keyword) {
            keywords.append(CompiledKeyword(name: name, keyword: keyword))
        }

        if vocabulary.contains(.validation) {
            try builder.addValidationKeywords(to: &keywords)
        }
        if vocabulary.contains(.formatAnnotation) || vocabulary.contains(.formatAssertion),
           case .string(let format)? = object["format"] {
            add("format", .format(name: format, alwaysAssert: vocabulary.contains(.formatAssertion)))
        }

        // Core
        if case .string(let reference)? = object["$ref"] {
            let target = try resolve(reference, base: base, keyword: "$ref", at: builder.location)
            add("$ref", .ref(nodeIndex(for: target)))
        }
        if case .string(let reference)? = object["$dynamicRef"] {
            let target = try resolve(reference, base: base, keyword: "$dynamicRef", at: builder.location)
            let initial = nodeIndex(for: target)
            let fragment = URIReference(reference).fragment ?? ""
            let targetValue = JSONPointer.resolve(target.pointer, in: documents[target.document])
            if !fragment.isEmpty, !fragment.hasPrefix("/"), case .string(let anchor)? = targetValue?["$dynamicAnchor"],
               anchor == fragment {
                add("$dynamicRef", .dynamicRef(initial: initial, anchor: anchor))
            } else {
                add("$dynamicRef", .ref(initial))
            }
        }
        guard vocabulary.contains(.applicator) || vocabulary.contains(.unevaluated) else { return keywords }

        if vocabulary.contains(.applicator) {
            for name in ["allOf", "anyOf", "oneOf"] {
                guard let value = object[name] else { continue }
                let count = try builder.schemaArrayCount(name, value)
                let children = (0..<count).map { child(name, String($0)) }
                switch name {
                case "allOf": add(name, .allOf(children))
                case "anyOf": add(name, .anyOf(children))
                default: add(name, .oneOf(children))
                }
            }
            if object["not"] != nil { add("not", .not(child("not"))) }
            if object["if"] != nil {
                let then = object["then"] != nil ? child("then") : nil
                let otherwise = object["else"] != nil ? child("else") : nil
                add("if", .conditional(condition: child("if"), then: then, otherwise: otherwise))
            }
            if let value = object["dependentSchemas"] {
                let names = try builder.schemaMapKeys("dependentSchemas", value)
                add("dependentSchemas", .dependentSchemas(names.map { ($0, child("dependentSchemas", $0)) }))
            }
            if case .object(let members)? = object["dependencies"] {
                // Pre-2019 `dependencies`, still common: arrays mean dependentRequired, schemas dependentSchemas.
                var required: [(name: String, required: [String])] = []
                var schemas: [(name: String, node: Int)] = []
                for (name, member) in members {
                    if case .array = member {
                        required.append((name, try builder.stringArray("dependencies", member)))
                    } else {
                        schemas.append((name, child("dependencies", name)))
                    }
                }
                if !required.isEmpty { add("dependencies", .dependentRequired(required)) }
                if !schemas.isEmpty { add("dependencies", .dependentSchemas(schemas)) }
            }
            var prefixCount = 0
            if vocabulary.contains(.legacyItems), case .array(let elements)? = object["items"] {
                prefixCount = elements.count
                add("items", .prefixItems((0..<prefixCount).map { child("items", String($0)) }))
                if object["additionalItems"] != nil {
                    add("additionalItems", .items(node: child("additionalItems"), prefixCount: prefixCount))
                }
            } else {
                if !vocabulary.contains(.legacyItems), let value = object["prefixItems"] {
                    prefixCount = try builder.schemaArrayCount("prefixItems", value)
                    add("prefixItems", .prefixItems((0..<prefixCount).map { child("prefixItems", String($0)) }))
                }
                if object["items"] != nil {
                    add("items", .items(node: child("items"), prefixCount: prefixCount))
                }
            }
            if object["contains"] != nil {
                var minimum = 1
                var maximum: Int?
                if vocabulary.contains(.validation) {
                    if let value = object["minContains"] {
                        minimum = try builder.nonNegativeInteger("minContains", value)
                    }
                    if let value = object["maxContains"] {
                        maximum = try builder.nonNegativeInteger("maxContains", value)
                    }
                }
                add("contains", .contains(node: child("contains"), min: minimum, max: maximum))
            }
            var named: [PropertyName: Int] = [:]
            if let value = object["properties"] {
                for name in try builder.schemaMapKeys("properties", value) {
                    named[PropertyName(name)] = child("properties", name)
                }
                add("properties", .properties(named))
            }
            var patterns: [ECMARegex] = []
            if let value = object["patternProperties"] {
                var entries: [(regex: ECMARegex, node: Int)] = []
                for name in try builder.schemaMapKeys("patternProperties", value) {
                    let regex = try builder.regex(name, keyword: "patternProperties")
                    patterns.append(regex)
                    entries.append((regex, child("patternProperties", name)))
                }
                add("patternProperties", .patternProperties(entries))
            }
            if object["additionalProperties"] != nil {
                add("additionalProperties", .additionalProperties(
                    node: child("additionalProperties"), named: Set(named.keys), patterns: patterns
                ))
            }
            if object["propertyNames"] != nil { add("propertyNames", .propertyNames(child("propertyNames"))) }
        }
        if vocabulary.contains(.unevaluated) {
            if object["unevaluatedItems"] != nil {
                add("unevaluatedItems", .unevaluatedItems(child("unevaluatedItems")))
            }
            if object["unevaluatedProperties"] != nil {
                add("unevaluatedProperties", .unevaluatedProperties(child("unevaluatedProperties")))
            }
        }
        return keywords
    }
}
