import MuluSupport
import MuluModel
import MuluPDF
import MuluExtract
import MuluTable
import MuluScan
import MuluEntries
import MuluOutput
import MuluDiff
import OrderedCollections
/// Parses a notice — text or PDF — into entries, sharing every stage after extraction.
public enum NoticeParser {
    /// A text notice in any encoding `TextDecoding` accepts. `keepRows` keeps the recovered
    /// rows of delimited text too (for `mulu extract`); the geometric stages always keep them.
    /// `readerParts` overrides how many parts delimited text is read in (see `DelimitedReader`).
    public static func parseText(
        _ bytes: [UInt8], path: String, keepRows: Bool = false, readerParts: Int? = nil
    ) throws -> ParsedNotice {
        let (utf8, encoding) = try TextDecoding.utf8(bytes, path: path)
        let spans = TextLayout.spans(utf8)
        // The first page's opening lines, fully: where the header is, and how it is laid out.
        let probe = Array(spans.prefix { $0.page == spans[0].page }.prefix(Self.probeLines))
        let probePages = TextLayout.pages(utf8, spans: probe)
        let probeRoles = LineClassifier.classify(probePages)
        var notice: ParsedNotice
        if ColumnLayoutProbe.isColumnLayout(probePages, roles: probeRoles) {
            let pages = TextLayout.pages(utf8, spans: spans)
            let recovery = TableRecovery(pages: pages, settings: .textLayout)
            var builder = EntryBuilder(expectedRows: recovery.rows.count)
            for row in recovery.rows { builder.add(row) }
            notice = try finish(
                format: .text, pages: pages, roles: recovery.roles, builder: builder, rows: recovery.rows,
                unplaced: recovery.unplaced, path: path)
            notice.recovery = recovery
        } else {
            // Delimited: after the header, a line that starts with a row number is read from the
            // bytes by the delimited reader; only the other lines are classified one by one
            // (all of them when the rows are kept, so every line shows its fragments).
            var skip = [Bool](repeating: false, count: spans.count)
            if !keepRows, let headerLine = probeRoles.first?.firstIndex(of: .header) {
                utf8.withUnsafeBufferPointer { p in
                    for k in spans.indices where k > headerLine && RowNumber.startsLine(p, start: spans[k].start, end: spans[k].end) {
                        skip[k] = true
                    }
                }
            }
            let pages = TextLayout.pages(utf8, spans: spans, skip: skip)
            var roles = LineClassifier.classify(pages)
            for k in spans.indices where skip[k] { roles[spans[k].page - 1][spans[k].index] = .body }
            let read = DelimitedReader.read(
                utf8, spans: spans, pages: pages, roles: roles, keepRows: keepRows, parts: readerParts,
                makeSink: { EntryBuilder(expectedRows: $0) })
            notice = try finish(
                format: .text, pages: pages, roles: roles, builder: read.sink, rows: read.rows,
                unplaced: read.unplaced, path: path)
            notice.delimitedColumns = read.columns
        }
        notice.encoding = encoding
        return notice
    }

    /// How many opening lines are read in full to find the header and its layout.
    static let probeLines = 400

    /// A PDF notice, through its text layer (`PDFSource`), its pages without one read by OCR
    /// (`ScanSource`, as `scan.mode` says). `lexicon`: names a scanned name may be snapped to;
    /// `progress` is told of every page OCR has read.
    public static func parsePDF(
        _ bytes: [UInt8], path: String, password: String?, scan: ScanSettings = ScanSettings(),
        lexicon: Set<String> = [], progress: ScanSource.Progress? = nil
    ) throws -> ParsedNotice {
        if let read = try ScanSource.pages(bytes, path: path, password: password, settings: scan, progress: progress) {
            let recovery = TableRecovery(pages: read.pages, settings: .pdf(emSize: read.emSize), rules: read.grids.map(\.rules))
            let review = ScanReview.review(recovery.rows, cells: read.cells, lexicon: lexicon, settings: scan)
            var builder = EntryBuilder(expectedRows: review.rows.count)
            for row in review.rows { builder.add(row) }
            var notice = try finish(
                format: .pdf, pages: read.pages, roles: recovery.roles, builder: builder, rows: review.rows,
                unplaced: recovery.unplaced, extra: review.diagnostics, path: path)
            notice.recovery = recovery
            notice.scanCells = read.cells
            notice.ocrPages = read.ocrPages
            notice.doubtfulCells = review.doubtful
            return notice
        }
        let (pages, emSize, rules) = try PDFSource.pages(bytes, path: path, password: password)
        let recovery = TableRecovery(pages: pages, settings: .pdf(emSize: emSize), rules: rules)
        var builder = EntryBuilder(expectedRows: recovery.rows.count)
        for row in recovery.rows { builder.add(row) }
        var notice = try finish(
            format: .pdf, pages: pages, roles: recovery.roles, builder: builder, rows: recovery.rows,
            unplaced: recovery.unplaced, extra: recovery.disagreements, path: path)
        notice.recovery = recovery
        return notice
    }

    /// Entries and diagnostics from rows; throws when there is no catalogue table at all.
    static func finish(
        format: Catalogue.Format, pages: [PageText], roles: [[LineRole]], builder: EntryBuilder,
        rows: [RowRecord], unplaced: [UnplacedFragment], extra: [Diagnostic] = [], path: String
    ) throws -> ParsedNotice {
        let hasHeader = roles.contains { $0.contains(.header) }
        guard hasHeader else {
            throw MuluError(file: path, problem: "no catalogue table: no header with 序号, 代码, 职业 … found")
        }
        guard !builder.entries.isEmpty else {
            throw MuluError(file: path, problem: "no catalogue rows: a header but no numbered row under it")
        }
        let entries = builder.entries
        var diagnostics = builder.diagnostics
        diagnostics += CatalogueValidator.validate(entries, places: builder.anchors.map { ($0.page, $0.line) })
        var title: String?
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                switch roles[p][i] {
                case .title where title == nil:
                    title = FieldNormaliser.text(line.compactText)
                case .preamble:
                    diagnostics.append(Diagnostic(
                        .warning, "text before the table is not part of the catalogue",
                        page: page.number, line: line.line, column: line.fragments.first?.column,
                        excerpt: line.text))
                default:
                    break
                }
            }
        }
        // One diagnostic per line for what could not be placed in a row.
        var byLine: OrderedDictionary<String, Diagnostic> = [:]
        for u in unplaced {
            let key = "\(u.fragment.page):\(u.fragment.line):\(u.reason)"
            if var d = byLine[key] {
                // Quote the line's fragments up to the excerpt length, not a megabyte of them.
                if let e = d.excerpt, e.unicodeScalars.count < Diagnostic.maxExcerpt {
                    d.excerpt = Diagnostic.shortened(e + " " + u.fragment.text)
                }
                byLine[key] = d
            } else {
                byLine[key] = Diagnostic(
                    .warning, u.reason, page: u.fragment.page, line: u.fragment.line,
                    column: u.fragment.column, excerpt: u.fragment.text)
            }
        }
        diagnostics += byLine.values
        diagnostics += extra
        let sorted = diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.page ?? 0, a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let kb = (b.element.page ?? 0, b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        return ParsedNotice(
            format: format, title: title, entries: entries, diagnostics: sorted, pages: pages,
            roles: roles, recovery: nil, rows: rows, encoding: nil)
    }
}
