import JSONCore

/// Per-field confidence from 0 to 1, and whether a person should review the field.
///
/// The score multiplies two parts:
/// - **match quality**: exact 1.0; normalised 0.9 × quality; fuzzy 0.8 × similarity;
/// - **source support**: text layer and OCR agree (`both`) 1.0; text layer alone 0.9 (0.8 when the page also
///   has OCR that did not print the value there); OCR alone 0.5 + 0.4 × the OCR words' confidence (0.7 assumed
///   when unknown), × 0.9 when the page also has a text layer that disagrees.
///
/// A value found nowhere scores ``notFoundConfidence`` (0.1); `null` scores ``nullConfidence`` (0.6) unless
/// candidates were found for the field (0.3); a boolean, which is rarely printed as such, scores
/// ``nullConfidence`` too. Fields below ``threshold`` (0.6 by default) need review.
public struct FieldConfidence: Sendable, Hashable {
    /// The default review threshold.
    public static let defaultThreshold = 0.6

    /// Fields with a confidence below this need review.
    public var threshold: Double
    /// Confidence of a non-null value that is printed nowhere.
    public var notFoundConfidence: Double
    /// Confidence of `null` when nothing in the evidence looks like the field.
    public var nullConfidence: Double

    /// Creates a scorer.
    public init(threshold: Double = FieldConfidence.defaultThreshold, notFoundConfidence: Double = 0.1,
                nullConfidence: Double = 0.6) {
        self.threshold = threshold
        self.notFoundConfidence = notFoundConfidence
        self.nullConfidence = nullConfidence
    }

    /// The confidence of a value located at `match` (`nil`: found nowhere).
    public func score(_ match: EvidenceMatch?) -> Double {
        guard let match else { return notFoundConfidence }
        let quality: Double
        switch match.kind {
        case .exact: quality = 1.0
        case .normalized: quality = 0.9 * match.quality
        case .fuzzy: quality = 0.8 * match.quality
        }
        let support: Double
        switch match.source {
        case .both:
            support = 1.0
        case .textLayer, .vision:
            support = match.pageHasBothSources ? 0.8 : 0.9
        case .ocr:
            let ocr = 0.5 + 0.4 * min(1, max(0, match.ocrConfidence ?? 0.7))
            support = match.pageHasBothSources ? ocr * 0.9 : ocr
        }
        return min(1, max(0, quality * support))
    }

    /// The assessment of one field's value: `null` is judged by whether candidates existed, anything else
    /// by its best match.
    public func assess(value: JSONValue, match: EvidenceMatch?, candidateCount: Int = 0) -> Assessment {
        let confidence: Double
        if value.isNull {
            confidence = candidateCount > 0 ? min(nullConfidence, 0.3) : nullConfidence
        } else if value.boolValue != nil {
            confidence = match.map(score) ?? nullConfidence
        } else {
            confidence = score(match)
        }
        return Assessment(confidence: confidence, needsReview: confidence < threshold, match: match)
    }

    /// Whether a confidence is below the threshold.
    public func needsReview(_ confidence: Double) -> Bool { confidence < threshold }

    /// One field's confidence and review flag, with the match it rests on.
    public struct Assessment: Sendable, Hashable {
        /// Confidence 0…1.
        public var confidence: Double
        /// Whether the confidence is below the threshold.
        public var needsReview: Bool
        /// The best evidence match, when the value was found.
        public var match: EvidenceMatch?
    }
}
