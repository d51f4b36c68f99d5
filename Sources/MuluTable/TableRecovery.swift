import MuluSupport
import MuluModel
import MuluExtract
/// Recovers a catalogue table from positioned lines, keeping every intermediate stage.
///
/// Stages, each a pure function whose result is kept here so `mulu extract` can draw it:
/// `pages` (lines of fragments) → `roles` (furniture, header, body) → `headerCells` and
/// `columns` per page → `placed` (fragments on one strip, each in a column) → `rows`.
///
/// A PDF also brings each page's grid (`PageGrid`: rules → edges → cells). When every page with
/// body text has a ruled table whose columns its header names, the rows are read by the rules
/// (`RuledRows`) and `method` is `.rules`; the gaps-and-alignment stages still run, and every row
/// where the two read a cell differently is reported (`disagreements`). Otherwise (no rules, or
/// only some: a table ruled only horizontally) the rows are the gaps-and-alignment ones.
public struct TableRecovery: Sendable {
    /// Which stages gave the rows.
    public enum Method: Hashable, Sendable {
        /// Gaps between text, header positions and the alignment programme (`RowAssembler`).
        case stream
        /// The table's ruling lines (`RuledRows`).
        case rules
    }

    public var settings: TableSettings
    public var pages: [PageText]
    public var roles: [[LineRole]]
    public var headerCells: [[HeaderCell]]
    public var columns: [[ColumnSpan]]
    public var placed: [RowAssembler.Placed]
    public var rows: [RowRecord]
    public var unplaced: [UnplacedFragment]
    /// Each page's ruling lines and grid (empty for text, or when not looked for).
    public var grids: [PageGrid]
    public var method: Method
    /// The rows the gaps and alignment give, when the rules gave `rows` (nil otherwise).
    public var streamRows: [RowRecord]?
    /// Warnings for every row where the rules and the gaps and alignment read a cell differently.
    public var disagreements: [Diagnostic]

    /// Runs every stage over `pages` (and their `grids`, for a PDF).
    public init(pages: [PageText], settings: TableSettings, grids: [PageGrid] = []) {
        let roles = LineClassifier.classify(pages)
        var headerCells: [[HeaderCell]] = []
        var columns: [[ColumnSpan]] = []
        var placed: [RowAssembler.Placed] = []
        var unplaced: [UnplacedFragment] = []
        var reference: [(field: TableField, x0: Double, x1: Double)] = []
        var offset = 0.0
        for (p, page) in pages.enumerated() {
            let headerFragments = page.lines.indices.filter { roles[p][$0] == .header }
                .flatMap { page.lines[$0].fragments }
            let cells = ColumnDetector.headerCells(headerFragments)
            headerCells.append(cells)
            let named = cells.compactMap { c in c.field.map { (field: $0, x0: c.x0, x1: c.x1) } }
            if named.count >= settings.minHeaderColumns { reference = named }
            let bodyLines = page.lines.indices.filter { roles[p][$0] == .body }.map { page.lines[$0] }
            let body = bodyLines.flatMap(\.fragments)
            let spans = ColumnDetector.columns(body: body, reference: reference, settings: settings)
            columns.append(spans)
            if !spans.isEmpty, named.count < settings.minHeaderColumns {
                // A page without its own header keeps the columns found so far.
                reference = spans.map { (field: $0.field, x0: $0.x0, x1: $0.x1) }
            } else if !spans.isEmpty {
                reference = TableRecovery.mergeReference(named, spans)
            }
            guard !body.isEmpty else { continue }
            let headerBottom = headerFragments.map(\.y1).max()
            let top = headerBottom ?? body.map(\.y0).min()!
            let bottom = body.map(\.y1).max()!
            for f in body {
                guard let field = ColumnDetector.field(of: f, in: spans) else {
                    unplaced.append(UnplacedFragment(fragment: f, reason: "text outside the table's columns"))
                    continue
                }
                placed.append(RowAssembler.Placed(
                    fragment: f, field: field, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
            }
            offset += max(bottom - top, 0) + settings.pageJoinGap
        }
        let (rows, lost) = RowAssembler.assemble(placed, settings: settings)
        unplaced += lost
        self.settings = settings
        self.pages = pages
        self.roles = roles
        self.headerCells = headerCells
        self.grids = grids
        self.placed = placed
        self.disagreements = []
        if !grids.isEmpty, let ruled = RuledRows.read(pages: pages, roles: roles, grids: grids, settings: settings),
           !ruled.rows.isEmpty {
            self.method = .rules
            self.columns = ruled.columns
            self.rows = ruled.rows
            self.unplaced = ruled.unplaced
            self.streamRows = rows
            self.disagreements = Self.disagreements(ruled: ruled.rows, stream: rows)
        } else {
            self.method = .stream
            self.columns = columns
            self.rows = rows
            self.unplaced = unplaced
            self.streamRows = nil
        }
    }

    /// One warning per row and cell the two methods read differently (texts compared without
    /// blanks), and per row number only one of them found.
    static func disagreements(ruled: [RowRecord], stream: [RowRecord]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var byNumber: [Int: RowRecord] = [:]
        for r in stream where byNumber[r.seq] == nil { byNumber[r.seq] = r }
        let ruledNumbers = Set(ruled.map(\.seq))
        func compact(_ s: String) -> String { String(s.unicodeScalars.filter { !Blank.isBlank($0) }.map(Character.init)) }
        // A merged industry printed once is empty in the stream's later rows: filled down, as
        // `EntryBuilder` fills it, before comparing.
        var industryOf: [Int: String] = [:]
        var industry = ""
        for r in stream {
            let text = compact(r.text(.industry))
            if !text.isEmpty { industry = text }
            if industryOf[r.seq] == nil { industryOf[r.seq] = industry }
        }
        for row in ruled {
            guard let other = byNumber[row.seq] else {
                out.append(Diagnostic(
                    .warning, "row \(row.seq): found by the table's rules, not by its text alignment",
                    page: row.anchor.page, line: row.anchor.line, column: row.anchor.column, excerpt: row.anchor.text, seq: row.seq))
                continue
            }
            for field in TableField.allCases where field != .seq {
                let a = compact(row.text(field))
                let b = field == .industry ? industryOf[row.seq] ?? "" : compact(other.text(field))
                guard a != b else { continue }
                let place = row.cells[field]?.first ?? other.cells[field]?.first ?? row.anchor
                out.append(Diagnostic(
                    .warning,
                    "row \(row.seq): \(field.label) read by the table's rules as `\(a)`, by its text alignment as `\(b)`; the rules' reading is kept",
                    page: place.page, line: place.line, column: place.column, excerpt: a.isEmpty ? b : a, seq: row.seq))
            }
        }
        for row in stream where !ruledNumbers.contains(row.seq) {
            out.append(Diagnostic(
                .warning, "row \(row.seq): found by the text alignment, not in any ruled cell",
                page: row.anchor.page, line: row.anchor.line, column: row.anchor.column, excerpt: row.anchor.text, seq: row.seq))
        }
        return out
    }

    /// Header cells for naming, widened to the body columns they name, for the next page.
    private static func mergeReference(
        _ named: [(field: TableField, x0: Double, x1: Double)], _ spans: [ColumnSpan]
    ) -> [(field: TableField, x0: Double, x1: Double)] {
        named.map { h in
            guard let s = spans.first(where: { $0.field == h.field }) else { return h }
            return (h.field, min(h.x0, s.x0), max(h.x1, s.x1))
        }
    }
}
