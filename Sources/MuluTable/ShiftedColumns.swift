import MuluModel
import MuluExtract

/// The columns of a page without its own header, named again by what they hold when the page
/// before's positions named them wrongly.
///
/// `pdftotext -layout` lays each page out afresh: a column empty on a page (an industry merged
/// from the page before, its text printed there) takes no room, and every column after it moves
/// left by its width. Named by the page before's positions, codes then fall under 行业, names
/// under the code, and so on. The bands' order stays the header's, so each band is given, in
/// order, the field its cells have the shape of (`TableRecovery.hasShape`).
enum ShiftedColumns {
    /// The share of a band's fragments that must have a field's shape for the band to be that
    /// field's (a code band's cut codes, `6-18-02-` / `04`, count as codes).
    static let minShare = 0.6

    /// How many columns may be empty on a page laid out afresh.
    static let maxVanished = 2

    /// How far, in characters, the codes of a page must sit from the code column of the page
    /// before for its columns to have moved.
    static let minShift = 3.0

    /// A page's columns as the page before's moved: `reference` without the column gone (from
    /// `gone` on, the rest moved by `delta`).
    struct Move {
        var reference: [(field: TableField, x0: Double, x1: Double)]
        var gone: Double
        var delta: Double

        /// An extra header cell's place on this page.
        func moved(_ x0: Double, _ x1: Double) -> (Double, Double) { x0 > gone ? (x0 + delta, x1 + delta) : (x0, x1) }
    }

    /// The page before's columns moved to this page's, one way for each column that may be empty
    /// here: when the body's codes start `minShift` or more left of the code column before, a
    /// column left of them (but the row numbers') took no room, and every column after it moved
    /// left as far as the codes did. Empty when the codes stayed.
    static func moves(_ reference: [(field: TableField, x0: Double, x1: Double)], body: [Fragment]) -> [Move] {
        guard let code = reference.first(where: { $0.field == .code }) else { return [] }
        let starts = body.filter { ContentColumns.kind($0.text) == .code }.map(\.x0).sorted()
        // (Most rows' codes: a page of a few rows tells nothing.)
        guard starts.count >= 3 else { return [] }
        let delta = starts[starts.count / 2] - code.x0
        guard delta <= -minShift else { return [] }
        let sorted = reference.sorted { $0.x0 < $1.x0 }
        var out: [Move] = []
        for (k, gone) in sorted.enumerated() where gone.field != .seq && gone.x0 < code.x0 {
            // (As wide as the column and its gutter, at most.)
            let room = (k + 1 < sorted.count ? sorted[k + 1].x0 : gone.x1) - gone.x0
            guard -delta <= room + minShift else { continue }
            let moved = sorted.enumerated().compactMap { (i, ref) -> (field: TableField, x0: Double, x1: Double)? in
                i == k ? nil : i > k ? (ref.field, ref.x0 + delta, ref.x1 + delta) : ref
            }
            // (Columns moved onto the row numbers' or over one another: not this column gone.)
            guard zip(moved, moved.dropFirst()).allSatisfy({ $0.x1 <= $1.x0 }) else { continue }
            out.append(Move(reference: moved, gone: gone.x0, delta: delta))
        }
        return out
    }

    /// The texts of `body` in each of `spans` (sorted by x).
    static func texts(_ spans: [ColumnSpan], body: [Fragment]) -> [[String]] {
        var inside = [[String]](repeating: [], count: spans.count)
        for f in body {
            if let field = ColumnDetector.field(of: f, in: spans), let k = spans.firstIndex(where: { $0.field == field }) {
                inside[k].append(f.text)
            }
        }
        return inside
    }

    /// Whether a band's texts have `field`'s shape (`minShare` of them).
    static func fits(_ texts: [String], _ field: TableField) -> Bool {
        guard !texts.isEmpty else { return true }
        let share: Double
        switch field {
        case .industry, .name:
            // Words: not codes, amounts, marks or row numbers.
            share = Double(texts.filter { ContentColumns.kind($0) == .text && RowNumber.parsePointed($0) == nil }.count) / Double(texts.count)
        default:
            share = Double(texts.filter { TableRecovery.hasShape($0, of: field) }.count) / Double(texts.count)
        }
        return share >= minShare
    }

    /// Whether every band of `spans` holds text of its field's shape.
    static func allFit(_ spans: [ColumnSpan], body: [Fragment]) -> Bool {
        let spans = spans.sorted { $0.x0 < $1.x0 }
        let inside = texts(spans, body: body)
        return spans.indices.allSatisfy { fits(inside[$0], spans[$0].field) }
    }

    /// `spans` renamed, in order, each to a field of `order` (the header's fields left to right)
    /// whose shape its fragments have, when some band is not of its field's shape and such a
    /// naming exists; else `spans` unchanged.
    static func renamed(_ given: [ColumnSpan], body: [Fragment], order: [TableField]) -> [ColumnSpan] {
        let spans = given.sorted { $0.x0 < $1.x0 }
        // (A column or two empty on the page; with fewer bands, gutters too narrow to part the
        // columns ran them together, and a band's shape names none of them.)
        guard spans.count >= 4, order.count >= spans.count, spans.count + maxVanished >= order.count else { return given }
        let inside = texts(spans, body: body)
        func fits(_ k: Int, _ field: TableField) -> Bool { Self.fits(inside[k], field) }
        guard spans.indices.contains(where: { !fits($0, spans[$0].field) }) else { return given }
        // Each band a field, in order: the most bands of their field's shape, then the fewest
        // moved from the naming by position.
        let position = spans.map { span in order.firstIndex(of: span.field) ?? 0 }
        let n = spans.count, m = order.count
        // best[k][j]: (fits, -moves) of bands k… given fields j… .
        var best = [[(fits: Int, moves: Int)?]](repeating: [(fits: Int, moves: Int)?](repeating: nil, count: m + 1), count: n + 1)
        var choice = [[Int]](repeating: [Int](repeating: -1, count: m + 1), count: n + 1)
        for j in 0...m { best[n][j] = (0, 0) }
        for k in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                for f in j..<m {
                    guard let rest = best[k + 1][f + 1] else { continue }
                    let here = (fits: rest.fits + (fits(k, order[f]) ? 1 : 0), moves: rest.moves + abs(f - position[k]))
                    if let b = best[k][j], (b.fits, -b.moves) >= (here.fits, -here.moves) { continue }
                    best[k][j] = here
                    choice[k][j] = f
                }
            }
        }
        guard let top = best[0][0], top.fits == n else { return given }
        var out = spans
        var j = 0
        for k in 0..<n {
            let f = choice[k][j]
            out[k].field = order[f]
            j = f + 1
        }
        return out
    }
}
