import MuluExtract

/// One cell of a ruled table: the grid boxes it covers (a merged cell spans several rows or
/// columns), its box in page points, and which of its sides are ruled.
///
/// A side that is not ruled is where the cell is open: a cell at the top of a page whose top rule
/// is missing continues a cell of the previous page.
public struct GridCell: Hashable, Sendable {
    /// First grid row and column (0-based) and how many it spans.
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    public var ruledTop: Bool
    public var ruledBottom: Bool
    public var ruledLeft: Bool
    public var ruledRight: Bool

    public init(
        row: Int, column: Int, rowSpan: Int, columnSpan: Int, x0: Double, y0: Double, x1: Double,
        y1: Double, ruledTop: Bool, ruledBottom: Bool, ruledLeft: Bool, ruledRight: Bool
    ) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.ruledTop = ruledTop
        self.ruledBottom = ruledBottom
        self.ruledLeft = ruledLeft
        self.ruledRight = ruledRight
    }

    /// The grid rows it covers.
    public var rows: Range<Int> { row..<(row + rowSpan) }
    /// The grid columns it covers.
    public var columns: Range<Int> { column..<(column + columnSpan) }

    /// Whether (x, y) lies in the cell grown by `slack` on every side.
    public func contains(x: Double, y: Double, slack: Double = 0) -> Bool {
        x >= x0 - slack && x <= x1 + slack && y >= y0 - slack && y <= y1 + slack
    }
}
