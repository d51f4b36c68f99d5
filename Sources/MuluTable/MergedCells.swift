import MuluSupport
import MuluModel
import MuluExtract
/// Gives a merged cell's value to every row it spans, in a table read without rules (text laid
/// out by `pdftotext -layout`, a PDF without a grid), and reports the rows it cannot place.
///
/// Without rules a cell merged down over several rows shows its value once, at the top, centre
/// or bottom of its rows (of its part on a page, for a cell cut by a page break), the other rows
/// blank in that column. A column is *merged* when at least `TableSettings.mergedBlankShare` of
/// its rows are blank there (an urgency column only when its rows are ruled across, whose rules
/// show its merged cells, or when a subsidy column of the table is merged too and no three
/// neighbouring rows of one industry each print a mark: elsewhere a blank urgency cell means
/// "not urgent"). Its values are the runs of filled
/// rows, a line that fills the column's width (within `TableSettings.mergedWrapSlack`; an industry: and does not end as one,
/// `IndustryName`) continuing on the next row (a wrapped value).
///
/// Rows between two equal values take that value. Between two different values the boundary is
/// chosen by how well each value sits in its block of rows: for each alignment (top, centre,
/// bottom) a dynamic programme over the boundaries minimises the distance between each value's
/// lines and the aligned position in its block (a block cut by a page break measured on the part
/// holding the value, where the value may also sit at the part's top). Every boundary whose
/// choice, under any alignment, fits within `TableSettings.mergedSpanMargin` of the best leaves
/// the rows it could move undecided: each gets a warning naming the row and the column.
public enum MergedCells {
    /// The columns whose cells may be merged, in the order they are filled.
    static let fields: [TableField] = [.industry, .training, .assessment, .urgent]

    /// The vertical position of a value or row on the strip (`RowAssembler.Placed` coordinates).
    struct Extent {
        var top: Double
        var bottom: Double
        var page: Int
        /// The page of its lowest line (a row a page break splits runs onto the next).
        var lastPage: Int

        init(top: Double, bottom: Double, page: Int, lastPage: Int? = nil) {
            self.top = top
            self.bottom = bottom
            self.page = page
            self.lastPage = lastPage ?? page
        }
    }

    /// A value printed once in a merged column: its fragments, the rows holding them, its extent.
    struct Value {
        var fragments: [Fragment]
        var first: Int
        var last: Int
        var extent: Extent
        var text: String
    }

    /// Alignments a merged column may have. `centreOverRows`, a block cut by a page break centred
    /// on its whole run of rows (as a table laid out as text, not printed, centres it), only
    /// widens the rows left undecided: on its own it fits too many layouts to choose by.
    enum Alignment: CaseIterable { case top, centre, bottom, centreOverRows }

    /// `rows` with each merged column's values given to the rows they span, and a warning per
    /// row whose value could not be decided. `placed` gives each fragment's strip position.
    public static func fill(
        _ rows: [RowRecord], placed: [RowAssembler.Placed], settings: TableSettings, rules: RowRules? = nil
    ) -> (rows: [RowRecord], diagnostics: [Diagnostic], fields: Set<TableField>) {
        guard rows.count >= 2 else { return (rows, [], []) }
        var position: [Fragment: (top: Double, bottom: Double)] = [:]
        position.reserveCapacity(placed.count)
        for p in placed { position[p.fragment] = (p.top, p.bottom) }
        let n = rows.count
        func isBlank(_ r: RowRecord, _ f: TableField) -> Bool {
            Blank.removed(from: r.text(f)).isEmpty
        }
        let blankShare = Dictionary(uniqueKeysWithValues: fields.map { f in
            (f, Double(rows.filter { isBlank($0, f) }.count) / Double(n))
        })
        let subsidyMerged = [TableField.training, .assessment].contains {
            blankShare[$0]! >= settings.mergedBlankShare && blankShare[$0]! < 1
        }
        func merged(_ f: TableField) -> Bool {
            let share = blankShare[f]!
            guard share >= settings.mergedBlankShare, share < 1 else { return false }
            // Rows ruled across show a merged urgency cell by themselves (`ruledFill`).
            if f == .urgent { return rules != nil || subsidyMerged }
            return true
        }
        let mergedFields = fields.filter(merged)
        // Urgency read cell by cell: a mark printed off its row's lines is a merged cell's.
        let offRow = mergedFields.contains(.urgent) ? [] : Self.marksOffTheirRows(rows, position: position)
        guard !mergedFields.isEmpty else { return (rows, offRow, []) }
        // Each row's extent without the merged columns' text (which may sit anywhere in a block).
        let rowExtent: [Extent] = rows.map { r in
            var top = Double.infinity, bottom = -Double.infinity
            var lastPage = r.anchor.page
            for (field, fragments) in r.cells where !mergedFields.contains(field) {
                for f in fragments {
                    guard let p = position[f] else { continue }
                    top = min(top, p.top)
                    bottom = max(bottom, p.bottom)
                    lastPage = max(lastPage, f.page)
                }
            }
            if top > bottom, let p = position[r.anchor] { top = p.top; bottom = p.bottom }
            return Extent(top: top, bottom: bottom, page: r.anchor.page, lastPage: lastPage)
        }
        // A line height: the median fragment height.
        let heights = placed.map { $0.bottom - $0.top }.sorted()
        let unit = heights.isEmpty ? 1 : max(heights[heights.count / 2], 1e-6)
        // The margin within which a boundary is undecided, inclusive: a choice costing exactly
        // the margin more (a value centred on an even number of rows, printed a row above the
        // middle, in a layout whose rows are an empty line apart) fits as well.
        let margin = (settings.mergedSpanMargin + 0.01) * unit
        var out = rows
        var diagnostics: [Diagnostic] = []
        var unmerged: Set<TableField> = []
        for field in mergedFields {
            let values = Self.values(rows, field: field, position: position, wrapSlack: settings.mergedWrapSlack)
            // Rows ruled across: each merged cell ends where a rule crosses its column.
            if let rules, !values.isEmpty, let filled = Self.ruledFill(rows, field: field, values: values, rules: rules) {
                for (r, fragments) in filled.enumerated() {
                    if let fragments { out[r].cells[field] = fragments }
                }
                continue
            }
            if field == .urgent, rules != nil && !subsidyMerged || Self.marksOnNeighbours(out) {
                unmerged.insert(field)
                continue
            }
            guard !values.isEmpty else { continue }
            if field != .industry {
                // A blank subsidy or urgency cell could also mean none: said once, for the column.
                let blank = rows.filter { isBlank($0, field) }.count
                let first = rows[0]
                diagnostics.append(Diagnostic(
                    .warning,
                    "\(field.label): blank in \(blank) of \(n) rows, read as merged cells (each blank row takes the value printed in its block of rows); a blank meant as none would be misread",
                    page: first.anchor.page, line: first.anchor.line, column: first.anchor.column))
            }
            let ends = Self.boundaries(values, rows: rowExtent, margin: margin, slack: unit)
            // ends[k]: the chosen last row of value k and the range of last rows that fit as well.
            var start = 0
            var owner = [Int](repeating: 0, count: n)
            var blocks: [ClosedRange<Int>?] = []
            for (k, value) in values.enumerated() {
                let end = k == values.count - 1 ? n - 1 : ends[k].chosen
                for r in start...max(start, end) where r < n {
                    out[r].cells[field] = value.fragments
                    owner[r] = k
                }
                blocks.append(start <= end ? start...end : nil)
                start = end + 1
            }
            for k in values.indices.dropLast() where values[k].text != values[k + 1].text {
                let range = ends[k].plausible
                // Rows lowerBound+1 … upperBound may belong to value k or k + 1.
                var doubtful = Set(range.lowerBound < range.upperBound ? Array((range.lowerBound + 1)...range.upperBound) : [])
                // Two values printed on different pages: a merged cell ending at a page foot, or
                // cut by the break, may print its text at the top of its part whatever its
                // alignment, so the rows after the first value on its page and those before the
                // second on its page may belong to either.
                let a = values[k], b = values[k + 1]
                let pageA = rows[a.last].anchor.page, pageB = rows[b.first].anchor.page
                if pageA != pageB {
                    var r = a.last + 1
                    while r < b.first, rows[r].anchor.page == pageA { doubtful.insert(r); r += 1 }
                    r = b.first - 1
                    while r > a.last, rows[r].anchor.page == pageB { doubtful.insert(r); r -= 1 }
                }
                for r in doubtful.sorted() {
                    let kept = r <= ends[k].chosen ? values[k].text : values[k + 1].text
                    let other = r <= ends[k].chosen ? values[k + 1].text : values[k].text
                    diagnostics.append(undecided(rows[r], field, kept: kept, other: other))
                }
            }
            // A value none of whose own rows its block holds (two values printed in one row or
            // in neighbouring rows): the rows of its block and its own rows may have either.
            let named = Set(diagnostics.compactMap { d -> Int? in d.message.contains(field.label) ? d.seq : nil })
            for (k, value) in values.enumerated() where blocks[k].map({ !$0.overlaps(value.first...value.last) }) ?? true {
                var doubtful = Set(value.first...value.last)
                if let block = blocks[k] { doubtful.formUnion(block) }
                for r in doubtful.sorted() where r < n && !named.contains(rows[r].seq) {
                    let kept = values[owner[r]].text
                    let other = owner[r] != k ? value.text : values[k + 1 < values.count ? k + 1 : max(k - 1, 0)].text
                    guard kept != other else { continue }
                    diagnostics.append(undecided(rows[r], field, kept: kept, other: other))
                }
            }
            // A subsidy or urgency cell left blank may mean none, and without rules nothing
            // shows where a merged cell ends: each blank row given a value is reported with its
            // row and column (the value kept).
            if field != .industry {
                let undecided = Set(diagnostics.compactMap { d -> Int? in
                    d.message.contains(field.label) ? d.seq : nil
                })
                var start = 0
                for (k, value) in values.enumerated() {
                    let end = k == values.count - 1 ? n - 1 : ends[k].chosen
                    defer { start = end + 1 }
                    guard start <= end else { continue }
                    for r in start...end where !(value.first...value.last).contains(r) {
                        let row = rows[r]
                        guard isBlank(row, field), !undecided.contains(row.seq) else { continue }
                        diagnostics.append(Diagnostic(
                            .warning,
                            "row \(row.seq): \(field.label) is blank and given `\(value.text)`, printed once for several rows at row \(rows[value.first].seq); the layout without rules does not show whether that merged cell reaches this row (a blank cell of its own would mean none); `\(value.text)` kept",
                            page: row.anchor.page, line: row.anchor.line, column: row.anchor.column,
                            excerpt: row.anchor.text, seq: row.seq))
                    }
                }
            }
        }
        if unmerged.contains(.urgent) { diagnostics += Self.marksOffTheirRows(out, position: position) }
        return (out, diagnostics + offRow, Set(mergedFields).subtracting(unmerged))
    }

    /// An error on each row whose urgency mark lies wholly above or below the row's other text
    /// (`是` on a line of its own between two rows): a cell merged over several rows prints its
    /// mark once, centred between them, and without rules which rows it spans cannot be told —
    /// its blank neighbours may be urgent. A mark on its row's lines is that row's.
    static func marksOffTheirRows(_ rows: [RowRecord], position: [Fragment: (top: Double, bottom: Double)]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in rows {
            let marks = (r.cells[.urgent] ?? []).filter { !Blank.removed(from: $0.text).isEmpty }
            guard !marks.isEmpty else { continue }
            var top = Double.infinity, bottom = -Double.infinity
            for (field, fragments) in r.cells where field != .urgent {
                for f in fragments {
                    guard let p = position[f] else { continue }
                    top = min(top, p.top)
                    bottom = max(bottom, p.bottom)
                }
            }
            if let p = position[r.anchor] { top = min(top, p.top); bottom = max(bottom, p.bottom) }
            guard top <= bottom else { continue }
            let off = marks.allSatisfy { f in
                guard let p = position[f] else { return false }
                return p.top >= bottom || p.bottom <= top
            }
            guard off else { continue }
            let mark = marks.map(\.text).joined()
            out.append(Diagnostic(
                .error,
                "row \(r.seq): \(TableField.urgent.label) `\(mark)` is printed off the row's lines, between two rows: a cell merged over several rows, and the layout without rules does not show which rows it spans (its blank neighbours may be urgent)",
                page: marks[0].page, line: marks[0].line, column: marks[0].column, excerpt: mark, seq: r.seq))
        }
        return out
    }

    /// Each row's value of a merged column read by the horizontal rules (`RowRules.blocks`):
    /// the value printed in its block (its pieces joined, when the alignment gave the lines of one
    /// wrapped value to two rows), or nil for a block that prints none (a blank merged cell). Nil
    /// when the rules do not read it: rows not ruled, a block printing two different values, a
    /// value over two blocks, or an industry block with none.
    /// The width of each line of `fragments` (fragments whose vertical centres lie within half a
    /// line of each other, on one page), in the order of their tops.
    static func lineWidths(_ fragments: [Fragment]) -> [Double] {
        var lines: [(page: Int, y: Double, h: Double, x0: Double, x1: Double)] = []
        for f in fragments.sorted(by: { ($0.page, $0.y0) < ($1.page, $1.y0) }) {
            let y = (f.y0 + f.y1) / 2, h = f.y1 - f.y0
            if let last = lines.last, last.page == f.page, abs(last.y - y) <= 0.5 * max(last.h, h) {
                lines[lines.count - 1].x0 = min(last.x0, f.x0)
                lines[lines.count - 1].x1 = max(last.x1, f.x1)
            } else {
                lines.append((f.page, y, h, f.x0, f.x1))
            }
        }
        return lines.map { $0.x1 - $0.x0 }
    }

    /// Whether piece `b` goes on from piece `a` (fragments sorted by page and top) as one value
    /// wrapped at its cell's edge: `a`'s last line within half a glyph of `widest` (the column's
    /// widest line) and no narrower than `b`'s first line less half a glyph.
    static func wrapsAtEdge(_ a: [Fragment], _ b: [Fragment], widest: Double) -> Bool {
        guard let lastA = lineWidths(a).last, let firstB = lineWidths(b).first, let glyph = a.last.map({ $0.y1 - $0.y0 }), glyph > 0
        else { return false }
        return lastA >= widest - 0.5 * glyph && lastA >= firstB - 0.5 * glyph
    }

    static func ruledFill(_ rows: [RowRecord], field: TableField, values: [Value], rules: RowRules) -> [[Fragment]?]? {
        func centre(_ fragments: [Fragment]) -> Double? {
            guard let x0 = fragments.map(\.x0).min(), let x1 = fragments.map(\.x1).max() else { return nil }
            return (x0 + x1) / 2
        }
        let xs = values.compactMap { centre($0.fragments) }.sorted()
        let seqs = rows.map { ($0.anchor.x0 + $0.anchor.x1) / 2 }.sorted()
        guard !xs.isEmpty, !seqs.isEmpty else { return nil }
        // Each value in the rows whose bands (by the rules across the 序号 column) hold its lines,
        // where they all lie in some: the alignment may have given a value at a block's foot to
        // the row below.
        let seqX = seqs[seqs.count / 2]
        var values = values
        // Text above a page's table in this column, over its repeated header (a spreadsheet prints
        // a merged cell the break cut there again): the cut cell's, kept aside to check against
        // the value of the row before the break, and no part of the value it was joined to.
        var repeats: [(row: Int, text: String)] = []
        for k in values.indices {
            let tops = values[k].fragments.map { rules.aboveTable($0, rows: rows) }
            guard let row = tops.lazy.compactMap({ $0 }).first else { continue }
            let kept = zip(values[k].fragments, tops).filter { $0.1 == nil }.map(\.0)
            let above = zip(values[k].fragments, tops).filter { $0.1 != nil }.map(\.0)
            repeats.append((row, Blank.removed(from: above.map(\.text).joined())))
            values[k].fragments = kept
            values[k].text = Blank.removed(from: kept.map(\.text).joined())
        }
        values.removeAll { $0.fragments.isEmpty }
        for k in values.indices {
            let held = values[k].fragments.map { rules.row(holding: $0, rows: rows, seqX: seqX) }
            guard !held.isEmpty, case let found = held.compactMap({ $0 }), found.count == held.count,
                  let lo = found.min(), let hi = found.max() else { continue }
            values[k].first = lo
            values[k].last = hi
        }
        var valueOfRow = [Int?](repeating: nil, count: rows.count)
        for (k, v) in values.enumerated() where v.first <= v.last && v.last < rows.count {
            for r in v.first...v.last { valueOfRow[r] = k }
        }
        guard var block = rules.blocks(rows, seqX: seqX, x: xs[xs.count / 2], printed: { valueOfRow[$0] != nil })
        else { return nil }
        // A value whose lines a page break parts (`交通运输和` at a page's foot, `物流业` on the next
        // page) joins the block of each part into one: a merged cell cut by the break.
        for v in values where v.last < rows.count && block[v.first] != block[v.last] {
            let (a, b) = (block[v.first], block[v.last])
            guard b == a + 1, let lastOfA = block.lastIndex(of: a), lastOfA + 1 < rows.count, block[lastOfA + 1] == b,
                  rows[lastOfA].anchor.page < rows[lastOfA + 1].anchor.page else { return nil }
            for r in block.indices where block[r] == b { block[r] = a }
        }
        // An urgency column whose rules cross it between every two rows of a page merges no
        // cell: its blank cells mean "not urgent", across page breaks too.
        if field == .urgent, !(1..<rows.count).contains(where: {
            rows[$0].anchor.page == rows[$0 - 1].anchor.page && block[$0] == block[$0 - 1]
        }) { return nil }
        // Each block's values; two different ones in a block are one value wrapped over lines
        // (its pieces given to two rows), when each piece starts on the line under the last and
        // a bracket joins them (one left open, or the next opening or closing one).
        var valuesOfBlock: [Int: [Int]] = [:]
        for (k, v) in values.enumerated() where v.first <= v.last && v.last < rows.count {
            valuesOfBlock[block[v.first], default: []].append(k)
        }
        var fragmentsOfBlock: [Int: [Fragment]] = [:]
        // The widest line any value of the column prints: a full line of its cells.
        let widest = values.flatMap { Self.lineWidths($0.fragments) }.max() ?? 0
        for (b, ks) in valuesOfBlock {
            let distinct = ks.filter { k in !ks.contains { $0 < k && values[$0].text == values[k].text } }
            guard distinct.count > 1 else {
                fragmentsOfBlock[b] = values[ks[0]].fragments
                continue
            }
            let pieces = distinct.map { values[$0].fragments.sorted(by: Fragment.inReadingOrder) }
                .sorted { ($0[0].page, $0[0].y0) < ($1[0].page, $1[0].y0) }
            for (a, b) in zip(pieces, pieces.dropFirst()) {
                // (Brackets must say so, as `values` has them join lines: two industries set one
                // under the other in a block whose rule went missing are no one value. Or, for an
                // industry, the lines: the first piece's last line full, as wide as the widest
                // line the column prints, and at least as wide as the next piece's first: a
                // value wrapped at the cell's edge (`现代农业` / `及农产品` / `加工业`).)
                let textA = Blank.removed(from: a.map(\.text).joined()), textB = Blank.removed(from: b.map(\.text).joined())
                guard Self.bracketDepth(textA) > 0 || Self.closesFirst(textB) || textB.hasPrefix("（") || textB.hasPrefix("(")
                        || (field == .industry && Self.wrapsAtEdge(a, b, widest: widest)) else { return nil }
                guard let low = a.last, let high = b.first, low.page == high.page else { return nil }
                let height = max(low.y1 - low.y0, high.y1 - high.y0)
                guard high.y0 >= low.y0 + height * 0.5, high.y0 - low.y1 <= height * 0.6,
                      a.contains(where: { $0.horizontalOverlap(high.x0, high.x1) > 0 }) else { return nil }
            }
            fragmentsOfBlock[b] = pieces.flatMap { $0 }
        }
        // An industry block that prints nothing, just before a page break, is the first part of
        // the merged cell the break cut, its text printed in the part after (a cell centred on
        // its rows, most of them on the next page). So is a subsidy block of several rows (a
        // spreadsheet prints such a cell's text centred on its whole area, off the page's
        // table: in the margin under it).
        if field != .urgent {
            for r in rows.indices.dropLast() where fragmentsOfBlock[block[r]] == nil && block[r + 1] != block[r]
                && rows[r].anchor.page < rows[r + 1].anchor.page
                && (field == .industry || (r > 0 && block[r - 1] == block[r])) {
                guard let next = fragmentsOfBlock[block[r + 1]] else { continue }
                fragmentsOfBlock[block[r]] = next
            }
            if field == .industry, block.contains(where: { fragmentsOfBlock[$0] == nil }) { return nil }
        }
        // A repeat printed over the next page's header is the start of its cell's value, or the
        // rules and the text disagree.
        for (row, text) in repeats {
            guard let cell = fragmentsOfBlock[block[row]], Blank.removed(from: cell.map(\.text).joined()).hasPrefix(text),
                  row + 1 < rows.count, block[row + 1] == block[row] else { return nil }
        }
        return rows.indices.map { r in fragmentsOfBlock[block[r]] }
    }

    /// Whether three neighbouring rows of one industry (as filled) each print an urgency mark: a
    /// merged cell prints its mark once, so these are cells of their own (two could be two merged
    /// cells' ends), and the column's blank cells mean "not urgent" even where the subsidy
    /// columns are merged.
    static func marksOnNeighbours(_ rows: [RowRecord]) -> Bool {
        func marked(_ r: RowRecord) -> Bool { !Blank.removed(from: r.text(.urgent)).isEmpty }
        func industry(_ r: RowRecord) -> String { Blank.removed(from: r.text(.industry)) }
        guard rows.count >= 3 else { return false }
        return (2..<rows.count).contains { i in
            marked(rows[i - 2]) && marked(rows[i - 1]) && marked(rows[i])
                && industry(rows[i - 2]) == industry(rows[i - 1]) && industry(rows[i - 1]) == industry(rows[i])
        }
    }

    /// The warning on a row whose merged value may be `kept` or `other`.
    static func undecided(_ row: RowRecord, _ field: TableField, kept: String, other: String) -> Diagnostic {
        Diagnostic(
            .warning,
            "row \(row.seq): \(field.label) comes from a merged cell (a value printed once for several rows), and the layout without rules does not tell whether this row has `\(kept)` or `\(other)`; `\(kept)` kept",
            page: row.anchor.page, line: row.anchor.line, column: row.anchor.column,
            excerpt: row.anchor.text, seq: row.seq)
    }

    /// The values of a merged column: runs of filled rows, a row's text continuing into the next
    /// row's when its last line fills the column (it wrapped there).
    static func values(
        _ rows: [RowRecord], field: TableField, position: [Fragment: (top: Double, bottom: Double)],
        wrapSlack: Double
    ) -> [Value] {
        func width(_ s: String) -> Double {
            s.unicodeScalars.reduce(0) { $0 + (Blank.isBlank($1) ? 0 : $1.value < 0x80 ? 0.5 : 1) }
        }
        // The column's widest line.
        var widest = 0.0
        for r in rows {
            for f in r.cells[field] ?? [] { widest = max(widest, width(f.text)) }
        }
        var values: [Value] = []
        var previousFull = false, previousEnds = false, previousSector = false
        for (i, r) in rows.enumerated() {
            let fragments = (r.cells[field] ?? []).filter { !Blank.removed(from: $0.text).isEmpty }
            guard !fragments.isEmpty else { continue }
            // Line by line: one row's cell may hold the end of one value and the start of the next.
            var lines: [[Fragment]] = []
            for f in fragments {
                if let last = lines.last?.last, last.page == f.page, last.line == f.line {
                    lines[lines.count - 1].append(f)
                } else {
                    lines.append([f])
                }
            }
            for line in lines {
                let text = Blank.removed(from: line.map(\.text).joined())
                var extent = Extent(top: .infinity, bottom: -.infinity, page: line[0].page)
                for f in line {
                    guard let p = position[f] else { continue }
                    extent.top = min(extent.top, p.top)
                    extent.bottom = max(extent.bottom, p.bottom)
                }
                // A wrapped value continues on its next line: in the same row, the next row, or
                // after blank rows on the next page (a text flowed over a page break).
                // An industry line that ends as one ends the value, unless what follows is a
                // single character (no industry is one: `旅游服务` / `业`).
                // A whole subsidy over a line starting with a level, or saying none, is two cells
                // (`初级：1600元/人` over `中级、高级：3000` / `元/人`, or over `—`), however wide
                // the first.
                let whole = field != .industry && field != .urgent && values.last.map {
                    SubsidyParser.standsAlone($0.text)
                        && (SubsidyParser.startsWithLevel(text) || SubsidyParser.read(text) == .none)
                } == true
                // Brackets say so too: a value whose bracket is still open continues, and a line
                // that closes a bracket it did not open, or opens with one (`现代农业` /
                // `（设施农业、…）`), continues the value above.
                let bracketed = field != .urgent && values.last.map {
                    Self.bracketDepth($0.text) > 0 || Self.closesFirst(text) || text.hasPrefix("（") || text.hasPrefix("(")
                } == true
                // A line opening with a conjunction goes on with the value above (`现代物流` /
                // `与口岸经济`), however that ends.
                let conjoined = field == .industry && values.last != nil && Self.conjunctions.contains { text.hasPrefix($0) }
                // Two lines of four characters or more that each end as a key industry does
                // (`现代物流` over `数字经济`) are two values; shorter ones, or one joining words,
                // are a name wrapped (`新能源` / `新材料` / `产业`, `汽车及新能源` / `汽车产业`).
                let sectorPair = field == .industry && previousSector && text.unicodeScalars.count >= 4
                    && IndustryName.endsLikeSector(text)
                let joins = (previousFull && (!previousEnds && !sectorPair || text.unicodeScalars.count == 1 || conjoined) || bracketed) && !whole
                // (Rows between blank in this column: a wrapped value's next line set right under
                // the last, given to a row further down.)
                // (Over a page break, the value so far ends in its page's last row: a text runs
                // on to the next page only when its page has no room left. One above rows of its
                // own page is whole, however full its last line: `新型化工` on page 1's first row
                // and `纺织服装` on page 2 are two merged cells. One that ends as a key industry
                // goes on only at the top of the next page: `数字经济` on page 3's last row and
                // `文化旅游` centred lower on page 4 are two; `交通运输和` and `物流业` one.)
                if joins, var last = values.last,
                   last.last >= i - 1
                    || rows[last.last].anchor.page != r.anchor.page
                        && !(last.last + 1..<i).contains(where: { rows[$0].anchor.page == rows[last.last].anchor.page })
                        && ((last.last + 1..<i).filter({ rows[$0].anchor.page == r.anchor.page }).count <= 1
                            || !IndustryName.endsLikeSector(last.text))
                    || last.extent.page == extent.page && extent.top - last.extent.bottom <= (extent.bottom - extent.top) / 2 {
                    last.fragments += line
                    last.last = i
                    last.extent.top = min(last.extent.top, extent.top)
                    last.extent.bottom = max(last.extent.bottom, extent.bottom)
                    last.text += text
                    values[values.count - 1] = last
                } else {
                    values.append(Value(fragments: line, first: i, last: i, extent: extent, text: text))
                }
                // A line as wide as the column wrapped (an industry ending as one did not; a
                // mark never wraps).
                let width = line.reduce(0.0) { $0 + width($1.text) }
                previousFull = field != .urgent && width >= widest - wrapSlack
                previousSector = text.unicodeScalars.count >= 4 && IndustryName.endsLikeSector(text)
                    && !Self.conjunctions.contains { text.contains($0) }
                // (The whole value so far: `托育、家政）` ends `现代服务业（含养老、托育、家政）`.)
                // (So does one with its note in brackets, whole: `林果业（核桃、红枣）`.)
                previousEnds = field == .industry && (IndustryName.endsLikeOne(text)
                    || MergedCells.bracketDepth(text) < 0 && values.last.map { IndustryName.endsLikeOneWithNote($0.text) } == true
                    || values.last.map { MergedCells.bracketDepth($0.text) == 0 && IndustryName.endsLikeOneWithNote($0.text) } == true)
            }
        }
        return values
    }

    /// Words that join two parts of one industry (`现代物流与口岸经济`, `文化、旅游`).
    static let conjunctions = ["与", "和", "及", "暨", "、", "等"]

    /// How many brackets `text` leaves open (negative: closes more than it opens).
    static func bracketDepth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ("（(".unicodeScalars.contains($1) ? 1 : "）)".unicodeScalars.contains($1) ? -1 : 0) }
    }

    /// Whether `text` closes a bracket before opening one (`殖）`, `养殖）现代农业`): the rest of a
    /// bracketed text begun above.
    static func closesFirst(_ text: String) -> Bool {
        var depth = 0
        for u in text.unicodeScalars {
            if "（(".unicodeScalars.contains(u) { depth += 1 }
            if "）)".unicodeScalars.contains(u) { depth -= 1; if depth < 0 { return true } }
        }
        return false
    }

    /// For each boundary between value k and k + 1: the last row of value k chosen (the best
    /// fit over every alignment), and the range of last rows fitting within `margin` of the best.
    static func boundaries(
        _ values: [Value], rows: [Extent], margin: Double, slack: Double
    ) -> [(chosen: Int, plausible: ClosedRange<Int>)] {
        let m = values.count
        let n = rows.count
        guard m >= 2 else { return values.map { _ in (n - 1, (n - 1)...(n - 1)) } }
        // Candidate last rows of value k: from the row its text starts on (or before, when the
        // text sits above a row's own lines) to the row before value k + 1's text ends (or that
        // row, when the text sits below its own lines, at the top of the next row's).
        var candidates: [[Int]] = []
        for k in 0..<(m - 1) {
            let v = values[k], next = values[k + 1]
            let lo = max(0, v.first - 1)
            let hi = max(lo, min(next.last, n - 2))
            candidates.append(Array(lo...hi).filter { e in
                // Each block holds its value's text: it ends at or after the value's last line,
                // the next block starts at or before the next value's first line (a line
                // of slack: a text line may sit between two rows' lines).
                rows[e].bottom >= v.extent.bottom - slack && e + 1 < n && rows[e + 1].top <= next.extent.top + slack
            })
            // No boundary holds both texts (the lines were misread): every row between them
            // stays a candidate, so each one left undecided is reported.
            if candidates[k].isEmpty { candidates[k] = Array(lo...min(hi, n - 2)) }
        }
        let pageRows = Self.pageRows(rows)
        func cost(_ k: Int, _ s: Int, _ e: Int, _ a: Alignment) -> Double {
            blockCost(values[k], s, e, a, rows: rows, pageRows: pageRows)
        }
        var best = Double.infinity
        var bestChoice: [Int] = candidates.map { $0[0] }
        var marginals: [[[Double]]] = []  // [alignment][k][candidate index]
        for a in Alignment.allCases {
            // forward[k][j]: blocks 0 … k with value k ending at candidates[k][j].
            var forward: [[Double]] = []
            var back: [[Int]] = []
            for k in 0..<(m - 1) {
                var row: [Double] = []
                var from: [Int] = []
                for e in candidates[k] {
                    if k == 0 {
                        row.append(cost(0, 0, e, a)); from.append(-1)
                    } else {
                        var b = Double.infinity, bj = 0
                        for (j, pe) in candidates[k - 1].enumerated() {
                            let c = forward[k - 1][j] + cost(k, pe + 1, e, a)
                            if c <= b + 1e-9 { b = min(b, c); bj = j }
                        }
                        row.append(b); from.append(bj)
                    }
                }
                forward.append(row); back.append(from)
            }
            // backward[k][j]: blocks k + 1 … m − 1 given value k ends at candidates[k][j].
            var backward = [[Double]](repeating: [], count: m - 1)
            backward[m - 2] = candidates[m - 2].map { e in cost(m - 1, e + 1, n - 1, a) }
            if m >= 3 {
                for k in stride(from: m - 3, through: 0, by: -1) {
                    backward[k] = candidates[k].map { e in
                        var b = Double.infinity
                        for (j, ne) in candidates[k + 1].enumerated() {
                            b = min(b, cost(k + 1, e + 1, ne, a) + backward[k + 1][j])
                        }
                        return b
                    }
                }
            }
            let marginal = (0..<(m - 1)).map { k in candidates[k].indices.map { forward[k][$0] + backward[k][$0] } }
            marginals.append(marginal)
            let total = marginal[m - 2].min() ?? .infinity
            if a != .centreOverRows, total < best - 1e-9 {
                best = total
                // Trace back the best boundaries.
                // Of equally good boundaries the latest: a blank row takes the value above
                // it (as an industry is filled down) unless the positions say otherwise.
                var j = marginal[m - 2].lastIndex(where: { $0 <= total + 1e-9 })!
                var choice = [Int](repeating: 0, count: m - 1)
                for k in stride(from: m - 2, through: 0, by: -1) {
                    choice[k] = candidates[k][j]
                    j = back[k][j]
                }
                bestChoice = choice
            }
        }
        return (0..<(m - 1)).map { k in
            var plausible = candidates[k].indices.filter { j in
                marginals.contains { $0[k][j] <= best + margin - 1e-9 || !best.isFinite }
            }.map { candidates[k][$0] }
            plausible.append(bestChoice[k])
            return (bestChoice[k], plausible.min()!...plausible.max()!)
        }
    }

    /// The first and last row on each page (rows are in page order).
    static func pageRows(_ rows: [Extent]) -> [Int: (first: Int, last: Int)] {
        var pageRows: [Int: (first: Int, last: Int)] = [:]
        for (i, r) in rows.enumerated() {
            if let p = pageRows[r.page] { pageRows[r.page] = (p.first, i) } else { pageRows[r.page] = (i, i) }
        }
        return pageRows
    }

    /// How far `value` sits from where alignment `a` puts it in the block of rows `s` … `e` (its
    /// part on the value's page; a block cut by a page break may show its text at its part's top).
    static func blockCost(
        _ v: Value, _ s: Int, _ e: Int, _ a: Alignment, rows: [Extent], pageRows: [Int: (first: Int, last: Int)]
    ) -> Double {
        guard s <= e else { return .infinity }
        guard let span = pageRows[v.extent.page] else { return .infinity }
        let first = max(s, span.first), last = min(e, span.last)
        guard first <= last else { return .infinity }
        let top = rows[first].top, bottom = rows[last].bottom
        let c: Double
        switch a {
        case .top: c = abs(v.extent.top - top)
        case .bottom: c = abs(v.extent.bottom - bottom)
        case .centre, .centreOverRows: c = abs((v.extent.top + v.extent.bottom) / 2 - (top + bottom) / 2)
        }
        // (Cut by a page break: rows of the block on another page, or its last row here split
        // by the break, running onto the next.)
        guard last - first < e - s || (last == e && rows[last].lastPage > rows[last].page) else { return c }
        // Cut by a page break: the text may sit at its part's top. (A word processor sets a
        // centred cell's text at the top of its first part: the part holding the text is the
        // block's first, or the text is not centred.)
        if a == .centre, first == s { return abs(v.extent.top - top) }
        let atTop = min(c, abs(v.extent.top - top))
        guard a == .centreOverRows else { return atTop }
        let pitch = (bottom - top) / Double(last - first + 1)
        return min(atTop, abs(Double(v.first + v.last) / 2 - Double(s + e) / 2) * pitch)
    }
}

