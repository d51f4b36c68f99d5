import MuluExtract

/// A ruled table on one page: the grid lines, and the cells they enclose.
///
/// `xs` and `ys` are the positions of the table's vertical and horizontal edges, left to right
/// and top to bottom; grid row `r` lies between `ys[r]` and `ys[r + 1]`, grid column `c` between
/// `xs[c]` and `xs[c + 1]`. Every grid box belongs to exactly one cell (`cellAt`).
public struct TableGrid: Hashable, Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var cells: [GridCell]
    /// The edges the table was built from.
    public var edges: [Edge]
    /// Per grid box (row-major, `columnCount` a row), the index of its cell in `cells`.
    public var boxCells: [Int]

    public init(xs: [Double], ys: [Double], cells: [GridCell], edges: [Edge], boxCells: [Int]) {
        self.xs = xs
        self.ys = ys
        self.cells = cells
        self.edges = edges
        self.boxCells = boxCells
    }

    public var rowCount: Int { max(ys.count - 1, 0) }
    public var columnCount: Int { max(xs.count - 1, 0) }
    public var x0: Double { xs.first ?? 0 }
    public var x1: Double { xs.last ?? 0 }
    public var y0: Double { ys.first ?? 0 }
    public var y1: Double { ys.last ?? 0 }

    /// The index in `cells` of the cell covering grid box (row, column).
    public func cellAt(row: Int, column: Int) -> Int {
        boxCells[row * columnCount + column]
    }

    /// The index in `cells` of the cell holding the point (deskewed page points), or nil when
    /// the point is outside the table by more than `slack`.
    public func cell(x: Double, y: Double, slack: Double = 0) -> Int? {
        guard columnCount > 0, rowCount > 0,
              x >= x0 - slack, x <= x1 + slack, y >= y0 - slack, y <= y1 + slack else { return nil }
        return cellAt(row: Self.slot(y, in: ys), column: Self.slot(x, in: xs))
    }

    /// The grid interval of sorted `lines` that holds `v` (clamped to the first and last).
    static func slot(_ v: Double, in lines: [Double]) -> Int {
        var lo = 0, hi = lines.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid] <= v { lo = mid } else { hi = mid - 1 }
        }
        return max(0, min(lo, lines.count - 2))
    }
}

/// Every stage of the grid on one page, kept so `mulu extract --png` can draw it.
public struct PageGrid: Hashable, Sendable {
    /// 1-based page.
    public var page: Int
    /// The rules as found (page points, not deskewed).
    public var rules: [Rule]
    /// The page's lean in radians (median lean of its long horizontal rules); edges, intersections
    /// and tables are in the page turned back by it (`deskew`).
    public var skew: Double
    public var edges: [Edge]
    public var intersections: [Intersection]
    public var tables: [TableGrid]

    public init(page: Int, rules: [Rule], skew: Double, edges: [Edge], intersections: [Intersection], tables: [TableGrid]) {
        self.page = page
        self.rules = rules
        self.skew = skew
        self.edges = edges
        self.intersections = intersections
        self.tables = tables
    }

    /// A page point in the deskewed frame of the edges and tables.
    public func deskew(x: Double, y: Double) -> (x: Double, y: Double) {
        GridBuilder.rotate(x: x, y: y, by: -skew)
    }
}
