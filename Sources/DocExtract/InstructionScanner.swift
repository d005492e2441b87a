import ExtractCore
import Foundation

/// Finds evidence lines written to steer a language model — "ignore all previous instructions …", chat-template
/// markers, a ready-made JSON answer — so that values taken from them are flagged instead of trusted.
///
/// The prompt already hands the evidence to the model as data (every line behind its id, after the
/// instructions, with the instruction to ignore instructions inside it), and the answer is validated; but a
/// model may still obey the text. What the scanner cannot do is prove a value genuine: it only marks lines
/// that look like instructions, and fields located on them are listed for review with low confidence.
struct InstructionScanner {
    /// One suspicious line.
    struct Finding: Sendable, Hashable {
        var page: Int
        var box: BoundingBox
        var text: String
        var reason: String
    }

    /// The confidence a field located on a suspicious line is given at most.
    static let flaggedConfidence = 0.2

    private static let patterns: [(String, String)] = [
        (#"\b(ignore|disregard|forget|override)\b.{0,40}"#
            + #"\b(previous|prior|above|earlier|preceding|all|your|system)\b.{0,20}"#
            + #"\b(instructions?|prompts?|rules|directions)\b"#,
         "an instruction to ignore the model's instructions"),
        (#"\b(new|updated|real) (instructions?|system prompt)\b"#, "replacement instructions"),
        (#"\bsystem prompt\b|<\|im_start\|>|<\|im_end\|>|\[/?inst\]|<<sys>>|^\s*(system|assistant)\s*:"#,
         "chat-template or role markers"),
        (#"\b(answer|respond|reply|output|return)\b.{0,30}\b(with|only|exactly)\b.{0,40}(\{|json)"#,
         "a request to answer with given JSON"),
        (#"\byou are (now )?(a|an|the|my)\b.{0,40}\b(assistant|model|ai|bot|extractor)\b"#,
         "a role assignment for the model"),
        (#"\{\s*"[^"]{1,64}"\s*:"#, "a JSON object (an answer ready to be copied)"),
    ]

    private let expressions: [(NSRegularExpression, String)]

    init() {
        expressions = Self.patterns.compactMap { pattern, reason in
            (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines]))
                .map { ($0, reason) }
        }
    }

    /// Every text-layer and OCR line of `evidence` that looks written for a model.
    func scan(_ evidence: DocumentEvidence) -> [Finding] {
        var findings: [Finding] = []
        for page in evidence.pages {
            for line in (page.textLayer?.lines ?? []) + (page.ocr?.lines ?? []) {
                let text = line.text
                let range = NSRange(text.startIndex..., in: text)
                if let (_, reason) = expressions.first(where: { $0.0.firstMatch(in: text, range: range) != nil }) {
                    findings.append(Finding(page: page.number, box: line.box, text: text, reason: reason))
                }
            }
        }
        return findings
    }

    /// `fields` with every field located on a suspicious line marked for review at low confidence.
    func flag(_ fields: [ExtractionResult.Field], findings: [Finding]) -> [ExtractionResult.Field] {
        guard !findings.isEmpty else { return fields }
        return fields.map { field in
            guard let location = field.provenance,
                  findings.contains(where: { Self.overlaps($0, location) }) else { return field }
            var flagged = field
            flagged.needsReview = true
            flagged.confidence = min(field.confidence, Self.flaggedConfidence)
            return flagged
        }
    }

    /// One warning per page carrying suspicious lines.
    func diagnostics(_ findings: [Finding]) -> [Diagnostic] {
        Dictionary(grouping: findings, by: \.page).sorted { $0.key < $1.key }.map { page, lines in
            let sample = lines[0].text.count > 80 ? String(lines[0].text.prefix(77)) + "…" : lines[0].text
            return Diagnostic(
                .warning, code: "evidence.instructions",
                "\(lines.count) line\(lines.count == 1 ? "" : "s") read like instructions to a language model "
                    + "(\(lines[0].reason): \"\(sample)\"); they were given to the model as data only, and "
                    + "values found on them are listed for review",
                page: page
            )
        }
    }

    private static func overlaps(_ finding: Finding, _ location: ExtractionResult.Location) -> Bool {
        guard finding.page == location.page else { return false }
        let a = finding.box
        let b = location.box
        return a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }
}
