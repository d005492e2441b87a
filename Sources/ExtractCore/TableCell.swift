/// One cell of a table region: its place in the grid, its text and its box.
///
/// The four grid numbers are kept as 32-bit integers (64 bytes a cell rather than 80: a 200-page statement's
/// layout holds tens of thousands of cells); values beyond ±2³¹ are clamped.
public struct TableCell: Sendable, Hashable, Codable {
    private var grid: (row: Int32, column: Int32, rowSpan: Int32, columnSpan: Int32)
    /// The cell's words joined by spaces.
    public var text: String
    /// The cell's box in points from the page's top-left corner.
    public var box: BoundingBox

    /// 0-based row of the cell's top-left corner.
    public var row: Int {
        get { Int(grid.row) }
        set { grid.row = Int32(clamping: newValue) }
    }

    /// 0-based column of the cell's top-left corner.
    public var column: Int {
        get { Int(grid.column) }
        set { grid.column = Int32(clamping: newValue) }
    }

    /// Rows the cell spans (1 for a plain cell).
    public var rowSpan: Int {
        get { Int(grid.rowSpan) }
        set { grid.rowSpan = Int32(clamping: newValue) }
    }

    /// Columns the cell spans.
    public var columnSpan: Int {
        get { Int(grid.columnSpan) }
        set { grid.columnSpan = Int32(clamping: newValue) }
    }

    /// Creates a cell.
    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, box: BoundingBox) {
        grid = (Int32(clamping: row), Int32(clamping: column), Int32(clamping: rowSpan), Int32(clamping: columnSpan))
        self.text = text
        self.box = box
    }

    private enum CodingKeys: String, CodingKey {
        case row, column, rowSpan, columnSpan, text, box
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            row: try container.decode(Int.self, forKey: .row),
            column: try container.decode(Int.self, forKey: .column),
            rowSpan: try container.decode(Int.self, forKey: .rowSpan),
            columnSpan: try container.decode(Int.self, forKey: .columnSpan),
            text: try container.decode(String.self, forKey: .text),
            box: try container.decode(BoundingBox.self, forKey: .box)
        )
    }

    /// The same keys, in the same order, as the synthesized encoding this replaces (cached layouts stay valid).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(column, forKey: .column)
        try container.encode(rowSpan, forKey: .rowSpan)
        try container.encode(columnSpan, forKey: .columnSpan)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
    }

    public static func == (left: TableCell, right: TableCell) -> Bool {
        left.grid == right.grid && left.text == right.text && left.box == right.box
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(grid.row)
        hasher.combine(grid.column)
        hasher.combine(grid.rowSpan)
        hasher.combine(grid.columnSpan)
        hasher.combine(text)
        hasher.combine(box)
    }
}
