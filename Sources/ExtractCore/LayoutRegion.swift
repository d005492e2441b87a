/// A region of a page found by layout analysis, in reading order.
public struct LayoutRegion: Sendable, Hashable, Codable {
    /// What the region is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case title, heading, paragraph, list, table, figure, keyValue = "key_value"
        case pageHeader = "page_header", pageFooter = "page_footer", caption
    }

    /// What the region is.
    public var kind: Kind
    /// Its box in points from the page's top-left corner.
    public var box: BoundingBox
    /// Its position in the page's reading order, from 0.
    public var order: Int
    /// The column it belongs to, from 0 (left), or nil for regions spanning the page.
    public var column: Int?
    /// Its lines in reading order.
    public var lines: [TextLine]
    /// Where its lines come from.
    public var source: TextSource
    /// The cells of a table region, row by row; nil for other kinds.
    public var cells: [TableCell]?

    /// Creates a region.
    public init(
        kind: Kind, box: BoundingBox, order: Int, column: Int? = nil, lines: [TextLine], source: TextSource,
        cells: [TableCell]? = nil
    ) {
        self.cells = cells
        self.kind = kind
        self.box = box
        self.order = order
        self.column = column
        self.lines = lines
        self.source = source
    }

    /// The lines joined by newlines; a table as rows of cells joined by ` | `.
    public var text: String {
        guard let cells, !cells.isEmpty else { return lines.map(\.text).joined(separator: "\n") }
        return tableRows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
    }

    /// A table's rows as cell texts (a spanned cell appears once, in its first column); empty for other kinds.
    public var tableRows: [[String]] {
        guard let cells else { return [] }
        let rows = Dictionary(grouping: cells, by: \.row)
        return rows.keys.sorted().map { row in rows[row]!.sorted { $0.column < $1.column }.map(\.text) }
    }
}
