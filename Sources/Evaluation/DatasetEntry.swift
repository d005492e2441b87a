import Foundation

/// One line of a dataset list: a PDF, its ground truth and the schema to extract with.
public struct DatasetEntry: Sendable, Hashable, Codable {
    /// The PDF (absolute, or relative to the working directory).
    public var pdf: String
    /// The ground-truth JSON.
    public var expected: String
    /// The schema, with `x-compare` annotations.
    public var schema: String
    /// 1-based line in the list.
    public var line: Int
    /// Whether a value absent from the ground truth means the document has none. False when the list says
    /// otherwise (see ``load(list:)``): then a value given there is counted apart, not as fabricated.
    public var absenceIsGroundTruth = true
    /// The ``ValueAudit`` file the list names (``auditDirective``): hand-checked verdicts on values given where
    /// the ground truth is silent. Nil when it names none.
    public var audit: String?

    /// Creates an entry.
    public init(
        pdf: String, expected: String, schema: String, line: Int, absenceIsGroundTruth: Bool = true,
        audit: String? = nil
    ) {
        self.pdf = pdf
        self.expected = expected
        self.schema = schema
        self.line = line
        self.absenceIsGroundTruth = absenceIsGroundTruth
        self.audit = audit
    }

    private enum CodingKeys: String, CodingKey {
        case pdf, expected, schema, line, absenceIsGroundTruth, audit
    }

    /// Reads an entry; ``absenceIsGroundTruth`` may be missing (older results files) and reads as true.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pdf = try container.decode(String.self, forKey: .pdf)
        expected = try container.decode(String.self, forKey: .expected)
        schema = try container.decode(String.self, forKey: .schema)
        line = try container.decode(Int.self, forKey: .line)
        absenceIsGroundTruth = try container.decodeIfPresent(Bool.self, forKey: .absenceIsGroundTruth) ?? true
        audit = try container.decodeIfPresent(String.self, forKey: .audit)
    }

    /// The directive line by which a list says that its ground truth's absent values are not ground truth.
    public static let absenceUnknownDirective = "#! absent values are not ground truth"
    /// The directive that names a ``ValueAudit`` file (relative to the list's folder): `#! audit FILE`.
    public static let auditDirective = "#! audit "

    /// Reads a list: one `PDF<TAB>EXPECTED.json<TAB>SCHEMA.json` per line, paths relative to the list's
    /// folder (absolute paths are kept); blank lines and lines starting with `#` are skipped. The line
    /// ``absenceUnknownDirective`` makes every entry's ``absenceIsGroundTruth`` false: ZUGFeRD's expected files
    /// come from the issuer's XML, whose MINIMUM and BASIC WL profiles leave out values the PDF prints. The line
    /// `#! audit FILE` (``auditDirective``) names the hand-checked verdicts on values given there.
    ///
    /// - Throws: ``EvaluationError`` naming the file and line when the list cannot be read, a line has not
    ///   three fields, or a named file (the audit file included) does not exist.
    public static func load(list path: String) throws(EvaluationError) -> [DatasetEntry] {
        let file = try TabSeparatedFile(path: path, what: "the dataset list")
        var absenceIsGroundTruth = true
        var audit: String?
        for (index, line) in file.lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces) == absenceUnknownDirective { absenceIsGroundTruth = false }
            guard line.hasPrefix(auditDirective) else { continue }
            let name = line.dropFirst(auditDirective.count).trimmingCharacters(in: .whitespaces)
            let resolved = file.resolve(name)
            guard !name.isEmpty, FileManager.default.fileExists(atPath: resolved) else {
                throw EvaluationError("\(file.at(index + 1)): the audit file \(resolved) does not exist")
            }
            audit = resolved
        }
        var entries: [DatasetEntry] = []
        for record in file.records {
            let at = file.at(record.number)
            let parts = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
                throw EvaluationError(
                    "\(at): expected PDF<TAB>EXPECTED.json<TAB>SCHEMA.json, got \(parts.count) fields"
                )
            }
            let resolved = parts.map(file.resolve)
            for name in resolved where !FileManager.default.fileExists(atPath: name) {
                throw EvaluationError("\(at): \(name) does not exist")
            }
            entries.append(DatasetEntry(
                pdf: resolved[0], expected: resolved[1], schema: resolved[2], line: record.number,
                absenceIsGroundTruth: absenceIsGroundTruth, audit: audit
            ))
        }
        guard !entries.isEmpty else { throw EvaluationError("\(path): the dataset list has no entries") }
        return entries
    }
}
