import MuluSupport
import MuluModel
import MuluExtract
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads rows from text whose cells are separated by blanks, tabs or ideographic spaces, one row
/// per line (a table copied from a web page or a document), by the shape of each cell, scanning
/// the line's UTF-8 bytes.
///
/// The header names the column order. Typed cells are recognised by content — the row number,
/// the code, a subsidy (it starts with a level: `初级…`), the urgent mark — and free-text cells
/// (industry, name) take the tokens between them, so an empty cell (a merged industry) is
/// recognised too. Rows go straight into an `EntryBuilder`; `RowRecord`s are made only when
/// asked for (`mulu extract`).
public enum DelimitedReader {
    /// What reading gives: the entries (in the builder), the rows when kept, what was not a row.
    public struct Result<Sink: RowSink>: Sendable {
        /// What the rows went into.
        public var sink: Sink
        /// The first table's columns: what the reader decided.
        public var columns: ColumnMap
        public var rows: [RowRecord]
        public var unplaced: [UnplacedFragment]
        /// Rows with fewer tab-separated cells than the header, and what the rows with all their
        /// cells show: counted over every part before any short row is judged.
        var short = ShortRows()
    }

    /// Rows with fewer cells apart by tabs than the header has columns (read as if their empty
    /// cells at the end were cut off), and how many rows keep an empty last cell. (Each short row
    /// with the columns, but the last, it has no cell for; per column, how many rows with every
    /// cell have it filled.)
    struct ShortRows: Sendable {
        var rows: [(seq: Int, at: Fragment, cells: Int, header: Int, missing: [Int])] = []
        var keptEmptyLast = 0, fullRows = 0
        var filled: [Int] = []

        mutating func add(_ other: ShortRows) {
            rows += other.rows
            keptEmptyLast += other.keptEmptyLast
            fullRows += other.fullRows
            if filled.count < other.filled.count { filled += [Int](repeating: 0, count: other.filled.count - filled.count) }
            for (n, c) in other.filled.enumerated() { filled[n] += c }
        }

        /// A row with fewer cells lost one, rather than had its empty cells at the end cut off,
        /// where rows keep their empty last cells (`…,160元/人,`) or where it has no cell in a
        /// column (not the last) that every row with all its cells fills: which is missing cannot
        /// be told (a published `*` would be read as not urgent). (A writer that cuts empty ends
        /// off leaves rows without their last, sometimes empty, cells: read so.)
        func unplaced() -> [UnplacedFragment] {
            rows.filter { r in keptEmptyLast > 0 || (fullRows > 0 && r.missing.contains { $0 < filled.count && filled[$0] == fullRows }) }.map { r in
                UnplacedFragment(
                    fragment: r.at,
                    reason: "row \(r.seq) has \(r.cells) cells, the header \(r.header), and other rows fill the ones it lacks: which cell is missing cannot be told")
            }
        }
    }

    /// A table of the notice: where its header starts, its columns, its label and title.
    public struct Table: Sendable {
        /// Page (1-based) and line index on that page of the table's first header line.
        public var page: Int
        public var index: Int
        public var columns: ColumnMap
        public var label: String?
        public var title: String?
        public init(page: Int, index: Int, columns: ColumnMap, label: String? = nil, title: String? = nil) {
            self.page = page
            self.index = index
            self.columns = columns
            self.label = label
            self.title = title
        }
    }

    /// A notice is read in parts of at least this many lines, one part per core, when it has
    /// that many lines per core; a smaller notice is read in one part (a thread costs more).
    public static let minLinesPerPart = 20_000

    /// Reads every body line. `pages` and `roles` are the classified lines of `spans`.
    ///
    /// Lines are read in consecutive parts on the machine's cores, each into its own
    /// `EntryBuilder`; the builders are then appended in order (an industry merged across the
    /// boundary is filled down by `EntryBuilder.append`), so the result is the same as reading
    /// in one part.
    /// `parts` overrides the number of parts (tests read one notice in many).
    public static func read<Sink: RowSink>(
        _ bytes: [UInt8], spans: [TextLayout.LineSpan], pages: [PageText], roles: [[LineRole]], keepRows: Bool,
        parts: Int? = nil, tables: [Table]? = nil, makeSink: @escaping @Sendable (_ expectedRows: Int) -> Sink
    ) -> Result<Sink> {
        let tables = tables ?? Self.tables(pages: pages, roles: roles).tables
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        // Rows without a leading row number (numbered as they come) are read in one part.
        let led = tables.allSatisfy { $0.columns.kinds.first == .field(.seq) && $0.columns.numbered }
        let partCount = led ? max(1, min(parts ?? min(cores, spans.count / minLinesPerPart), spans.count)) : 1
        // Each part starts at a line that starts with a row number, so that a line that goes
        // with the row above it (the wrapped rest of its name or industry) is read in the same
        // part as that row, exactly as in one part.
        var bounds = (0...partCount).map { $0 * spans.count / partCount }
        bytes.withUnsafeBufferPointer { p in
            // A line the reader itself reads as a row (a body line whose first token is a row
            // number, not a numbered note), so that each part starts as reading in one part
            // would be there: with a row, not with a line that depends on the one before.
            var tokens: [TextLayout.Token] = []
            func startsRow(_ span: TextLayout.LineSpan) -> Bool {
                guard RowNumber.startsLine(p, start: span.start, end: span.end),
                      roles[span.page - 1][span.index] == .body else { return false }
                TextLayout.tokens(p, span, into: &tokens)
                guard let first = tokens.first, seqValue(p, first) != nil else { return false }
                // (Not a number alone on its line: a page number, read by what is before it.)
                return tokens.count > 1 && !isNumberedNote(p, tokens)
            }
            for k in 1..<max(1, partCount) {
                var b = max(bounds[k], bounds[k - 1])
                while b < spans.count, !startsRow(spans[b]) { b += 1 }
                bounds[k] = b
            }
        }
        let parts = (0..<partCount).map { k -> @Sendable () -> Result<Sink> in
            let lines = spans[bounds[k]..<bounds[k + 1]]
            // The first part's builder has room for every row: the others are appended to it.
            let expected = k == 0 ? spans.count : lines.count
            return { readPart(bytes, lines: lines, roles: roles, tables: tables, keepRows: keepRows, sink: makeSink(expected)) }
        }
        var results = partCount == 1 ? [parts[0]()] : Parallel.run(parts)
        var result = results.removeFirst()
        // Each part taken out of `results`, so that its builder's entries are its own to move.
        while !results.isEmpty {
            var part = results.removeFirst()
            result.sink.append(&part.sink)
            result.rows += part.rows
            result.unplaced += part.unplaced
            result.short.add(part.short)
        }
        // (Over every part's rows, as reading in one part judges them.)
        result.unplaced += result.short.unplaced()
        return result
    }

    /// Reads the body lines among `lines`.
    static func readPart<Sink: RowSink>(
        _ bytes: [UInt8], lines spans: ArraySlice<TextLayout.LineSpan>, roles: [[LineRole]], tables: [Table],
        keepRows: Bool, sink: Sink
    ) -> Result<Sink> {
        let maps = tables.isEmpty ? [ColumnMap.reference] : tables.map(\.columns)
        var result = Result(sink: sink, columns: maps[0], rows: [], unplaced: [])
        var tokens: [TextLayout.Token] = []
        tokens.reserveCapacity(16)
        var slots = [Range<Int>](repeating: 0..<0, count: 32)
        // The table of the lines read: the last whose header starts at or before them.
        var table = 0
        func advance(to span: TextLayout.LineSpan) {
            while table + 1 < tables.count,
                  (tables[table + 1].page, tables[table + 1].index) <= (span.page, span.index) { table += 1 }
        }
        if let first = spans.first { advance(to: first) }
        // True while the lines read since the last row are blank: a short line of text there may
        // be the wrapped rest of the row's name or industry.
        var previousWasRow = false
        // Each table's last row number: a row without one is numbered after it.
        var lastSeq = [Int](repeating: 0, count: max(1, tables.count))
        // The last line a row broken mid-cell took from the lines after it.
        var consumedThrough = spans.startIndex - 1
        var restTokens: [TextLayout.Token] = []
        // True after a row whose code ends with a dash (`6-24-03-01-`): its last segment may follow.
        var codeCut = false
        // Rows with fewer cells apart by tabs than the header has columns (read as if their empty
        // cells at the end were cut off), and how many rows keep an empty last cell.
        // (Each short row with the columns, but the last, it has no cell for; per column, how many
        // rows with every cell have it filled.)
        var shortRows: [(seq: Int, at: Fragment, cells: Int, header: Int, missing: [Int])] = []
        var keptEmptyLast = 0, fullRows = 0
        var filled: [Int] = []
        // (Judged once every part is read: `ShortRows.unplaced`.)
        bytes.withUnsafeBufferPointer { p in
            for n in spans.indices where n > consumedThrough {
                var span = spans[n]
                guard roles[span.page - 1][span.index] == .body else {
                    // A later table's label, title or header between: what follows is no row's rest.
                    if [.attachmentLabel, .title, .header].contains(roles[span.page - 1][span.index]) { previousWasRow = false }
                    continue
                }
                if tables.count > 1 { advance(to: span) }
                TextLayout.tokens(p, span, into: &tokens)
                guard let first = tokens.first else { continue }
                // A row broken over two lines in the middle of a cell (`…2160元/` and `人 初级或中级…`):
                // the cell joined across the line break, the next line's other cells the row's.
                if tokens.count > 1, let last = tokens.last, seqValue(p, first) != nil,
                   let rest = brokenRowRest(p, spans, after: n, cut: last, roles: roles, into: &restTokens) {
                    if rest.joinsCell {
                        tokens[tokens.count - 1].end = restTokens[0].end
                        tokens += restTokens.dropFirst()
                    } else {
                        tokens += restTokens
                    }
                    span.end = spans[rest.line].end
                    consumedThrough = rest.line
                }
                func unplaced(_ reason: String, from k: Int = 0) {
                    for t in tokens[k...] {
                        result.unplaced.append(UnplacedFragment(fragment: TextLayout.fragment(p, t, span), reason: reason))
                    }
                }
                let columns = maps[min(table, maps.count - 1)]
                if slots.count < columns.kinds.count { slots = [Range<Int>](repeating: 0..<0, count: columns.kinds.count) }
                // A row without a leading row number: the 序号 cell elsewhere, or none.
                let next = lastSeq[min(table, lastSeq.count - 1)] + 1
                var leading = columns.kinds.first == .field(.seq) ? seqValue(p, first) : nil
                // A row number typed with a letter for a digit (`l0` after row 9).
                if leading == nil, columns.kinds.first == .field(.seq), columns.numbered, next > 1,
                   first.end - first.start <= Digits.maxCount, RowNumber.isSlip(string(p, first), expected: next) {
                    leading = next
                    result.unplaced.append(UnplacedFragment(
                        fragment: TextLayout.fragment(p, first, span),
                        reason: "row number `\(string(p, first))` read as \(next) (a letter for a digit), after the row above"))
                }
                // The last segment of a code cut after its dash, alone on the next line.
                if codeCut, tokens.count == 1, first.end - first.start <= 2,
                   (first.start..<first.end).allSatisfy({ Digits.isASCII(p[$0]) || p[$0] == 0x2A }) {
                    result.sink.continueLastCode(string(p, first))
                    codeCut = false
                    continue
                }
                codeCut = false
                // A number alone on its line, out of the rows' sequence (`1` between rows 14 and
                // 15): a page's number, printed in the text's flow.
                if tokens.count == 1, let n = leading, lastSeq[min(table, lastSeq.count - 1)] > 0, n != next {
                    unplaced("a page number (a number alone on its line, out of the rows' sequence), not a row")
                    continue
                }
                // A heading numbered in figures (`1. 纺织服装产业`, `2、…`) in a table without an
                // industry column: its number is the section's, not a row's.
                if leading != nil, !columns.has(.industry), tokens.count == 2, case let number = string(p, first),
                   let mark = number.last, ".．、".contains(mark), number.count > 1,
                   let heading = sectionHeading(p, tokens) {
                    result.sink.section(heading)
                    previousWasRow = false
                    continue
                }
                var unled = leading != nil ? nil : unledRow(p, span, tokens, columns: columns, next: next, into: &slots)
                // A row of a numbered table typed without its number: numbered after the row above.
                if leading == nil, unled == nil, next > 1, let read = numberlessRow(p, span, tokens, columns: columns, into: &slots) {
                    unled = (next, read.k, read.blank, read.byTabs)
                    result.unplaced.append(UnplacedFragment(
                        fragment: TextLayout.fragment(p, first, span),
                        reason: "row without a row number (序号): numbered \(next), after the row above"))
                }
                guard let seq = leading ?? unled?.seq else {
                    defer { previousWasRow = false }
                    if !columns.has(.industry), let heading = sectionHeading(p, tokens, numbered: false) {
                        // No industry column: a line of its own naming an industry is a heading.
                        result.sink.section(heading)
                    } else if previousWasRow, tokens.count == 1, Self.isUnitOnly(string(p, first)),
                              result.sink.continueLastSubsidy(Blank.removed(from: string(p, first))) {
                        // `元/人` below a row whose subsidy cell ends in its amount: that cell's rest.
                    } else if isNote(p, first) {
                        // (Before a row's wrapped rest: `注：1.职业（工种）代码依据…` right under the
                        // last row is the note's.)
                        unplaced("a note after the table, not a row")
                    } else if previousWasRow, let piece = continuation(p, tokens) {
                        for part in piece.split(separator: Character(Self.pieceBreak)) { result.sink.continueLastRow(String(part)) }
                    } else if let heading = sectionHeading(p, tokens) {
                        result.sink.section(heading)
                    } else if TotalLine.opens(Blank.removed(from: string(p, first))) {
                        unplaced("a total (合计, 小计), not a row")
                    } else if Self.isBracketedRemark(p, span, tokens) {
                        unplaced("a remark between the rows (in brackets), not a row")
                    } else {
                        unplaced("line is not a row of the table")
                    }
                    continue
                }
                // A numbered note (`3 本目录由…负责解释`) has no row's shape: no code, no subsidy.
                // (Not a line right after a row, numbered as the next, holding a code, no sentence
                // ended with `。`: a row whose subsidy no rule reads is reported as such, never
                // taken for a note and left out.)
                if unled == nil, tokens.count > 1, isNumberedNote(p, tokens),
                   !(previousWasRow && next > 1 && seq == next && tokens.dropFirst().contains { looksLikeCode(p, $0) }
                     && !tokens.contains { NoteText.endsSentence(string(p, $0)) }) {
                    unplaced("a numbered note after the table, not a row")
                    continue
                }
                lastSeq[min(table, lastSeq.count - 1)] = seq
                var cells = RowCells(anchor: .init(page: span.page, line: span.line, column: first.column + 1))
                let k: Int
                if let unled {
                    k = unled.k
                    cells.unplacedBlank = unled.blank
                    cells.byTabs = unled.byTabs
                } else if let read = tabCells(p, span, tokens, kinds: columns.kinds, tolerant: true, into: &slots) {
                    k = read
                    cells.byTabs = true
                    let headerCells = columns.kinds.count - (columns.numbered || columns.kinds.first != .field(.seq) ? 0 : 1)
                    let all = Self.tabCellCount(p, span)
                    if all < headerCells {
                        shortRows.append((seq, TextLayout.fragment(p, first, span), all, headerCells,
                                          Array((all + columns.kinds.count - headerCells)..<(columns.kinds.count - 1))))
                    } else if all == headerCells {
                        fullRows += 1
                        if span.end > span.start, p[span.end - 1] == 0x09 { keptEmptyLast += 1 }
                        if filled.count < columns.kinds.count { filled += [Int](repeating: 0, count: columns.kinds.count - filled.count) }
                        for n in columns.kinds.indices where !slots[n].isEmpty { filled[n] += 1 }
                    }
                } else {
                    k = assign(p, tokens, kinds: columns.shapeKinds, into: &slots)
                    cells.unplacedBlank = placeBlankCells(tokens, kinds: columns.kinds, slots: &slots)
                    // More tab-separated cells than the header has columns: which is too many
                    // cannot be told (read by shape, a cell would be glued onto its neighbour).
                    let cellsByTabs = Self.tabSeparatedCells(p, tokens)
                    let headerCells = columns.kinds.count - (columns.numbered || columns.kinds.first != .field(.seq) ? 0 : 1)
                    if cellsByTabs > headerCells, cellsByTabs > 1 {
                        result.unplaced.append(UnplacedFragment(
                            fragment: TextLayout.fragment(p, first, span),
                            reason: "text after the last cell of row \(seq): the row has \(cellsByTabs) cells apart by tabs, the header \(columns.kinds.count) columns"))
                    } else if cellsByTabs > 1, case let all = Self.tabCellCount(p, span), all < headerCells,
                              (slots.prefix(columns.kinds.count).lastIndex { !$0.isEmpty } ?? 0) + 1 - (columns.kinds.count - headerCells) > all,
                              !Self.skipsOnlyTextBetweenTypedCells(slots, kinds: columns.shapeKinds, cells: all) {
                        // Fewer cells than the header, read by shape into columns past the last
                        // (a CSV or Markdown row one cell short; not one whose empty cells at the
                        // end were cut off): which is missing cannot be told, and the cells after
                        // it would take the wrong columns.
                        result.unplaced.append(UnplacedFragment(
                            fragment: TextLayout.fragment(p, first, span),
                            reason: "row \(seq) has \(all) cells, the header \(headerCells): which cell is missing cannot be told"))
                    }
                }
                cells.table = table
                var fragments: [TableField: [Fragment]] = [:]
                for (n, kind) in columns.kinds.enumerated() {
                    let r = slots[n]
                    guard !r.isEmpty else { continue }
                    // The cell's bytes run from its first token to its last, blanks between them
                    // included: the builder's normalisation reads any run of blanks as one.
                    let range = tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end
                    let place = CellPlace(page: span.page, line: span.line, column: tokens[r.lowerBound].column + 1)
                    switch kind {
                    case .field(let field):
                        guard field != .seq else { continue }
                        cells[field] = range
                        cells.setPlace(field, place)
                        if keepRows { fragments[field] = tokens[r].map { TextLayout.fragment(p, $0, span) } }
                    case .level(let field, let level):
                        cells[field, level] = range
                        if cells.place(field) == nil { cells.setPlace(field, place) }
                        if keepRows { fragments[field, default: []] += tokens[r].map { TextLayout.fragment(p, $0, span) } }
                    case .extra(let i):
                        cells[extra: i] = range
                    }
                }
                result.sink.add(seq: seq, cells: cells, in: p)
                previousWasRow = true
                codeCut = !cells[.code].isEmpty && p[cells[.code].upperBound - 1] == 0x2D
                if k < tokens.count { unplaced("text after the last cell of row \(seq)", from: k) }
                if keepRows {
                    result.rows.append(RowRecord(seq: seq, anchor: TextLayout.fragment(p, first, span), cells: fragments))
                }
            }
        }
        result.short = ShortRows(rows: shortRows, keptEmptyLast: keptEmptyLast, fullRows: fullRows, filled: filled)
        return result
    }

    /// Reads a line as a row whose first token is not its row number (nil when it is no row): a
    /// header whose 序号 is not its first cell (`职业编码 职业名称 序号 …`, or 行业 first, merged),
    /// or no 序号 at all (the row is numbered `next`). Tab-separated cells are placed by
    /// position (``tabCells(_:_:_:kinds:numbered:into:)``), other lines by shape with the row
    /// number a typed cell (``assign(_:_:kinds:from:into:)``). A row has its row number (when the
    /// header names one) and a code or, without a code column, a name and a subsidy.
    static func unledRow(
        _ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan, _ tokens: [TextLayout.Token],
        columns: ColumnMap, next: Int, into slots: inout [Range<Int>]
    ) -> (seq: Int, k: Int, blank: TableField?, byTabs: Bool)? {
        let kinds = columns.kinds
        guard let seqAt = kinds.firstIndex(of: .field(.seq)), seqAt > 0 || !columns.numbered else { return nil }
        var blank: TableField?
        let k: Int
        let read = tabCells(p, span, tokens, kinds: kinds, numbered: columns.numbered, into: &slots)
        if let read {
            k = read
        } else {
            k = assign(p, tokens, kinds: columns.shapeKinds, from: 0, into: &slots)
            blank = placeBlankCells(tokens, kinds: kinds, slots: &slots)
        }
        func cell(_ field: TableField) -> Range<Int>? {
            kinds.firstIndex(of: .field(field)).map { slots[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if kinds.contains(.field(.code)) {
            guard let r = cell(.code), looksLikeCode(p, tokens[r.lowerBound]) || isOtherCode(p, tokens[r.lowerBound]),
                  // A numbered note after the table (`2.本目录由…负责解释`) is no code.
                  !NoteText.opensNote(string(p, tokens[r.lowerBound])) else { return nil }
        } else {
            guard cell(.name) != nil, cell(.training) != nil || cell(.assessment) != nil else { return nil }
        }
        guard columns.numbered else { return (next, k, blank, read != nil) }
        guard let r = cell(.seq), let seq = seqValue(p, tokens[r.lowerBound]) else { return nil }
        return (seq, k, blank, read != nil)
    }

    /// Marks a cell cut at a line's end ends with (`2160元/`, `初级、中级：`, `初级、`).
    static let cutEndings: [[UInt8]] = ["/", "／", "：", ":", "、", "（", "("].map { Array($0.utf8) }

    /// The line that holds the rest of a row whose last cell is cut at the line's end
    /// (`6 … 初级、中级：2160元/` then `人 初级或中级：160元/人 *`), or whose next line starts
    /// with the rest of a unit (`…2160元` then `/人 …`): the next line that is not blank, if it is
    /// a body line that starts no row, heading or note (`joinsCell`: its first token ends the
    /// cut cell). Or, a row broken at a page break between two cells (`15 … 初级、中级：2160元/人`,
    /// the page's foot, the header repeated, then `初级或中级：160元/人 *`): the next body line
    /// after blank lines and page furniture, when it starts with a subsidy, an amount or a mark
    /// and has no row number. Its tokens are left in `rest`.
    static func brokenRowRest(
        _ p: UnsafeBufferPointer<UInt8>, _ spans: ArraySlice<TextLayout.LineSpan>, after n: Int,
        cut last: TextLayout.Token, roles: [[LineRole]], into rest: inout [TextLayout.Token]
    ) -> (line: Int, joinsCell: Bool)? {
        let lastBytes = token(p, last)
        let cut = cutEndings.contains { lastBytes.count > $0.count && lastBytes.suffix($0.count).elementsEqual($0) }
        let yuanEnd = lastBytes.suffix(3).elementsEqual("元".utf8)
        // The rest of a row after the page's furniture: only where the line itself ends a cell.
        let endsCell = !cut && (lastBytes.last == 0xBA /* 人 */ || isNone(p, last) || startsSubsidy(p, last) || isAmount(p, last))
        guard cut || yuanEnd || endsCell else { return nil }
        var m = n + 1
        var crossed = false
        while m < spans.endIndex {
            let next = spans[m]
            let body = roles[next.page - 1][next.index] == .body
            // A row ending a cell, and no furniture after it: the next row (the common case, read
            // without tokenising it here).
            if body, !cut, !yuanEnd, !crossed, next.end > next.start, !isBlankLine(p, next) { return nil }
            TextLayout.tokens(p, next, into: &rest)
            if !rest.isEmpty {
                guard !body, !cut, !yuanEnd else { break }
                crossed = true  // a page mark, a repeated header: furniture between the row's parts
            }
            m += 1
        }
        guard m < spans.endIndex, roles[spans[m].page - 1][spans[m].index] == .body, let first = rest.first, seqValue(p, first) == nil, !isNote(p, first), sectionHeading(p, rest) == nil else { return nil }
        let firstBytes = token(p, first)
        if cut { return (m, true) }
        if yuanEnd, firstBytes.first == 0x2F || firstBytes.starts(with: "／".utf8) { return (m, true) }
        // Cells after a page's furniture: a subsidy, an amount, a none or a mark first.
        guard crossed, startsSubsidy(p, first) || isAmount(p, first) || isNone(p, first) || isMark(p, first) else { return nil }
        return (m, false)
    }

    /// True when the line holds only blanks.
    static func isBlankLine(_ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan) -> Bool {
        var i = span.start
        while i < span.end {
            let n = Blank.length(p, at: i, end: span.end)
            guard n > 0 else { return false }
            i += n
        }
        return true
    }

    /// A row of a numbered table whose 序号 cell is blank (`制造业 6-24-03-01-10 电缆金属护套制造工 …`
    /// between rows 11 and 13): its cells read with the columns after 序号, when it has a whole
    /// row's shape — a code in the code column (or, without one, a name and a subsidy) and a
    /// subsidy in a subsidy column; nil otherwise.
    static func numberlessRow(
        _ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan, _ tokens: [TextLayout.Token],
        columns: ColumnMap, into slots: inout [Range<Int>]
    ) -> (k: Int, blank: TableField?, byTabs: Bool)? {
        let kinds = columns.kinds
        guard columns.numbered, kinds.first == .field(.seq), kinds.count > 2, tokens.count >= 3, !isNote(p, tokens[0]),
              !TotalLine.opens(Blank.removed(from: string(p, tokens[0]))) else { return nil }
        // A blank first cell of a tab-separated line is the row number's.
        var line = span
        while line.start < tokens[0].start, p[line.start] == 0x09 || p[line.start] == 0x20 { line.start += 1 }
        var blank: TableField?
        let k: Int
        let read = tabCells(p, line, tokens, kinds: kinds, numbered: false, into: &slots)
        if let read {
            k = read
        } else {
            var rest = [Range<Int>](repeating: 0..<0, count: kinds.count - 1)
            let kindsAfter = Array(kinds.dropFirst())
            k = assign(p, tokens, kinds: Array(columns.shapeKinds.dropFirst()), from: 0, into: &rest)
            blank = placeBlankCells(tokens, kinds: kindsAfter, slots: &rest)
            slots[0] = 0..<0
            for n in rest.indices { slots[n + 1] = rest[n] }
        }
        guard k == tokens.count else { return nil }
        func cell(_ field: TableField) -> Range<Int>? {
            kinds.firstIndex(of: .field(field)).map { slots[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if kinds.contains(.field(.code)) {
            guard let r = cell(.code), looksLikeCode(p, tokens[r.lowerBound]) else { return nil }
        }
        guard cell(.name) != nil, let s = cell(.training) ?? cell(.assessment),
              startsSubsidy(p, tokens[s.lowerBound]) || isAmount(p, tokens[s.lowerBound]) else { return nil }
        return (k, blank, read != nil)
    }

    /// The wrapped rest of a row's name or industry: one or two short tokens of text, no digit,
    /// not a heading or a note.
    ///
    /// A mark after the piece (`导体挤制工 *`, the row's urgency printed on its second line) is
    /// the row's urgency: an urgent mark is passed on as a name mark (`导体挤制工*`), a "not
    /// urgent" mark (`否`) leaves it as it is.
    static func continuation(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token]) -> String? {
        var tokens = tokens[...]
        var urgent = false
        if tokens.count == 2 || tokens.count == 3, let mark = tokens.last, isMark(p, mark) || isNoMark(p, mark) {
            urgent = isMark(p, mark)
            tokens.removeLast()
        }
        guard tokens.count <= 2 else { return nil }
        for t in tokens {
            guard !containsDigit(p, t), t.end - t.start <= 36, !isNote(p, t), !startsSubsidy(p, t), !isMark(p, t) else { return nil }
        }
        guard sectionHeading(p, Array(tokens)) == nil else { return nil }
        let text = Blank.removed(from: tokens.map { string(p, $0) }.joined())
        // A subsidy's unit alone (`元/人`: 人 ends names like 经纪人) is no rest of a name.
        guard !LineClassifier.isTitle(text), !LineClassifier.isAttachmentLabel(text), !isUnitOnly(text), !isUnitLine(text) else { return nil }
        // The rests of both the industry and the name on one line (`及水生产和供应业 班员`): two
        // pieces, the industry's first (`continueLastRow` places each).
        if tokens.count == 2, case let first = Blank.removed(from: string(p, tokens.first!)), IndustryName.endsLikeOne(first),
           case let second = Blank.removed(from: string(p, tokens.last!)), !IndustryName.endsLikeOne(second) {
            return first + Self.pieceBreak + second + (urgent ? "*" : "")
        }
        return urgent ? text + "*" : text
    }

    /// A line giving the table's unit (`单位：元/人`, `单位:元`): text above a table, never a cell's.
    static func isUnitLine(_ text: String) -> Bool {
        let t = Blank.removed(from: text)
        return (t.hasPrefix("单位：") || t.hasPrefix("单位:")) && t.count <= 12
    }

    /// A subsidy's unit alone (`元/人`, `元`, `元/人次`, `元／人`): the wrapped end of an amount.
    static func isUnitOnly(_ text: String) -> Bool {
        ["元/人", "元", "元/人次", "元/人·次", "元／人", "元／人次"].contains(Blank.removed(from: text))
    }

    /// Between two pieces of one continuation line (`continuation`).
    public static let pieceBreak = "\u{1F}"

    /// A line that starts with a number but is a note: no token after the number has a code's,
    /// a subsidy's or an amount's shape, and some reads as a sentence (long, or a note's opening);
    /// or, naming an occupation by its code (`3 6-24-03-01 电线电缆制造工 可按高级工申报。`), no
    /// token has a subsidy's, an amount's, a none mark's or a same-as-above mark's shape and some
    /// is punctuated as a sentence (`。`, `，`).
    static func isNumberedNote(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token]) -> Bool {
        let rest = tokens.dropFirst()
        // A sentence ended with `。`, with no amount, code or mark: a note, even one opening with
        // a level's name (`2. 技师、高级技师培训补贴标准另行通知。`).
        if rest.contains(where: { endsSentence(p, $0) }),
           !rest.contains(where: { isAmount(p, $0) || looksLikeCode(p, $0) || isMark(p, $0) }) {
            return true
        }
        if rest.contains(where: { startsSubsidy(p, $0) || isAmount(p, $0) || startsWordSubsidy(p, $0) || isNone(p, $0) || isSameAsAbove(p, $0) }) {
            return false
        }
        if rest.contains(where: { looksLikeCode(p, $0) }) {
            return rest.contains { NoteText.isPunctuatedSentence(string(p, $0)) }
        }
        return rest.contains { NoteText.isSentence(string(p, $0)) }
    }

    /// True when a row of `cells` cells apart by separators, fewer than the header's, was read by
    /// shape with every cell in a column and only whole free-text columns (an industry) passed
    /// over, each between two typed cells the row fills (a row number, a code): the cell missing
    /// is told (html2text leaves out a cell that spans rows: `6| 6-04-03-03| 织布工| …`).
    static func skipsOnlyTextBetweenTypedCells(_ slots: [Range<Int>], kinds: [ColumnMap.Kind], cells: Int) -> Bool {
        func isText(_ kind: ColumnMap.Kind) -> Bool {
            switch kind {
            case .field(.industry), .field(.name), .extra: return true
            default: return false
            }
        }
        let count = min(slots.count, kinds.count)
        // (The row number, read before the cells, fills its column.)
        func filled(_ n: Int) -> Bool { !slots[n].isEmpty || kinds[n] == .field(.seq) }
        guard let last = (0..<count).last(where: { !slots[$0].isEmpty }),
              (0...last).filter(filled).count == cells else { return false }
        var n = 0
        var skipped = false
        while n <= last {
            guard !filled(n) else { n += 1; continue }
            // An empty run: text columns only, with typed cells the row fills on both sides.
            var end = n
            while end <= last, !filled(end) { end += 1 }
            guard n > 0, (n..<end).allSatisfy({ isText(kinds[$0]) }), !isText(kinds[n - 1]), !isText(kinds[end]) else { return false }
            skipped = true
            n = end
        }
        return skipped
    }

    /// Gives each column of `kinds` its tokens (as a range of token indices, empty when the row
    /// has no such cell); returns the index of the first token no cell took.
    ///
    /// Typed cells (code, subsidy, amount, urgency mark) take what has their shape; a run of
    /// free-text columns (industry, name, extra) shares the tokens up to the next typed cell: one
    /// each and the name any surplus; when there are fewer tokens than columns, the name first,
    /// then the industry, then extra columns (a merged industry cell is empty). Reading starts at
    /// token `first`: 1 after a leading row number, 0 when the row number (a typed cell) is
    /// elsewhere or absent.
    static func assign(
        _ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token], kinds: [ColumnMap.Kind],
        from first: Int = 1, into slots: inout [Range<Int>]
    ) -> Int {
        var k = first
        var n = 0
        while n < kinds.count {
            let start = k
            switch kinds[n] {
            case .field(.seq):
                // The row number read here when it is not the line's first token.
                if n > 0, k < tokens.count, seqValue(p, tokens[k]) != nil { k += 1 }
            case .field(.code):
                if k < tokens.count, looksLikeCode(p, tokens[k]) || isOtherCode(p, tokens[k]) {
                    k += 1
                    // A classification mark after the code (`4-08-06-00 L`, `（S）`) is the code cell's.
                    if k + 1 < tokens.count, isClassificationMark(p, tokens[k]) { k += 1 }
                }
            case .field(.training), .field(.assessment):
                guard k < tokens.count else { break }
                if isNone(p, tokens[k]) || isSameAsAbove(p, tokens[k]) { k += 1; break }
                guard startsSubsidy(p, tokens[k]) || isAmount(p, tokens[k]) || startsWordSubsidy(p, tokens[k]) else { break }
                // A subsidy in words (`按实际发生费用`) is its token: an amount after it is the next cell's.
                if !startsSubsidy(p, tokens[k]), !isAmount(p, tokens[k]), startsWordSubsidy(p, tokens[k]),
                   k + 1 < tokens.count, isAmount(p, tokens[k + 1]) || startsSubsidy(p, tokens[k + 1]) {
                    k += 1
                    break
                }
                // A label (`培训：`) names the subsidy; a cell holding both after their labels
                // (`培训：…；评价：…`, one 补贴标准 column) goes on at the second label.
                var label = subsidyLabel(p, tokens[k])
                func labelled() {
                    // The label alone, its subsidy after a blank (`培训： 初级…`).
                    if label?.alone == true, k < tokens.count, startsSubsidy(p, tokens[k]) || isAmount(p, tokens[k]) { k += 1 }
                    // The other's label closing the token (`…2160元/人，评价：`), its subsidy after a blank.
                    if let first = label, k < tokens.count, let other = SubsidyLabel.closing(token(p, tokens[k - 1])),
                       other != first.assessment, startsSubsidy(p, tokens[k]) || isAmount(p, tokens[k]) {
                        label = (other, false)
                        k += 1
                    }
                }
                var hasAmount = containsDigit(p, tokens[k])
                k += 1
                labelled()
                if label != nil { hasAmount = containsDigit(p, tokens[k - 1]) }
                while true {
                    while k < tokens.count, !isMark(p, tokens[k]), !isNone(p, tokens[k]) {
                        // A separator alone before the other's label (`2160 元/人 ； 评价：`).
                        if label != nil, k + 1 < tokens.count, isSeparatorOnly(p, tokens[k]),
                           let second = subsidyLabel(p, tokens[k + 1]), second.assessment != label?.assessment {
                            k += 1
                            continue
                        }
                        if startsSubsidy(p, tokens[k]) {
                            guard let first = label, let second = subsidyLabel(p, tokens[k]), second.assessment != first.assessment else { break }
                            label = (second.assessment, second.alone)
                            k += 1
                            labelled()
                            hasAmount = containsDigit(p, tokens[k - 1])
                            continue
                        }
                        if isAmount(p, tokens[k]) {
                            if hasAmount { break }
                            hasAmount = true
                        } else if !continuesSubsidy(p, tokens[k]) || (hasAmount && !continuesAfterAmount(p, tokens[k])) {
                            break
                        }
                        k += 1
                        // The other's label closing the token (`2160元/人；评价：`): its subsidy follows.
                        if let first = label, let other = SubsidyLabel.closing(token(p, tokens[k - 1])), other != first.assessment {
                            label = (other, false)
                            hasAmount = false
                        }
                    }
                    guard hasAmount, continuesPerLevel(p, tokens, cell: start..<k, kinds: kinds[(n + 1)...]) else { break }
                    k += 1
                }
            case .level:
                if k < tokens.count, isAmount(p, tokens[k]) || isNone(p, tokens[k]) { k += 1 }
            case .field(.urgent):
                if k < tokens.count, isMark(p, tokens[k]) || isNoMark(p, tokens[k]) || isOddMark(p, tokens[k]) || isSameAsAbove(p, tokens[k]) { k += 1 }
            case .field(.industry), .field(.name), .extra:
                // The run of free-text columns from n, and the typed column after it.
                var end = n
                while end < kinds.count, isFree(kinds[end]) { end += 1 }
                var run = Array(n..<end)
                var stop = runEnd(p, tokens, from: k, kinds: kinds, run: n..<end)
                var resume = end
                // A code column with no cell (no token) between two free runs (行业, code, 职业):
                // the tokens up to the typed column after the second run are shared by both.
                if end + 1 < kinds.count, kinds[end] == .field(.code), isFree(kinds[end + 1]),
                   stop == tokens.count || !looksLikeCode(p, tokens[stop]) {
                    var end2 = end + 1
                    while end2 < kinds.count, isFree(kinds[end2]) { end2 += 1 }
                    let stop2 = runEnd(p, tokens, from: k, kinds: kinds, run: end + 1..<end2)
                    // (A token that may start either, `无`, is the code's.)
                    if stop > stop2 || stop == tokens.count {
                        slots[end] = k..<k
                        run += Array(end + 1..<end2)
                        stop = stop2
                        resume = end2
                    }
                }
                let count = stop - k
                if run.count == 1 {
                    // One free column (the usual case): it takes every token up to the next cell.
                    slots[n] = k..<stop
                    k = stop
                    n = resume
                    continue
                }
                let nameSlot = run.first { kinds[$0] == .field(.name) } ?? run.last!
                var chosen: [Int]
                if count >= run.count {
                    chosen = run
                } else {
                    var order = [nameSlot]
                    if let i = run.first(where: { kinds[$0] == .field(.industry) }), i != nameSlot { order.append(i) }
                    order += run.filter { !order.contains($0) }
                    chosen = Array(order.prefix(count)).sorted()
                }
                for i in run { slots[i] = k..<k }
                var t = k
                for slot in chosen {
                    let width = slot == nameSlot ? count - (chosen.count - 1) : 1
                    slots[slot] = t..<(t + width)
                    t += width
                }
                k = stop
                n = resume
                continue
            }
            slots[n] = start..<k
            n += 1
        }
        return k
    }

    /// Gives each column the tokens of its tab-separated cell, by position, when the line is
    /// tab-separated, has a cell for every column (or fewer: the empty ones at the end cut off)
    /// and every non-empty typed cell has its column's shape; nil otherwise (the cells are then
    /// told apart by shape, ``assign(_:_:kinds:into:)``).
    ///
    /// A table copied from a spreadsheet or a document keeps its empty cells as tabs: an empty
    /// training cell before an assessment (`\t\t初级：160元/人`), or an empty level sub-column,
    /// must not be filled with the next cell's subsidy as reading by shape alone would.
    static func tabCells(
        _ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan, _ tokens: [TextLayout.Token],
        kinds: [ColumnMap.Kind], numbered: Bool = true, tolerant: Bool = false, into slots: inout [Range<Int>]
    ) -> Int? {
        guard let seqAt = kinds.firstIndex(of: .field(.seq)), tokens.count > 1 || seqAt > 0 else { return nil }
        // Typed cells without their column's shape; with `tolerant`, one is read where it stands
        // when the line has a cell for every column (its builder then says what is wrong with it).
        var misfits = 0
        // A cell for every column: each cell stands where its tabs put it, however many lack
        // their column's shape (two unreadable subsidies are read as two, not taken for the name).
        var exact = false
        func misfit() -> Bool {
            misfits += 1
            return !tolerant || (misfits > 1 && !exact)
        }
        // The unprinted row number of a header without 序号 has no cell.
        let printed = seqAt == 0 && !numbered ? 1 : 0
        // Where each cell ends: the tabs between the first token and the last (tabs before and
        // after them are padding, or empty cells past the last column; but before a row number
        // that is not the first cell, the tabs before the first token are empty cells), then
        // the line's end.
        var ends: [Int] = []
        let from = seqAt > 0 || printed > 0 ? span.start : tokens[0].end
        for i in from..<tokens[tokens.count - 1].start where p[i] == 0x09 { ends.append(i) }
        guard !ends.isEmpty else { return nil }
        ends.append(span.end)
        guard ends.count <= kinds.count - printed else { return nil }
        // (Empty cells after the last token, each behind its tab, are cells of the line too.)
        exact = ends.count == kinds.count - printed || tabCellCount(p, span) == kinds.count - printed
        var t = 0
        for n in kinds.indices {
            let start = t
            if n < printed {
                slots[n] = t..<t
                continue
            }
            if n - printed < ends.count { while t < tokens.count, tokens[t].start < ends[n - printed] { t += 1 } }
            let cell = start..<t
            slots[n] = cell
            guard let first = cell.first else { continue }
            let single = cell.count == 1
            switch kinds[n] {
            case .field(.seq):
                guard single, seqAt == 0 ? first == 0 : seqValue(p, tokens[first]) != nil else { return nil }
                if seqAt == 0 { slots[n] = t..<t }
            // A spreadsheet's error value (`#REF!`) stands in its cell: the builder reports it.
            case _ where single && SpreadsheetError.isValue(token(p, tokens[first])):
                break
            case .field(.code):
                // (Or a name and its code, in a table whose names have no column of their own.)
                guard (single ? looksLikeCode(p, tokens[first]) || isOtherCode(p, tokens[first]) : isSpacedCode(p, tokens[cell]))
                        || (!kinds.contains(.field(.name)) && CodeSyntax.splitFromName(tokens[cell].map { string(p, $0) }.joined(separator: " ")) != nil)
                else { if misfit() { return nil }; continue }
            case .field(.training), .field(.assessment):
                let f = tokens[first]
                guard isNone(p, f) || startsSubsidy(p, f) || isAmount(p, f) || startsWordSubsidy(p, f) || isSameAsAbove(p, f)
                else { if misfit() { return nil }; continue }
            case .level:
                guard single, isAmount(p, tokens[first]) || isNone(p, tokens[first]) else { if misfit() { return nil }; continue }
            case .field(.urgent):
                let f = tokens[first]
                guard single, isMark(p, f) || isNoMark(p, f) || isOddMark(p, f) || isSameAsAbove(p, f) else { if misfit() { return nil }; continue }
            case .field(.industry), .field(.name), .extra:
                break
            }
        }
        if misfits > 0, !exact { return nil }
        return t
    }

    /// A line among the rows that is one remark in brackets (`（以下为新增职业（工种））`): no
    /// row's cell opens with a bracket and closes the line with it.
    static func isBracketedRemark(_ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan, _ tokens: [TextLayout.Token]) -> Bool {
        guard let first = tokens.first, let last = tokens.last else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[first.start..<last.end]), as: UTF8.self)
        return (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")"))
            || (text.hasPrefix("【") && text.hasSuffix("】"))
    }

    /// The fewest cells a line's tabs make between its first token and its last (1 when it has
    /// no tab there): tabs side by side count as one separator (they may be padding, or an empty
    /// cell).
    static func tabSeparatedCells(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token]) -> Int {
        guard let first = tokens.first, let last = tokens.last else { return 0 }
        var cells = 1
        var i = first.end
        var previousTab = false
        while i < last.start {
            let tab = p[i] == 0x09
            if tab && !previousTab { cells += 1 }
            if tab || p[i] != 0x20 { previousTab = tab }
            i += 1
        }
        return cells
    }

    /// The cells a tab-separated line holds, empty ones included: its tabs and one.
    static func tabCellCount(_ p: UnsafeBufferPointer<UInt8>, _ span: TextLayout.LineSpan) -> Int {
        var n = 1
        for i in span.start..<span.end where p[i] == 0x09 { n += 1 }
        return n
    }

    /// Places the cells of each run of subsidy columns (training and assessment side by side, or
    /// level sub-columns) that has fewer cells than columns, by the blanks between them; returns
    /// the field of a run whose blanks do not tell, nil when every run is placed.
    ///
    /// Reading by shape fills such a run from its first column, so an empty cell in the middle
    /// (`1600  2400` under 初级 中级 高级; `化学检验员  初级或中级：160元/人` with no training)
    /// would shift the cells after it. Cells apart by `w` blanks (the line's narrowest gap) with
    /// an empty cell between them are `2w` apart: each gap of `(e + 1)·w` blanks before a cell
    /// holds `e` empty cells. The empty cells left over must fit in the gap after the run (or the
    /// line ends there); otherwise which cell is empty cannot be told.
    static func placeBlankCells(_ tokens: [TextLayout.Token], kinds: [ColumnMap.Kind], slots: inout [Range<Int>]) -> TableField? {
        func subsidyField(_ kind: ColumnMap.Kind) -> TableField? {
            switch kind {
            case .field(.training), .level(.training, _): .training
            case .field(.assessment), .level(.assessment, _): .assessment
            default: nil
            }
        }
        var width = Int.max
        for i in tokens.indices.dropFirst() { width = min(width, tokens[i].column - tokens[i - 1].endColumn) }
        guard width > 0, width < Int.max else { return nil }
        var start = 0
        while start < kinds.count {
            guard let field = subsidyField(kinds[start]) else { start += 1; continue }
            var end = start + 1
            while end < kinds.count, subsidyField(kinds[end]) != nil { end += 1 }
            defer { start = end }
            let run = start..<end
            let filled = run.filter { !slots[$0].isEmpty }
            guard !filled.isEmpty, filled.count < run.count else { continue }
            // The empty cells in the gap before each cell; the first gap only counts when the
            // column before the run has a cell (else its blank is that column's).
            var empties: [Int] = []
            for (i, n) in filled.enumerated() {
                let first = slots[n].lowerBound
                guard first > 0 else { return field }
                let gap = tokens[first].column - tokens[first - 1].endColumn
                guard gap % width == 0 else { return field }
                let e = gap / width - 1
                if i == 0, e > 0, start == 0 || slots[start - 1].isEmpty { return field }
                empties.append(e)
            }
            let left = run.count - filled.count - empties.reduce(0, +)
            guard left >= 0 else { return field }
            let last = slots[filled[filled.count - 1]].upperBound
            if last < tokens.count {
                let gap = tokens[last].column - tokens[last - 1].endColumn
                guard gap % width == 0, gap / width - 1 >= left else { return field }
            } else if left > 0, end < kinds.count {
                // The line ends with the run and a column after it is empty too (no urgency
                // mark): the line's end does not show which of the run's cells is empty.
                return field
            }
            guard empties.contains(where: { $0 > 0 }) else { continue }
            let cells = filled.map { slots[$0] }
            for n in run { slots[n] = slots[n].lowerBound..<slots[n].lowerBound }
            var at = start
            for (cell, e) in zip(cells, empties) {
                at += e
                slots[at] = cell
                at += 1
            }
        }
        return nil
    }

    /// The first token from `k` that starts the typed column after the free columns `run` (the
    /// end of the tokens when none does).
    static func runEnd(
        _ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token], from k: Int, kinds: [ColumnMap.Kind], run: Range<Int>
    ) -> Int {
        let end = run.upperBound
        let next = end < kinds.count ? kinds[end] : nil
        // A blank urgency cell gives no token: the typed column after it ends the run too.
        let afterBlank = next == .field(.urgent) && end + 1 < kinds.count && !isFree(kinds[end + 1]) ? kinds[end + 1] : nil
        // An extra column may hold a bare number (培训学时 `120`): one followed by a subsidy that
        // is not a bare number too belongs to the run, not to the subsidy column. (Levels alone,
        // `中级、高级`, are no subsidy: the next level column's cell, after this bare amount.)
        let runHasExtra = kinds[run].contains { if case .extra = $0 { true } else { false } }
        var stop = k
        while stop < tokens.count, !starts(next, p, tokens[stop]) && (afterBlank == nil || !starts(afterBlank, p, tokens[stop]))
                || (isLevelsOnly(p, tokens[stop]) && stop + 1 < tokens.count && starts(next, p, tokens[stop + 1]))
                || (runHasExtra && isBareNumber(p, tokens[stop]) && stop + 1 < tokens.count
                    && starts(next, p, tokens[stop + 1]) && !isBareNumber(p, tokens[stop + 1]) && !isLevelsOnly(p, tokens[stop + 1])) {
            stop += 1
        }
        return stop
    }

    /// `中级：2000元/人` after `初级：1600元/人` (per-level pieces of one cell, a blank between
    /// them): the token after `cell` continues it when both it and the cell so far name one
    /// level per amount, its level is above the cell's, and a later subsidy column still has a
    /// token that starts it (so `初级：1600元/人 中级：200元/人 *` stays two cells).
    static func continuesPerLevel(
        _ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token], cell: Range<Int>, kinds: ArraySlice<ColumnMap.Kind>
    ) -> Bool {
        let next = cell.upperBound
        guard next < tokens.count, startsSubsidy(p, tokens[next]) else { return false }
        // Cheap first: a cell or token that lists levels (`、`, `或`) is no per-level piece.
        let listing: [[UInt8]] = [[0xE3, 0x80, 0x81], [0xE6, 0x88, 0x96]]
        for t in tokens[cell.lowerBound...next] {
            let bytes = token(p, t)
            for mark in listing where bytes.count >= 3 {
                for i in 0...(bytes.count - 3) where bytes[i] == mark[0] && bytes[i + 1] == mark[1] && bytes[i + 2] == mark[2] {
                    return false
                }
            }
        }
        let text = tokens[cell].map { string(p, $0) }.joined()
        guard case .subsidy(let so) = SubsidyParser.read(text), case .subsidy(let piece) = SubsidyParser.read(string(p, tokens[next])),
              piece.levels.count == 1, !so.anyOf, !so.levels.isEmpty, digitRuns(text) == so.levels.count,
              let top = so.levels.map({ Level.allCases.firstIndex(of: $0)! }).max(),
              Level.allCases.firstIndex(of: piece.levels[0])! > top else { return false }
        let laterSubsidy = kinds.contains { $0 == .field(.training) || $0 == .field(.assessment) }
        guard laterSubsidy else { return true }
        guard next + 1 < tokens.count else { return false }
        let after = tokens[next + 1]
        return startsSubsidy(p, after) || isNone(p, after) || isAmount(p, after) || startsWordSubsidy(p, after)
    }

    /// The runs of digits in `text` (ASCII or full-width; `2,160` is one).
    static func digitRuns(_ text: String) -> Int {
        var runs = 0
        var inRun = false
        for u in text.unicodeScalars {
            let digit = Digits.value(u) != nil
            if digit && !inRun { runs += 1 }
            inRun = digit || (inRun && (u == "," || u == "."))
        }
        return runs
    }

    /// A token of ASCII digits only (`120`): a count or an amount without its unit.
    static func isBareNumber(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        p[t.start..<t.end].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A token naming levels and nothing else (`初级、中级`): a level column's cell, not a subsidy.
    static func isLevelsOnly(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        !containsDigit(p, t) && startsSubsidy(p, t) && LevelWords.list(string(p, t)) != nil
    }

    static func isFree(_ kind: ColumnMap.Kind) -> Bool {
        switch kind {
        case .field(.industry), .field(.name), .extra: true
        default: false
        }
    }

    /// A code cell of a tab-separated line written with blanks inside it, as a PDF copy gives it
    /// (`6 - 31 - 01 - 01`): tokens of digits, separators and asterisks only that together start
    /// like a code.
    static func isSpacedCode(_ p: UnsafeBufferPointer<UInt8>, _ cell: ArraySlice<TextLayout.Token>) -> Bool {
        var joined: [UInt8] = []
        for t in cell { joined += token(p, t) }
        let text = String(decoding: joined, as: UTF8.self)
        // Segments apart by blanks only (`4 04 05 01`): the `CodeSyntax` rule.
        if cell.count >= 2 {
            let spaced = cell.map { string(p, $0) }.joined(separator: " ")
            if CodeSyntax.normalise(spaced).contains(utf8: "-"), !spaced.contains(where: { $0 == "-" }) , CodeSyntax.isWellFormed(CodeSyntax.normalise(spaced)) { return true }
        }
        return text.unicodeScalars.allSatisfy { Digits.value($0) != nil || CodeSyntax.isSeparator($0) || CodeSyntax.isDash($0) || CodeSyntax.isAsterisk($0) }
            && joined.withUnsafeBufferPointer(CodeSyntax.startsCode)
    }

    /// A subsidy written in words (`按实际发生费用`, `据实补贴`, `以实际为准`, `免费`, `待定`), by
    /// `SubsidyParser.isWordSubsidy`'s words.
    static func startsWordSubsidy(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let bytes = token(p, t)
        guard bytes.count >= 3 else { return false }
        return wordCells.contains { bytes.elementsEqual($0) }
            || (bytes.count >= 6 && (wordOpenings.contains { bytes.starts(with: $0) }
                                      || wordEndings.contains { bytes.count >= $0.count && bytes[(bytes.count - $0.count)...].elementsEqual($0) }))
    }

    /// `SubsidyParser`'s words for a subsidy given in words, as UTF-8.
    static let wordOpenings = SubsidyParser.wordOpenings.map { Array($0.utf8) }
    static let wordEndings = SubsidyParser.wordEndings.map { Array($0.utf8) }
    static let wordCells = SubsidyParser.wordCells.sorted().map { Array($0.utf8) }

    /// The tables of a notice: each header band that follows rows and a label or a title (附件1 …
    /// 附件2) starts a new one; a header repeated on the next page does not. Returns the tables
    /// and the lines (page, index) that are a later table's label or title.
    /// The problem of a header repeated (`line`, its first line) naming the table's fields in
    /// another order (`技能评价补贴标准` before `培训补贴标准` on page 2): whether the rows below
    /// it follow it or the first header cannot be told. Nil when the order is the same, or the
    /// fields differ.
    static func reordered(_ repeated: ColumnMap, from first: ColumnMap, at line: TextLine) -> String? {
        func fields(_ m: ColumnMap) -> [TableField] { m.kinds.compactMap { if case .field(let f) = $0 { f } else { nil } } }
        let a = fields(first), b = fields(repeated)
        guard a != b, a.count == b.count, Set(a) == Set(b), Set(a).count == a.count,
              let k = a.indices.first(where: { a[$0] != b[$0] }),
              let i = first.kinds.firstIndex(of: .field(a[k])), let j = repeated.kinds.firstIndex(of: .field(b[k])) else { return nil }
        let place = line.page == 1 ? "line \(line.line)" : "page \(line.page), line \(line.line)"
        return "the header repeated on \(place) orders its columns otherwise than the first "
            + "(`\(repeated.headers[j])` where the first has `\(first.headers[i])`): which order the rows below it follow cannot be told"
    }

    public static func tables(pages: [PageText], roles: [[LineRole]]) -> (tables: [Table], furniture: [(page: Int, index: Int, role: LineRole)]) {
        var tables: [Table] = []
        var furniture: [(page: Int, index: Int, role: LineRole)] = []
        var label: String?, title: String?
        var rowsSince = false
        var pending: [(page: Int, index: Int, role: LineRole)] = []
        // The last table's rows may start with something other than their row number.
        var unled = false
        // A header repeated on every page is read once.
        var read: [[[String]]: ColumnMap?] = [:]
        // In a later attachment that is no catalogue table.
        var skipping = false
        // A later attachment's label after the rows, no header after it yet (page, line index).
        var trailing: (page: Int, index: Int)?
        let running = Self.runningLines(pages: pages, roles: roles)
        for (p, page) in pages.enumerated() {
            var i = 0
            while i < page.lines.count {
                let line = page.lines[i]
                switch roles[p][i] {
                case .attachmentLabel:
                    label = Blank.removed(from: line.compactText)
                    skipping = false
                case .title: title = Blank.removed(from: line.compactText)
                case .header:
                    var band: [[String]] = []
                    var j = i
                    while j < page.lines.count, roles[p][j] == .header {
                        band.append(page.lines[j].fragments.map { Blank.removed(from: $0.text) })
                        j += 1
                    }
                    let map = read[band] ?? ColumnMap.read(headerLines: band)
                    read[band] = .some(map)
                    let columns = map ?? .reference
                    // A later attachment whose header names no code and no subsidy (附件3, a list of
                    // training institutions: 序号 机构名称 培训职业（工种） 地址): no catalogue table;
                    // its lines are not read.
                    let words = band.joined().joined()
                    let catalogue = map.map { $0.has(.code) } ?? true || ["补贴", "标准", "元", "代码", "编码"].contains { words.contains($0) }
                    // (Also before the catalogue: 附件1 a list of institutions, 附件2 the catalogue.)
                    if !catalogue, tables.isEmpty ? label != nil || skipping : rowsSince || skipping {
                        furniture += pending.map { ($0.page, $0.index, .otherAttachment) }
                        // Its label and title, read as lines of their own above the header.
                        var k = i - 1
                        while k >= 0, roles[p][k] != .body || !page.lines[k].fragments.isEmpty, roles[p][k] != .header,
                              RowNumber.parsePointed(page.lines[k].fragments.first?.text ?? "") == nil, k >= i - 3 {
                            if !page.lines[k].fragments.isEmpty { furniture.append((p + 1, k, .otherAttachment)) }
                            k -= 1
                        }
                        furniture += (i..<j).map { (p + 1, $0, .otherAttachment) }
                        pending = []
                        skipping = true
                        i = j
                        continue
                    }
                    skipping = false
                    if tables.isEmpty || (rowsSince && !pending.isEmpty) {
                        tables.append(Table(page: p + 1, index: i, columns: columns, label: label, title: title))
                        unled = !(columns.kinds.first == .field(.seq) && columns.numbered)
                        furniture += pending
                    } else if let map, let last = tables.last, last.columns.problem == nil,
                              let problem = Self.reordered(map, from: last.columns, at: line) {
                        // A header repeated with its columns in another order: the rows below it
                        // may follow either.
                        tables[tables.count - 1].columns.problem = problem
                    }
                    pending = []
                    trailing = nil
                    rowsSince = false
                    label = nil
                    title = nil
                    i = j
                    continue
                case .body where skipping:
                    // The other attachment's lines, up to the next attachment's label.
                    let compact = FullWidth.asciiDigits(line.compactText)
                    if LineClassifier.isAttachmentLabel(compact) {
                        skipping = false
                        label = compact
                        pending.append((p + 1, i, .attachmentLabel))
                    } else {
                        furniture.append((p + 1, i, .otherAttachment))
                    }
                case .body:
                    let compact = FullWidth.asciiDigits(line.compactText)
                    // A row line read straight from the bytes was not split into fragments; a row
                    // whose row number is not first (or absent) has a code among its cells.
                    if line.fragments.isEmpty || RowNumber.parsePointed(line.fragments[0].text) != nil
                        || (line.fragments.count >= 3 && unled && line.fragments.contains { f in
                            var t = f.text
                            return t.withUTF8(CodeSyntax.startsCode)
                        }) {
                        rowsSince = true
                        pending = []
                        trailing = nil
                        label = nil
                        title = nil
                    } else if rowsSince, LineClassifier.isContinuation(compact)
                                || Self.isRunningTitle(compact, of: tables.last?.title)
                                || running.contains(Self.digitless(Blank.removed(from: compact))) {
                        furniture.append((p + 1, i, .pageMark))
                    } else if rowsSince, Self.isRunningLabel(compact, of: tables.last?.label) {
                        furniture.append((p + 1, i, .pageMark))
                    } else if rowsSince, LineClassifier.isAttachmentLabel(compact) {
                        label = compact
                        pending.append((p + 1, i, .attachmentLabel))
                        if trailing == nil { trailing = (p, i) }
                    } else if rowsSince || label != nil, LineClassifier.isTitle(compact), !compact.hasPrefix("注") {
                        title = compact
                        pending.append((p + 1, i, .title))
                    } else if title != nil || label != nil, Self.isUnitLine(compact) {
                        // `单位：元/人` under a later table's title: text before that table.
                        pending.append((p + 1, i, .preamble))
                    }
                case .preamble where rowsSince:
                    // A later table's label and title atop a page of their own (`附件 2`, above its
                    // header): not text before the notice's table.
                    let compact = FullWidth.asciiDigits(line.compactText)
                    if Self.isRunningTitle(compact, of: tables.last?.title) || Self.isRunningLabel(compact, of: tables.last?.label) {
                        furniture.append((p + 1, i, .pageMark))
                    } else if LineClassifier.isAttachmentLabel(compact) {
                        label = compact
                        pending.append((p + 1, i, .attachmentLabel))
                        if trailing == nil { trailing = (p, i) }
                    } else if LineClassifier.isTitle(compact), !compact.hasPrefix("注") {
                        title = compact
                        pending.append((p + 1, i, .title))
                    }
                default: break
                }
                i += 1
            }
        }
        // A later attachment with no table after the rows (附件3, a page of prose: 申领说明, its
        // paragraphs, the bureau's name and the date): its label to the end, not rows.
        if let from = trailing {
            for p in from.page..<pages.count {
                for i in pages[p].lines.indices where (p > from.page || i >= from.index) && roles[p][i] == .body {
                    furniture.append((p + 1, i, .otherAttachment))
                }
            }
        }
        return (tables, furniture)
    }

    /// Lines printed on every page among the rows (a running header or footer: the bureau's name,
    /// `昌吉州人力资源和社会保障局文件`, the notice's number and page, `昌州人社发〔2024〕12号 第1页`),
    /// digits taken out: the texts of lines that are no row, occur twice or more, and read as
    /// page furniture does (a page, a notice's number, a date, an issuer: `…局`, `…文件`).
    static func runningLines(pages: [PageText], roles: [[LineRole]]) -> Set<String> {
        var counts: [String: Int] = [:]
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .body && !line.fragments.isEmpty && line.fragments.count <= 4 {
                guard RowNumber.parsePointed(line.fragments[0].text) == nil else { continue }
                let text = Blank.removed(from: FullWidth.asciiDigits(line.compactText))
                guard text.count >= 4, text.count <= 40 else { continue }
                counts[digitless(text), default: 0] += 1
            }
        }
        let issuers = ["局", "厅", "文件", "办公室", "委员会", "人民政府", "中心"]
        return Set(counts.filter { text, n in
            n >= 2 && (text.contains(utf8: "页") || text.contains(utf8: "号") && text.contains(utf8: "〔") || text.contains(utf8: "年月日")
                       || issuers.contains { text.hasSuffix($0) })
        }.keys)
    }

    /// `text` without its ASCII digits (a running line's page number or date).
    static func digitless(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x30...0x39).contains($0.value) }))
    }

    /// The table's own attachment label printed again atop a later page (a spreadsheet's rows
    /// repeated at the top of every page: `附件2`, then the title, then the header): page
    /// furniture, no new table.
    static func isRunningLabel(_ compact: String, of label: String?) -> Bool {
        guard let label, LineClassifier.isAttachmentLabel(compact) else { return false }
        return Blank.removed(from: FullWidth.asciiDigits(label)) == Blank.removed(from: compact)
    }

    /// A title printed again atop a page the table goes on over: the table's own title, or any
    /// title marked as going on (`…目录（续表）`, `…（续）`). Page furniture, not a new table.
    static func isRunningTitle(_ compact: String, of title: String?) -> Bool {
        guard LineClassifier.isTitle(compact) || compact.contains(utf8: "续") else { return false }
        var t = compact.filter { !"（）()：: ".contains($0) }
        for mark in ["续表", "续上表", "续"] where t.hasSuffix(mark) { return true }
        t = Blank.removed(from: t)
        guard let title else { return false }
        let own = Blank.removed(from: title).filter { !"（）()：: ".contains($0) }
        return !own.isEmpty && t == own
    }

    /// Settles how each table's header level line divides among its subsidy columns, when it
    /// may divide in more than one way (``ColumnMap/levelChoices``): by how the table's first
    /// rows read. `五级/初级工 四级/中级工` under `培训补贴标准（元/人） 鉴定补贴` with rows
    /// `1800 2200 初级或中级：160元/人` has both levels under training (two amounts, then one
    /// subsidy cell); split evenly the rows would not read. The way the most rows read whole in
    /// is taken: the header's own (even) way when it reads as well as any; else the one way that
    /// reads best; when ways read alike, the one the header's tab cells show (a level word in
    /// the cells a subsidy header spans: `培训补贴标准\t\t\t鉴定补贴标准` over
    /// `初级\t中级\t高级`). Otherwise the header's problem stays: which way cannot be told.
    public static func settleLevels(_ bytes: [UInt8], spans: [TextLayout.LineSpan], roles: [[LineRole]], tables: inout [Table]) {
        guard tables.contains(where: { !$0.columns.levelChoices.isEmpty }) else { return }
        bytes.withUnsafeBufferPointer { p in
            var tokens: [TextLayout.Token] = []
            var slots = [Range<Int>](repeating: 0..<0, count: 32)
            for t in tables.indices where !tables[t].columns.levelChoices.isEmpty {
                guard let head = spans.firstIndex(where: { $0.page == tables[t].page && $0.index == tables[t].index }) else { continue }
                var band: [TextLayout.LineSpan] = []
                var k = head
                while k < spans.count, roles[spans[k].page - 1][spans[k].index] == .header { band.append(spans[k]); k += 1 }
                let end = t + 1 < tables.count
                    ? spans.firstIndex { ($0.page, $0.index) >= (tables[t + 1].page, tables[t + 1].index) } ?? spans.count : spans.count
                var rows: [TextLayout.LineSpan] = []
                while k < end, rows.count < 40 {
                    let span = spans[k]
                    k += 1
                    guard roles[span.page - 1][span.index] == .body else { continue }
                    TextLayout.tokens(p, span, into: &tokens)
                    if tokens.count > 1, seqValue(p, tokens[0]) != nil, !isNumberedNote(p, tokens) { rows.append(span) }
                }
                guard !rows.isEmpty else { continue }
                let choices = [tables[t].columns] + tables[t].columns.levelChoices
                let scores = choices.map { map -> Int in
                    let kinds = map.kinds
                    if slots.count < kinds.count { slots = [Range<Int>](repeating: 0..<0, count: kinds.count) }
                    return rows.filter { span in
                        TextLayout.tokens(p, span, into: &tokens)
                        if let read = tabCells(p, span, tokens, kinds: kinds, into: &slots) { return read == tokens.count }
                        let read = assign(p, tokens, kinds: map.shapeKinds, into: &slots)
                        return placeBlankCells(tokens, kinds: kinds, slots: &slots) == nil && read == tokens.count
                    }.count
                }
                let best = scores.max()!
                if choices[0].problem == nil, scores[0] == best { continue }
                var tied = choices.indices.filter { scores[$0] == best }
                if tied.count > 1, let shown = tabShares(p, band) {
                    tied = tied.filter { i in shown.allSatisfy { choices[i].levels(of: $0.key).count == $0.value } }
                }
                guard best > 0, tied.count == 1, let pick = tied.first, pick > 0 else { continue }
                var chosen = choices[pick]
                chosen.problem = nil
                chosen.levelChoices = []
                tables[t].columns = chosen
            }
        }
    }

    /// How many level words of a tab-separated header band's level line stand in the cells each
    /// subsidy header spans (its own and the empty ones after it), by field; nil when the band
    /// has no such lines.
    static func tabShares(_ p: UnsafeBufferPointer<UInt8>, _ band: [TextLayout.LineSpan]) -> [TableField: Int]? {
        var tokens: [TextLayout.Token] = []
        var headers: [(cell: Int, meaning: HeaderWords.Meaning)] = []
        var levelCells: [Int] = []
        for span in band {
            TextLayout.tokens(p, span, into: &tokens)
            let cells = tokens.map { t in (span.start..<t.start).filter { p[$0] == 0x09 }.count }
            guard cells.contains(where: { $0 > 0 }) else { continue }
            let texts = tokens.map { string(p, $0) }
            if !texts.isEmpty, texts.allSatisfy({ LevelWords.single($0) != nil }) {
                if levelCells.isEmpty { levelCells = cells }
            } else {
                for (cell, text) in zip(cells, texts) {
                    let meaning = HeaderWords.meaning(Blank.removed(from: text))
                    if case .level = meaning { continue }
                    headers.removeAll { $0.cell == cell }
                    headers.append((cell, meaning))
                }
            }
        }
        headers.sort { $0.cell < $1.cell }
        guard !levelCells.isEmpty, !headers.isEmpty else { return nil }
        var shares: [TableField: Int] = [.training: 0, .assessment: 0]
        for cell in levelCells {
            guard let owner = headers.last(where: { $0.cell <= cell }),
                  case .field(let f) = owner.meaning, f == .training || f == .assessment else { return nil }
            shares[f, default: 0] += 1
        }
        return shares
    }

    /// A section heading (`SectionHeading`) made of `tokens`.
    static func sectionHeading(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token], numbered: Bool = true) -> String? {
        SectionHeading.name(Blank.removed(from: tokens.map { string(p, $0) }.joined()), pieces: tokens.count, numbered: numbered)
    }

    /// `注：`, `说明：`, `备注：`, `附注`, `本目录…`: a note after the table.
    /// Also a numbered one written without a blank after its number (`1．本目录…`).
    static func isNote(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        NoteText.opensNote(string(p, t))
    }

    // MARK: - Token shapes, on bytes

    @inline(__always)
    /// ``NoteText/endsSentence(_:)`` of a token, its string made only when its last bytes are
    /// `。`'s (U+3002): a token that does not end in them cannot end with the character, and most
    /// tokens (every cell of every row) do not.
    static func endsSentence(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        guard t.end - t.start >= 3, p[t.end - 3] == 0xE3, p[t.end - 2] == 0x80, p[t.end - 1] == 0x82 else { return false }
        return NoteText.endsSentence(string(p, t))
    }

    static func string(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[t.start..<t.end]), as: UTF8.self)
    }

    /// The row number a token holds (the `RowNumber` rule; a trailing `.`, `、` or `．` as
    /// some bureaus write it, `12.`, `１２．`), or nil.
    @inline(__always)
    static func seqValue(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Int? {
        if let n = RowNumber.parse(token(p, t)) { return n }
        let bytes = token(p, t)
        // (Circled numerals, `①`, start with 0xE2 or 0xE3.)
        guard bytes.count >= 2, Digits.isASCII(bytes[0]) || bytes[0] == 0xEF || bytes[0] == 0x28 || bytes[0] == 0xE2 || bytes[0] == 0xE3 else { return nil }
        return RowNumber.parsePointed(string(p, t))
    }

    /// A token starts like a code (the `CodeSyntax` rule: a digit, then a segment separator).
    @inline(__always)
    static func looksLikeCode(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        CodeSyntax.startsCode(token(p, t))
    }

    /// Starts with a level name (`初级`, `五级`, `初、中级` …) or a cap (`最高`): a subsidy cell
    /// starts here.
    @inline(__always)
    static func startsSubsidy(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let bytes = token(p, t)
        for prefix in SubsidyParser.levelPrefixes where bytes.starts(with: prefix) { return true }
        return SubsidyLabel.opens(bytes)
    }

    /// A token that is one separator alone (`；`, `;`, `，`, `,`).
    static func isSeparatorOnly(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let b = token(p, t)
        return (b.count == 1 && (b[0] == 0x3B || b[0] == 0x2C))
            || (b.count == 3 && b[0] == 0xEF && b[1] == 0xBC && (b[2] == 0x9B || b[2] == 0x8C))
    }

    /// The subsidy label a token opens with (`培训：`, `评价：初级…`): whether it names the
    /// assessment, and whether the token is the label alone.
    static func subsidyLabel(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> (assessment: Bool, alone: Bool)? {
        guard let label = SubsidyLabel.opening(token(p, t)) else { return nil }
        return (label.assessment, label.length == t.end - t.start)
    }

    /// An urgent mark (the `UrgencyMark` rule).
    @inline(__always)
    static func isMark(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        UrgencyMark.isMark(token(p, t))
    }

    @inline(__always)
    static func token(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: p[t.start..<t.end])
    }

    /// True when the token can start a cell of the typed column `kind` (nil: the end of the row).
    static func starts(_ kind: ColumnMap.Kind?, _ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        switch kind {
        case .field(.code): looksLikeCode(p, t) || isOtherCode(p, t)
        case .field(.training), .field(.assessment):
            startsSubsidy(p, t) || isAmount(p, t) || isNone(p, t) || startsWordSubsidy(p, t) || isSameAsAbove(p, t)
        case .level: isAmount(p, t) || isNone(p, t)
        case .field(.urgent): isMark(p, t) || isNoMark(p, t) || isSameAsAbove(p, t)
        case .field(.seq): seqValue(p, t) != nil
        case .field(.industry), .field(.name), .extra, nil: false
        }
    }

    /// A cell that says "same as above" (`同上`, `〃`): the row above's value (`SameAsAbove`).
    static func isSameAsAbove(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        SameAsAbove.isMark(token(p, t))
    }

    /// An amount: digits (commas, `.00`) with or without `元`, `元/人`, `元/人次`, or after a
    /// yen sign (`￥2160`).
    static func isAmount(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let b0 = p[t.start]
        guard (b0 >= 0x30 && b0 <= 0x39) || b0 == 0xEF || b0 == 0xC2 else { return false }
        guard !looksLikeCode(p, t) else { return false }
        let text = FullWidth.asciiDigits(string(p, t))
        var rest = Substring(text)
        let yen = rest.hasPrefix("￥") || rest.hasPrefix("¥")
        if yen { rest = rest.dropFirst() }
        guard let f = rest.first, f.isASCIIDigit else { return false }
        rest = rest.drop { $0.isASCIIDigit || $0 == "," || $0 == "." }
        // A range (`1600-2000元/人`, `1600～2000元`): its unit after the second amount.
        if let mark = rest.first, SubsidyParser.rangeMarks.contains(mark), rest.dropFirst().first?.isASCIIDigit == true {
            return rest.dropFirst().drop { $0.isASCIIDigit || $0 == "," || $0 == "." }.hasPrefix("元")
        }
        // The unit may carry a note or the levels after it: `2160元/人（含教材费）`; after the
        // yuan sign, only what it is per (`￥160/人`).
        return rest.isEmpty || rest.hasPrefix("元") || rest.hasPrefix("万元") || (yen && (rest.hasPrefix("/") || rest.hasPrefix("／")))
    }

    /// A token that may continue a subsidy cell after its start: a unit, a note, a level list
    /// continued, a cap (`元/人`, `（含教材费）`, `、中级：2160元/人`).
    static func continuesSubsidy(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let text = string(p, t)
        guard let c = text.unicodeScalars.first else { return false }
        return "元（(、；;，,：:/／或和及".unicodeScalars.contains(c) || text.hasPrefix("最高") || text.hasPrefix("不超过")
            || text.hasSuffix("元/人") || text.hasSuffix("元") || text.hasSuffix("元/人次")
    }

    /// After a subsidy's amount, only its unit, a bracketed note or the next level's amount
    /// (`元/人`, `（含教材费）`, `；中级：2000元/人`) continue it.
    static func continuesAfterAmount(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let text = string(p, t)
        guard let c = text.unicodeScalars.first else { return false }
        if "元（(".unicodeScalars.contains(c) { return true }
        return "、；;，,".unicodeScalars.contains(c) && containsDigit(p, t)
    }

    /// A token that says "none" in a subsidy or code cell: `—`, `/`, `无`.
    static func isNone(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        guard t.end - t.start <= 15 else { return false }
        // Every none mark starts with `-`, `/`, `\\`, or one of U+2013/U+2014 (E2 80), `－` `／`
        // (EF BC), 无 (E6 97 A0), 否, 不, 暂 (E5 90 A6, E4 B8 8D, E6 9A 82) or `×` (C3 97).
        let b0 = p[t.start]
        guard b0 == 0x2D || b0 == 0x2F || b0 == 0x5C || b0 == 0xE2 || b0 == 0xEF || b0 == 0xE6 || b0 == 0xE5
            || b0 == 0xE4 || b0 == 0xC3 else { return false }
        let text = string(p, t)
        return text != "否" && SubsidyParser.noneMarks.contains(text)
    }

    /// A code cell that is not national but is a code cell: `无`, `/`, `—`, or letters and digits
    /// with a dash (`S-65-001`).
    /// Classification marks after a code (`S`, `（L）`, `△`: the `CodeSyntax` rule).
    static func isClassificationMark(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        t.end - t.start <= 12 && CodeSyntax.isClassificationMark(string(p, t))
    }

    static func isOtherCode(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        if isNone(p, t) { return true }
        let b0 = p[t.start]
        guard (b0 >= 0x41 && b0 <= 0x5A) || (b0 >= 0x61 && b0 <= 0x7A) else { return false }
        return CodeSyntax.isOtherCode(string(p, t))
    }

    /// A lone symbol that is no known mark (`○`, `△`): still the urgency cell, so that the
    /// builder says it cannot read it, rather than text left after the row.
    static func isOddMark(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        let s = string(p, t).unicodeScalars
        guard s.count == 1, let u = s.first else { return false }
        return u.value > 0x7F && !u.properties.isAlphabetic && !u.properties.isIdeographic
            && Digits.value(u) == nil
    }

    /// An urgency cell that says "not urgent": `否`, `—`, `/`, `×`.
    static func isNoMark(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        UrgencyMark.isNoMark(token(p, t))
    }

    @inline(__always)
    static func containsDigit(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        var i = t.start
        while i < t.end {
            let b = p[i]
            if b >= 0x30 && b <= 0x39 { return true }
            if b == 0xEF, i + 2 < t.end, p[i + 1] == 0xBC, (0x90...0x99).contains(p[i + 2]) { return true }
            i += 1
        }
        return false
    }

}
