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
/// is read.
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
                return end - k >= minHeaderCells && fields.count >= 4 && first < spans.count && isRowNumber(first) ? k..<end : nil
            }
            // The first line holding 序号 alone is the header's, or there is none.
            let header = spans.indices.prefix(probeLines).first { k in
                guard let r = cell(k), tokens.count == 1 else { return false }
                return HeaderWords.meaning(Blank.removed(from: text(r))) == .field(.seq)
            }.flatMap(headerAt)
            guard let header else { return bytes }
            let width = header.count
            var joinedLines: [Int: [Range<Int>?]] = [header.lowerBound: header.map { cell($0)! }]
            var emptied = Set(header.dropFirst())
            // The last line that is a row number alone: the rows end there (notes may follow).
            let lastRow = spans.indices.last(where: isRowNumber) ?? header.upperBound
            // Every row exactly as many lines as the header has cells, an empty cell an empty
            // line (Writer's table saved as text): read so when every row number falls at a row's
            // start and some row has an empty cell.
            // (A later table, its label and title, then its own header: read likewise.)
            var strided: [Int: [Range<Int>?]] = [:]
            var stridedEmptied = Set<Int>()
            var rowWidth = width
            var k = header.upperBound
            while k < spans.count, cell(k) == nil { k += 1 }
            while k < spans.count {
                if isHeading(k) { k += 1; continue }
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
                k = header.upperBound
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
