import ExtractCore
import PopplerStage

/// Image areas of one page to OCR, as the region OCR stage takes them (see ``OCRDecision/regions``).
///
/// The cache key is the page's (the document's SHA-256 and the page number) plus the areas, so a page whose
/// routing picks other areas is read again.
public struct RegionRequest: CacheKeyed, Hashable {
    /// The page.
    public var page: PageRequest
    /// The areas to OCR, in points from the page's top-left corner.
    public var regions: [BoundingBox]

    /// Creates a request.
    public init(page: PageRequest, regions: [BoundingBox]) {
        self.page = page
        self.regions = regions
    }

    public var cacheKeyMaterial: String {
        func format(_ value: Double) -> String { String(format: "%.2f", value) }
        let boxes = regions.map { "\(format($0.x)),\(format($0.y)),\(format($0.width)),\(format($0.height))" }
        return page.cacheKeyMaterial + "/regions:" + boxes.joined(separator: ";")
    }
}
