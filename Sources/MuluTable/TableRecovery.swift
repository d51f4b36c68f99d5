import MuluSupport
import MuluModel
import MuluExtract
/// Recovers a catalogue table from positioned lines, keeping every intermediate stage.
///
/// Stages, each a pure function whose result is kept here so `mulu extract` can draw it:
/// `pages` (lines of fragments) → `roles` (furniture, header, body) → `headerCells` and
/// `columns` per page → `placed` (fragments on one strip, each in a column) → `rows`.
public struct TableRecovery: Sendable {
    public var settings: TableSettings
    public var pages: [PageText]
    public var roles: [[LineRole]]
    public var headerCells: [[HeaderCell]]
    public var columns: [[ColumnSpan]]
    public var placed: [RowAssembler.Placed]
    public var rows: [RowRecord]
    public var unplaced: [UnplacedFragment]

    /// Runs every stage over `pages`.
    public init(pages: [PageText], settings: TableSettings) {
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
        self.columns = columns
        self.placed = placed
        self.rows = rows
        self.unplaced = unplaced
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
