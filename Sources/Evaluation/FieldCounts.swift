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
    /// Values given where the ground truth has none but its absence is not ground truth (a dataset list that
    /// says so: ZUGFeRD's MINIMUM profile carries no line items though the PDF prints them), and which no
    /// ``ValueAudit`` has checked. Counted in ``absent``, neither right nor wrong; listed to be checked by hand.
    /// While any are left, ``fabricated`` is a lower bound (``Metrics/fabricationRateUpperBound``).
    public var unverified = 0
    /// Values given where the ground truth is silent, not ground truth, and which an audit found printed as the
    /// field's value: counted in ``absent``, not fabricated. (An audit's `fabricated` verdict counts in
    /// ``fabricated``.)
    public var confirmed = 0
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
    /// Of ``evidenceChecked``, those the ground truth marks as printed in the document (see
    /// ``ScoredField/isMarkedPrinted``): template labels and constants the document does not print are left out.
    public var printedChecked = 0
    /// Of ``printedChecked``, those found in the evidence.
    public var printedFound = 0

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
        left.unverified += right.unverified
        left.confirmed += right.confirmed
        left.flagged += right.flagged
        left.flaggedWrong += right.flaggedWrong
        left.wrong += right.wrong
        left.evidenceChecked += right.evidenceChecked
        left.evidenceFound += right.evidenceFound
        left.printedChecked += right.printedChecked
        left.printedFound += right.printedFound
    }

    /// Records one expected value looked up in the evidence.
    mutating func recordEvidence(found: Bool, printed: Bool) {
        evidenceChecked += 1
        if found { evidenceFound += 1 }
        if printed {
            printedChecked += 1
            if found { printedFound += 1 }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case scored, correct, absent, fabricated, flagged, flaggedWrong, wrong, evidenceChecked, evidenceFound
        case printedChecked, printedFound, unverified, confirmed
    }

    /// Reads the counters; those added later (``printedChecked``, ``printedFound``, ``unverified``,
    /// ``confirmed``) may be missing from older results files, e.g. a baseline, and read as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scored = try container.decode(Int.self, forKey: .scored)
        correct = try container.decode(Int.self, forKey: .correct)
        absent = try container.decode(Int.self, forKey: .absent)
        fabricated = try container.decode(Int.self, forKey: .fabricated)
        flagged = try container.decode(Int.self, forKey: .flagged)
        flaggedWrong = try container.decode(Int.self, forKey: .flaggedWrong)
        wrong = try container.decode(Int.self, forKey: .wrong)
        evidenceChecked = try container.decode(Int.self, forKey: .evidenceChecked)
        evidenceFound = try container.decode(Int.self, forKey: .evidenceFound)
        printedChecked = try container.decodeIfPresent(Int.self, forKey: .printedChecked) ?? 0
        printedFound = try container.decodeIfPresent(Int.self, forKey: .printedFound) ?? 0
        unverified = try container.decodeIfPresent(Int.self, forKey: .unverified) ?? 0
        confirmed = try container.decodeIfPresent(Int.self, forKey: .confirmed) ?? 0
    }
}
