import MuluSupport
import MuluModel
import MuluExtract

/// Text aligned in columns for display whose every row is one line with a cell in every column
/// (an editor's, `column -t`'s or a `<pre>` block's table): its cells are told apart by the wide
/// gaps between them, whatever column they start in.
///
/// Aligned for display, a cell wider than its column pushes the rest of its row to the right
/// (`电力、热力、燃气及水生产和供应业` in a column padded for `制造业`), so the columns' x
/// positions do not hold for that row; the gaps do. Such text is turned into tab-separated text,
/// each run of two or more blanks one tab, and read as a table copied with tabs.
///
/// A table without a 序号 column laid out in columns (by character, as `pdftotext -layout`
/// prints, or for display) is read the same way, its rows numbered as they come: its lines
/// have no row number to start them, so each line of the body up to its last row must be a row
/// with a cell in every column.
public enum GapColumns {
    /// The fewest row lines that show the text is such a table.
    public static let minRows = 3

    /// The text with every run of two or more blanks made one tab, when `pages` (the opening lines,
    /// classified as `roles`) are such a table: aligned for display, without a 序号 column, or not
    /// aligned at all (some column's cells neither start, end nor centre at one x), and
    /// every line of the body up to its last row a row of as many gap-separated cells as the
    /// header names columns. Nil otherwise.
    public static func tabbed(_ bytes: [UInt8], probe: ArraySlice<TextLayout.LineSpan>, pages: [PageText], roles: [[LineRole]]) -> [UInt8]? {
        let display = TextLayout.isDisplayAligned(bytes, spans: probe)
        var band: [[String]] = []
        var unled: Bool?
        var count = 0
        var rows = 0
        var pendingOther = false
        var cellExtents: [[(x0: Double, x1: Double)]] = []
        var shortRows = 0
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                switch roles[p][i] {
                case .header where rows == 0:
                    band.append(line.fragments.map { Blank.removed(from: $0.text) })
                case .body:
                    guard let first = line.fragments.first else { continue }
                    if unled == nil {
                        guard !band.isEmpty, let columns = ColumnMap.read(headerLines: band) else { return nil }
                        unled = !columns.numbered
                        count = columns.kinds.count - (columns.headers.first == "" ? 1 : 0)
                    }
                    var cells = 1
                    var extents = [(x0: first.x0, x1: first.x1)]
                    for (a, b) in zip(line.fragments, line.fragments.dropFirst()) {
                        if b.x0 - a.x1 >= 2 {
                            cells += 1
                            extents.append((b.x0, b.x1))
                        } else {
                            extents[extents.count - 1].x1 = b.x1
                        }
                    }
                    guard unled == true ? cells == count : RowNumber.parsePointed(first.text) != nil else {
                        if rows > 0 { pendingOther = true }
                        continue
                    }
                    // A line between rows that is not a row: a cell wrapped onto it.
                    if pendingOther { return nil }
                    // (A row short of cells, a blank cell's gap run into its neighbours', is read by
                    // its cells' shapes, when the columns are not aligned at all.)
                    guard cells <= count, !display || cells == count, unled != true || cells == count else { return nil }
                    if cells < count { shortRows += 1 } else { cellExtents.append(extents) }
                    rows += 1
                default:
                    continue
                }
            }
        }
        guard rows >= minRows, cellExtents.count >= minRows else { return nil }
        // Aligned by character with a 序号 column: the columns' x positions hold, unless a third
        // of some column's cells neither start, end nor centre where most of them do (cells apart
        // by runs of blanks of any length, not aligned at all: a table copied from a web page).
        if !display, unled != true {
            // (A third of the rows off in some column: one cell too wide for its column pushes
            // the rest of its row aside in a layout that is aligned.)
            let misaligned = (1..<count).contains { k in
                let column = cellExtents.map { $0[k] }
                func mode(_ x: (Double, Double) -> Double) -> Double {
                    var counts: [Double: Int] = [:]
                    for c in column { counts[(x(c.x0, c.x1) * 2).rounded() / 2, default: 0] += 1 }
                    return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
                }
                let start = mode { a, _ in a }, end = mode { _, b in b }, centre = mode { ($0 + $1) / 2 }
                let off = column.filter { abs($0.x0 - start) > 1 && abs($0.x1 - end) > 1 && abs(($0.x0 + $0.x1) / 2 - centre) > 1.5 }
                return off.count >= max(minRows, column.count / 3)
            }
            guard misaligned else { return nil }
        } else if shortRows > 0 {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        bytes.withUnsafeBufferPointer { p in
            while i < p.count {
                let n = p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x0C ? 0 : Blank.length(p, at: i, end: p.count)
                guard n > 0 else { out.append(p[i]); i += 1; continue }
                var j = i + n
                var blanks = 1
                while j < p.count, p[j] != 0x0A, p[j] != 0x0D, p[j] != 0x0C, case let m = Blank.length(p, at: j, end: p.count), m > 0 {
                    j += m
                    blanks += 1
                }
                if blanks >= 2 || p[i] == 0x09 { out.append(0x09) } else { out += p[i..<j] }
                i = j
            }
        }
        return out
    }
}
