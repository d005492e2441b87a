import JSONCore

/// Runs a ``CompiledSchema`` against one instance.
///
/// Two modes share the code: *reporting* collects every error with its locations; *quiet* only answers
/// valid/invalid and stops at the first failure (used for `isValid`, and for the subschemas of `anyOf`,
/// `oneOf`, `not`, `if` and `contains`, whose failures are not errors by themselves).
struct Evaluator {
    private enum PathToken {
        case key(String)
        case index(Int)
    }

    /// Schemas applied in place (through `$ref`, `allOf`…) at one instance location before the evaluation is
    /// taken for a reference cycle that never moves into the instance.
    static let maxInPlaceDepth = 128

    private let nodes: [SchemaNode]
    private let resources: [SchemaResource]
    private let assertFormat: Bool
    private var reporting: Bool
    private var scope: [Int] = []
    private var instancePath: [PathToken] = []
    private var keywordPath: [String] = []
    private var inPlaceDepth = 0
    private var depth = 0
    /// Nested evaluations allowed; deeper ones fail and set ``exceededDepth``.
    private let depthLimit: Int
    /// Set when the evaluation nested deeper than `depthLimit` (the result is then not to be trusted).
    private(set) var exceededDepth = false
    private(set) var errors: [ValidationError] = []

    init(schema: CompiledSchema, assertFormat: Bool, reporting: Bool, depthLimit: Int) {
        self.depthLimit = depthLimit
        nodes = schema.nodes
        resources = schema.resources
        self.assertFormat = assertFormat
        self.reporting = reporting
    }

    // MARK: Entry

    /// Evaluates node `index` against `instance`; `annotations` receives what it evaluated when `collect` is set.
    mutating func evaluate(
        _ index: Int, _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        let node = index
        if let constant = nodes[index].constant {
            if !constant, reporting { report(node, keyword: nil, falseSchemaMessage()) }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > depthLimit {
            if reporting, !exceededDepth {
                report(node, keyword: nil, "the instance is nested too deeply to validate (more than \(depthLimit) "
                    + "nested schema evaluations)")
            }
            exceededDepth = true
            return false
        }
        inPlaceDepth += 1
        defer { inPlaceDepth -= 1 }
        if inPlaceDepth > Evaluator.maxInPlaceDepth {
            if reporting {
                report(node, keyword: nil, "more than \(Evaluator.maxInPlaceDepth) schemas applied to the same value: "
                    + "a $ref cycle that never moves into the instance; break the cycle")
            }
            return false
        }
        let resource = nodes[index].resource
        let pushed = scope.last != resource
        if pushed { scope.append(resource) }
        defer { if pushed { scope.removeLast() } }

        guard nodes[index].usesUnevaluated else {
            return applyKeywords(of: node, to: instance, &annotations, collect: collect)
        }
        // `unevaluated*` sees only what this schema object's own keywords evaluated.
        var local = Annotations()
        let valid = applyKeywords(of: node, to: instance, &local, collect: true)
        if collect { annotations.merge(local) }
        return valid
    }

    private mutating func applyKeywords(
        of node: Int, to instance: JSONValue, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        var valid = true
        for entry in nodes[node].keywords {
            if reporting { keywordPath.append(entry.name) }
            let passed = apply(entry, of: node, to: instance, &annotations, collect: collect)
            if reporting { keywordPath.removeLast() }
            if !passed {
                valid = false
                if !reporting { return false }
            }
        }
        return valid
    }

    // MARK: Reporting

    private func pointer(_ tokens: [PathToken]) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .key(let key): text += "/" + JSONPointer.escape(key)
            case .index(let index): text += "/" + String(index)
            }
        }
        return text
    }

    private mutating func report(_ node: Int, keyword: String?, _ message: String) {
        let keywordLocation = keywordPath.isEmpty ? "" : "/" + keywordPath.joined(separator: "/")
        let location = nodes[node].location
        let absolute = keyword.map { location + "/" + JSONPointer.escape($0) } ?? location
        errors.append(ValidationError(
            instanceLocation: pointer(instancePath), keywordLocation: keywordLocation,
            absoluteKeywordLocation: absolute, message: message
        ))
    }

    /// Why a `false` schema failed, phrased after the keyword that applied it.
    private func falseSchemaMessage() -> String {
        let parent = keywordPath.dropLast().last
        switch instancePath.last {
        case .key(let name)? where parent == "properties":
            return "property \"\(name)\" is not allowed (its schema is false)"
        case .index(let index)? where keywordPath.last == "items" || parent == "prefixItems":
            return "item \(index) is not allowed (its schema is false)"
        default:
            return "no value is allowed here (the schema is false)"
        }
    }

    private mutating func pushKeyword(_ token: String) {
        if reporting { keywordPath.append(JSONPointer.escape(token)) }
    }

    private mutating func popKeyword() {
        if reporting { keywordPath.removeLast() }
    }

    private mutating func pushInstance(_ token: PathToken) {
        if reporting { instancePath.append(token) }
    }

    private mutating func popInstance() {
        if reporting { instancePath.removeLast() }
    }

    /// Evaluates `index` against a member or element of the current instance (a step into the instance).
    private mutating func evaluateMember(_ index: Int, _ value: JSONValue) -> Bool {
        let saved = inPlaceDepth
        inPlaceDepth = 0
        defer { inPlaceDepth = saved }
        var scratch = Annotations()
        return evaluate(index, value, &scratch, collect: false)
    }

    /// ``evaluateMember(_:_:)`` without reporting errors.
    private mutating func quietlyMember(_ index: Int, _ value: JSONValue) -> Bool {
        let wasReporting = reporting
        reporting = false
        defer { reporting = wasReporting }
        return evaluateMember(index, value)
    }

    /// Evaluates `index` without reporting errors.
    private mutating func quietly(
        _ index: Int, _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        let wasReporting = reporting
        reporting = false
        defer { reporting = wasReporting }
        return evaluate(index, instance, &annotations, collect: collect)
    }

    /// Evaluates `index` in reporting mode and returns its errors without keeping them.
    private mutating func captured(_ index: Int, _ instance: JSONValue) -> [ValidationError] {
        let saved = errors
        let wasReporting = reporting
        errors = []
        reporting = true
        var scratch = Annotations()
        _ = evaluate(index, instance, &scratch, collect: false)
        let result = errors
        errors = saved
        reporting = wasReporting
        return result
    }

    /// Reports that no alternative of `anyOf`/`oneOf` matched.
    ///
    /// When every alternative but one fails only on `type` at this value (a nullable object, say), the errors of
    /// that one alternative are the useful ones and are reported as they are. Otherwise one error summarises the
    /// first error of each alternative: `(0: expected string, got integer 5; 1: …)`.
    private mutating func reportNoAlternative(
        _ children: [Int], _ instance: JSONValue, node: Int, keyword: String, message: String
    ) {
        let here = pointer(instancePath)
        var branchErrors: [[ValidationError]] = []
        for (position, child) in children.enumerated() {
            pushKeyword(String(position))
            branchErrors.append(captured(child, instance))
            popKeyword()
        }
        let viable = branchErrors.indices.filter { index in
            !branchErrors[index].allSatisfy { $0.instanceLocation == here && $0.keywordLocation.hasSuffix("/type") }
        }
        if viable.count == 1, !branchErrors[viable[0]].isEmpty {
            errors.append(contentsOf: branchErrors[viable[0]])
            return
        }
        var parts: [String] = []
        for (position, childErrors) in branchErrors.enumerated() {
            guard let first = childErrors.first else { continue }
            var text = "\(position): "
            if first.instanceLocation != here { text += first.instanceLocation + ": " }
            text += first.message
            if childErrors.count > 1 { text += " (+\(childErrors.count - 1) more)" }
            parts.append(text)
            if parts.count == 4, branchErrors.count > 4 {
                parts.append("…")
                break
            }
        }
        let details = parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
        report(node, keyword: keyword, message + details)
    }

    // MARK: Keywords

    /// Applies one keyword. Split by family so each recursive path keeps a small stack frame.
    private mutating func apply(
        _ entry: CompiledKeyword, of node: Int, to instance: JSONValue, _ annotations: inout Annotations,
        collect: Bool
    ) -> Bool {
        switch entry.keyword {
        case .ref, .dynamicRef, .allOf, .anyOf, .oneOf, .not, .conditional, .dependentSchemas:
            return applyInPlace(entry, of: node, to: instance, &annotations, collect: collect)
        case .prefixItems, .items, .contains, .unevaluatedItems:
            return applyToItems(entry, of: node, to: instance, &annotations, collect: collect)
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .unevaluatedProperties:
            return applyToProperties(entry, of: node, to: instance, &annotations, collect: collect)
        default:
            return check(entry, of: node, instance)
        }
    }

    /// `$ref`, `$dynamicRef` and the applicators that apply subschemas to the same value.
    @inline(never)
    private mutating func applyInPlace(
        _ entry: CompiledKeyword, of node: Int, to instance: JSONValue, _ annotations: inout Annotations,
        collect: Bool
    ) -> Bool {
        let name = entry.name
        switch entry.keyword {
        case .ref(let target):
            return evaluate(target, instance, &annotations, collect: collect)
        case .dynamicRef(let initial, let anchor):
            var target = initial
            for resource in scope {
                if let found = resources[resource].dynamicAnchors[anchor] {
                    target = found
                    break
                }
            }
            return evaluate(target, instance, &annotations, collect: collect)
        case .allOf(let children):
            var valid = true
            for (position, child) in children.enumerated() {
                pushKeyword(String(position))
                let passed = evaluate(child, instance, &annotations, collect: collect)
                popKeyword()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .anyOf(let children):
            var valid = false
            for child in children {
                var branch = Annotations()
                if quietly(child, instance, &branch, collect: collect) {
                    valid = true
                    if collect { annotations.merge(branch) } else { break }
                }
            }
            if !valid, reporting {
                let message = "\(instance.shortDescription) matches none of the \(children.count) schemas in anyOf"
                reportNoAlternative(children, instance, node: node, keyword: name, message: message)
            }
            return valid
        case .oneOf(let children):
            var matches: [Int] = []
            var matched = Annotations()
            for (position, child) in children.enumerated() {
                var branch = Annotations()
                if quietly(child, instance, &branch, collect: collect) {
                    matches.append(position)
                    matched = branch
                    if matches.count > 1, !reporting { break }
                }
            }
            if matches.count == 1 {
                if collect { annotations.merge(matched) }
                return true
            }
            if reporting {
                if matches.isEmpty {
                    let message = "\(instance.shortDescription) matches none of the \(children.count) schemas in "
                        + "oneOf; exactly one must match"
                    reportNoAlternative(children, instance, node: node, keyword: name, message: message)
                } else {
                    let list = matches.map(String.init).joined(separator: ", ")
                    report(node, keyword: name, "\(instance.shortDescription) matches \(matches.count) schemas in "
                        + "oneOf (\(list)); exactly one must match")
                }
            }
            return false
        case .not(let child):
            var scratch = Annotations()
            if quietly(child, instance, &scratch, collect: false) {
                if reporting {
                    report(node, keyword: name, "\(instance.shortDescription) must not match the schema in \"not\"")
                }
                return false
            }
            return true
        case .conditional(let condition, let then, let otherwise):
            var branch = Annotations()
            if quietly(condition, instance, &branch, collect: collect) {
                if collect { annotations.merge(branch) }
                guard let then else { return true }
                replaceLastKeyword("then")
                return evaluate(then, instance, &annotations, collect: collect)
            }
            guard let otherwise else { return true }
            replaceLastKeyword("else")
            return evaluate(otherwise, instance, &annotations, collect: collect)
        case .dependentSchemas(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for entry in entries where object.contains(key: entry.name) {
                pushKeyword(entry.name)
                let passed = evaluate(entry.node, instance, &annotations, collect: collect)
                popKeyword()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid

        default:
            return true
        }
    }

    /// Array applicators.
    @inline(never)
    private mutating func applyToItems(
        _ entry: CompiledKeyword, of node: Int, to instance: JSONValue, _ annotations: inout Annotations,
        collect: Bool
    ) -> Bool {
        let name = entry.name
        switch entry.keyword {
        case .prefixItems(let children):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            let count = min(children.count, elements.count)
            for position in 0..<count {
                pushKeyword(String(position))
                pushInstance(.index(position))
                let passed = evaluateMember(children[position], elements[position])
                popInstance()
                popKeyword()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            if collect { annotations.itemPrefix = max(annotations.itemPrefix, count) }
            return valid
        case .items(let child, let prefixCount):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            if prefixCount < elements.count {
                for position in prefixCount..<elements.count {
                    pushInstance(.index(position))
                    let passed = evaluateMember(child, elements[position])
                    popInstance()
                    if !passed {
                        valid = false
                        if !reporting { return false }
                    }
                }
            }
            if collect { annotations.allItems = true }
            return valid
        case .contains(let child, let minimum, let maximum):
            guard case .array(let elements) = instance else { return true }
            var matching: [Int] = []
            for (position, element) in elements.enumerated() {
                if quietlyMember(child, element) {
                    matching.append(position)
                    // Without annotations to collect or a maximum to check, enough matches settle it.
                    if !collect, maximum == nil, matching.count >= minimum { break }
                }
            }
            if collect, !matching.isEmpty { annotations.itemIndices.formUnion(matching) }
            if matching.count < minimum {
                if reporting {
                    if minimum == 1 {
                        report(node, keyword: name, "no item of the array matches the \"contains\" schema")
                    } else {
                        replaceLastKeyword("minContains")
                        report(node, keyword: "minContains", "\(matching.count) item\(matching.count == 1 ? "" : "s") "
                            + "match the \"contains\" schema, fewer than minContains \(minimum)")
                    }
                }
                return false
            }
            if let maximum, matching.count > maximum {
                if reporting {
                    replaceLastKeyword("maxContains")
                    report(node, keyword: "maxContains", "\(matching.count) items match the \"contains\" schema, "
                        + "more than maxContains \(maximum)")
                }
                return false
            }
            return true
        case .unevaluatedItems(let child):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            for position in elements.indices where !annotations.isEvaluated(item: position) {
                pushInstance(.index(position))
                let passed: Bool
                if nodes[child].constant == false {
                    if reporting {
                        report(node, keyword: name, "item \(position) is not allowed: no schema evaluates it "
                            + "and unevaluatedItems is false")
                    }
                    passed = false
                } else {
                    passed = evaluateMember(child, elements[position])
                }
                popInstance()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            annotations.allItems = true
            return valid

        default:
            return true
        }
    }

    /// Object applicators.
    @inline(never)
    private mutating func applyToProperties(
        _ entry: CompiledKeyword, of node: Int, to instance: JSONValue, _ annotations: inout Annotations,
        collect: Bool
    ) -> Bool {
        let name = entry.name
        switch entry.keyword {
        case .properties(let children):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object {
                guard let child = children[PropertyName(key)] else { continue }
                if collect { annotations.properties.insert(PropertyName(key)) }
                pushKeyword(key)
                pushInstance(.key(key))
                let passed = evaluateMember(child, value)
                popInstance()
                popKeyword()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .patternProperties(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object {
                for entry in entries where entry.regex.matches(key) {
                    if collect { annotations.properties.insert(PropertyName(key)) }
                    pushKeyword(entry.regex.source)
                    pushInstance(.key(key))
                    let passed = evaluateMember(entry.node, value)
                    popInstance()
                    popKeyword()
                    if !passed {
                        valid = false
                        if !reporting { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let child, let named, let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object {
                if named.contains(PropertyName(key)) || patterns.contains(where: { $0.matches(key) }) { continue }
                if collect { annotations.properties.insert(PropertyName(key)) }
                pushInstance(.key(key))
                let passed: Bool
                if nodes[child].constant == false {
                    if reporting {
                        report(node, keyword: name, "property \"\(key)\" is not allowed (additionalProperties is "
                            + "false); remove it or declare it in \"properties\"")
                    }
                    passed = false
                } else {
                    passed = evaluateMember(child, value)
                }
                popInstance()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .propertyNames(let child):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for key in object.keys {
                if quietlyMember(child, .string(key)) { continue }
                valid = false
                guard reporting else { return false }
                let details = captured(child, .string(key)).first.map { ": " + $0.message } ?? ""
                report(node, keyword: name, "property name \"\(key)\" is invalid\(details)")
            }
            return valid
        case .unevaluatedProperties(let child):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object where !annotations.isEvaluated(property: key) {
                pushInstance(.key(key))
                let passed: Bool
                if nodes[child].constant == false {
                    if reporting {
                        report(node, keyword: name, "property \"\(key)\" is not allowed: no schema evaluates it "
                            + "and unevaluatedProperties is false")
                    }
                    passed = false
                } else {
                    passed = evaluateMember(child, value)
                }
                popInstance()
                if !passed {
                    valid = false
                    if !reporting { return false }
                }
            }
            annotations.allProperties = true
            return valid

        default:
            return true
        }
    }

    private mutating func replaceLastKeyword(_ name: String) {
        if reporting, !keywordPath.isEmpty { keywordPath[keywordPath.count - 1] = name }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    @inline(never)
    private mutating func check(_ entry: CompiledKeyword, of node: Int, _ instance: JSONValue) -> Bool {
        let name = entry.name
        var failure: String?
        switch entry.keyword {
        case .type(let types):
            if !types.admits(instance) {
                failure = "expected \(types.displayName), got \(instance.shortDescription)"
            }
        case .enumeration(let values):
            if !values.contains(instance) {
                let list = values.prefix(8).map(\.compactText).joined(separator: ", ")
                failure = "\(instance.shortDescription) is not one of the allowed values [\(list)"
                    + (values.count > 8 ? ", …]" : "]")
            }
        case .constant(let value):
            if instance != value { failure = "expected the constant \(value.compactText), got \(instance.compactText)" }
        case .multipleOf(let divisor):
            if case .number(let number) = instance, !number.isMultiple(of: divisor) {
                failure = "\(number) is not a multiple of \(divisor)"
            }
        case .maximum(let limit):
            if case .number(let number) = instance, number > limit {
                failure = "\(number) is greater than the maximum \(limit)"
            }
        case .exclusiveMaximum(let limit):
            if case .number(let number) = instance, number >= limit {
                failure = "\(number) is not less than the exclusive maximum \(limit)"
            }
        case .minimum(let limit):
            if case .number(let number) = instance, number < limit {
                failure = "\(number) is less than the minimum \(limit)"
            }
        case .exclusiveMinimum(let limit):
            if case .number(let number) = instance, number <= limit {
                failure = "\(number) is not greater than the exclusive minimum \(limit)"
            }
        case .maxLength(let limit):
            if case .string(let text) = instance, text.utf8.count > limit {
                let length = text.unicodeScalars.count
                if length > limit {
                    failure = "string \(instance.compactText) has \(length) characters, more than maxLength \(limit)"
                }
            }
        case .minLength(let limit):
            // A code point takes at most 4 UTF-8 bytes, so long strings pass without counting.
            if limit > 0, case .string(let text) = instance, text.utf8.count < limit * 4 {
                let length = text.unicodeScalars.count
                if length < limit {
                    failure = "string \(instance.compactText) has \(length) character\(length == 1 ? "" : "s"), "
                        + "fewer than minLength \(limit)"
                }
            }
        case .pattern(let regex):
            if case .string(let text) = instance, !regex.matches(text) {
                failure = "string \(instance.compactText) does not match the pattern \(regex.source)"
            }
        case .format(let format, let alwaysAssert):
            if assertFormat || alwaysAssert, case .string(let text) = instance, !FormatChecker.check(format, text) {
                failure = "string \(instance.compactText) is not a valid \(format)"
            }
        case .maxItems(let limit):
            if case .array(let elements) = instance, elements.count > limit {
                failure = "array has \(elements.count) items, more than maxItems \(limit)"
            }
        case .minItems(let limit):
            if case .array(let elements) = instance, elements.count < limit {
                failure = "array has \(elements.count) item\(elements.count == 1 ? "" : "s"), "
                    + "fewer than minItems \(limit)"
            }
        case .uniqueItems:
            if case .array(let elements) = instance, elements.count > 1, elements.count <= 8 {
                // Small arrays: pairwise comparison is cheaper than hashing.
                search: for later in 1..<elements.count {
                    for earlier in 0..<later where elements[earlier] == elements[later] {
                        failure = "items \(earlier) and \(later) are equal (\(elements[later].compactText)); "
                            + "uniqueItems requires distinct items"
                        break search
                    }
                }
            } else if case .array(let elements) = instance, elements.count > 1 {
                var seen: [JSONValue: Int] = [:]
                seen.reserveCapacity(elements.count)
                for (position, element) in elements.enumerated() {
                    if let earlier = seen.updateValue(position, forKey: element) {
                        failure = "items \(earlier) and \(position) are equal (\(element.compactText)); "
                            + "uniqueItems requires distinct items"
                        break
                    }
                }
            }
        case .maxProperties(let limit):
            if case .object(let object) = instance, object.count > limit {
                failure = "object has \(object.count) properties, more than maxProperties \(limit)"
            }
        case .minProperties(let limit):
            if case .object(let object) = instance, object.count < limit {
                failure = "object has \(object.count) propert\(object.count == 1 ? "y" : "ies"), "
                    + "fewer than minProperties \(limit)"
            }
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for key in names where !object.contains(key: key) {
                valid = false
                guard reporting else { return false }
                report(node, keyword: name, "missing required property \"\(key)\"")
            }
            return valid
        case .dependentRequired(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for entry in entries where object.contains(key: entry.name) {
                for key in entry.required where !object.contains(key: key) {
                    valid = false
                    guard reporting else { return false }
                    report(node, keyword: name, "property \"\(entry.name)\" requires property \"\(key)\", "
                        + "which is missing")
                }
            }
            return valid
        default:
            return true
        }
        guard let failure else { return true }
        if reporting { report(node, keyword: name, failure) }
        return false
    }
}
