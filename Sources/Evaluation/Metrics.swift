/// Counts summed over field outcomes and the rates derived from them. A rate is nil when its denominator
/// is zero (no value of that kind), never a misleading 0 or 1.
public struct Metrics: Sendable, Codable, Hashable {
    /// See ``FieldOutcome/scored``.
    public var scored = 0
    /// See ``FieldOutcome/correct``.
    public var correct = 0
    /// See ``FieldOutcome/absent``.
    public var absent = 0
    /// See ``FieldOutcome/fabricated``.
    public var fabricated = 0
    /// See ``FieldOutcome/flagged``.
    public var flagged = 0
    /// See ``FieldOutcome/flaggedWrong``.
    public var flaggedWrong = 0
    /// See ``FieldOutcome/wrong``.
    public var wrong = 0
    /// See ``FieldOutcome/evidenceChecked``.
    public var evidenceChecked = 0
    /// See ``FieldOutcome/evidenceFound``.
    public var evidenceFound = 0
    /// correct / scored.
    public var accuracy: Double?
    /// fabricated / absent.
    public var fabricationRate: Double?
    /// Needs-review precision: flagged wrong / flagged.
    public var reviewPrecision: Double?
    /// Needs-review recall: flagged wrong / wrong.
    public var reviewRecall: Double?
    /// evidence found / evidence checked.
    public var evidenceRecall: Double?

    /// Sums `outcomes`.
    public init(_ outcomes: [FieldOutcome]) {
        for outcome in outcomes {
            scored += outcome.scored
            correct += outcome.correct
            absent += outcome.absent
            fabricated += outcome.fabricated
            flagged += outcome.flagged
            flaggedWrong += outcome.flaggedWrong
            wrong += outcome.wrong
            evidenceChecked += outcome.evidenceChecked
            evidenceFound += outcome.evidenceFound
        }
        accuracy = Self.rate(correct, scored)
        fabricationRate = Self.rate(fabricated, absent)
        reviewPrecision = Self.rate(flaggedWrong, flagged)
        reviewRecall = Self.rate(flaggedWrong, wrong)
        evidenceRecall = Self.rate(evidenceFound, evidenceChecked)
    }

    static func rate(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}
