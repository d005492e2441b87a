import Foundation
import JSONCore

/// Verdicts checked by hand on values an extraction gave where the ground truth is silent and its silence is
/// not ground truth (``DatasetEntry/absenceIsGroundTruth`` false): such a value is neither right nor fabricated
/// until someone has looked at the document. An audit records what they saw, so that the next evaluation counts
/// the same value the same way and the fabrication rate has a real numerator.
///
/// The file is tab-separated, one verdict per line: `PDF<TAB>POINTER<TAB>VALUE<TAB>VERDICT<TAB>WHERE`.
/// - `PDF` is relative to the audit file's folder (as a dataset list's paths are);
/// - `POINTER` is the value's JSON Pointer in the output (`/payment_terms`, `/lines`, `/lines/2/unit`);
/// - `VALUE` is the value as JSON (`"30 j"`, `12.5`, a whole array of rows); a verdict holds for that value only,
///   so a later run that gives another value there is unaudited again;
/// - `VERDICT` is `printed` (the document prints it as this field's value) or `fabricated` (it does not);
/// - `WHERE` says where it is printed (page and label) or why it is fabricated.
///
/// Blank lines and lines starting with `#` are skipped.
public struct ValueAudit: Sendable, Hashable {
    /// What the hand check found.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The document prints the value as the field's value: not fabricated.
        case printed
        /// The document does not print it as the field's value.
        case fabricated
    }

    /// One audited value.
    public struct Key: Sendable, Hashable {
        /// The PDF, resolved as the dataset list's entries are.
        public var pdf: String
        /// The value's pointer in the output.
        public var pointer: String
        /// The value.
        public var value: JSONValue

        /// Creates a key.
        public init(pdf: String, pointer: String, value: JSONValue) {
            self.pdf = pdf
            self.pointer = pointer
            self.value = value
        }
    }

    /// The verdicts.
    public var verdicts: [Key: Verdict]

    /// Creates an audit from `verdicts`.
    public init(_ verdicts: [Key: Verdict] = [:]) {
        self.verdicts = verdicts
    }

    /// The verdict on `value` at `pointer` of `pdf`; nil when nobody has checked that value.
    public func verdict(pdf: String, pointer: String, value: JSONValue) -> Verdict? {
        verdicts[Key(pdf: pdf, pointer: pointer, value: value)]
    }

    /// Reads an audit file (see the type's description).
    ///
    /// - Throws: ``EvaluationError`` naming the file and line when the file cannot be read, a line has not five
    ///   fields, its pointer does not start with `/`, its value is not JSON, its verdict is neither `printed` nor
    ///   `fabricated`, or one value has two different verdicts.
    public static func load(_ path: String) throws(EvaluationError) -> ValueAudit {
        let file = try TabSeparatedFile(path: path, what: "the audit file")
        var audit = ValueAudit()
        for record in file.records {
            let at = file.at(record.number)
            let parts = record.fields
            guard parts.count == 5 else {
                throw EvaluationError(
                    "\(at): expected PDF<TAB>POINTER<TAB>VALUE<TAB>VERDICT<TAB>WHERE, got \(parts.count) fields"
                )
            }
            guard parts[1].hasPrefix("/") else {
                throw EvaluationError("\(at): the pointer \"\(parts[1])\" does not start with /")
            }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: Data(parts[2].utf8))
            } catch {
                throw EvaluationError("\(at): the value is not JSON (write a string in quotes): \(error)")
            }
            guard let verdict = Verdict(rawValue: parts[3].trimmingCharacters(in: .whitespaces)) else {
                throw EvaluationError("\(at): the verdict \"\(parts[3])\" is neither printed nor fabricated")
            }
            let pdf = file.resolve(parts[0])
            let key = Key(pdf: pdf, pointer: parts[1], value: value)
            if let earlier = audit.verdicts[key], earlier != verdict {
                throw EvaluationError("\(at): this value was already audited as \(earlier.rawValue)")
            }
            audit.verdicts[key] = verdict
        }
        return audit
    }
}
