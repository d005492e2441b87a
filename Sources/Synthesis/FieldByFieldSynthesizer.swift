import ExtractCore
import Foundation
import JSONCore
import JSONSchema
import ModelClients
import Provenance

/// Asks a weak model one small, constrained question per field, so that its answers stay valid and honest.
///
/// For each scalar field, values of the right type found next to matching labels in the evidence are offered
/// as numbered candidates, and the model only picks one or says none fits (the answer is an enum it is
/// constrained to). Where there are no candidates it is asked for the value itself, and a value that cannot be
/// found in the evidence is dropped as invented. Arrays of objects are read from the document's item table
/// (``LineItemReader``); only when none gives valid rows is the model asked for them as one capped array. The
/// assembled answer is normalised and validated; fields on failing paths are asked again with the error.
///
/// Optional fields are where a weak model invents: asked about a field the document does not print, it picks
/// whatever value of the right type it is shown. So an optional field is offered only candidates found by one
/// of its labels or, for a party's address, in its party's postal line (or, for e-mail and web addresses, IBANs
/// and BICs, whose form names them, by their type), is
/// left absent without asking when the evidence holds values of its type but none by its labels (or, for a
/// field whose form names it or a contract clause states, no such value at all), does not take
/// a value printed under the other party's label (`Käufer-IBAN` for the payee's IBAN), and does not take a value
/// another field already took unless a different label led to it here. The fields the schema needs are decided
/// first, so that those values are known.
struct FieldByFieldSynthesizer {
    let model: MeteredModel
    let schema: JSONSchema
    let fields: [SchemaField]
    let options: SynthesisOptions
    let normalizer: AnswerNormalizer
    let valueNormalizer: ValueNormalizer

    struct Outcome {
        var value: JSONValue?
        var errors: [String]
        var attempts: Int
        var origins: [String: String]
        var diagnostics: [Diagnostic]
    }

    /// Decides every field; `index` is `evidence`'s index when the caller already has one.
    func run(evidence: DocumentEvidence, text: EvidenceText, index: EvidenceIndex? = nil) async throws -> Outcome {
        // One index for both: it is the largest structure synthesis builds (two copies were half the peak
        // memory of a 200-page document).
        let index = index ?? EvidenceIndex(evidence: evidence, normalizer: valueNormalizer)
        let finder = CandidateFinder(index: index, maxCandidates: options.maxCandidates)
        let locator = EvidenceLocator(index: index)
        var answer = JSONValue.object(JSONObject())
        var origins: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var attempts = 0

        let scalars = fields.filter { !$0.isInArray }
        var decided: [String: Decision] = [:]
        for field in scalars.filter(Self.needsValue) + scalars.filter({ !Self.needsValue($0) }) {
            let decision = try await decide(
                field, finder: finder, locator: locator, text: text, hint: nil, taken: Self.taken(decided)
            )
            attempts += decision.asked
            origins[field.pointer] = decision.origin
            decided[field.pointer] = decision
        }
        for field in scalars { place(decided[field.pointer]?.value, for: field, in: &answer) }
        // Arrays of objects: one capped request per array.
        let arrays = Dictionary(grouping: fields.filter(\.isInArray)) { field in
            Array(field.path.prefix { $0 != "*" })
        }
        let tableReader = LineItemReader(evidence: evidence, normalizer: valueNormalizer)
        for (path, rowFields) in arrays.sorted(by: { $0.key.joined() < $1.key.joined() }) {
            // An item table read from the evidence's layout beats the small model's rows (0 of 17 right on the
            // ZUGFeRD dev set); the model is asked only when no table with valid rows is found.
            if options.readsItemTables,
               let (rows, note) = readTable(at: path, rowFields: rowFields, reader: tableReader) {
                diagnostics.append(note)
                JSONPath.set(.array(rows), at: path, in: &answer)
                origins["/" + path.joined(separator: "/")] = "table"
                continue
            }
            // A list of plain values its clause states (a contract's parties: `by and between A … and B`) is read
            // there, as the finder gives it.
            if rowFields.count == 1, let field = rowFields.first, field.path.last == "*" {
                let listed = finder.candidates(for: field).filter { $0.method == .clause }.map(\.value)
                if !listed.isEmpty {
                    JSONPath.set(.array(listed), at: path, in: &answer)
                    origins["/" + path.joined(separator: "/")] = "clause"
                    continue
                }
            }
            let (rows, asked, note) = try await askArray(at: path, rowFields: rowFields, text: text, locator: locator)
            attempts += asked
            if let note { diagnostics.append(note) }
            JSONPath.set(.array(rows), at: path, in: &answer)
            origins["/" + path.joined(separator: "/")] = rows.isEmpty ? "null" : "model"
        }

        var (normalized, _) = normalizer.normalize(answer)
        var result = schema.validate(normalized)
        var round = 1
        while !result.isValid, round < options.maxAttempts {
            round += 1
            // A missing required property is reported at its parent: name the property itself.
            let failing = Set(result.errors.map { error -> String in
                guard error.message.hasPrefix("missing required property"),
                      let name = error.message.split(separator: "\"").dropFirst().first
                else { return error.instanceLocation }
                return error.instanceLocation + "/" + name
            })
            let retry = scalars.filter { field in
                failing.contains { $0 == field.pointer || $0.hasPrefix(field.pointer + "/") }
            }
            guard !retry.isEmpty else { break }
            for field in retry {
                let message = result.errors.filter {
                    $0.instanceLocation == field.pointer || $0.message.contains("\"\(field.name)\"")
                }.map(\.message).joined(separator: "; ")
                var others = decided
                others[field.pointer] = nil
                let decision = try await decide(
                    field, finder: finder, locator: locator, text: text, hint: message, taken: Self.taken(others)
                )
                attempts += decision.asked
                decided[field.pointer] = decision
                origins[field.pointer] = decision.origin == "null" ? "null" : "repaired"
                place(decision.value, for: field, in: &normalized)
            }
            (normalized, _) = normalizer.normalize(normalized)
            result = schema.validate(normalized)
        }
        if !result.isValid {
            // Last resort that stays honest: a failing optional or nullable value becomes absent or null.
            for error in result.errors {
                guard let field = scalars.first(where: { $0.pointer == error.instanceLocation }) else { continue }
                if field.isNullable {
                    JSONPath.set(.null, at: field.path, in: &normalized)
                    origins[field.pointer] = "null"
                } else if !field.isRequired {
                    remove(field.path, from: &normalized)
                    origins[field.pointer] = nil
                }
                diagnostics.append(Diagnostic(
                    .warning, code: "synthesis.dropped",
                    "\(field.pointer): no answer validated (\(error.message)); left \(field.isNullable ? "null" : "out")"
                ))
            }
            result = schema.validate(normalized)
        }
        guard result.isValid else {
            return Outcome(
                value: nil, errors: result.errors.map(\.description), attempts: attempts, origins: origins,
                diagnostics: diagnostics
            )
        }
        return Outcome(value: normalized, errors: [], attempts: attempts, origins: origins, diagnostics: diagnostics)
    }

    // MARK: One scalar field

    /// How one field was decided.
    struct Decision {
        /// The value; nil when nothing was found.
        var value: JSONValue?
        /// `candidate`, `model`, `fallback` or `null`.
        var origin: String
        /// Model requests made.
        var asked: Int
        /// The printed label that led to the value, folded; nil when none did.
        var label: String? = nil
    }

    /// Whether the schema needs a value for the field (required and not nullable): only such a field may take
    /// a candidate of the right type found without a label, or the best candidate when the model picks none.
    static func needsValue(_ field: SchemaField) -> Bool {
        field.isRequired && !field.isNullable
    }

    /// The values decided so far, each with the labels that led to it (`""` for none).
    static func taken(_ decided: [String: Decision]) -> [JSONValue: Set<String>] {
        var taken: [JSONValue: Set<String>] = [:]
        for decision in decided.values {
            guard let value = decision.value, !value.isNull else { continue }
            taken[value, default: []].insert(decision.label ?? "")
        }
        return taken
    }

    /// Decides one field: the value (nil = nothing found), how it was decided, and the requests made.
    private func decide(
        _ field: SchemaField, finder: CandidateFinder, locator: EvidenceLocator, text: EvidenceText, hint: String?,
        taken: [JSONValue: Set<String>]
    ) async throws -> Decision {
        var candidates = finder.candidates(for: field)
        let needsValue = Self.needsValue(field)
        if !needsValue, !candidates.isEmpty {
            // A value of the right type is not evidence that an optional field is printed: only its labels are,
            // or a form that names the value (an e-mail address, an IBAN). The same printed value under the same
            // label (or under none) belongs to the field that took it.
            let selfEvident = CandidateFinder.isSelfEvident(field)
            candidates = candidates.filter { candidate in
                // Printed under the other party's label (`Käufer-IBAN`): of the field's type, not the field's.
                guard !candidate.isOtherPartys else { return false }
                guard candidate.showsItsField else { return selfEvident && taken[candidate.value] == nil }
                guard let labels = taken[candidate.value] else { return true }
                return !labels.contains(candidate.label.map(Self.fold) ?? "")
            }
            if candidates.isEmpty { return Decision(value: nil, origin: "null", asked: 0) }
        }
        // A field whose form names its value (an IBAN, an e-mail or web address, a code) is found by that form
        // wherever it is printed, and a contract's term or governing law by the clause that states it: with no
        // candidate the document prints none, and what a model asked anyway answers is other printed text (a
        // receipt's GST number would pass as its IBAN, which needs no label; for a contract's term it answered
        // the word `value`).
        if !needsValue, candidates.isEmpty,
           CandidateFinder.isSelfEvident(field) || CandidateFinder.isReadFromClauses(field) {
            return Decision(value: nil, origin: "null", asked: 0)
        }
        if !candidates.isEmpty {
            let values = candidates.map(\.value)
            // A clear best candidate is taken as it is: measured on the dev sets, the finder's first candidate is
            // right far more often than the small model's pick among several (samples/invoice 11 of 11 fields
            // against about half). The model decides only between close candidates.
            let margin = candidates.count == 1 ? 1 : candidates[0].score - candidates[1].score
            if hint == nil, margin >= options.clearCandidateMargin {
                return Decision(value: values[0], origin: "candidate", asked: 0,
                                label: candidates[0].label.map(Self.fold))
            }
            let context = contextLines(for: candidates, in: text)
            let question = FieldQuestion.choose(
                field: field, candidates: values, context: context, hint: hint, noneFirst: !needsValue
            )
            let choices = (0...values.count).map { JSONValue.number(JSONNumber($0)) }
            let answer = try await ask(question, schema: ["type": "object", "properties": ["choice": [
                "enum": .array(choices),
            ]], "required": ["choice"]])
            if let choice = answer?["choice"]?.intValue, choice >= 1, choice <= values.count {
                return Decision(value: values[choice - 1], origin: "model", asked: 1,
                                label: candidates[choice - 1].label.map(Self.fold))
            }
            if needsValue {
                // The schema needs a value: the best candidate found in the evidence beats an invented one.
                return Decision(value: values[0], origin: "fallback", asked: 1,
                                label: candidates[0].label.map(Self.fold))
            }
            return Decision(value: nil, origin: "null", asked: 1)
        }
        if let options = field.enumValues, !options.isEmpty {
            let context = questionContext(for: field, in: text, limit: 40)
            let question = FieldQuestion.pick(field: field, options: options, context: context, hint: hint)
            let answer = try await ask(question, schema: ["type": "object", "properties": ["value": [
                "enum": .array(options + [.null]),
            ]], "required": ["value"]])
            if let value = answer?["value"], !value.isNull { return Decision(value: value, origin: "model", asked: 1) }
            return Decision(value: nil, origin: "null", asked: 1)
        }
        // No candidates: ask for the value, and keep it only if it is printed in the evidence.
        let context = questionContext(for: field, in: text, limit: 40)
        let question = FieldQuestion.value(field: field, context: context, hint: hint)
        var valueSchema = field.schema
        if case .object(var object) = valueSchema {
            object["x-compare"] = nil
            valueSchema = .object(object)
        }
        let answer = try await ask(question, schema: ["type": "object", "properties": ["value": valueSchema],
                                                      "required": ["value"]])
        guard let value = answer?["value"].map(AnswerText.withoutLineIDs), !value.isNull else {
            return Decision(value: nil, origin: "null", asked: 1)
        }
        guard let match = locator.locate(value, field: field) else {
            return Decision(value: nil, origin: "null", asked: 1)
        }
        // An optional field typed in that another field already holds was copied from that field's evidence.
        let normalized = valueNormalizer.normalize(value, for: field) ?? value
        if !needsValue, taken[normalized] != nil || taken[value] != nil {
            return Decision(value: nil, origin: "null", asked: 1)
        }
        // An optional value must be shown printed as that field's, as candidates must: beside one of its labels.
        // Printed somewhere is not enough: asked for a buyer's GLN, the small model answered the word `GLN` of a
        // note, and asked for a prepaid amount, a quantity `1` (ZUGFeRD dev set).
        if !needsValue, !CandidateFinder.isSelfEvident(field),
           !Self.isBesideLabel([match.text, value.stringValue ?? value.serialized()], of: field, in: text) {
            return Decision(value: nil, origin: "null", asked: 1)
        }
        return Decision(value: value, origin: "model", asked: 1)
    }

    private func ask(_ question: String, schema: JSONValue) async throws -> JSONValue? {
        let response = try await model.complete(ChatRequest(
            system: PromptBuilder.systemField, user: [.text(question)],
            responseSchema: ResponseSchema(name: "answer", schema: schema), temperature: options.temperature,
            maxOutputTokens: options.maxFieldOutputTokens
        ))
        return try? JSONValue(parsing: AnswerText.jsonPart(of: response.text))
    }

    /// The evidence a question without candidates shows: every line holding one of the field's labels with
    /// the line after it (values sit beside or below their labels), up to half of `limit`, then the document's
    /// first lines up to `limit`; in document order. The first lines alone miss values printed further down.
    func questionContext(for field: SchemaField, in text: EvidenceText, limit: Int) -> [EvidenceText.Line] {
        let phrases = CandidateFinder.labelPhrases(for: field).map(Self.fold).filter { $0.count >= 3 }
        var chosen = Set<Int>()
        for (index, line) in text.lines.enumerated() where chosen.count < limit / 2 {
            let folded = " " + Self.fold(line.text) + " "
            guard phrases.contains(where: { folded.contains(" \($0) ") }) else { continue }
            chosen.formUnion(index...min(index + 1, text.lines.count - 1))
        }
        var index = 0
        while chosen.count < limit, index < text.lines.count {
            chosen.insert(index)
            index += 1
        }
        return chosen.sorted().map { text.lines[$0] }
    }

    /// Whether one of the `printed` forms of a value stands, as whole words, on an evidence line that also holds
    /// one of the field's labels (outside the value itself), or on the line after a line that is such a label
    /// and holds no number of its own, on the same page. The parent's bare name (`buyer`) is no label of its
    /// own here: it heads a whole block.
    static func isBesideLabel(_ printed: [String], of field: SchemaField, in text: EvidenceText) -> Bool {
        let parent = field.parents.last.map(fold)
        let phrases = CandidateFinder.labelPhrases(for: field).map(fold).filter { $0.count >= 3 && $0 != parent }
        // Whole printed words: the value `2` is not in `2.000,00`.
        let values = Set(printed.map(printedWords).filter { !$0.isEmpty })
        guard !phrases.isEmpty, !values.isEmpty else { return false }
        func holdsLabel(_ words: some Sequence<String>) -> Bool {
            let folded = " " + fold(words.joined(separator: " ")) + " "
            return phrases.contains { folded.contains(" \($0) ") }
        }
        for (index, line) in text.lines.enumerated() {
            let words = printedWords(line.text)
            for value in values where value.count <= words.count {
                guard let start = (0...(words.count - value.count)).first(where: {
                    Array(words[$0..<($0 + value.count)]) == value
                }) else { continue }
                if holdsLabel(words[..<start] + words[(start + value.count)...]) { return true }
                // The line above, when it is a label with no value of its own (no digit).
                let above = index > 0 ? text.lines[index - 1] : nil
                if let above, above.page == line.page, !above.text.contains(where: \.isNumber),
                   holdsLabel(printedWords(above.text)) {
                    return true
                }
            }
        }
        return false
    }

    /// A text's words split at white space, lower-case, without surrounding punctuation.
    static func printedWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]{}\"'«»").union(.init(charactersIn: ".")))
        }.filter { !$0.isEmpty }
    }

    /// Lower-case, without accents, every run of other characters than letters and digits one space.
    static func fold(_ text: String) -> String {
        let plain = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        return plain.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// The evidence lines that hold the candidates, with the line before each (where labels sit).
    private func contextLines(for candidates: [Candidate], in text: EvidenceText) -> [EvidenceText.Line] {
        var chosen: [Int] = []
        for candidate in candidates {
            guard let index = text.lines.firstIndex(where: { line in
                line.page == candidate.page && line.source == candidate.source && line.text.contains(candidate.text)
            }) else { continue }
            for neighbour in max(0, index - 1)...index where !chosen.contains(neighbour) { chosen.append(neighbour) }
        }
        return chosen.sorted().map { text.lines[$0] }
    }

    // MARK: Arrays

    /// The rows of the array at `path` read from an item table (``LineItemReader``), each valid against the item
    /// schema, with a note; nil when no table gives a valid row.
    private func readTable(
        at path: [String], rowFields: [SchemaField], reader: LineItemReader
    ) -> ([JSONValue], Diagnostic)? {
        guard let arraySchema = JSONPath.value(at: path.flatMap { ["properties", $0] }, in: schema.document),
              case .object(let object) = arraySchema
        else { return nil }
        let found = reader.rows(for: rowFields)
        guard !found.isEmpty else { return nil }
        let itemSchema = object["items"].flatMap { try? JSONSchema($0, checkingMetaSchema: false) }
        let cap = object["maxItems"]?.intValue ?? Int.max
        var rows: [JSONValue] = []
        for row in found where rows.count < cap {
            let normalized = normalizeRow(row.value, fields: rowFields)
            if itemSchema.map({ $0.isValid(normalized) }) ?? true { rows.append(normalized) }
        }
        guard !rows.isEmpty else { return nil }
        let pages = Set(found.map(\.page)).sorted().map(String.init).joined(separator: ", ")
        let dropped = found.count - rows.count
        let note = Diagnostic(
            .note, code: "synthesis.rows",
            "/\(path.joined(separator: "/")): \(rows.count) rows read from the item table on page \(pages)"
                + (dropped > 0 ? "; \(dropped) invalid or extra rows dropped" : "")
        )
        return (rows, note)
    }

    private func askArray(
        at path: [String], rowFields: [SchemaField], text: EvidenceText, locator: EvidenceLocator
    ) async throws -> ([JSONValue], Int, Diagnostic?) {
        guard var arraySchema = JSONPath.value(at: path.flatMap { ["properties", $0] }, in: schema.document),
              case .object(var object) = arraySchema
        else { return ([], 0, nil) }
        let cap = min(object["maxItems"]?.intValue ?? options.maxArrayItems, options.maxArrayItems)
        // Rows are checked one by one against the item schema (when it stands alone, i.e. has no `$ref` out).
        let itemSchema = object["items"].flatMap { try? JSONSchema($0, checkingMetaSchema: false) }
        object["maxItems"] = .number(JSONNumber(cap))
        object["items"] = object["items"].map(Self.boundedRow)
        arraySchema = .object(object)
        let pointer = "/" + path.joined(separator: "/")
        // The item schema may refer to the schema's definitions (`$ref: #/$defs/ident`): they go along.
        var request: JSONObject = ["type": "object", "properties": ["rows": arraySchema], "required": ["rows"]]
        for key in ["$defs", "definitions"] {
            if let definitions = schema.document[key] { request[key] = definitions }
        }
        let rowsRequest = JSONValue.object(request)
        // A rows answer needs room to be written: two thirds of the evidence budget per request (at the full
        // budget, invoice2data's QualityHosting overflowed the local model's 4,096-token context).
        let chunks = text.chunks(maximumCharacters: options.maxEvidenceCharacters * 2 / 3)
        var rows: [JSONValue] = []
        var dropped = 0
        var asked = 0
        var unreadable = 0
        for chunk in chunks where rows.count < cap {
            asked += 1
            let question = FieldQuestion.rows(path: path, fields: rowFields, evidence: chunk.rendered)
            let response: ChatResponse
            do {
                response = try await model.complete(ChatRequest(
                    system: PromptBuilder.systemField, user: [.text(question)],
                    responseSchema: ResponseSchema(name: "rows", schema: rowsRequest),
                    temperature: options.temperature, maxOutputTokens: options.maxRowsOutputTokens
                ))
            } catch let error as ModelClientError
                where error.code == .serverError && error.message.localizedCaseInsensitiveContains("context size")
            {
                // This part of the evidence does not fit the model's context: its rows are missed, not invented.
                unreadable += 1
                continue
            }
            guard let parsed = try? JSONValue(parsing: AnswerText.jsonPart(of: response.text)),
                  let answered = parsed["rows"]?.arrayValue ?? parsed.arrayValue
            else {
                unreadable += 1
                continue
            }
            for row in answered {
                let normalized = normalizeRow(AnswerText.withoutLineIDs(row), fields: rowFields)
                // A row whose values are mostly printed nowhere was invented (weak models repeat rows).
                let values = normalized.leaves().filter { !$0.value.isNull }
                let located = values.filter { locator.locate($0.value) != nil }.count
                guard located * 2 >= values.count, !values.isEmpty else {
                    dropped += 1
                    continue
                }
                guard rows.count < cap, !rows.contains(normalized),
                      itemSchema.map({ $0.isValid(normalized) }) ?? true
                else {
                    dropped += 1
                    continue
                }
                rows.append(normalized)
            }
        }
        var notes: [String] = []
        if chunks.count > 1 { notes.append("asked in \(asked) of \(chunks.count) parts of the evidence") }
        if dropped > 0 {
            notes.append("\(dropped) repeated, invented (not in the evidence), invalid or extra rows dropped")
        }
        if unreadable > 0 { notes.append("\(unreadable) answer\(unreadable == 1 ? " was" : "s were") not readable JSON") }
        let note = notes.isEmpty ? nil : Diagnostic(
            unreadable > 0 && rows.isEmpty ? .warning : .note, code: "synthesis.rows",
            "\(pointer): \(rows.count) rows; " + notes.joined(separator: "; ")
        )
        return (rows, asked, note)
    }

    /// The item schema the model is constrained to: only the declared properties (a weak model adds keys of its
    /// own), strings at most 200 characters (it otherwise repeats digits until the token limit), no scorer
    /// annotations. The rows it returns are still checked against the schema's own item schema.
    static func boundedRow(_ item: JSONValue) -> JSONValue {
        guard case .object(var object) = item, case .object(var properties)? = object["properties"] else { return item }
        for (name, property) in properties {
            guard case .object(var schema) = property else { continue }
            schema["x-compare"] = nil
            schema["x-source"] = nil
            let types = schema["type"]?.stringValue.map { [$0] }
                ?? schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if types.contains("string"), schema["maxLength"] == nil { schema["maxLength"] = 200 }
            properties[name] = .object(schema)
        }
        object["properties"] = .object(properties)
        object["additionalProperties"] = false
        object["x-compare"] = nil
        return .object(object)
    }

    /// Normalises each row field (dates, numbers, enums) the way the whole answer is normalised.
    private func normalizeRow(_ row: JSONValue, fields: [SchemaField]) -> JSONValue {
        var result = row
        for field in fields {
            guard let star = field.path.firstIndex(of: "*") else { continue }
            let inner = Array(field.path[(star + 1)...])
            guard !inner.contains("*"), let value = JSONPath.value(at: inner, in: row), !value.isNull,
                  let normalized = valueNormalizer.normalize(value, for: field) else { continue }
            JSONPath.set(normalized, at: inner, in: &result)
        }
        return result
    }

    // MARK: Assembly

    private func place(_ value: JSONValue?, for field: SchemaField, in answer: inout JSONValue) {
        if let value {
            JSONPath.set(value, at: field.path, in: &answer)
        } else if field.isNullable {
            JSONPath.set(.null, at: field.path, in: &answer)
        } else {
            remove(field.path, from: &answer)
        }
    }

    private func remove(_ path: [String], from answer: inout JSONValue) {
        guard let last = path.last else { return }
        let parent = Array(path.dropLast())
        guard case .object(var object)? = JSONPath.value(at: parent, in: answer), object[last] != nil else { return }
        object[last] = nil
        if parent.isEmpty { answer = .object(object) } else { JSONPath.set(.object(object), at: parent, in: &answer) }
    }
}
