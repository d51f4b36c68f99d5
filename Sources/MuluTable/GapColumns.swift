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
    /// classified as `roles`) are such a table: aligned for display or without a 序号 column, and
    /// every line of the body up to its last row a row of as many gap-separated cells as the
    /// header names columns. Nil otherwise.
    public static func tabbed(_ bytes: [UInt8], probe: ArraySlice<TextLayout.LineSpan>, pages: [PageText], roles: [[LineRole]]) -> [UInt8]? {
        let display = TextLayout.isDisplayAligned(bytes, spans: probe)
        var band: [[String]] = []
        var unled: Bool?
        var count = 0
        var rows = 0
        var pendingOther = false
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
                        // Aligned by character with a 序号 column: the columns' x positions hold.
                        guard display || unled == true else { return nil }
                    }
                    var cells = 1
                    for (a, b) in zip(line.fragments, line.fragments.dropFirst()) where b.x0 - a.x1 >= 2 { cells += 1 }
                    guard unled == true ? cells == count : RowNumber.parsePointed(first.text) != nil else {
                        if rows > 0 { pendingOther = true }
                        continue
                    }
                    // A line between rows that is not a row: a cell wrapped onto it.
                    if pendingOther { return nil }
                    guard cells == count else { return nil }
                    rows += 1
                default:
                    continue
                }
            }
        }
        guard rows >= minRows else { return nil }
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
