/// An axis-aligned rectangle in PDF points (1/72 inch) with the origin at the top-left corner of the page.
///
/// Every stage reports geometry in this one coordinate system, so a word found by the text layer and the
/// same word found by OCR can be compared directly.
public struct BoundingBox: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Distance of the left edge from the left side of the page.
    public var x: Double
    /// Distance of the top edge from the top of the page.
    public var y: Double
    /// Width, never negative.
    public var width: Double
    /// Height, never negative.
    public var height: Double

    /// Creates a box from its top-left corner and size; negative sizes are clamped to zero.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Creates a box from two corners given in any order.
    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.init(x: min(x1, x2), y: min(y1, y2), width: abs(x2 - x1), height: abs(y2 - y1))
    }

    /// The right edge.
    public var maxX: Double { x + width }
    /// The bottom edge.
    public var maxY: Double { y + height }
    /// The horizontal centre.
    public var midX: Double { x + width / 2 }
    /// The vertical centre.
    public var midY: Double { y + height / 2 }
    /// Width × height in square points.
    public var area: Double { width * height }

    /// The smallest box containing both boxes.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(x1: min(x, other.x), y1: min(y, other.y), x2: max(maxX, other.maxX), y2: max(maxY, other.maxY))
    }

    /// The overlapping part of both boxes, or `nil` when they do not overlap.
    public func intersection(_ other: BoundingBox) -> BoundingBox? {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return BoundingBox(x1: left, y1: top, x2: right, y2: bottom)
    }

    /// Intersection over union, from 0 (disjoint) to 1 (identical).
    public func intersectionOverUnion(_ other: BoundingBox) -> Double {
        guard let overlap = intersection(other) else { return 0 }
        let unionArea = area + other.area - overlap.area
        return unionArea > 0 ? overlap.area / unionArea : 0
    }

    /// The box scaled by a factor in both directions (e.g. pixels → points with `72 / dpi`).
    public func scaled(by factor: Double) -> BoundingBox {
        BoundingBox(x: x * factor, y: y * factor, width: width * factor, height: height * factor)
    }

    /// The box moved by `dx` points to the right and `dy` points down.
    public func offsetBy(dx: Double, dy: Double) -> BoundingBox {
        BoundingBox(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// The union of all boxes, or `nil` for an empty sequence.
    public static func enclosing(_ boxes: some Sequence<BoundingBox>) -> BoundingBox? {
        boxes.reduce(nil) { partial, box in partial?.union(box) ?? box }
    }

    public var description: String {
        func format(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }
        return "[\(format(x)), \(format(y)), \(format(width))×\(format(height))]"
    }
}
