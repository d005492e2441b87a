/// One cell of a table region: its place in the grid, its text and its box.
public struct TableCell: Sendable, Hashable, Codable {
    /// 0-based row of the cell's top-left corner.
    public var row: Int
    /// 0-based column of the cell's top-left corner.
    public var column: Int
    /// Rows the cell spans (1 for a plain cell).
    public var rowSpan: Int
    /// Columns the cell spans.
    public var columnSpan: Int
    /// The cell's words joined by spaces.
    public var text: String
    /// The cell's box in points from the page's top-left corner.
    public var box: BoundingBox

    /// Creates a cell.
    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, box: BoundingBox) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.text = text
        self.box = box
    }
}
