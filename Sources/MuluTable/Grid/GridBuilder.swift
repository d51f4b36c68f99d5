import Foundation
import MuluExtract

/// The grid stages after `RuleFinder`, each pure and kept in `PageGrid`:
/// rules → `edges` (deskewed, snapped, joined) → `intersections` → `tables` (edges connected by
/// intersections) → each table's `cells` (grid boxes not separated by a rule merged, so a merged
/// cell has its row and column spans). Every tolerance is in `TableSettings.grid`.
public enum GridBuilder {
    /// All stages over one page's rules.
    public static func page(_ number: Int, rules: [Rule], settings: TableSettings) -> PageGrid {
        let skew = self.skew(rules)
        let edges = self.edges(rules, skew: skew, settings: settings)
        let intersections = self.intersections(edges, settings: settings)
        let tables = self.tables(edges, intersections, settings: settings)
        return PageGrid(page: number, rules: rules, skew: skew, edges: edges, intersections: intersections, tables: tables)
    }

    /// The page's lean: the length-weighted median slope of its horizontal rules, as an angle
    /// (0 when there are none).
    public static func skew(_ rules: [Rule]) -> Double {
        let h = rules.filter { $0.orientation == .horizontal }.sorted { $0.slope < $1.slope }
        let total = h.reduce(0) { $0 + $1.length }
        guard total > 0 else { return 0 }
        var seen = 0.0
        for r in h {
            seen += r.length
            if seen * 2 >= total { return atan(r.slope) }
        }
        return 0
    }

    /// (x, y) turned by `angle` radians about the page origin.
    public static func rotate(x: Double, y: Double, by angle: Double) -> (x: Double, y: Double) {
        guard angle != 0 else { return (x, y) }
        let c = cos(angle), s = sin(angle)
        return (x * c - y * s, x * s + y * c)
    }

    /// Stage 1: rules turned back by `skew`, rules of one orientation whose positions are within
    /// `snapTolerance` snapped to one (their length-weighted mean), and rules on one line joined
    /// where their ends are within `joinTolerance`. Horizontal edges first, each orientation
    /// sorted by position then start.
    public static func edges(_ rules: [Rule], skew: Double = 0, settings: TableSettings) -> [Edge] {
        let g = settings.grid
        var out: [Edge] = []
        for orientation in [Rule.Orientation.horizontal, .vertical] {
            var straight: [Edge] = rules.filter { $0.orientation == orientation }.map { r in
                let a: (x: Double, y: Double), b: (x: Double, y: Double)
                switch orientation {
                case .horizontal:
                    a = rotate(x: r.start, y: r.position(at: r.start), by: -skew)
                    b = rotate(x: r.end, y: r.position(at: r.end), by: -skew)
                    return Edge(orientation: orientation, position: (a.y + b.y) / 2, start: a.x, end: b.x)
                case .vertical:
                    a = rotate(x: r.position(at: r.start), y: r.start, by: -skew)
                    b = rotate(x: r.position(at: r.end), y: r.end, by: -skew)
                    return Edge(orientation: orientation, position: (a.x + b.x) / 2, start: a.y, end: b.y)
                }
            }
            straight.sort { ($0.position, $0.start) < ($1.position, $1.start) }
            Self.joinDoubleRules(&straight, settings: g)
            var k = 0
            while k < straight.count {
                // One line: positions chained within the snap tolerance.
                var m = k + 1
                while m < straight.count, straight[m].position - straight[m - 1].position <= g.snapTolerance { m += 1 }
                let group = straight[k..<m]
                let weight = group.reduce(0) { $0 + max($1.length, 1e-9) }
                let position = group.reduce(0) { $0 + $1.position * max($1.length, 1e-9) } / weight
                var pieces = group.sorted { $0.start < $1.start }
                var joined: [Edge] = []
                for p in pieces {
                    if var last = joined.last, p.start <= last.end + g.joinTolerance {
                        last.end = max(last.end, p.end)
                        joined[joined.count - 1] = last
                    } else {
                        joined.append(Edge(orientation: orientation, position: position, start: p.start, end: p.end))
                    }
                }
                pieces.removeAll()
                out += joined
                k = m
            }
        }
        return out
    }

    /// The two strokes of each double rule (`doubleRuleGap`) moved to their middle, so that they
    /// snap to one edge. The strokes of a double rule run alike: the shorter is at least half as
    /// long as the longer, so glyphs of small text run together into a short stroke (`-01-04`
    /// at 7 pt) never move the rule under them. `edges` is sorted by position; it stays so.
    static func joinDoubleRules(_ edges: inout [Edge], settings g: GridSettings) {
        for i in edges.indices {
            var j = i + 1
            while j < edges.count, edges[j].position - edges[i].position <= g.doubleRuleGap {
                let a = edges[i], b = edges[j]
                let shared = min(a.end, b.end) - max(a.start, b.start)
                if b.position - a.position > g.snapTolerance, shared >= 0.5 * min(a.length, b.length),
                   min(a.length, b.length) >= 0.5 * max(a.length, b.length) {
                    let middle = (a.position + b.position) / 2
                    edges[i].position = middle
                    edges[j].position = middle
                }
                j += 1
            }
        }
        edges.sort { ($0.position, $0.start) < ($1.position, $1.start) }
    }

    /// Stage 2: every horizontal edge and vertical edge that meet, each reaching within
    /// `intersectionTolerance` of the other's line.
    public static func intersections(_ edges: [Edge], settings: TableSettings) -> [Intersection] {
        let t = settings.grid.intersectionTolerance
        var out: [Intersection] = []
        for (i, h) in edges.enumerated() where h.orientation == .horizontal {
            for (j, v) in edges.enumerated() where v.orientation == .vertical {
                if v.position >= h.start - t, v.position <= h.end + t, h.position >= v.start - t, h.position <= v.end + t {
                    out.append(Intersection(x: v.position, y: h.position, horizontal: i, vertical: j))
                }
            }
        }
        return out
    }

    /// Stage 3: edges connected through intersections, one table each, with at least
    /// `minEdgesPerAxis` edges of each orientation, at least `minRuleLength` wide; top to bottom.
    public static func tables(_ edges: [Edge], _ intersections: [Intersection], settings: TableSettings) -> [TableGrid] {
        var parent = Array(edges.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for x in intersections {
            let a = find(x.horizontal), b = find(x.vertical)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [Int: [Edge]] = [:]
        var order: [Int] = []
        for i in edges.indices {
            let r = find(i)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(edges[i])
        }
        let min = settings.grid.minEdgesPerAxis
        // (A "table" narrower than a rule is a glyph's strokes crossing two rules: `）` over
        // `|`, between two rows ruled across.)
        let kept = order.map { groups[$0]! }.filter { group in
            let h = group.filter { $0.orientation == .horizontal }.count
            let xs = group.filter { $0.orientation == .vertical }.map(\.position)
            return h >= min && group.count - h >= min
                && (xs.max() ?? 0) - (xs.min() ?? 0) >= settings.grid.minRuleLength
        }
        return sideBySide(kept, settings: settings).map { cells(closed($0, settings: settings), settings: settings) }
            .sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Stage 3, continued: tables side by side with the same rows (top and bottom within
    /// `snapTolerance`, most row rules of the one with fewer at the other's) are one table whose
    /// column between them a merged cell fills: a spreadsheet prints a merged cell that runs on
    /// from the page before (an industry over 100 rows) with no rule above or below it, so
    /// nothing joins the columns left of it to those right of it.
    static func sideBySide(_ groups: [[Edge]], settings: TableSettings) -> [[Edge]] {
        let tolerance = settings.grid.snapTolerance
        struct Shape { var ys: [Double]; var x0: Double; var x1: Double }
        func shape(_ g: [Edge]) -> Shape {
            let v = g.filter { $0.orientation == .vertical }.map(\.position)
            return Shape(ys: Array(Set(g.filter { $0.orientation == .horizontal }.map(\.position))).sorted(),
                         x0: v.min() ?? 0, x1: v.max() ?? 0)
        }
        func joinable(_ a: Shape, _ b: Shape) -> Bool {
            guard let a0 = a.ys.first, let a1 = a.ys.last, let b0 = b.ys.first, let b1 = b.ys.last,
                  abs(a0 - b0) <= tolerance, abs(a1 - b1) <= tolerance,
                  a.x1 <= b.x0 + tolerance || b.x1 <= a.x0 + tolerance else { return false }
            let (few, many) = a.ys.count <= b.ys.count ? (a.ys, b.ys) : (b.ys, a.ys)
            let shared = few.filter { y in many.contains { abs($0 - y) <= tolerance } }.count
            return shared * 2 >= few.count && few.count >= settings.grid.minEdgesPerAxis
        }
        var out = groups
        var merged = true
        while merged {
            merged = false
            search: for i in out.indices {
                for j in out.indices where j > i && joinable(shape(out[i]), shape(out[j])) {
                    out[i] += out[j]
                    out.remove(at: j)
                    merged = true
                    break search
                }
            }
        }
        return out
    }

    /// Stage 3½: a table whose last row a page break left open (its outermost vertical edges
    /// both run on `openEndReach` or more below its last horizontal edge: a browser prints the
    /// first part of a split row without a rule under it) gets a horizontal edge where the
    /// shorter of them ends, so that the part's text is in a cell (and continues on the next
    /// page, as a ruled row cut by the break does). So does a table whose first row the break
    /// left open at the top of the next page (the rest of that row, or a whole row, printed
    /// above the first rule with no rule over it: its outermost vertical edges both start
    /// `openEndReach` or more above its first horizontal edge), where the shorter of them starts.
    static func closed(_ group: [Edge], settings: TableSettings) -> [Edge] {
        let vertical = group.filter { $0.orientation == .vertical }
        let horizontal = group.filter { $0.orientation == .horizontal }.map(\.position)
        guard let bottom = horizontal.max(), let top = horizontal.min(),
              let left = vertical.map(\.position).min(), let right = vertical.map(\.position).max(), right > left
        else { return group }
        let outer = vertical.filter { $0.position == left || $0.position == right }
        func reach(_ x: Double) -> Double { outer.filter { $0.position == x }.map(\.end).max()! }
        func rise(_ x: Double) -> Double { outer.filter { $0.position == x }.map(\.start).min()! }
        var out = group
        let end = Swift.min(reach(left), reach(right))
        if end - bottom >= settings.grid.openEndReach {
            out.append(Edge(orientation: .horizontal, position: end, start: left, end: right))
        }
        let start = Swift.max(rise(left), rise(right))
        if top - start >= settings.grid.openEndReach {
            out.append(Edge(orientation: .horizontal, position: start, start: left, end: right))
        }
        return out
    }

    /// Stage 4: one table's cells. Grid lines at every edge position; a grid box joins its
    /// neighbour where the side between them is not ruled (edges cover less than `sideCoverage`
    /// of it), so a merged cell covers several boxes and gets its row and column spans.
    public static func cells(_ edges: [Edge], settings: TableSettings) -> TableGrid {
        let g = settings.grid
        let xs = Array(Set(edges.filter { $0.orientation == .vertical }.map(\.position))).sorted()
        let ys = Array(Set(edges.filter { $0.orientation == .horizontal }.map(\.position))).sorted()
        let columns = max(xs.count - 1, 0), rows = max(ys.count - 1, 0)
        var byPosition: [Double: [Edge]] = [:]
        for e in edges { byPosition[e.position, default: []].append(e) }
        func ruled(_ orientation: Rule.Orientation, at position: Double, from lo: Double, to hi: Double) -> Bool {
            let on = (byPosition[position] ?? []).filter { $0.orientation == orientation }
            var covered = 0.0
            var reach = lo
            for e in on.sorted(by: { $0.start < $1.start }) {
                let a = Swift.max(e.start - g.intersectionTolerance, reach)
                let b = Swift.min(e.end + g.intersectionTolerance, hi)
                if b > a {
                    covered += b - a
                    reach = b
                }
            }
            return covered >= g.sideCoverage * (hi - lo)
        }
        // vSide[r][c]: the vertical side at xs[c] in grid row r is ruled; hSide[r][c]: the
        // horizontal side at ys[r] in grid column c.
        var vSide = [[Bool]](repeating: [Bool](repeating: false, count: xs.count), count: rows)
        var hSide = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: ys.count)
        for r in 0..<rows {
            for c in xs.indices { vSide[r][c] = ruled(.vertical, at: xs[c], from: ys[r], to: ys[r + 1]) }
        }
        for r in ys.indices {
            for c in 0..<columns { hSide[r][c] = ruled(.horizontal, at: ys[r], from: xs[c], to: xs[c + 1]) }
        }
        var parent = Array(0..<(rows * columns))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let x = find(a), y = find(b)
            if x != y { parent[Swift.max(x, y)] = Swift.min(x, y) }
        }
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns, !vSide[r][c + 1] { union(r * columns + c, r * columns + c + 1) }
                if r + 1 < rows, !hSide[r + 1][c] { union(r * columns + c, (r + 1) * columns + c) }
            }
        }
        var cellOfRoot: [Int: Int] = [:]
        var bounds: [(r0: Int, r1: Int, c0: Int, c1: Int)] = []
        var boxCells = [Int](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let root = find(r * columns + c)
                let k: Int
                if let known = cellOfRoot[root] { k = known } else {
                    k = bounds.count
                    cellOfRoot[root] = k
                    bounds.append((r, r, c, c))
                }
                bounds[k].r0 = Swift.min(bounds[k].r0, r)
                bounds[k].r1 = Swift.max(bounds[k].r1, r)
                bounds[k].c0 = Swift.min(bounds[k].c0, c)
                bounds[k].c1 = Swift.max(bounds[k].c1, c)
                boxCells[r * columns + c] = k
            }
        }
        let cells = bounds.map { b in
            GridCell(
                row: b.r0, column: b.c0, rowSpan: b.r1 - b.r0 + 1, columnSpan: b.c1 - b.c0 + 1,
                x0: xs[b.c0], y0: ys[b.r0], x1: xs[b.c1 + 1], y1: ys[b.r1 + 1],
                ruledTop: (b.c0...b.c1).allSatisfy { hSide[b.r0][$0] },
                ruledBottom: (b.c0...b.c1).allSatisfy { hSide[b.r1 + 1][$0] },
                ruledLeft: (b.r0...b.r1).allSatisfy { vSide[$0][b.c0] },
                ruledRight: (b.r0...b.r1).allSatisfy { vSide[$0][b.c1 + 1] })
        }
        return TableGrid(xs: xs, ys: ys, cells: cells, edges: edges, boxCells: boxCells)
    }
}
