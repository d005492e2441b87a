/// Counts summed over field outcomes and the rates derived from them. A rate is nil when its denominator
/// is zero (no value of that kind), never a misleading 0 or 1.
///
/// The counts are one ``FieldCounts`` value; `metrics.correct` and the like read it directly. In JSON they
/// sit beside the rates, as before.
@dynamicMemberLookup
public struct Metrics: Sendable, Codable, Hashable {
    /// The summed counters.
    public var counts: FieldCounts
    /// correct / scored.
    public var accuracy: Double?
    /// fabricated / absent. Where values given in silent slots are left unaudited (``FieldCounts/unverified``),
    /// a lower bound; see ``fabricationRateUpperBound``.
    public var fabricationRate: Double?
    /// (fabricated + unverified) / absent: the rate if every unaudited value were fabricated. Nil when there is
    /// no unaudited value (then ``fabricationRate`` is exact).
    public var fabricationRateUpperBound: Double?
    /// Needs-review precision: flagged wrong / flagged.
    public var reviewPrecision: Double?
    /// Needs-review recall: flagged wrong / wrong.
    public var reviewRecall: Double?
    /// evidence found / evidence checked.
    public var evidenceRecall: Double?
    /// Evidence recall over the values the ground truth marks as printed: printed found / printed checked.
    public var printedEvidenceRecall: Double?

    /// Sums `outcomes`.
    public init(_ outcomes: [FieldOutcome]) {
        self.init(counts: outcomes.reduce(FieldCounts()) { $0 + $1.counts })
    }

    /// The rates of `counts`.
    public init(counts: FieldCounts) {
        self.counts = counts
        accuracy = Self.rate(counts.correct, counts.scored)
        fabricationRate = Self.rate(counts.fabricated, counts.absent)
        fabricationRateUpperBound = counts.unverified == 0 ? nil
            : Self.rate(counts.fabricated + counts.unverified, counts.absent)
        reviewPrecision = Self.rate(counts.flaggedWrong, counts.flagged)
        reviewRecall = Self.rate(counts.flaggedWrong, counts.wrong)
        evidenceRecall = Self.rate(counts.evidenceFound, counts.evidenceChecked)
        printedEvidenceRecall = Self.rate(counts.printedFound, counts.printedChecked)
    }

    /// One counter of ``counts``.
    public subscript(dynamicMember keyPath: KeyPath<FieldCounts, Int>) -> Int {
        counts[keyPath: keyPath]
    }

    static func rate(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    private enum CodingKeys: String, CodingKey {
        case accuracy, fabricationRate, fabricationRateUpperBound, reviewPrecision, reviewRecall, evidenceRecall
        case printedEvidenceRecall
    }

    /// Reads the counters and rates from one flat JSON object.
    public init(from decoder: any Decoder) throws {
        counts = try FieldCounts(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accuracy = try container.decodeIfPresent(Double.self, forKey: .accuracy)
        fabricationRate = try container.decodeIfPresent(Double.self, forKey: .fabricationRate)
        fabricationRateUpperBound = try container.decodeIfPresent(Double.self, forKey: .fabricationRateUpperBound)
        reviewPrecision = try container.decodeIfPresent(Double.self, forKey: .reviewPrecision)
        reviewRecall = try container.decodeIfPresent(Double.self, forKey: .reviewRecall)
        evidenceRecall = try container.decodeIfPresent(Double.self, forKey: .evidenceRecall)
        printedEvidenceRecall = try container.decodeIfPresent(Double.self, forKey: .printedEvidenceRecall)
    }

    /// Writes the counters and rates as one flat JSON object.
    public func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(accuracy, forKey: .accuracy)
        try container.encodeIfPresent(fabricationRate, forKey: .fabricationRate)
        try container.encodeIfPresent(fabricationRateUpperBound, forKey: .fabricationRateUpperBound)
        try container.encodeIfPresent(reviewPrecision, forKey: .reviewPrecision)
        try container.encodeIfPresent(reviewRecall, forKey: .reviewRecall)
        try container.encodeIfPresent(evidenceRecall, forKey: .evidenceRecall)
        try container.encodeIfPresent(printedEvidenceRecall, forKey: .printedEvidenceRecall)
    }
}
