import MuluModel
import MuluExtract

/// The horizontal rules of a table ruled only across (no grid: no vertical rules, or too few),
/// which still show where each merged cell ends: a rule between two rows' numbers that crosses a
/// column ends that column's cell there, one that stops short of it runs past a merged cell.
///
/// Used by `MergedCells` in place of the alignment programme when every boundary between two
/// rows of a page is ruled across the 序号 column: the blocks of a merged column are then read,
/// not guessed.
public struct RowRules: Sendable {
    /// Each page's horizontal rules.
    public var byPage: [Int: [Rule]]
    /// How far a rule may stop short of a column's centre and still cross it, in points.
    public var reach: Double

    /// The horizontal rules of `grids`, less those lying within a line of `text`, through its
    /// glyphs (a glyph's strokes, or two neighbouring glyphs', found as a short rule: no rule
    /// between rows).
    public init(grids: [PageGrid], text: [Fragment] = [], reach: Double = 1) {
        var textByPage: [Int: [Fragment]] = [:]
        for f in text { textByPage[f.page, default: []].append(f) }
        var byPage: [Int: [Rule]] = [:]
        for grid in grids {
            let lines = textByPage[grid.page] ?? []
            let across = GlyphStrokes.removed(from: grid.rules.filter { $0.orientation == .horizontal }, text: lines)
            if !across.isEmpty { byPage[grid.page] = across }
        }
        self.byPage = byPage
        self.reach = reach
    }

    /// Whether a rule between the numbers `a` and `b` (consecutive rows on one page) crosses x.
    func crosses(between a: Fragment, _ b: Fragment, at x: Double) -> Bool {
        crossing(between: a, b, at: x) != nil
    }

    /// Where a rule between the numbers `a` and `b` (consecutive rows on one page) crosses x
    /// (or, with `to`, passes anywhere over x…to: a dashed rule's dashes over a cell's text).
    ///
    /// Only a rule at the height of one between the two numbers (across the 序号 column) counts:
    /// a row's boundary, not a glyph's stroke through the text near it.
    func crossing(between a: Fragment, _ b: Fragment, at x: Double, to x1: Double? = nil) -> Double? {
        let top = (a.y0 + a.y1) / 2, bottom = (b.y0 + b.y1) / 2
        guard a.page == b.page, top < bottom, let rules = byPage[a.page] else { return nil }
        func heights(_ x: Double, _ x1: Double) -> [Double] {
            rules.compactMap { r in
                guard r.start - reach <= x1 && x <= r.end + reach else { return nil }
                let y = r.position(at: min(max((x + x1) / 2, r.start), r.end))
                return y > top && y < bottom ? y : nil
            }
        }
        let boundaries = heights(min(a.x0, b.x0), max(a.x1, b.x1))
        return heights(x, x1 ?? x).first { y in boundaries.contains { abs($0 - y) <= 2 } }
    }

    /// The nearest rule on `page` above (`above`) or below `y` that passes anywhere over x…x1.
    func nearest(page: Int, x: Double, to x1: Double, from y: Double, above: Bool) -> Double? {
        guard let rules = byPage[page] else { return nil }
        var best: Double?
        for r in rules where r.start - reach <= x1 && x <= r.end + reach {
            let ry = r.position(at: min(max((x + x1) / 2, r.start), r.end))
            if above ? ry < y && ry > (best ?? -.infinity) : ry > y && ry < (best ?? .infinity) { best = ry }
        }
        return best
    }

    /// The row (index into `anchors`, the row numbers in strip order) whose cell holds each
    /// placed fragment, where the rules close that cell above and below it: the rules between
    /// its row's number and the numbers before and after it on the page both pass over the
    /// fragment. A page's first row is closed above, and its last below, by the rule nearest
    /// its number there that also crosses the 序号 column: one rule across the row. Text at the
    /// top of a page closed above by a rule and below by its first row's rule (a band without a
    /// row number) is the rest of the row before the page break. Nil elsewhere (a merged cell).
    func settle(_ placed: [RowAssembler.Placed], anchors: [RowAssembler.Placed]) -> [Int?] {
        var byPage: [Int: [Int]] = [:]
        for (k, a) in anchors.enumerated() { byPage[a.fragment.page, default: []].append(k) }
        // The rule across a row at a page's edge: the nearest one above (below) its number at
        // the number, which passes over x…x1 at the same height.
        func edge(_ number: Fragment, x: Double, to x1: Double, above: Bool) -> Double? {
            let cy = (number.y0 + number.y1) / 2
            guard let atSeq = nearest(page: number.page, x: number.x0, to: number.x1, from: cy, above: above),
                  let atText = nearest(page: number.page, x: x, to: x1, from: cy, above: above),
                  abs(atSeq - atText) <= 2 else { return nil }
            return atText
        }
        return placed.map { p in
            guard p.field != .seq, let rows = byPage[p.fragment.page] else { return nil }
            let f = p.fragment
            let cy = (f.y0 + f.y1) / 2
            for j in rows.indices {
                let own = anchors[rows[j]].fragment
                let top = j > 0 ? crossing(between: anchors[rows[j - 1]].fragment, own, at: f.x0, to: f.x1) : edge(own, x: f.x0, to: f.x1, above: true)
                guard let top else { continue }
                if j == 0, cy < top {
                    // Above the page's first row, under a rule: the row the page break split.
                    guard rows[0] > 0, anchors[rows[0] - 1].fragment.page < own.page,
                          nearest(page: own.page, x: f.x0, to: f.x1, from: cy, above: true) != nil else { return nil }
                    return rows[0] - 1
                }
                let bottom = j + 1 < rows.count ? crossing(between: own, anchors[rows[j + 1]].fragment, at: f.x0, to: f.x1) : edge(own, x: f.x0, to: f.x1, above: false)
                guard let bottom, top < cy, cy < bottom else { continue }
                return rows[j]
            }
            return nil
        }
    }

    /// The row before the page break, for text set above every rule of its page in its column
    /// while rules below it run across the page's first row: printed over the table (and its
    /// repeated header), on a page the table continues onto. Nil for text in the table, or on
    /// the table's first page.
    func aboveTable(_ f: Fragment, rows: [RowRecord]) -> Int? {
        let cy = (f.y0 + f.y1) / 2
        guard nearest(page: f.page, x: f.x0, to: f.x1, from: cy, above: true) == nil,
              let below = nearest(page: f.page, x: f.x0, to: f.x1, from: cy, above: false),
              let first = rows.firstIndex(where: { $0.anchor.page == f.page }), first > 0,
              rows[first - 1].anchor.page < f.page, below < rows[first].anchor.y0 else { return nil }
        return first - 1
    }

    /// The row (index into `rows`) whose band of the page holds `f`: between the rules across
    /// the 序号 column (at `seqX`) above and below that row's number, the rules between it and its
    /// neighbours on the page (at a page's first or last row, the nearest rule). Nil when `f` lies
    /// in no such band. Text above a page's first row, under a rule, is the row before the page
    /// break's (the rest of the row the break split), as `settle` reads it.
    func row(holding f: Fragment, rows: [RowRecord], seqX: Double) -> Int? {
        let cy = (f.y0 + f.y1) / 2
        let onPage = rows.indices.filter { rows[$0].anchor.page == f.page }
        for (j, r) in onPage.enumerated() {
            let own = rows[r].anchor
            let ownY = (own.y0 + own.y1) / 2
            let top = j > 0 ? crossing(between: rows[onPage[j - 1]].anchor, own, at: seqX)
                : nearest(page: f.page, x: seqX, to: seqX, from: ownY, above: true)
            if j == 0, let top, cy < top {
                guard r > 0, rows[r - 1].anchor.page < f.page,
                      nearest(page: f.page, x: f.x0, to: f.x1, from: cy, above: true) != nil else { return nil }
                return r - 1
            }
            let bottom = j + 1 < onPage.count ? crossing(between: own, rows[onPage[j + 1]].anchor, at: seqX)
                : nearest(page: f.page, x: seqX, to: seqX, from: ownY, above: false)
            if let top, let bottom, top < cy, cy < bottom { return r }
        }
        return nil
    }

    /// The block of rows each row of a merged column belongs to (block numbers from 0, in row
    /// order), or nil when some boundary between two rows of one page has no rule across the
    /// 序号 column (`seqX`): the rows are not ruled, and the rules tell nothing.
    ///
    /// A boundary ruled at the 序号 column but not at the column (`x`) is inside a merged cell.
    /// A page break ends a block unless one of its two parts prints nothing (`printed`): a merged
    /// cell cut by the break prints its text in one part only (the part after the break joins
    /// the block before it; else, in a column printing its values at the foot of their blocks,
    /// the part before joins the block after).
    func blocks(_ rows: [RowRecord], seqX: Double, x: Double, printed: (Int) -> Bool) -> [Int]? {
        guard rows.count >= 2 else { return nil }
        var block = [Int](repeating: 0, count: rows.count)
        var breaks: [Int] = []  // rows that start a block after a page break
        var current = 0
        for i in 1..<rows.count {
            let a = rows[i - 1].anchor, b = rows[i].anchor
            if a.page != b.page {
                current += 1
                breaks.append(i)
            } else {
                guard crosses(between: a, b, at: seqX) else { return nil }
                if crosses(between: a, b, at: x) { current += 1 }
            }
            block[i] = current
        }
        // A block after a page break that prints nothing continues the block before the break.
        for start in breaks.reversed() {
            let b = block[start]
            let part = block.indices.filter { block[$0] == b }
            guard !part.contains(where: printed) else { continue }
            let before = block[start - 1]
            for r in part { block[r] = before }
        }
        // A block before a page break that prints nothing continues the block after it, when
        // that one prints and the column prints its values at the foot of their blocks (most
        // blocks of three rows or more on one page): a bottom-aligned cell cut by the break, its
        // text in the second part.
        var members: [Int: [Int]] = [:]
        for (r, b) in block.enumerated() { members[b, default: []].append(r) }
        var atFoot = 0, elsewhere = 0
        for rs in members.values where rs.count >= 3 && rows[rs.first!].anchor.page == rows[rs.last!].anchor.page {
            guard let last = rs.last(where: printed) else { continue }
            if last == rs.last! { atFoot += 1 } else { elsewhere += 1 }
        }
        for start in breaks where atFoot > elsewhere && block[start - 1] != block[start] {
            let b = block[start - 1], after = block[start]
            let part = block.indices.filter { block[$0] == b }
            guard !part.contains(where: printed), block.indices.contains(where: { block[$0] == after && printed($0) })
            else { continue }
            for r in part { block[r] = after }
        }
        return block
    }
}
