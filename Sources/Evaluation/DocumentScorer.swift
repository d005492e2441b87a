import Foundation
import JSONCore

/// Scores one prediction against its ground truth with a ``ScoringPlan``.
///
/// - A scalar unit is one value: right, wrong, missed, or fabricated (a value where the ground truth has
///   none or `null`).
/// - A `line-items` unit pairs rows one-to-one (``RowMatcher``, by how many fields agree, with text
///   similarity as a tie-break), scores every row field with its rule under `/array/*/field`, and gives row
///   precision and recall (a row is correct when every field its expected row has is right). Unpaired
///   expected rows count as missed values; extra predicted rows lower row precision only.
/// - A `set` unit is one value, right when the multiset F1 under the element rule is 1; the F1 is kept. For
///   evidence recall each expected element counts once, found when every leaf of it is found.
///
/// Where ``absenceIsGroundTruth`` is false, a value given where the ground truth has none counts as the
/// ``audit`` says (``FieldCounts/confirmed`` or fabricated), and as ``FieldCounts/unverified`` where it has no
/// verdict on that value.
///
/// A value counts as flagged when the extractor listed its pointer (or, for a set, a pointer inside it) as
/// needing review.
public struct DocumentScorer: Sendable {
    /// The units scored.
    public let plan: ScoringPlan
    /// Whether a value absent from the ground truth means the document has none (the default). When false
    /// (``DatasetEntry/absenceIsGroundTruth``), a value given there counts as ``FieldCounts/unverified``.
    public var absenceIsGroundTruth = true
    /// Hand-checked verdicts on values given where the ground truth is silent; used only where
    /// ``absenceIsGroundTruth`` is false, looked up under ``document``.
    public var audit = ValueAudit()
    /// The PDF scored, as the audit names it (``DatasetEntry/pdf``).
    public var document = ""
    private let comparer = ValueComparer()

    /// Creates a scorer for `plan`.
    public init(plan: ScoringPlan) {
        self.plan = plan
    }

    /// Scores `predicted` (nil when extraction produced nothing) against `expected`.
    ///
    /// - Parameters:
    ///   - needsReview: the pointers the extractor flagged.
    ///   - evidence: when given, every expected scalar value is looked up in it (evidence recall).
    ///   - marks: the corpus's own marks of which values are printed; where one exists it replaces the schema's
    ///     annotation for the recall of values marked printed.
    public func score(
        predicted: JSONValue?, expected: JSONValue, needsReview: [String] = [], evidence: EvidenceCheck? = nil,
        marks: PrintedMarks? = nil
    ) -> (fields: [FieldOutcome], tables: [RowScore]) {
        let flagged = Set(needsReview)
        var fields: [FieldOutcome] = []
        var tables: [RowScore] = []
        for unit in plan.fields {
            let want = Self.value(at: unit.path, in: expected)
            let got = predicted.flatMap { Self.value(at: unit.path, in: $0) }
            switch unit.rule {
            case .lineItems:
                let (rowFields, table) = scoreRows(
                    unit, got: got, want: want, flagged: flagged, evidence: evidence, marks: marks
                )
                fields += rowFields
                if let table { tables.append(table) }
            case .set:
                fields.append(
                    scoreSet(unit, got: got, want: want, flagged: flagged, evidence: evidence, marks: marks)
                )
            default:
                var outcome = FieldOutcome(pointer: unit.pointer(), rule: unit.rule.name)
                let wantPresent = Self.isPresent(want)
                let isCorrect = wantPresent && got.map { comparer.matches($0, want!, rule: unit.rule) } == true
                outcome.record(
                    expectedPresent: wantPresent, predictedPresent: Self.isPresent(got), correct: isCorrect,
                    flagged: flagged.contains(unit.pointer()), absenceKnown: absenceIsGroundTruth,
                    given: given(unit.pointer(), got)
                )
                if wantPresent, let evidence {
                    outcome.counts.recordEvidence(
                        found: evidence.contains(want!, field: unit, rule: unit.rule),
                        printed: marks?.isPrinted(unit.path) ?? unit.isMarkedPrinted
                    )
                }
                outcome.expected = want
                outcome.predicted = got
                fields.append(outcome)
            }
        }
        return (fields, tables)
    }

    private func scoreRows(
        _ unit: ScoredField, got: JSONValue?, want: JSONValue?, flagged: Set<String>, evidence: EvidenceCheck?,
        marks: PrintedMarks?
    ) -> ([FieldOutcome], RowScore?) {
        let predictedRows = got?.arrayValue ?? []
        guard Self.isPresent(want), let expectedRows = want?.arrayValue else {
            var outcome = FieldOutcome(pointer: unit.pointer(), rule: unit.rule.name)
            outcome.record(
                expectedPresent: false, predictedPresent: !predictedRows.isEmpty, correct: false,
                flagged: Self.anyFlagged(unit.pointer(), flagged), absenceKnown: absenceIsGroundTruth,
                given: given(unit.pointer(), got)
            )
            // Kept so that rows given where the ground truth has none can be audited from the results file.
            if !predictedRows.isEmpty { outcome.predicted = got }
            return ([outcome], nil)
        }
        let pairs = RowMatcher.pairs(predicted: predictedRows.count, expected: expectedRows.count) { p, e in
            rowSimilarity(predictedRows[p], expectedRows[e], fields: unit.elementFields)
        }
        var partner: [Int: Int] = [:]
        for (p, e) in pairs { partner[e] = p }
        var outcomes: [FieldOutcome] = []
        var rowCorrect = Array(repeating: true, count: expectedRows.count)
        var rowScored = Array(repeating: false, count: expectedRows.count)
        for field in unit.elementFields {
            var outcome = FieldOutcome(pointer: field.pointer(under: unit.path + ["*"]), rule: field.rule.name)
            for (e, row) in expectedRows.enumerated() {
                let want = Self.value(at: field.path, in: row)
                let p = partner[e]
                let got = p.flatMap { Self.value(at: field.path, in: predictedRows[$0]) }
                let wantPresent = Self.isPresent(want)
                guard wantPresent || p != nil else { continue }
                let isCorrect = wantPresent && got.map { comparer.matches($0, want!, rule: field.rule) } == true
                let concrete = p.map { ScoredField(path: unit.path + [String($0)] + field.path, rule: .exact) }
                outcome.record(
                    expectedPresent: wantPresent, predictedPresent: Self.isPresent(got), correct: isCorrect,
                    flagged: concrete.map { flagged.contains($0.pointer()) } ?? false,
                    absenceKnown: absenceIsGroundTruth, given: concrete.flatMap { given($0.pointer(), got) }
                )
                if wantPresent {
                    rowScored[e] = true
                    if !isCorrect { rowCorrect[e] = false }
                    if let evidence {
                        outcome.counts.recordEvidence(
                            found: evidence.contains(want!, field: field, rule: field.rule, under: unit.path + ["*"]),
                            printed: marks?.isPrinted(unit.path + field.path, index: e, arrayDepth: unit.path.count)
                                ?? (unit.isMarkedPrinted && field.isMarkedPrinted)
                        )
                    }
                }
            }
            outcomes.append(outcome)
        }
        let correctRows = pairs.filter { rowScored[$0.1] && rowCorrect[$0.1] }.count
        let table = RowScore(
            pointer: unit.pointer(), expectedRows: expectedRows.count, predictedRows: predictedRows.count,
            pairedRows: pairs.count, correctRows: correctRows
        )
        return (outcomes, table)
    }

    /// A value given at `pointer` where the ground truth's silence is not ground truth, with the audit's verdict
    /// on it; nil where absence is ground truth or nothing was given.
    private func given(_ pointer: String, _ value: JSONValue?)
        -> (value: FieldOutcome.UnauditedValue, verdict: ValueAudit.Verdict?)?
    {
        guard !absenceIsGroundTruth, let value else { return nil }
        return (FieldOutcome.UnauditedValue(pointer: pointer, value: value),
                audit.verdict(pdf: document, pointer: pointer, value: value))
    }

    /// Fields that agree, plus half the text similarity of those that do not (so near-misses still pair).
    private func rowSimilarity(_ predicted: JSONValue, _ expected: JSONValue, fields: [ScoredField]) -> Double {
        var score = 0.0
        for field in fields {
            guard let want = Self.value(at: field.path, in: expected), Self.isPresent(want),
                let got = Self.value(at: field.path, in: predicted), Self.isPresent(got) else { continue }
            if comparer.matches(got, want, rule: field.rule) {
                score += 1
            } else if got.stringValue != nil, want.stringValue != nil {
                score += comparer.similarity(got, want) / 2
            }
        }
        return score
    }

    private func scoreSet(
        _ unit: ScoredField, got: JSONValue?, want: JSONValue?, flagged: Set<String>, evidence: EvidenceCheck?,
        marks: PrintedMarks?
    ) -> FieldOutcome {
        var outcome = FieldOutcome(pointer: unit.pointer(), rule: unit.rule.name)
        let predicted = Self.elements(got)
        let expected = Self.elements(want)
        let isFlagged = Self.anyFlagged(unit.pointer(), flagged)
        outcome.expected = want
        outcome.predicted = got
        guard !expected.isEmpty else {
            outcome.record(expectedPresent: false, predictedPresent: !predicted.isEmpty, correct: false,
                           flagged: isFlagged, absenceKnown: absenceIsGroundTruth,
                           given: given(unit.pointer(), got))
            return outcome
        }
        let pairs = RowMatcher.pairs(predicted: predicted.count, expected: expected.count) { p, e in
            elementMatches(predicted[p], expected[e], unit: unit) ? 1 : 0
        }
        let f1 = 2 * Double(pairs.count) / Double(predicted.count + expected.count)
        outcome.f1 = f1
        outcome.record(
            expectedPresent: true, predictedPresent: !predicted.isEmpty,
            correct: pairs.count == expected.count && pairs.count == predicted.count, flagged: isFlagged
        )
        if let evidence {
            // Marks index the ground truth's own array, absent elements included.
            let positions = (want?.arrayValue ?? [want].compactMap { $0 }).indices.filter {
                Self.isPresent(want?.arrayValue?[$0] ?? want)
            }
            for (index, element) in zip(positions, expected) {
                if unit.elementFields.isEmpty {
                    outcome.counts.recordEvidence(
                        found: evidence.contains(element, field: unit, rule: unit.elementRule),
                        printed: marks?.isPrinted(unit.path, index: index, arrayDepth: unit.path.count)
                            ?? unit.isMarkedPrinted
                    )
                    continue
                }
                // An element counts once, found when each of its present leaves is: the set scores elements
                // whole, so an element with one leaf not printed is out of any model's reach.
                var leaves = 0
                var foundAll = true
                var printed = unit.isMarkedPrinted
                for field in unit.elementFields {
                    guard let value = Self.value(at: field.path, in: element), Self.isPresent(value) else { continue }
                    leaves += 1
                    let mark = marks?.isPrinted(unit.path + field.path, index: index, arrayDepth: unit.path.count)
                    if !(mark ?? field.isMarkedPrinted) { printed = false }
                    if foundAll, !evidence.contains(value, field: field, rule: field.rule, under: unit.path + ["*"]) {
                        foundAll = false
                    }
                }
                guard leaves > 0 else { continue }
                outcome.counts.recordEvidence(found: foundAll, printed: printed)
            }
        }
        return outcome
    }

    private func elementMatches(_ predicted: JSONValue, _ expected: JSONValue, unit: ScoredField) -> Bool {
        guard !unit.elementFields.isEmpty else { return comparer.matches(predicted, expected, rule: unit.elementRule) }
        var compared = 0
        for field in unit.elementFields {
            guard let want = Self.value(at: field.path, in: expected), Self.isPresent(want) else { continue }
            guard let got = Self.value(at: field.path, in: predicted),
                comparer.matches(got, want, rule: field.rule) else { return false }
            compared += 1
        }
        return compared > 0
    }

    // MARK: - Values

    static func value(at path: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// Present: not absent, not `null`, not an empty string or array.
    static func isPresent(_ value: JSONValue?) -> Bool {
        guard let value, !value.isNull else { return false }
        if let text = value.stringValue { return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if let array = value.arrayValue { return !array.isEmpty }
        return true
    }

    /// An array's present elements; a lone present scalar as one element.
    static func elements(_ value: JSONValue?) -> [JSONValue] {
        guard isPresent(value), let value else { return [] }
        return (value.arrayValue ?? [value]).filter { isPresent($0) }
    }

    static func anyFlagged(_ pointer: String, _ flagged: Set<String>) -> Bool {
        flagged.contains { $0 == pointer || $0.hasPrefix(pointer + "/") }
    }
}
