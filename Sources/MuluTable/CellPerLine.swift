import MuluSupport
import MuluModel
import MuluExtract

/// Reads a table copied cell by cell (a web page's table in a reader view, or pasted from a
/// browser that puts every cell on a line of its own): the header's cells on consecutive lines
/// (`序号`, `行业`, `职业（工种）代码` …), then each row's cells, as many lines as the header has,
/// the first its row number.
///
/// Such text is turned into one line per row, its cells tab-separated, on the line of its row
/// number (the row's other lines are left blank, so that every line keeps its number for
/// diagnostics); the rows are then read as any tab-separated table. Rows apart by an empty line
/// have no empty cell; rows one after another (Writer's table saved as text) have an empty line
/// for each empty cell. When the rows do not come as many lines as the header has cells (a cell
/// left out, its line missing), which cell is missing cannot be told: that is said, and nothing
/// is read. A header in two rows (a cell spanning its sub-columns, `补贴标准（元/人）` over
/// `培训补贴标准` `技能评价补贴标准`, or `培训补贴标准` over 初级 中级 高级) gives its two lines and
/// the second row's count of cells; a row one cell spanning such sub-columns (`按实际发生费用`
/// over the levels, a line for the three) has that cell in the first, the others empty.
public enum CellPerLine {
    /// The fewest header cells, on lines of their own, that make such a header.
    public static let minHeaderCells = 5

    /// The text with each row's cells joined onto one line, or `bytes` itself when its header is
    /// not printed one cell per line. Throws when it is, but its rows do not divide into as many
    /// lines as the header has cells.
    public static func joined(_ bytes: [UInt8], path: String, probeLines: Int = 400) throws -> [UInt8] {
        // Pages (form feeds) are kept only by text that is not cell by cell.
        guard hasLoneSeqLine(bytes), !bytes.contains(0x0C) else { return bytes }
        let spans = TextLayout.spans(bytes)
        return try bytes.withUnsafeBufferPointer { p -> [UInt8] in
            var tokens: [TextLayout.Token] = []
            // Each line's text from its first token to its last (nil: blank).
            func cell(_ k: Int) -> Range<Int>? {
                TextLayout.tokens(p, spans[k], into: &tokens)
                guard let first = tokens.first, let last = tokens.last else { return nil }
                return first.start..<last.end
            }
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
            func rowNumber(_ k: Int) -> Int? {
                guard let r = cell(k), tokens.count == 1 else { return nil }
                return RowNumber.parse(text(r))
            }
            func isRowNumber(_ k: Int) -> Bool { rowNumber(k) != nil }
            // A section heading on a line of its own (`一、农、林、牧、渔业`): no cell, kept as a
            // line of its own (the table is read with it as such).
            func isHeading(_ k: Int) -> Bool {
                guard let r = cell(k), tokens.count == 1 else { return false }
                return SectionHeading.name(Blank.removed(from: text(r))) != nil
            }
            // A header at line k: 序号 alone on a line, then single cells up to the first row number.
            func headerAt(_ k: Int) -> Range<Int>? {
                guard let r = cell(k), tokens.count == 1, HeaderWords.meaning(Blank.removed(from: text(r))) == .field(.seq) else { return nil }
                var end = k + 1
                var fields = Set<TableField>([.seq])
                while end < spans.count, !isRowNumber(end), !isHeading(end), let c = cell(end), tokens.count == 1 {
                    if let f = HeaderWords.field(Blank.removed(from: text(c))) { fields.insert(f) }
                    end += 1
                }
                var first = end
                while first < spans.count, cell(first) == nil || isHeading(first) { first += 1 }
                guard end - k >= minHeaderCells, fields.count >= 4, first < spans.count else { return nil }
                return isRowNumber(first) || secondRow(after: k..<end) != nil ? k..<end : nil
            }
            // A header in two rows (Writer's table saved as text, a cell spanning columns over its
            // sub-columns, `培训补贴标准` over 初级 中级 高级): after the first row's cells, the second
            // row's, an empty line for each cell that spans rows from above, up to the first row
            // number. Each run of its filled cells lies under one cell of the first row, which
            // spans them; the runs must account for every cell the second row has more. The first
            // row's cells spread over the second's columns (nil: spanned), and the second's.
            func secondRow(after header: Range<Int>) -> (lines: Range<Int>, first: [Range<Int>?], second: [Range<Int>?], spans: [(start: Int, count: Int)])? {
                var next = header.upperBound
                while next < spans.count, next - header.upperBound <= 4 * header.count, !isRowNumber(next) {
                    if cell(next) != nil, tokens.count != 1 || isHeading(next) { return nil }
                    next += 1
                }
                guard next < spans.count, isRowNumber(next) else { return nil }
                var block = header.upperBound..<next
                let row1 = header.map { cell($0) }
                // (Blank lines between the header and the first row: as many as the sums need.)
                while true {
                    let row2 = block.map { cell($0) }
                    var first: [Range<Int>?] = []
                    var runs: [(start: Int, count: Int)] = []
                    var i = 0, j = 0
                    while j < row2.count, i < row1.count {
                        var run = 1
                        if row2[j] != nil { while j + run < row2.count, row2[j + run] != nil { run += 1 } }
                        if run > 1 { runs.append((j, run)) }
                        first.append(row1[i])
                        first += [Range<Int>?](repeating: nil, count: run - 1)
                        i += 1
                        j += run
                    }
                    if i == row1.count, j == row2.count, row2.count > row1.count, row2.contains(where: { $0 != nil }) {
                        return (block, first, row2, runs)
                    }
                    guard block.count > row1.count, cell(block.upperBound - 1) == nil else { return nil }
                    block = block.lowerBound..<(block.upperBound - 1)
                }
            }
            // The first line holding 序号 alone is the header's, or there is none.
            let header = spans.indices.prefix(probeLines).first { k in
                guard let r = cell(k), tokens.count == 1 else { return false }
                return HeaderWords.meaning(Blank.removed(from: text(r))) == .field(.seq)
            }.flatMap(headerAt)
            guard let header else { return bytes }
            var width = header.count
            var joinedLines: [Int: [Range<Int>?]] = [header.lowerBound: header.map { cell($0)! }]
            var emptied = Set(header.dropFirst())
            var bodyStart = header.upperBound
            // Where the second header row's runs (a first-row cell spanning them) start, and how long.
            var levelSpans: [(start: Int, count: Int)] = []
            if !isRowNumber(header.upperBound), let second = secondRow(after: header) {
                // (The second row on the line after the first's, as a header's two lines are read.)
                width = second.second.count
                joinedLines[header.lowerBound] = second.first
                joinedLines[header.lowerBound + 1] = second.second
                emptied.remove(header.lowerBound + 1)
                emptied.formUnion(second.lines)
                bodyStart = second.lines.upperBound
                levelSpans = second.spans
            }
            // The last line that is a row number alone: the rows end there (notes may follow).
            let lastRow = spans.indices.last(where: isRowNumber) ?? header.upperBound
            // Every row exactly as many lines as the header has cells, an empty cell an empty
            // line (Writer's table saved as text): read so when every row number falls at a row's
            // start and some row has an empty cell.
            // (A later table, its label and title, then its own header: read likewise.)
            var strided: [Int: [Range<Int>?]] = [:]
            var stridedEmptied = Set<Int>()
            var rowWidth = width
            var k = bodyStart
            while k < spans.count, cell(k) == nil { k += 1 }
            while k < spans.count {
                if isHeading(k) { k += 1; continue }
                // A row short by a run's cells but one, the next row's number that early, its cell
                // at the run's start a subsidy in words (`按实际发生费用` over 初级 中级 高级): one
                // cell spanning the run, the others empty.
                if let seq = rowNumber(k), let next = (k + 1..<min(k + rowWidth, spans.count)).first(where: { rowNumber($0) == seq + 1 }),
                   let run = levelSpans.first(where: { next - k == rowWidth - ($0.count - 1) }),
                   let r = cell(k + run.start), !text(r).contains(where: \.isNumber) {
                    var cells = (k..<k + run.start + 1).map { cell($0) }
                    cells += [Range<Int>?](repeating: nil, count: run.count - 1)
                    cells += (k + run.start + 1..<next).map { cell($0) }
                    strided[k] = cells
                    stridedEmptied.formUnion(k + 1..<next)
                    k = next
                    continue
                }
                guard let seq = rowNumber(k), k + rowWidth <= spans.count,
                      !(k + 1..<k + rowWidth).contains(where: { rowNumber($0) == seq + 1 }) else {
                    var next = k
                    while next < min(k + 4, spans.count), cell(next) != nil, headerAt(next) == nil { next += 1 }
                    guard next < spans.count, let later = headerAt(next) else { break }
                    strided[later.lowerBound] = later.map { cell($0) }
                    stridedEmptied.formUnion(later.dropFirst())
                    rowWidth = later.count
                    k = later.upperBound
                    while k < spans.count, cell(k) == nil { k += 1 }
                    continue
                }
                strided[k] = (k..<k + rowWidth).map { cell($0) }
                stridedEmptied.formUnion(k + 1..<k + rowWidth)
                k += rowWidth
            }
            if k > lastRow, strided.values.contains(where: { $0.contains(nil) }) {
                for (start, cells) in strided { joinedLines[start] = cells }
                emptied.formUnion(stridedEmptied)
                k = spans.count
            } else {
                k = bodyStart
            }
            while k < spans.count {
                if cell(k) == nil || isHeading(k) { k += 1; continue }
                guard let seq = rowNumber(k) else { break }
                let group = k..<(k + width)
                // A row's lines: all there, none the next row's number, and after them a blank, the
                // next row or the end of the rows.
                let whole = group.upperBound <= spans.count && group.allSatisfy { cell($0) != nil }
                    && !group.dropFirst().contains { rowNumber($0) == seq + 1 }
                    && (group.upperBound >= spans.count || cell(group.upperBound) == nil || isRowNumber(group.upperBound)
                        || isHeading(group.upperBound) || group.upperBound > lastRow)
                guard whole else {
                    throw MuluError(file: path, problem: "line \(spans[k].line): the table is printed one cell per line "
                        + "(a web page's table copied cell by cell), and the row there does not have \(width) lines as "
                        + "the header has cells: which cell is missing cannot be told")
                }
                joinedLines[k] = group.map { cell($0)! }
                emptied.formUnion(group.dropFirst())
                k = group.upperBound
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (n, span) in spans.enumerated() {
                if let cells = joinedLines[n] {
                    for (i, r) in cells.enumerated() {
                        if i > 0 { out.append(0x09) }
                        if let r { out += p[r] }
                    }
                } else if !emptied.contains(n) {
                    out += p[span.start..<span.end]
                }
                if n + 1 < spans.count { out.append(0x0A) }
            }
            return out
        }
    }

    /// True when a line among the first `CellPerLine.scanBytes` bytes holds `序号` or `编号` alone
    /// (blanks around it allowed): a cheap look before the lines are split.
    static func hasLoneSeqLine(_ bytes: [UInt8]) -> Bool {
        // 序号, 编号: the row number's header words of `HeaderWords`.
        hasLoneLine(bytes, [0xE5, 0xBA, 0x8F, 0xE5, 0x8F, 0xB7]) || hasLoneLine(bytes, [0xE7, 0xBC, 0x96, 0xE5, 0x8F, 0xB7])
    }

    static func hasLoneLine(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        let end = min(bytes.count, scanBytes)
        var i = 0
        while i + word.count <= end {
            guard bytes[i] == word[0], bytes[i..<(i + word.count)].elementsEqual(word) else { i += 1; continue }
            var before = i - 1
            while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
            if before >= 2, bytes[(before - 2)...before].elementsEqual([0xEF, 0xBB, 0xBF]) { before -= 3 }  // a BOM
            var after = i + word.count
            while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
            if before < 0 || bytes[before] == 0x0A || bytes[before] == 0x0D,
               after == bytes.count || bytes[after] == 0x0A || bytes[after] == 0x0D { return true }
            i += word.count
        }
        return false
    }

    /// How far into a text its header is looked for (`序号` alone on a line).
    static let scanBytes = 65_536
}
