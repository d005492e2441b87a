import ExtractCore
import Foundation

/// Where a box sits on its page image, in percent of the page's width and height.
///
/// Boxes come in PDF points from the page's top-left corner; dividing by the page size in points makes the
/// placement independent of the image's resolution and of how large the browser (or the printer) draws it.
public struct BoxPlacement: Sendable, Hashable {
    /// Left edge, percent of the page width.
    public var left: Double
    /// Top edge, percent of the page height.
    public var top: Double
    /// Width, percent of the page width.
    public var width: Double
    /// Height, percent of the page height.
    public var height: Double

    /// The placement of `box` (points, top-left origin) on a page of `page` size, clipped to the page.
    public init(box: BoundingBox, page: PageSize) {
        let pageWidth = max(page.width, 1)
        let pageHeight = max(page.height, 1)
        let clipped =
            box.intersection(page.bounds)
            ?? BoundingBox(
                x: min(max(box.x, 0), pageWidth), y: min(max(box.y, 0), pageHeight), width: 0, height: 0
            )
        left = clipped.x / pageWidth * 100
        top = clipped.y / pageHeight * 100
        width = clipped.width / pageWidth * 100
        height = clipped.height / pageHeight * 100
    }

    /// The CSS declarations placing an absolutely positioned box, `margin` CSS pixels larger on every side
    /// so that its border surrounds the printed words instead of covering them.
    public func css(margin: Int = 3) -> String {
        func percent(_ value: Double) -> String { String(format: "%.4f%%", value) }
        return "left:calc(\(percent(left)) - \(margin)px);top:calc(\(percent(top)) - \(margin)px);"
            + "width:calc(\(percent(width)) + \(2 * margin)px);height:calc(\(percent(height)) + \(2 * margin)px)"
    }
}
