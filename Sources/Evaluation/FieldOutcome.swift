import JSONCore

/// How one unit of one document scored. Counts rather than flags, because a row field (`/lines/*/name`)
/// holds one value per expected row. In JSON the counters sit beside the pointer and rule, as one flat object.
@dynamicMemberLookup
public struct FieldOutcome: Sendable, Codable, Hashable {
    /// The unit's pointer, `*` standing for every row.
    public var pointer: String
    /// The rule's name.
    public var rule: String
    /// The unit's counters (`outcome.correct` and the like read and write them directly).
    public var counts = FieldCounts()
    /// For a `set`: the multiset F1.
    public var f1: Double?
    /// The expected value (scalars and sets only).
    public var expected: JSONValue?
    /// The predicted value (scalars and sets only).
    public var predicted: JSONValue?
    /// The values counted in ``FieldCounts/unverified``, each with its concrete pointer: what a ``ValueAudit``
    /// needs to give them a verdict.
    public var unaudited: [UnauditedValue] = []

    /// A value given where the ground truth is silent and its silence is not ground truth, with no verdict yet.
    public struct UnauditedValue: Sendable, Codable, Hashable {
        /// The value's pointer in the output (`/lines/2/unit`, not `/lines/*/unit`).
        public var pointer: String
        /// The value.
        public var value: JSONValue

        /// Creates an entry.
        public init(pointer: String, value: JSONValue) {
            self.pointer = pointer
            self.value = value
        }
    }

    /// Creates an empty outcome for `pointer`.
    public init(pointer: String, rule: String) {
        self.pointer = pointer
        self.rule = rule
    }

    /// One counter of ``counts``.
    public subscript(dynamicMember keyPath: WritableKeyPath<FieldCounts, Int>) -> Int {
        get { counts[keyPath: keyPath] }
        set { counts[keyPath: keyPath] = newValue }
    }

    /// Records one value: whether it was expected, right, flagged. With `absenceKnown` false, an absent expected
    /// value says nothing by itself: a value given there (`given`, with its pointer and the verdict of a hand
    /// check, ``ValueAudit``) is ``FieldCounts/confirmed`` or fabricated as the verdict says, and
    /// ``FieldCounts/unverified`` when nobody has checked it.
    mutating func record(
        expectedPresent: Bool, predictedPresent: Bool, correct isCorrect: Bool, flagged: Bool,
        absenceKnown: Bool = true, given: (value: UnauditedValue, verdict: ValueAudit.Verdict?)? = nil
    ) {
        var isWrong = false
        if expectedPresent {
            counts.scored += 1
            if isCorrect { counts.correct += 1 } else { isWrong = true }
        } else {
            counts.absent += 1
            if predictedPresent {
                switch absenceKnown ? .fabricated : given?.verdict {
                case .fabricated?:
                    counts.fabricated += 1
                    isWrong = true
                case .printed?: counts.confirmed += 1
                case nil:
                    counts.unverified += 1
                    if let given { unaudited.append(given.value) }
                }
            }
        }
        if isWrong { counts.wrong += 1 }
        if flagged {
            counts.flagged += 1
            if isWrong { counts.flaggedWrong += 1 }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case pointer, rule, f1, expected, predicted, unaudited
    }

    /// Reads the outcome and its counters from one flat JSON object.
    public init(from decoder: any Decoder) throws {
        counts = try FieldCounts(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pointer = try container.decode(String.self, forKey: .pointer)
        rule = try container.decode(String.self, forKey: .rule)
        f1 = try container.decodeIfPresent(Double.self, forKey: .f1)
        expected = try container.decodeIfPresent(JSONValue.self, forKey: .expected)
        predicted = try container.decodeIfPresent(JSONValue.self, forKey: .predicted)
        unaudited = try container.decodeIfPresent([UnauditedValue].self, forKey: .unaudited) ?? []
    }

    /// Writes the outcome and its counters as one flat JSON object.
    public func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pointer, forKey: .pointer)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(f1, forKey: .f1)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encodeIfPresent(predicted, forKey: .predicted)
        if !unaudited.isEmpty { try container.encode(unaudited, forKey: .unaudited) }
    }
}
