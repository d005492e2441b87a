/// The counters of a field outcome, and of any sum of outcomes: one value type, so that a document's or a
/// dataset's totals are a plain `+` over its outcomes' counts.
public struct FieldCounts: Sendable, Codable, Hashable {
    /// Expected values that are present (not absent, not `null`).
    public var scored = 0
    /// Of ``scored``, those the prediction got right.
    public var correct = 0
    /// Slots whose expected value is absent or `null`.
    public var absent = 0
    /// Of ``absent``, those the prediction filled anyway.
    public var fabricated = 0
    /// Values the extractor listed as needing review.
    public var flagged = 0
    /// Of ``flagged``, those that were wrong.
    public var flaggedWrong = 0
    /// Wrong values: expected present but missed or different, plus fabricated ones.
    public var wrong = 0
    /// Expected scalar values looked up in the evidence.
    public var evidenceChecked = 0
    /// Of ``evidenceChecked``, those printed somewhere in the evidence (normalised).
    public var evidenceFound = 0

    /// All zero.
    public init() {}

    /// The counter-by-counter sum.
    public static func + (left: FieldCounts, right: FieldCounts) -> FieldCounts {
        var sum = left
        sum += right
        return sum
    }

    /// Adds `right` counter by counter.
    public static func += (left: inout FieldCounts, right: FieldCounts) {
        left.scored += right.scored
        left.correct += right.correct
        left.absent += right.absent
        left.fabricated += right.fabricated
        left.flagged += right.flagged
        left.flaggedWrong += right.flaggedWrong
        left.wrong += right.wrong
        left.evidenceChecked += right.evidenceChecked
        left.evidenceFound += right.evidenceFound
    }
}
