import JSONCore

/// How one unit of one document scored. Counts rather than flags, because a row field (`/lines/*/name`)
/// holds one value per expected row.
public struct FieldOutcome: Sendable, Codable, Hashable {
    /// The unit's pointer, `*` standing for every row.
    public var pointer: String
    /// The rule's name.
    public var rule: String
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
    /// For a `set`: the multiset F1.
    public var f1: Double?
    /// The expected value (scalars and sets only).
    public var expected: JSONValue?
    /// The predicted value (scalars and sets only).
    public var predicted: JSONValue?

    /// Creates an empty outcome for `pointer`.
    public init(pointer: String, rule: String) {
        self.pointer = pointer
        self.rule = rule
    }

    /// Records one value: whether it was expected, right, flagged.
    mutating func record(expectedPresent: Bool, predictedPresent: Bool, correct isCorrect: Bool, flagged: Bool) {
        var isWrong = false
        if expectedPresent {
            scored += 1
            if isCorrect { correct += 1 } else { isWrong = true }
        } else {
            absent += 1
            if predictedPresent {
                fabricated += 1
                isWrong = true
            }
        }
        if isWrong { wrong += 1 }
        if flagged {
            self.flagged += 1
            if isWrong { flaggedWrong += 1 }
        }
    }
}
