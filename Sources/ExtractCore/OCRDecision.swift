/// Whether a page is OCR'd, and why; recorded so that every routing decision can be explained.
public struct OCRDecision: Sendable, Hashable, Codable {
    /// `true` when the whole page is (or was) OCR'd.
    public var runOCR: Bool
    /// A short, human-readable reason, e.g. "no text layer" or "text layer looks good".
    public var reason: String
    /// On a page whose text layer is used (``runOCR`` false): the large image areas that are OCR'd on their
    /// own, in points from the page's top-left corner, so text inside a pasted scan or screenshot is not lost.
    /// Nil or empty when there are none.
    public var regions: [BoundingBox]?

    /// Creates a decision.
    public init(runOCR: Bool, reason: String, regions: [BoundingBox]? = nil) {
        self.runOCR = runOCR
        self.reason = reason
        self.regions = regions
    }

    /// Whether image regions of the page are OCR'd (the page itself is read from its text layer).
    public var ocrsRegions: Bool { !runOCR && !(regions ?? []).isEmpty }
}
