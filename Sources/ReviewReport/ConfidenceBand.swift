/// How much a value is trusted, as the report colours it.
///
/// A field that needs review is always `low`, whatever its confidence; otherwise the confidence decides.
public enum ConfidenceBand: String, Sendable, CaseIterable {
    /// Needs review, or confidence below 0.6.
    case low
    /// Confidence from 0.6 to below 0.85.
    case medium
    /// Confidence 0.85 or more.
    case high

    /// The band of a field.
    public init(confidence: Double, needsReview: Bool) {
        if needsReview || !(confidence >= 0.6) {
            self = .low
        } else if confidence < 0.85 {
            self = .medium
        } else {
            self = .high
        }
    }

    /// The band's colour as 8-bit red, green and blue (boxes' borders, labels and badges).
    public var color: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case .low: (0xCF, 0x22, 0x2E)
        case .medium: (0x9A, 0x67, 0x00)
        case .high: (0x1A, 0x7F, 0x37)
        }
    }

    /// The colour as a CSS hex string, e.g. `#1a7f37`.
    public var cssColor: String {
        let (red, green, blue) = color
        return "#"
            + [red, green, blue].map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }

    /// What the band means, in words (legend and table badges).
    public var label: String {
        switch self {
        case .low: "low — check"
        case .medium: "medium"
        case .high: "high"
        }
    }
}
