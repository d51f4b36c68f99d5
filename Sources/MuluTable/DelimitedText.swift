import Foundation
import MuluModel
import MuluExtract

/// Puts every record of a table saved by a spreadsheet or copied from a word processor on one
/// line of tab-separated cells, before the text is read line by line.
///
/// Three ways a record leaves its line, told apart by the header line's separator:
/// - CSV (a header of comma-separated cells, or semicolon-separated as Excel saves it in a
///   European locale, or bar-separated as a Markdown table, `|序号|行业|…|`): the separator
///   separates cells, and a cell in double quotes holds separators, quotes (`""`) and line breaks
///   (`"初级,中级：2,160元/人"`); with bars, a line's bar at either end is no separator and a
///   rule line (`|---|:--|`) is an empty line;
/// - Excel's "Unicode text" (tabs): a cell holding a line break or a quote is in double quotes;
/// - a Word table copied as text (tabs, no quotes): a cell's line break splits its record over
///   two or more lines, whose cells add up to the header's (`4⇥制造业⇥6-24-03-01-10⇥电缆金属护套`
///   then `制造工⇥初级、中级：2160元/人⇥…`).
///
/// A cell's line break is the wrapped rest of its text: the pieces are joined without a blank,
/// as a wrapped name is (`电缆金属护套制造工`). A cell's opening and closing quotes become blanks,
/// so the cells keep their columns; each output line keeps the number of the file line its
/// record starts on.
public enum DelimitedText {
    /// The records, one per line, and for each line (0-based) the file line (1-based) it starts on.
    public struct Records: Sendable {
        public var bytes: [UInt8]
        public var lines: [Int]
    }

    /// How a header line separates its cells.
    enum Separator: UInt8 {
        case tab = 0x09
        case comma = 0x2C
        case semicolon = 0x3B
        case bar = 0x7C
    }

    /// The records of `bytes` (decoded UTF-8) one per line, or nil when every record already is
    /// on a line of its own (or no header among the first `probeLines` lines is delimited by
    /// tabs or commas). A header is a line of at least `TableSettings.minHeaderKeywords` cells
    /// naming distinct fields.
    public static func records(_ bytes: [UInt8], probeLines: Int) -> Records? {
        // A table whose columns a rule line marks out (`==== ======`): cut by the rule, tabbed.
        if let cut = RuledTextColumns.tabbed(bytes, probeLines: probeLines) {
            return delimited(cut, probeLines: probeLines)
                ?? Records(bytes: cut, lines: Array(1...max(1, lineRanges(cut).count)))
            // (Byte for byte: each line is the file's.)
        }
        // A table drawn with full-width bars (`｜序号｜行业｜`) or box-drawing characters
        // (`│序号│行业│`, `├──┼──┤`): read as a bar-separated one when its header is.
        // So is one drawn in ASCII (`+------+------+`, `+======+`, then `| 序号 | 行业 |`).
        // (Box drawing: a cell spanning columns first given its missing bars.)
        let drawn = asciiBars(bytes, probeLines: probeLines).map { converted in
            spannedColumnsSplit(bytes).flatMap { asciiBars($0, probeLines: probeLines) } ?? converted
        }
        if var barred = drawn ?? asciiGrid(bytes, probeLines: probeLines) {
            // A header in two rows, a group's label over its sub-columns: one line.
            if let header = joinedBoxHeader(barred) { barred = header }
            // A merged cell's text printed on a rule line: given to the record above.
            if let lifted = liftedRuleText(barred) { barred = lifted }
            // A record drawn over several lines between two rule lines: one line.
            if let joined = joinedBoxRecords(barred) { barred = joined }
            if let merged = mergedBoxCells(barred) { barred = merged }
            if let (_, separator) = findHeader(barred, lines: lineRanges(barred, limit: probeLines)[...]), separator == .bar {
                return delimited(barred, probeLines: probeLines)
            }
        }
        return delimited(bytes, probeLines: probeLines)
    }

    /// `bytes` with the rule lines of a table drawn in ASCII (`+------+======+`: `+`, `-`, `=`,
    /// `:` and blanks, two `+` or more) written as a bar table's (`|------|------|`), byte for
    /// byte; nil when the opening `probeLines` lines hold none.
    static func asciiGrid(_ bytes: [UInt8], probeLines: Int) -> [UInt8]? {
        func isGridRule(_ line: Range<Int>) -> Bool {
            var plus = 0
            for i in line {
                switch bytes[i] {
                case 0x2B: plus += 1
                case 0x2D, 0x3D, 0x3A, 0x20, 0x09: continue
                default: return false
                }
            }
            return plus >= 2
        }
        guard lineRanges(bytes, limit: probeLines).contains(where: isGridRule) else { return nil }
        var out = bytes
        for line in lineRanges(bytes) where isGridRule(line) {
            for i in line {
                if out[i] == 0x2B { out[i] = 0x7C } else if out[i] == 0x3D { out[i] = 0x2D }
            }
        }
        return out
    }

    /// `bytes` (a table drawn with box-drawing characters, not yet made ASCII) with a bar (`|`, in
    /// place of a blank) in each cell that spans columns, where the columns it spans part: a rule
    /// line's `┴` (a bar above, none below) marks a column boundary that the record under it, to
    /// the next rule line, does not draw (`│ 按实际发生费用          │` under `┴──────┴`, as w3m
    /// draws a cell spanning 初级 | 中级 | 高级). The bar goes at the boundary's place when the
    /// cell is blank there, else in the cell's last blank; the cell's text then stands in its
    /// first column, the others empty, as a spreadsheet saves such a cell. Byte offsets are kept.
    /// Nil when no record spans columns.
    static func spannedColumnsSplit(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = lineRanges(bytes)
        // A line's characters: byte offset, display column, and the box character's code (0: other).
        func layout(_ line: Range<Int>) -> [(at: Int, col: Int, code: UInt32)] {
            var out: [(at: Int, col: Int, code: UInt32)] = []
            bytes.withUnsafeBufferPointer { p in
                var i = line.lowerBound, col = 0
                while i < line.upperBound {
                    let b = p[i]
                    let n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    var code: UInt32 = 0
                    if n == 3, i + 2 < line.upperBound {
                        code = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    } else if b == 0x7C {
                        code = 0x2502
                    }
                    out.append((i, col, code))
                    col += n >= 3 ? TextLayout.displayColumns(p, at: i, end: line.upperBound) : 1
                    i += n
                }
            }
            return out
        }
        func isHorizontal(_ c: UInt32) -> Bool { [0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550].contains(c) }
        // Junctions with arms up and sideways but none down (`┴ ┵ ┶ ┷ ┸ ┹ ┺ ┻`, `╧ ╨ ╩`).
        func endsBelow(_ c: UInt32) -> Bool { (0x2534...0x253B).contains(c) || (0x2567...0x2569).contains(c) }
        func isBar(_ c: UInt32) -> Bool { c == 0x2502 || c == 0x2503 || c == 0x2551 || c == 0xFF5C }
        var out = bytes
        var changed = false
        var k = 0
        while k < lines.count {
            let rule = layout(lines[k])
            guard rule.contains(where: { isHorizontal($0.code) }) else { k += 1; continue }
            let ends = rule.filter { endsBelow($0.code) }.map(\.col)
            k += 1
            guard !ends.isEmpty else { continue }
            // The record under the rule line, line by line, to the next rule line.
            while k < lines.count {
                let record = layout(lines[k])
                if record.contains(where: { isHorizontal($0.code) }) || !record.contains(where: { isBar($0.code) }) { break }
                let bars = record.filter { isBar($0.code) }
                var used = Set<Int>()
                for c in ends where !bars.contains(where: { $0.col == c }) {
                    guard let left = bars.last(where: { $0.col < c }), let right = bars.first(where: { $0.col > c }) else { continue }
                    let blanks = record.filter { $0.at > left.at && $0.at < right.at && bytes[$0.at] == 0x20 && !used.contains($0.at) }
                    // At the boundary's place, or the cell's last blank (a blank kept before it).
                    guard let spot = blanks.first(where: { $0.col == c })
                        ?? blanks.dropFirst().last(where: { b in !used.contains(b.at - 1) && !used.contains(b.at + 1) }) else { continue }
                    out[spot.at] = 0x7C
                    used.insert(spot.at)
                    changed = true
                }
                k += 1
            }
        }
        return changed ? out : nil
    }

    /// `bytes` with every full-width bar and box-drawing character made ASCII, three bytes for
    /// three so that columns keep their offsets: a line (`─`, `═` …) `---`, any other (bars,
    /// corners, junctions) `|` and two blanks. Nil when the opening `probeLines` lines hold none.
    /// A byte scan: the characters are U+FF5C (EF BD 9C) and U+2500–U+257F (E2 94/95 xx).
    static func asciiBars(_ bytes: [UInt8], probeLines: Int) -> [UInt8]? {
        let probeEnd = lineRanges(bytes, limit: probeLines).last?.upperBound ?? 0
        func isBar(_ i: Int) -> Bool {
            i + 2 < bytes.count && ((bytes[i] == 0xEF && bytes[i + 1] == 0xBD && bytes[i + 2] == 0x9C)
                || (bytes[i] == 0xE2 && (bytes[i + 1] == 0x94 || bytes[i + 1] == 0x95)))
        }
        guard (0..<probeEnd).contains(where: isBar) else { return nil }
        // Horizontal lines: U+2500 ─, 2501 ━, 2504 ┄, 2505 ┅, 2508 ┈, 2509 ┉, 254C ╌, 254D ╍, 2550 ═.
        let horizontal: Set<UInt16> = [0x9480, 0x9481, 0x9484, 0x9485, 0x9488, 0x9489, 0x958C, 0x958D, 0x9590]
        var out = bytes
        var i = 0
        while i < out.count {
            if out[i] >= 0xE2, isBar(i) {
                let line = out[i] == 0xE2 && horizontal.contains(UInt16(out[i + 1]) << 8 | UInt16(out[i + 2]))
                out[i] = line ? 0x2D : 0x7C
                out[i + 1] = line ? 0x2D : 0x20
                out[i + 2] = line ? 0x2D : 0x20
                i += 3
            } else {
                i += 1
            }
        }
        return out
    }

    /// `bytes` (a drawn table, its bars and rules made ASCII) with each record drawn over several
    /// lines between two rule lines (`├──┼──┤`) put on its first line, its cells joined column by
    /// column (`仪器仪表维修` + `工`, `初级、中级：1200` + `元/人`), the lines after it left empty so
    /// that every line keeps its number; nil when no record spans lines. A table without rule
    /// lines between its records (Markdown) is left as it is.
    static func joinedBoxRecords(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = lineRanges(bytes)
        func isRule(_ line: Range<Int>) -> Bool {
            !line.isEmpty && barTrimmed(bytes, line).isEmpty && bytes[line].contains(0x7C) && bytes[line].contains(0x2D)
        }
        func isCells(_ line: Range<Int>) -> Bool {
            !isRule(line) && bytes[line].contains(0x7C) && !barTrimmed(bytes, line).isEmpty
        }
        func pieces(_ line: Range<Int>) -> [String] {
            String(decoding: bytes[barTrimmed(bytes, line)], as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var replaced: [Int: [UInt8]] = [:]
        var k = 0
        while k < lines.count {
            guard k > 0, isRule(lines[k - 1]), isCells(lines[k]) else { k += 1; continue }
            var end = k
            while end < lines.count, isCells(lines[end]) { end += 1 }
            defer { k = end }
            guard end - k >= 2, end < lines.count, isRule(lines[end]) else { continue }
            let rows = (k..<end).map { pieces(lines[$0]) }
            guard let width = rows.first?.count, width > 1, rows.allSatisfy({ $0.count == width }) else { continue }
            // (Lines that each start with a row number are records of their own, the table
            // ruled only around its body: psql, `sqlite3 -box`, tabulate's `pretty`.)
            guard rows.filter({ RowNumber.parse(Blank.removed(from: $0[0])) != nil }).count < 2 else { continue }
            var cells = [String](repeating: "", count: width)
            for row in rows {
                for (c, var piece) in row.enumerated() where !piece.isEmpty {
                    // (Pandoc's hard line break, a backslash ending a cell's line: a break, no text.)
                    if piece.hasSuffix("\\"), !piece.hasSuffix("\\\\") { piece.removeLast() }
                    // (Latin words apart by a blank; Chinese text and amounts joined as wrapped.)
                    if let last = cells[c].last, let first = piece.first, last.isASCII && last.isLetter && first.isASCII && first.isLetter {
                        cells[c] += " "
                    }
                    cells[c] += piece
                }
            }
            replaced[k] = Array(("|" + cells.joined(separator: "|") + "|").utf8)
            for j in (k + 1)..<end { replaced[j] = [] }
        }
        return withLinesReplaced(bytes, lines, replaced)
    }

    /// `bytes` (a drawn table, its bars and rules made ASCII) with a header drawn in two rows —
    /// a group's label (`补贴标准（元/人）`) over its sub-columns (`培训补贴`, `鉴定补贴`), a short
    /// rule (`├────┬────┤`) between them on the line of the other cells — put on its first line,
    /// each column's words joined top to bottom, the group's label left out (or, over levels,
    /// put before each); the lines after it left empty. Nil when the first header is not so drawn.
    static func joinedBoxHeader(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = lineRanges(bytes, limit: 400)
        // A line's cells, without what lies outside its first and last bars.
        func parts(_ line: Range<Int>) -> [Substring] {
            let all = barPieces(bytes, line)
            return all.count > 2 ? Array(all.dropFirst().dropLast()) : []
        }
        func isRule(_ cells: [Substring]) -> Bool { !cells.isEmpty && cells.allSatisfy(isDashes) }
        // The first block of cell lines between two rule lines.
        guard let top = lines.indices.first(where: { isRule(parts(lines[$0])) }),
              let close = lines.indices.dropFirst(top + 1).first(where: { isRule(parts(lines[$0])) }),
              close - top >= 3 else { return nil }
        let width = parts(lines[close]).count
        let block = ((top + 1)..<close).map { parts(lines[$0]) }
        guard block.allSatisfy({ !$0.isEmpty && $0.count <= width }), block.contains(where: { $0.count < width }) else { return nil }
        // The short rule under the group: a run of dash cells on a line of full width.
        guard let ruled = block.first(where: { $0.count == width && $0.contains(where: isDashes) }),
              let g = ruled.firstIndex(where: isDashes) else { return nil }
        var span = 0
        while g + span < width, isDashes(ruled[g + span]) { span += 1 }
        guard span >= 2 else { return nil }
        var header = [String](repeating: "", count: width)
        var group = ""
        for cells in block {
            let shift: Int
            switch cells.count {
            case width: shift = 0
            case width - span + 1: shift = span - 1
            default: return nil
            }
            for (i, cell) in cells.enumerated() where !isDashes(cell) {
                let text = cell.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                if shift > 0, i == g {  // the group's label
                    group += text
                    continue
                }
                header[shift > 0 && i > g ? i + shift : i] += text
            }
        }
        // Levels under a subsidy's label (`培训补贴（元/人）` over 初级 | 中级 | 高级): each level
        // column named with the label (`培训补贴（元/人）初级`), a level sub-column of its own.
        if !group.isEmpty, (g..<(g + span)).allSatisfy({ i in
            if case .level = HeaderWords.meaning(Blank.removed(from: header[i])) { return true }
            return false
        }) {
            for i in g..<(g + span) { header[i] = group + header[i] }
        }
        var replaced: [Int: [UInt8]] = [top + 1: Array(("|" + header.joined(separator: "|") + "|").utf8)]
        for k in (top + 2)..<close { replaced[k] = [] }
        return withLinesReplaced(bytes, lineRanges(bytes), replaced)
    }

    /// A line of a drawn table (bars made ASCII) split at its bars, blanks around it left out:
    /// the piece before the first bar and after the last (empty on a drawn line) included.
    static func barPieces(_ bytes: [UInt8], _ line: Range<Int>) -> [Substring] {
        var start = line.lowerBound, end = line.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
    }

    /// Whether a piece between two bars is a rule's (`-----`, `:---:`).
    static func isDashes(_ piece: Substring) -> Bool { piece.contains("-") && piece.allSatisfy { $0 == "-" || $0 == " " || $0 == ":" } }

    /// Whether a piece of a drawn line is a stretch of rule, not a cell holding dashes (pandoc's
    /// `---` for —, padded: `| ---      |`): dashes to its end, blanks only before them (where a
    /// box-drawing junction was made a bar and two blanks).
    static func isRulePiece(_ piece: Substring) -> Bool {
        guard let last = piece.last, last == "-" || last == ":" else { return false }
        return isDashes(piece) && !piece.drop(while: { $0 == " " }).contains(" ")
    }

    /// `bytes` with the lines of `replaced` (by index into `lines`) rewritten, each line ending
    /// with a line feed; nil when nothing is replaced.
    static func withLinesReplaced(_ bytes: [UInt8], _ lines: [Range<Int>], _ replaced: [Int: [UInt8]]) -> [UInt8]? {
        guard !replaced.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (k, line) in lines.enumerated() {
            out += replaced[k] ?? Array(bytes[line])
            out.append(0x0A)
        }
        return out
    }

    /// `bytes` (a drawn table, its bars and rules made ASCII) with the text a rule line carries
    /// in a column it leaves open (`├────┤棉纺织服装产业├────┤`: `w3m` centres a cell spanning an
    /// even number of rows on the rule between its middle two) moved to the end of that column's
    /// cell on the record line above, the rule left blank there; nil when no rule line carries
    /// text.
    static func liftedRuleText(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = lineRanges(bytes)
        func pieces(_ line: Range<Int>) -> [Substring] { barPieces(bytes, line) }
        var replaced: [Int: [UInt8]] = [:]
        var above: (line: Int, cells: [Substring])?
        for (k, line) in lines.enumerated() {
            let parts = pieces(line)
            guard parts.count > 2 else {
                if bytes[line].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { above = nil }
                continue
            }
            let inner = parts.dropFirst().dropLast()
            let dashes = inner.filter(isRulePiece).count
            if dashes == inner.count { continue }  // a rule line
            if dashes == 0 {  // a record line
                above = (k, parts)
                continue
            }
            // A rule line carrying text where it leaves a column open.
            guard var record = above, record.cells.count == parts.count else { above = nil; continue }
            var rule = parts
            for c in 1..<(parts.count - 1) where !isRulePiece(parts[c]) {
                let text = parts[c].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                record.cells[c] = Substring(record.cells[c].trimmingCharacters(in: .whitespaces) + text)
                rule[c] = Substring(String(repeating: " ", count: max(parts[c].count, 1)))
            }
            replaced[record.line] = Array(record.cells.joined(separator: "|").utf8)
            replaced[k] = Array(rule.joined(separator: "|").utf8)
            above = record
        }
        return withLinesReplaced(bytes, lines, replaced)
    }

    /// `bytes` (a drawn table, its bars and rules made ASCII, each record on one line) with each
    /// merged cell's text given to every record it spans: a rule line blank over a column
    /// (`├────┤          ├────┤`, as `w3m` draws a cell spanning rows) joins the records above
    /// and below it in that column, and the block's pieces (`石油天然气化工`, `及煤化工产业`, on
    /// whichever of its records they are printed) are its value. Nil when no rule line leaves a
    /// column open.
    static func mergedBoxCells(_ bytes: [UInt8]) -> [UInt8]? {
        let lines = lineRanges(bytes)
        func pieces(_ line: Range<Int>) -> [Substring] { barPieces(bytes, line) }
        func isRule(_ line: Range<Int>) -> Bool {
            !line.isEmpty && barTrimmed(bytes, line).isEmpty && bytes[line].contains(0x7C) && bytes[line].contains(0x2D)
        }
        // Each record line with the rule line right above it (empty lines passed over).
        var records: [(line: Int, cells: [String], open: [Bool])] = []
        var rule: [Substring]?
        for (k, line) in lines.enumerated() {
            if isRule(line) {
                rule = pieces(line)
                continue
            }
            guard bytes[line].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            defer { rule = nil }
            let cells = pieces(line)
            guard let above = rule, above.count == cells.count, cells.count > 2 else { continue }
            // (A column's part of the rule with no dash: the cell above runs on.)
            let open = above.enumerated().map { c, part in
                c > 0 && c < above.count - 1 && !part.contains("-") && !part.isEmpty
            }
            records.append((k, cells.map { $0.trimmingCharacters(in: .whitespaces) }, open))
        }
        guard records.contains(where: { $0.open.contains(true) }) else { return nil }
        var cells = records.map(\.cells)
        // (Records of several widths: two tables side by side, or one of them ended.)
        let width = cells.map(\.count).max() ?? 0
        for c in 1..<max(1, width - 1) {
            var start = 0
            for r in 1...records.count {
                // A block: records joined by rules open over column c (all of one width).
                if r < records.count, cells[r].count == cells[start].count, c < cells[r].count - 1, records[r].open[c],
                   records[r].line > records[r - 1].line {
                    continue
                }
                if r - start >= 2, c < cells[start].count - 1 {
                    let value = (start..<r).map { records[$0].cells[c] }.joined()
                    for i in start..<r { cells[i][c] = value }
                }
                start = r
            }
        }
        var replaced: [Int: [UInt8]] = [:]
        for (i, record) in records.enumerated() where cells[i] != record.cells {
            replaced[record.line] = Array(cells[i].joined(separator: "|").utf8)
        }
        return withLinesReplaced(bytes, lines, replaced)
    }

    /// `records` of text whose separators are ASCII.
    static func delimited(_ bytes: [UInt8], probeLines: Int) -> Records? {
        guard let (header, separator) = findHeader(bytes, lines: lineRanges(bytes, limit: probeLines)[...]) else { return nil }
        var lines = lineRanges(bytes)
        let raw = lines
        var framed = false
        // A table drawn with a bar at each end (`|序号|行业|`) has its end bars trimmed; one whose
        // header has none (a spreadsheet saved with `|` between cells) keeps a record's last bar:
        // it stands before an empty last cell (`…|—|`, not urgent).
        if separator == .bar {
            framed = firstNonBlank(bytes, lines[header]) == 0x7C
            lines = lines.map { framed ? barTrimmed(bytes, $0) : (barTrimmed(bytes, $0).isEmpty ? barTrimmed(bytes, $0) : $0) }
        }
        let from = separator == .comma || separator == .semicolon ? 0 : header
        // A drawn header broken over lines (a mail client's line length): up to the line that
        // closes with a bar, its bars counting the columns.
        var headerEnd = header + 1
        if framed, bytes[raw[header]].last(where: { $0 != 0x20 && $0 != 0x0D }) != 0x7C,
           let close = (header + 1..<min(raw.count, header + 4)).first(where: { bytes[raw[$0]].last(where: { $0 != 0x20 && $0 != 0x0D }) == 0x7C }),
           (header + 1...close).allSatisfy({ firstNonBlank(bytes, raw[$0]) == 0x7C }) {
            headerEnd = close + 1
        }
        let width = headerEnd > header + 1 ? (header..<headerEnd).map { tabs(bytes, raw[$0], .bar) }.reduce(0, +) - 1
            : cells(bytes, lines[header], separator)
        let seqFirst = firstCell(bytes, lines[header], separator).map { HeaderWords.field($0) == .seq } ?? false
        // Nothing to do for tab text without a quoted cell or a record split over lines.
        if separator == .tab, !lines[header...].indices.contains(where: { k in
            startsQuoted(bytes, lines[k], separator)
                || splitStart(bytes, lines: lines, at: k, header: header, width: width, seqFirst: seqFirst, separator: separator) != nil
        }) {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var map: [Int] = []
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if k < from {
                out += bytes[line]
                out.append(0x0A)
                map.append(k + 1)
                k += 1
                continue
            }
            map.append(k + 1)
            // An AsciiDoc block's attributes (`[cols=",,,,,",]` before a table's `|===`): markup.
            if separator == .bar, case let t = bytes[barTrimmed(bytes, line)], t.first == 0x5B, t.last == 0x5D, t.contains(0x3D),
               t.allSatisfy({ $0 < 0x80 }) {
                out.append(0x0A)
                k += 1
                continue
            }
            if separator == .tab || separator == .bar, !startsQuoted(bytes, line, separator),
               let end = framed ? (k == header && headerEnd > header + 1 ? headerEnd : framedSplitStart(bytes, raw: raw, at: k, header: headerEnd - 1, width: width))
                   : splitStart(bytes, lines: lines, at: k, header: header, width: width, seqFirst: seqFirst, separator: separator) {
                // A Word record split by its cells' line breaks (or html2text's `<br>`): the lines joined.
                // (A line's closing blanks, html2text's hard break `  `, left out but on the last.)
                var joined: [UInt8] = []
                for j in k..<end {
                    // (A drawn row's lines keep the bars where they were broken: only its ends go.)
                    var line = framed ? (j == k ? lines[j].lowerBound : raw[j].lowerBound)..<(j == end - 1 ? lines[j].upperBound : raw[j].upperBound) : lines[j]
                    while j < end - 1, line.upperBound > line.lowerBound, bytes[line.upperBound - 1] == 0x20 { line = line.lowerBound..<(line.upperBound - 1) }
                    joined += bytes[line]
                }
                if separator == .tab {
                    out += joined
                } else {
                    _ = quotedRecord(joined, lines: [0..<joined.count], at: 0, separator: separator, into: &out)
                }
                out.append(0x0A)
                k = end
                continue
            }
            k = quotedRecord(bytes, lines: lines, at: k, separator: separator, into: &out)
            out.append(0x0A)
        }
        return Records(bytes: out, lines: map)
    }

    /// The byte ranges of the lines (without their line ends: LF, CR or CRLF).
    static func lineRanges(_ bytes: [UInt8], limit: Int = .max) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count, ranges.count < limit {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                ranges.append(start..<i)
                i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count, ranges.count < limit { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// The first header line delimited by tabs (or, without a tab, by commas, semicolons or bars
    /// outside quotes, no cell holding a blank between two words: a header whose cells blanks
    /// separate may hold one of those in one of them).
    static func findHeader(_ bytes: [UInt8], lines: ArraySlice<Range<Int>>) -> (Int, Separator)? {
        for k in lines.indices {
            let line = lines[k]
            let separators: [Separator] = bytes[line].contains(Separator.tab.rawValue) ? [.tab]
                : [.comma, .semicolon, .bar].filter { bytes[line].contains($0.rawValue) }
            for separator in separators {
                let texts = cellTexts(bytes, separator == .bar ? barTrimmed(bytes, line) : line, separator)
                // (A header word spaced out, `序 号`, `备 注`, is one word.)
                if separator != .tab, texts.contains(where: { cell in
                    let words = cell.split(whereSeparator: { $0.unicodeScalars.allSatisfy(Blank.isBlank) })
                    return words.count > 1 && !words.allSatisfy { $0.count == 1 }
                }) {
                    continue
                }
                var fields = Set<TableField>()
                for cell in texts {
                    if let f = HeaderWords.field(Blank.removed(from: cell)) { fields.insert(f) }
                }
                if fields.count >= TableSettings.minHeaderKeywords { return (k, separator) }
            }
        }
        return nil
    }

    /// The first byte of `line` that is no blank (space or tab), or nil.
    static func firstNonBlank(_ bytes: [UInt8], _ line: Range<Int>) -> UInt8? {
        line.lazy.map { bytes[$0] }.first { $0 != 0x20 && $0 != 0x09 }
    }

    /// A line of a bar-separated table without the bar at either end (`|序号|行业|` → `序号|行业`),
    /// or empty when it is a rule line (bars with `-`, `:`, `+`, `=` and blanks: `|---|:--:|`).
    static func barTrimmed(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int> {
        var start = line.lowerBound, end = line.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return line }
        // (A rule line: `|---|:--:|`, `+---+`, AsciiDoc's `|===` that opens and closes a table.)
        if bytes[start..<end].allSatisfy({ [0x7C, 0x2D, 0x3A, 0x2B, 0x3D, 0x20, 0x09].contains($0) }),
           bytes[start..<end].contains(0x2D) || bytes[start..<end].contains(0x3D), bytes[start..<end].contains(0x7C) {
            return start..<start
        }
        if bytes[start] == 0x7C { start += 1 }
        if end > start, bytes[end - 1] == 0x7C { end -= 1 }
        return start..<end
    }

    /// The texts of a line's cells (quotes not undone: a header is not quoted but for a comma).
    static func cellTexts(_ bytes: [UInt8], _ line: Range<Int>, _ separator: Separator) -> [String] {
        var texts: [String] = []
        var start = line.lowerBound
        var quoted = false
        for i in line {
            if bytes[i] == 0x22 { quoted.toggle() }
            if bytes[i] == separator.rawValue, !quoted || separator == .tab {
                texts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                start = i + 1
            }
        }
        texts.append(String(decoding: bytes[start..<line.upperBound], as: UTF8.self))
        return texts.map { $0.filter { $0 != "\"" } }
    }

    /// How many cells a line of unquoted cells has: its separators plus one, the empty ones at
    /// its end (trailing separators) not counted.
    static func cells(_ bytes: [UInt8], _ line: Range<Int>, _ separator: Separator) -> Int {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == separator.rawValue || bytes[end - 1] == 0x20 { end -= 1 }
        var n = 1
        for i in line.lowerBound..<end where bytes[i] == separator.rawValue { n += 1 }
        return n
    }

    /// The first cell of a line, blanks removed.
    static func firstCell(_ bytes: [UInt8], _ line: Range<Int>, _ separator: Separator) -> String? {
        let end = bytes[line].firstIndex(of: separator.rawValue) ?? line.upperBound
        let text = Blank.removed(from: String(decoding: bytes[line.lowerBound..<end], as: UTF8.self))
        return text.isEmpty ? nil : text
    }

    /// True when some cell of the line starts with a double quote.
    static func startsQuoted(_ bytes: [UInt8], _ line: Range<Int>, _ separator: Separator) -> Bool {
        var atStart = true
        for i in line {
            let b = bytes[i]
            if atStart, b == 0x22 { return true }
            if b == separator.rawValue { atStart = true } else if b != 0x20 { atStart = false }
        }
        return false
    }

    /// Where a record split over lines by its cells' line breaks ends (the index of the line after
    /// it), when line `k` starts one: it has a separator (a tab, or a bar) but fewer cells than
    /// the header, and the lines after it (none empty, none quoted, none starting a row when the
    /// header starts with 序号) complete it to the header's cells, each line's first cell
    /// continuing the cell before it (the last line's empty cells at its end, as separators, may
    /// be counted or not).
    static func splitStart(
        _ bytes: [UInt8], lines: [Range<Int>], at k: Int, header: Int, width: Int, seqFirst: Bool, separator: Separator
    ) -> Int? {
        guard k > header, !lines[k].isEmpty, bytes[lines[k]].contains(separator.rawValue) else { return nil }
        var total = tabs(bytes, lines[k], separator) + 1
        // (A bar row broken after its last bar, its urgency mark alone on the next line: `…|` and
        // `★`, as html2text wraps a long line; the row may lack a cell, so no count is kept.)
        if separator == .bar, k + 1 < lines.count, case let next = lines[k + 1],
           bytes[lines[k]].last(where: { $0 != 0x20 }) == separator.rawValue, !bytes[next].contains(separator.rawValue),
           UrgencyMark.read(Blank.removed(from: String(decoding: bytes[next], as: UTF8.self))) != nil {
            return k + 2
        }
        guard total < width else { return nil }
        var j = k + 1
        while j < lines.count {
            let line = lines[j]
            guard !Blank.removed(from: String(decoding: bytes[line], as: UTF8.self)).isEmpty else { return nil }
            if seqFirst, let first = firstCell(bytes, line, separator), RowNumber.parse(first) != nil { return nil }
            guard !startsQuoted(bytes, line, separator) else { return nil }
            let trimmed = total + cells(bytes, line, separator) - 1
            total += tabs(bytes, line, separator)
            j += 1
            if trimmed <= width && width <= total { return j }
            if trimmed > width { return nil }
        }
        return nil
    }

    /// Where a row of a drawn table (`| 1 | 纺织服装产业 | … |`) broken over lines ends (the
    /// index of the line after it), when line `k` starts one: it opens with a bar but holds
    /// fewer than the header's bars, and the lines after it (none empty, as a mail client breaks
    /// a long line at a blank) bring the bars to the header's count, the last line closing with
    /// one. `raw`: the lines, their end bars kept.
    static func framedSplitStart(_ bytes: [UInt8], raw: [Range<Int>], at k: Int, header: Int, width: Int) -> Int? {
        guard k > header, firstNonBlank(bytes, raw[k]) == 0x7C else { return nil }
        let bars = width + 1
        var total = tabs(bytes, raw[k], .bar)
        guard total < bars else { return nil }
        var j = k + 1
        while j < raw.count, total < bars {
            let line = raw[j]
            // (A line opening with a bar goes on the row only where it opens with no row number
            // and completes the row's bars: a mail client broke the row before a bar.)
            guard line.contains(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 && bytes[$0] != 0x0D }),
                  firstNonBlank(bytes, line) != 0x7C
                    || (tabs(bytes, line, .bar) <= bars - total
                        && firstCell(bytes, barTrimmed(bytes, line), .bar).map({ RowNumber.parse($0) == nil }) ?? true)
            else { return nil }
            total += tabs(bytes, line, .bar)
            j += 1
        }
        guard total == bars, let last = bytes[raw[j - 1]].last(where: { $0 != 0x20 && $0 != 0x0D }), last == 0x7C else { return nil }
        return j
    }

    /// The separators (tabs, unless told) of a line.
    static func tabs(_ bytes: [UInt8], _ line: Range<Int>, _ separator: Separator = .tab) -> Int {
        var n = 0
        for i in line where bytes[i] == separator.rawValue { n += 1 }
        return n
    }

    /// The most lines a quoted cell may run over: a quote not closed by then is a quote.
    static let maxQuotedLines = 8

    /// True when the quote at `i` on line `k` is closed (a quote before a separator or a line's
    /// end, not doubled) within ``maxQuotedLines`` lines.
    static func closes(_ bytes: [UInt8], lines: [Range<Int>], line k: Int, after i: Int, separator: Separator) -> Bool {
        var j = i + 1
        for n in k..<min(lines.count, k + maxQuotedLines) {
            let line = lines[n]
            if n > k { j = line.lowerBound }
            while j < line.upperBound {
                if bytes[j] == 0x22 {
                    if j + 1 < line.upperBound, bytes[j + 1] == 0x22 { j += 2; continue }
                    var e = j + 1
                    while e < line.upperBound, bytes[e] == 0x20 { e += 1 }
                    if e == line.upperBound || bytes[e] == 0x09 || bytes[e] == 0x2C || bytes[e] == separator.rawValue { return true }
                }
                j += 1
            }
        }
        return false
    }

    /// The length of the HTML line break at `i` (`<br>`, `<br/>`, `<br />`, any case), or nil.
    static func lineBreakTag(_ bytes: [UInt8], at i: Int, end: Int) -> Int? {
        guard i + 3 < end, bytes[i] == 0x3C, bytes[i + 1] | 0x20 == 0x62, bytes[i + 2] | 0x20 == 0x72 else { return nil }
        var j = i + 3
        while j < end, bytes[j] == 0x20 { j += 1 }
        if j < end, bytes[j] == 0x2F { j += 1 }
        return j < end && bytes[j] == 0x3E ? j + 1 - i : nil
    }

    /// The length of the HTML no-break space at `i` (`&nbsp;` any case, `&#160;`, `&#xa0;`), or
    /// nil: a cell copied out of a web page or a Markdown table keeps it as text.
    static func noBreakSpaceEntity(_ bytes: [UInt8], at i: Int, end: Int) -> Int? {
        guard bytes[i] == 0x26 else { return nil }
        for entity in ["&nbsp;", "&#160;", "&#xa0;"] {
            let e = Array(entity.utf8)
            guard i + e.count <= end else { continue }
            if (0..<e.count).allSatisfy({ bytes[i + $0] | 0x20 == e[$0] | 0x20 }) { return e.count }
        }
        return nil
    }

    /// Copies the record starting at line `k` into `out` with its cells apart by tabs, a quoted
    /// cell's quotes made blanks (`""` in it one quote) and its line breaks removed; returns the
    /// index of the line after the record.
    static func quotedRecord(
        _ bytes: [UInt8], lines: [Range<Int>], at k: Int, separator: Separator, into out: inout [UInt8]
    ) -> Int {
        var k = k
        var i = lines[k].lowerBound
        var atStart = true
        var quoted = false
        while true {
            if i >= lines[k].upperBound {
                // The line ends: inside a quoted cell, the record goes on on the next line.
                guard quoted, k + 1 < lines.count else { return k + 1 }
                k += 1
                i = lines[k].lowerBound
                continue
            }
            let b = bytes[i]
            if quoted {
                if b == 0x22, i + 1 < lines[k].upperBound, bytes[i + 1] == 0x22 {
                    out.append(0x22)
                    i += 2
                } else if b == 0x22 {
                    out.append(0x20)
                    quoted = false
                    i += 1
                } else {
                    // A tab inside a quoted cell is a blank of the cell, not a separator.
                    out.append(b == 0x09 ? 0x20 : b)
                    i += 1
                }
                continue
            }
            if separator == .bar, b == 0x5C, i + 1 < lines[k].upperBound, bytes[i + 1] == 0x7C {
                // `\|`: Markdown's escaped bar, a bar of the cell's text.
                out.append(0x7C)
                atStart = false
                i += 2
                continue
            }
            if separator == .bar, b == 0x3C, let n = lineBreakTag(bytes, at: i, end: lines[k].upperBound) {
                // `<br>`: a line break inside a Markdown cell, removed as a quoted cell's is.
                i += n
                continue
            }
            if b == 0x26, let n = noBreakSpaceEntity(bytes, at: i, end: lines[k].upperBound) {
                // `&nbsp;`: a blank of the cell.
                out.append(0x20)
                i += n
                continue
            }
            if separator == .bar, b == 0x2A, i + 1 < lines[k].upperBound, bytes[i + 1] == 0x2A {
                // `**一、制造业**`: Markdown's bold, no part of the text.
                i += 2
                continue
            }
            if b == separator.rawValue {
                out.append(0x09)
                atStart = true
            } else if atStart, b == 0x22, closes(bytes, lines: lines, line: k, after: i, separator: separator) {
                out.append(0x20)
                quoted = true
                atStart = false
            } else {
                out.append(b)
                if b != 0x20 { atStart = false }
            }
            i += 1
        }
    }
}
