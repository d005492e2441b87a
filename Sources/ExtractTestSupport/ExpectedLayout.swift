import ExtractCore
import Foundation

/// The ground truth `scripts/make_samples.py` writes beside each sample (`samples/expected/<name>.layout.json`):
/// every printed line with its box, in PDF points from the page's top-left corner.
public struct ExpectedLayout: Decodable, Sendable {
    /// One printed line.
    public struct Line: Decodable, Sendable {
        /// The line's text, words separated by single spaces.
        public var text: String
        /// `[x0, y0, x1, y1]` in points, origin top-left.
        public var bbox: [Double]

        /// The line's box.
        public var box: BoundingBox {
            BoundingBox(x: bbox[0], y: bbox[1], width: bbox[2] - bbox[0], height: bbox[3] - bbox[1])
        }

        /// The line's words.
        public var words: [String] { text.split(separator: " ").map(String.init) }
    }

    /// One page.
    public struct Page: Decodable, Sendable {
        /// 1-based page number.
        public var number: Int
        /// Page width in points.
        public var width: Double
        /// Page height in points.
        public var height: Double
        /// Whether the page is an image only (a scan with no text layer).
        public var imageOnly: Bool
        /// Printed lines in reading order.
        public var lines: [Line]

        enum CodingKeys: String, CodingKey {
            case number, width, height, lines
            case imageOnly = "image_only"
        }

        /// Every printed word on the page.
        public var words: [String] { lines.flatMap(\.words) }
    }

    /// The pages.
    public var pages: [Page]

    /// Loads `samples/expected/<name>.layout.json`.
    public static func load(_ name: String) throws -> ExpectedLayout {
        let url = Fixtures.samples.appendingPathComponent("expected/\(name).layout.json")
        return try JSONDecoder().decode(ExpectedLayout.self, from: Data(contentsOf: url))
    }
}
