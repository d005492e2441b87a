import ExtractCore
import Foundation

/// One page of the reviewed document as the report shows it: its size in points and a rendered image.
///
/// The image may have any resolution: boxes are placed in fractions of the page, so they line up with the
/// image however large it is drawn (render it with `PDFReader.renderPNG`, e.g. at most 1400 pixels long).
public struct ReviewPage: Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    /// The page size in points (after rotation): the frame of the provenance boxes.
    public var size: PageSize
    /// The page rendered as PNG, or nil when no image is available (boxes are still drawn on a blank page).
    public var png: Data?

    /// Creates a page of the report.
    public init(number: Int, size: PageSize, png: Data?) {
        self.number = number
        self.size = size
        self.png = png
    }
}
