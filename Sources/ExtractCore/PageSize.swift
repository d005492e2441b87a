/// The size of a page in PDF points (1/72 inch), after the page's rotation is applied.
public struct PageSize: Sendable, Hashable, Codable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double

    /// Creates a page size in points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Area in square inches.
    public var areaSquareInches: Double { (width / 72) * (height / 72) }

    /// The whole page as a box.
    public var bounds: BoundingBox { BoundingBox(x: 0, y: 0, width: width, height: height) }

    /// Pixel dimensions of this page rendered at `dpi`, rounded up.
    public func pixelSize(dpi: Double) -> (width: Int, height: Int) {
        (Int((width * dpi / 72).rounded(.up)), Int((height * dpi / 72).rounded(.up)))
    }
}
