/// Whether a page is OCR'd, and why; recorded so that every routing decision can be explained.
public struct OCRDecision: Sendable, Hashable, Codable {
    /// `true` when the page is (or was) OCR'd.
    public var runOCR: Bool
    /// A short, human-readable reason, e.g. "no text layer" or "text layer looks good".
    public var reason: String

    /// Creates a decision.
    public init(runOCR: Bool, reason: String) {
        self.runOCR = runOCR
        self.reason = reason
    }
}
