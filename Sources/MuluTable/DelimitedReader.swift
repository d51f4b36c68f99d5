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
        /// The columns in the order the header names them (what the reader decided).
        public var columns: [TableField]
        public var rows: [RowRecord]
        public var unplaced: [UnplacedFragment]
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
        parts: Int? = nil, makeSink: @escaping @Sendable (_ expectedRows: Int) -> Sink
    ) -> Result<Sink> {
        let order = columnOrder(pages: pages, roles: roles)
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let partCount = max(1, min(parts ?? min(cores, spans.count / minLinesPerPart), spans.count))
        let parts = (0..<partCount).map { k -> @Sendable () -> Result<Sink> in
            let lines = spans[k * spans.count / partCount..<(k + 1) * spans.count / partCount]
            // The first part's builder has room for every row: the others are appended to it.
            let expected = k == 0 ? spans.count : lines.count
            return { readPart(bytes, lines: lines, roles: roles, order: order, keepRows: keepRows, sink: makeSink(expected)) }
        }
        var results = partCount == 1 ? [parts[0]()] : Parallel.run(parts)
        var result = results.removeFirst()
        for part in results {
            result.sink.append(part.sink)
            result.rows += part.rows
            result.unplaced += part.unplaced
        }
        return result
    }

    /// Reads the body lines among `lines`.
    static func readPart<Sink: RowSink>(
        _ bytes: [UInt8], lines spans: ArraySlice<TextLayout.LineSpan>, roles: [[LineRole]], order: [TableField],
        keepRows: Bool, sink: Sink
    ) -> Result<Sink> {
        var result = Result(sink: sink, columns: order, rows: [], unplaced: [])
        var tokens: [TextLayout.Token] = []
        tokens.reserveCapacity(16)
        var ranges = [Range<Int>?](repeating: nil, count: TableField.allCases.count)
        bytes.withUnsafeBufferPointer { p in
            for span in spans {
                guard roles[span.page - 1][span.index] == .body else { continue }
                TextLayout.tokens(p, span, into: &tokens)
                guard let first = tokens.first else { continue }
                guard let seq = seqValue(p, first) else {
                    for t in tokens {
                        result.unplaced.append(UnplacedFragment(
                            fragment: TextLayout.fragment(p, t, span), reason: "line is not a row of the table"))
                    }
                    continue
                }
                for i in ranges.indices { ranges[i] = nil }
                let k = assign(p, tokens, order: order, into: &ranges)
                var cells = RowCells(anchor: .init(page: span.page, line: span.line, column: first.column + 1))
                for field in TableField.allCases where field != .seq {
                    guard let r = ranges[field.rawValue], !r.isEmpty else { continue }
                    // The cell's bytes run from its first token to its last, blanks between them
                    // included: the builder's normalisation reads any run of blanks as one.
                    cells[field] = tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end
                    cells.setPlace(field, .init(page: span.page, line: span.line, column: tokens[r.lowerBound].column + 1))
                }
                result.sink.add(seq: seq, cells: cells, in: p)
                for t in tokens[k...] {
                    result.unplaced.append(UnplacedFragment(
                        fragment: TextLayout.fragment(p, t, span), reason: "text after the last cell of row \(seq)"))
                }
                if keepRows {
                    var fragments: [TableField: [Fragment]] = [:]
                    for field in TableField.allCases where field != .seq {
                        if let r = ranges[field.rawValue], !r.isEmpty {
                            fragments[field] = tokens[r].map { TextLayout.fragment(p, $0, span) }
                        }
                    }
                    result.rows.append(RowRecord(seq: seq, anchor: TextLayout.fragment(p, first, span), cells: fragments))
                }
            }
        }
        return result
    }

    /// Gives each field of `order` its tokens (as a range of token indices); returns the index of
    /// the first token no cell took.
    static func assign(
        _ p: UnsafeBufferPointer<UInt8>, _ tokens: [TextLayout.Token], order: [TableField],
        into ranges: inout [Range<Int>?]
    ) -> Int {
        var k = 1
        for (n, field) in order.enumerated() where field != .seq {
            let start = k
            switch field {
            case .code:
                if k < tokens.count, looksLikeCode(p, tokens[k]) { k += 1 }
            case .training, .assessment:
                guard k < tokens.count, startsSubsidy(p, tokens[k]) else { break }
                k += 1
                while k < tokens.count, !startsSubsidy(p, tokens[k]), !isMark(p, tokens[k]) { k += 1 }
            case .urgent:
                if k < tokens.count, isMark(p, tokens[k]) { k += 1 }
            case .industry, .name:
                let next = order[(n + 1)...].first { $0 != .industry && $0 != .name }
                while k < tokens.count, !starts(next, p, tokens[k]) { k += 1 }
            case .seq:
                break
            }
            ranges[field.rawValue] = start..<k
        }
        return k
    }

    /// The header's fields in printed order, or the reference order when the header is unclear.
    static func columnOrder(pages: [PageText], roles: [[LineRole]]) -> [TableField] {
        for (p, page) in pages.enumerated() {
            let header = page.lines.indices.filter { roles[p][$0] == .header }
            guard !header.isEmpty else { continue }
            var order: [TableField] = []
            for i in header {
                for f in page.lines[i].fragments {
                    if let field = TableField(headerLabel: f.text), !order.contains(field) { order.append(field) }
                }
            }
            if order.first == .seq, order.contains(.code), order.contains(.name) {
                for field in TableField.allCases where !order.contains(field) { order.append(field) }
                return order
            }
            break
        }
        return TableField.allCases
    }

    // MARK: - Token shapes, on bytes

    /// The row number a token holds (the `RowNumber` rule), or nil.
    @inline(__always)
    static func seqValue(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Int? {
        RowNumber.parse(token(p, t))
    }

    /// A token starts like a code (the `CodeSyntax` rule).
    @inline(__always)
    static func looksLikeCode(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        CodeSyntax.startsCode(token(p, t))
    }

    /// Starts with a level name (`初级`, `五级` …): a subsidy cell starts here.
    @inline(__always)
    static func startsSubsidy(_ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        Level.startsLevel(token(p, t))
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

    /// True when the token can start a cell of the typed field `field` (nil: the end of the row).
    static func starts(_ field: TableField?, _ p: UnsafeBufferPointer<UInt8>, _ t: TextLayout.Token) -> Bool {
        switch field {
        case .code: looksLikeCode(p, t)
        case .training, .assessment: startsSubsidy(p, t)
        case .urgent: isMark(p, t)
        case .seq: seqValue(p, t) != nil
        case .industry, .name, nil: false
        }
    }
}
