import JSONCore
import Provenance

/// The short questions of field-by-field synthesis.
enum FieldQuestion {
    private static func describe(_ field: SchemaField) -> String {
        var text = "the \(field.pointer.dropFirst().replacingOccurrences(of: "/", with: " → "))"
        if let description = field.description { text += " (\(description))" }
        return text
    }

    private static func lines(_ context: [EvidenceText.Line]) -> String {
        context.map { "\($0.id): \($0.text)" }.joined(separator: "\n")
    }

    private static func retry(_ hint: String?) -> String {
        hint.map { "\nA previous answer was rejected: \($0).\n" } ?? ""
    }

    /// Which of the numbered candidates is the field; with `noneFirst` (an optional field), "none of these" is
    /// offered first, as the answer when the document does not print the field.
    static func choose(
        field: SchemaField, candidates: [JSONValue], context: [EvidenceText.Line], hint: String?,
        noneFirst: Bool = false
    ) -> String {
        let numbered = candidates.enumerated().map { "\($0 + 1)) \($1.serialized())" }.joined(separator: "\n")
        let options = noneFirst
            ? "0) none of these: the document does not print it\n" + numbered
            : numbered + "\n0) none of these"
        return """
            Evidence:
            \(lines(context))
            \(retry(hint))
            Question: which value is \(describe(field))?
            \(options)
            Answer as {"choice": N}.
            """
    }

    static func pick(field: SchemaField, options: [JSONValue], context: [EvidenceText.Line], hint: String?) -> String {
        """
        Evidence:
        \(lines(context))
        \(retry(hint))
        Question: what is \(describe(field))? Choose one of \(options.map { $0.serialized() }.joined(separator: ", ")),
        or null when the evidence does not say. Answer as {"value": …}.
        """
    }

    static func value(field: SchemaField, context: [EvidenceText.Line], hint: String?) -> String {
        """
        Evidence:
        \(lines(context))
        \(retry(hint))
        Question: what is \(describe(field))? Copy it exactly as printed, or null when it is not printed.
        Answer as {"value": …}.
        """
    }

    static func rows(path: [String], fields: [SchemaField], evidence: String) -> String {
        let columns = fields.map { field in
            "- \(field.name)\(field.description.map { ": \($0)" } ?? "")"
        }.joined(separator: "\n")
        return """
            Evidence:
            \(evidence)
            Question: list the rows of \(path.joined(separator: " → ")), one object per printed row, each row once, \
            with these fields:
            \(columns)
            Answer as {"rows": […]}.
            """
    }
}
