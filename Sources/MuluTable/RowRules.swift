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
    func crossing(between a: Fragment, _ b: Fragment, at x: Double, to x1: Double? = nil) -> Double? {
        let top = (a.y0 + a.y1) / 2, bottom = (b.y0 + b.y1) / 2
        guard a.page == b.page, top < bottom, let rules = byPage[a.page] else { return nil }
        let x1 = x1 ?? x
        for r in rules where r.start - reach <= x1 && x <= r.end + reach {
            let y = r.position(at: min(max((x + x1) / 2, r.start), r.end))
            if y > top && y < bottom { return y }
        }
        return nil
    }

    /// The row (index into `anchors`, the row numbers in strip order) whose cell holds each
    /// placed fragment, where the rules close that cell above and below it: the rules between
    /// its row's number and the numbers before and after it on the page both pass over the
    /// fragment. Nil elsewhere (a merged cell, a page's first or last row).
    func settle(_ placed: [RowAssembler.Placed], anchors: [RowAssembler.Placed]) -> [Int?] {
        var byPage: [Int: [Int]] = [:]
        for (k, a) in anchors.enumerated() { byPage[a.fragment.page, default: []].append(k) }
        return placed.map { p in
            guard p.field != .seq, let rows = byPage[p.fragment.page] else { return nil }
            let f = p.fragment
            let cy = (f.y0 + f.y1) / 2
            for j in rows.indices.dropFirst().dropLast() {
                let above = anchors[rows[j - 1]].fragment, own = anchors[rows[j]].fragment, below = anchors[rows[j + 1]].fragment
                guard let top = crossing(between: above, own, at: f.x0, to: f.x1), top < cy,
                      let bottom = crossing(between: own, below, at: f.x0, to: f.x1), cy < bottom else { continue }
                return rows[j]
            }
            return nil
        }
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
