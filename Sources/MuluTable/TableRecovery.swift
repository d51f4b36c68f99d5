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
    /// The header cells of each table that starts below another on its page, by where it starts
    /// (page, line index): its own, not the page's first table's.
    public var startHeaderCells: [[Int]: [HeaderCell]] = [:]
    public var columns: [[ColumnSpan]]
    public var placed: [RowAssembler.Placed]
    public var rows: [RowRecord]
    public var unplaced: [UnplacedFragment]
    /// Each page's ruling lines and grid (empty for text, or when not looked for).
    public var grids: [PageGrid]
    public var method: Method
    /// The rows the gaps and alignment give, when the rules gave `rows` (nil otherwise).
    public var streamRows: [RowRecord]?
    /// Warnings for every row where the rules and the gaps and alignment read a cell differently,
    /// or (read without rules) whose merged cell's value could not be decided (`MergedCells`).
    public var disagreements: [Diagnostic]
    /// The notice's tables (附件1, 附件2 …), in order: where each starts, its label and title
    /// (`DelimitedReader.tables`). Each row's `table` indexes this. Found for a PDF (one table
    /// when it has one header band) and for text holding several tables; else empty for text.
    public var tables: [DelimitedReader.Table] = []

    /// Runs every stage over `pages` (and, for a PDF, each page's `rules`: its grid is built here).
    public init(pages: [PageText], settings: TableSettings, rules: [[Rule]] = []) {
        // Pages' grids are independent: built on every core.
        let grids = Parallel.run(zip(pages, rules).map { page, rules in
            { @Sendable in
                GridBuilder.page(page.number, rules: GlyphStrokes.removed(from: rules, text: page.lines.flatMap(\.fragments), slack: 0.5), settings: settings)
            }
        })
        var roles = LineClassifier.classify(pages)
        // Several tables in one notice: a later table's label and title are no body text.
        var tables: [DelimitedReader.Table] = []
        let found = DelimitedReader.tables(pages: pages, roles: roles)
        if !rules.isEmpty || found.tables.count > 1 {
            // (Text laid out in columns too, when it holds several tables: 附件2, its title and
            // its own header after the first table's rows.)
            for f in found.furniture { roles[f.page - 1][f.index] = f.role }
            tables = found.tables
            // Text between a later table's label or title and its header (`（2025年版）`): text
            // before that table, as before the first, never a row's.
            for t in found.tables.dropFirst() {
                let p = t.page - 1
                guard p < roles.count, t.index <= roles[p].count,
                      let top = roles[p][..<t.index].lastIndex(where: { $0 == .title || $0 == .attachmentLabel }) else { continue }
                for i in (top + 1)..<t.index where roles[p][i] == .body { roles[p][i] = .preamble }
            }
        } else {
            // Text laid out in columns: a title printed again atop a page (`…（续表）`) is page
            // furniture, never the rest of the row above it.
            for f in found.furniture where f.role == .pageMark { roles[f.page - 1][f.index] = f.role }
        }
        Self.headerLinesInRules(pages, grids: grids, roles: &roles, slack: settings.grid.cellSlack)
        var headings: [(page: Int, y: Double, name: String)] = []
        // Whether the notice numbers its section headings (`四、特色林果产业`): then a line of
        // words only (`棉花加工设备操作 专项职业`, a row's first line above its number) is no
        // heading, however it ends.
        let numberedHeadings = pages.indices.contains { p in
            pages[p].lines.indices.contains { i in
                guard roles[p][i] == .body, let first = pages[p].lines[i].fragments.first, RowNumber.parsePointed(first.text) == nil else { return false }
                return SectionHeading.name(Blank.removed(from: pages[p].lines[i].compactText), pieces: pages[p].lines[i].fragments.count) != nil
            }
        }
        var headerCells: [[HeaderCell]] = []
        var startHeaderCells: [[Int]: [HeaderCell]] = [:]
        var columns: [[ColumnSpan]] = []
        var placed: [RowAssembler.Placed] = []
        var unplaced: [UnplacedFragment] = []
        var reference: [(field: TableField, x0: Double, x1: Double)] = []
        // Header cells that name no field (备注, 说明): text under them is kept as an extra
        // column of its own, never given to a neighbouring field.
        var extraPlaced: [String: [RowAssembler.Placed]] = [:]
        var extraReference: [(header: String, x0: Double, x1: Double)] = []
        // The fields of the last header printed, left to right.
        var headerOrder: [TableField] = []
        var levelReference: [LevelColumn] = []
        var offset = 0.0
        // Text laid out in columns: where the last page with a line holding both subsidies split
        // them, from where its codes start, and the lone subsidies whose column stays undecided.
        var subsidySplit: Double?
        var undecidedSubsidies: Set<Fragment> = []
        for (p, page) in pages.enumerated() {
            // A page where a later table starts below the rows of the one before: each part
            // read by its own header.
            // (The first table's own start, below its label and title, splits nothing.)
            var starts = tables.dropFirst().filter { $0.page == p + 1 && $0.index > 0 }.map(\.index)
            // Text laid out in columns: a header repeated below numbered rows (a document's pages
            // run together, each aligned on its own, as `column -t` or a copy from a PDF viewer
            // gives them) starts a part read by its own header's columns.
            if settings.cellLineGap < 0 {
                var sawBody = false, inHeader = false
                for i in page.lines.indices {
                    switch roles[p][i] {
                    case .header:
                        if sawBody, !inHeader, !starts.contains(i) { starts.append(i) }
                        inHeader = true
                        sawBody = false
                    case .blank: continue
                    case .body:
                        // (Rows: a line starting with a row number. A cell's clipped rest at the
                        // page's top, above its repeated header, starts no part.)
                        if let first = page.lines[i].fragments.first, RowNumber.parsePointed(first.text) != nil { sawBody = true }
                        inHeader = false
                    default: inHeader = false
                    }
                }
                starts.sort()
            }
            let regions = zip([0] + starts, starts + [page.lines.count]).map { $0..<$1 }
            for (r, region) in regions.enumerated() {
                // The region's first header band: a header repeated further down the same page (text
                // with no page breaks, `续表` and the header again) names the same columns.
                var bandLines: [Int] = []
                for i in region {
                    if roles[p][i] == .header {
                        bandLines.append(i)
                    } else if !bandLines.isEmpty, roles[p][i] != .blank {
                        break
                    }
                }
                let headerFragments = bandLines.flatMap { page.lines[$0].fragments }
                // Level words on a lower header line (`初级 中级 高级` under `培训补贴标准`) are level
                // sub-columns, not words of the header cells above them.
                let headerTop = headerFragments.map(\.y0).min() ?? 0
                let levelWords = headerFragments.filter { $0.y0 > headerTop + 0.5 && LevelWords.single(Blank.removed(from: $0.text)) != nil }
                // Revision words likewise (`调整前 调整后` under `培训补贴标准`): sub-columns.
                let revisionWords = headerFragments.filter { $0.y0 > headerTop + 0.5 && RevisionColumns.isWord($0.text) }
                var cells = ColumnDetector.headerCells(headerFragments.filter { !levelWords.contains($0) && !revisionWords.contains($0) })
                var levels = Self.levelColumns(levelWords, cells: cells)
                if levels == nil {
                    // Level words under no subsidy header cell: header words like any other.
                    cells = ColumnDetector.headerCells(headerFragments.filter { !revisionWords.contains($0) })
                    levels = []
                }
                if let split = RevisionColumns.split(revisionWords, cells: cells) {
                    cells = split
                } else {
                    // Revision words under no field's header cell: header words like any other.
                    cells = ColumnDetector.headerCells(headerFragments.filter { levels!.isEmpty || !levelWords.contains($0) })
                }
                // Subsidy header cells each naming one level of one field (`培训补贴标准（初级）`,
                // `培训补贴标准（中级）`): one header cell over that field's level sub-columns.
                if levels!.isEmpty, let named = Self.namedLevelCells(cells) {
                    cells = named.cells
                    levels = named.levels
                }
                if r == 0 { headerCells.append(cells) } else { startHeaderCells[[p + 1, region.lowerBound]] = cells }
                let named = cells.compactMap { c in c.field.map { (field: $0, x0: c.x0, x1: c.x1) } }
                    + levels!.map { (field: $0.field, x0: $0.x0, x1: $0.x1) }
                if named.count >= settings.minHeaderColumns {
                    reference = named
                    headerOrder = []
                    for h in named.sorted(by: { $0.x0 < $1.x0 }) where !headerOrder.contains(h.field) { headerOrder.append(h.field) }
                    extraReference = cells.filter { $0.field == nil && HeaderWords.meaning(Blank.removed(from: $0.text)) == .extra }
                        .map { (Blank.removed(from: $0.text), $0.x0, $0.x1) }
                    levelReference = levels!
                }
                // Section headings among the rows: a line of its own, not a row.
                let hasIndustry = reference.contains { $0.field == .industry }
                for i in region where roles[p][i] == .body {
                    let line = page.lines[i]
                    guard let first = line.fragments.first, RowNumber.parsePointed(first.text) == nil,
                          let name = SectionHeading.name(Blank.removed(from: line.compactText), pieces: line.fragments.count)
                            ?? (hasIndustry || numberedHeadings ? nil : SectionHeading.name(Blank.removed(from: line.compactText),
                                                                        pieces: line.fragments.count, numbered: false))
                    else { continue }
                    roles[p][i] = .sectionHeading
                    headings.append((page.number, line.fragments.map(\.y0).min()!, name))
                }
                let bodyLines = region.filter { roles[p][$0] == .body }.map { page.lines[$0] }
                let body = bodyLines.flatMap(\.fragments)
                // Notes after the table (`注：1.…`, `3.本目录自…起执行`) are prose across the page's
                // width: they bridge every gutter, so the columns are found above the first of them.
                let noteStart = bodyLines.firstIndex { NoteText.opensNote(Blank.removed(from: $0.compactText)) } ?? bodyLines.count
                let tableBody = noteStart == bodyLines.count ? body : bodyLines[..<noteStart].flatMap(\.fragments)
                // (Laid out afresh, a column empty on this page took no room: the rest moved left.)
                var spans = ColumnDetector.columns(body: tableBody, reference: reference, settings: settings)
                var shifted = false
                var pageExtras = extraReference
                if named.count < settings.minHeaderColumns, settings.cellLineGap < 0, !ShiftedColumns.allFit(spans, body: tableBody) {
                    for move in ShiftedColumns.moves(reference, body: tableBody) {
                        let movedSpans = ColumnDetector.columns(body: tableBody, reference: move.reference, settings: settings)
                        guard ShiftedColumns.allFit(movedSpans, body: tableBody) else { continue }
                        spans = movedSpans
                        shifted = true
                        pageExtras = extraReference.map { e in let m = move.moved(e.x0, e.x1); return (e.header, m.0, m.1) }
                        break
                    }
                }
                if named.count < settings.minHeaderColumns, settings.cellLineGap < 0 {
                    spans = Self.marksAreUrgency(spans, body: body)
                    // (Laid out afresh, a column empty on this page took no room: the rest moved left.)
                    let renamed = ShiftedColumns.renamed(spans, body: tableBody, order: headerOrder)
                    shifted = shifted || renamed != spans
                    spans = renamed
                }
                if r == 0 { columns.append(spans) }
                // (A page whose columns moved is named by its own bands.)
                let naming = shifted ? spans.map { (field: $0.field, x0: $0.x0, x1: $0.x1) } : reference
                if shifted {
                    // (The next page is named by the positions before this one's.)
                } else if !spans.isEmpty, named.count < settings.minHeaderColumns {
                    // A page without its own header keeps the columns found so far (and, for fields
                    // no body band was named by, where the header last put them).
                    let found = Set(spans.map(\.field))
                    reference = spans.map { (field: $0.field, x0: $0.x0, x1: $0.x1) }
                        + reference.filter { !found.contains($0.field) }
                } else if !spans.isEmpty {
                    reference = TableRecovery.mergeReference(named, spans)
                }
                guard !body.isEmpty else { continue }
                let headerBottom = headerFragments.map(\.y1).max()
                // A page holding a second table's header below the first's rows: its top is the rows'.
                let top = min(headerBottom ?? .infinity, body.map(\.y0).min()!)
                let bottom = body.map(\.y1).max()!
                // Text laid out in columns: a band the gutters could not split (it spans fields of
                // the header between its neighbours) is split by what its fragments hold.
                var byContent: [Fragment: TableField] = [:]
                if settings.cellLineGap < 0, !spans.isEmpty {
                    // This page's own split (its gutters may part the two subsidy columns), else the
                    // last page's that had one.
                    let gutter = spans.first { $0.field == .training }.flatMap { t in
                        spans.first { $0.field == .assessment && $0.x0 > t.x1 }.map { (t.x1 + $0.x0) / 2 }
                    }
                    if let split = ContentColumns.split(lines: bodyLines.map(\.fragments), gutter: gutter) { subsidySplit = split }
                    let bands = TableRecovery.bandFields(spans, header: naming)
                    for (k, span) in spans.enumerated() where bands[k].count > 1 {
                        let lines = bodyLines.map { $0.fragments.filter { ColumnDetector.field(of: $0, in: spans) == span.field } }
                        let assigned = ContentColumns.assign(
                            lines: lines, fields: bands[k], fallback: span.field,
                            carriedSplit: subsidySplit, margin: settings.contentSplitMargin)
                        byContent.merge(assigned.fields) { a, _ in a }
                        undecidedSubsidies.formUnion(assigned.undecided)
                    }
                }
                var decided: [Fragment: TableField] = [:]
                var extraOf: [Fragment: String] = [:]
                for line in bodyLines { for f in line.fragments {
                    var field = byContent[f] ?? ColumnDetector.field(of: f, in: spans)
                    // A unit one blank after its amount (`2160 元/人`) is that amount's, wherever the
                    // columns' gutter fell between them.
                    if let amount = ContentColumns.amountBefore(f, in: line.fragments, anyText: true), let before = decided[amount],
                       before == .training || before == .assessment {
                        field = before
                    }
                    if let field { decided[f] = field }
                    // A subsidy with level sub-columns: its text goes to the nearest level's column.
                    if let field, case let levels = levelReference.filter({ $0.field == field }), !levels.isEmpty {
                        let centre = (f.x0 + f.x1) / 2
                        let level = levels.min { abs(($0.x0 + $0.x1) / 2 - centre) < abs(($1.x0 + $1.x1) / 2 - centre) }!
                        extraPlaced[RowRecord.levelKey(level.field, level.level), default: []].append(RowAssembler.Placed(
                            fragment: f, field: .name, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
                        continue
                    }
                    // One blank after an extra cell's text, and not of its field's shape (`2025 年新增`):
                    // the rest of that extra cell.
                    if let previous = line.fragments.last(where: { $0.x1 <= f.x0 }), f.x0 - previous.x1 <= 1.5,
                       let header = extraOf[previous], field.map({ !Self.hasShape(f.text, of: $0) }) ?? true {
                        extraOf[f] = header
                        extraPlaced[header, default: []].append(RowAssembler.Placed(
                            fragment: f, field: .name, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
                        continue
                    }
                    // Text only: a line under an extra cell's line (one or two lines down), under
                    // its text and not of its field's shape (`含安全生产知` / `识`, where the
                    // urgency column's band reaches): the rest of that extra cell.
                    if settings.cellLineGap < 0, field.map({ !Self.hasShape(f.text, of: $0) }) ?? true,
                       let above = extraOf.keys.filter({ g in
                           g.page == f.page && g.y0 < f.y0 && f.y0 - g.y1 <= 1.5 && f.horizontalOverlap(g.x0, g.x1) > 0
                       }).max(by: { $0.y0 < $1.y0 }), let header = extraOf[above] {
                        extraOf[f] = header
                        extraPlaced[header, default: []].append(RowAssembler.Placed(
                            fragment: f, field: .name, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
                        continue
                    }
                    // Under an extra header cell more than under any field's header cell (not its
                    // column, which this text may have widened: `按特种作业` under 备注 beside the
                    // assessment's `—`), or under one and not of its field's shape (`新职业` in the
                    // band of urgency marks).
                    if let extra = pageExtras.max(by: { f.horizontalOverlap($0.x0, $0.x1) < f.horizontalOverlap($1.x0, $1.x1) }),
                       case let underExtra = f.horizontalOverlap(extra.x0, extra.x1), underExtra > 0,
                       underExtra >= (naming.map { f.horizontalOverlap($0.x0, $0.x1) }.max() ?? 0)
                        || field.map({ !Self.hasShape(f.text, of: $0) }) == true {
                        extraOf[f] = extra.header
                        extraPlaced[extra.header, default: []].append(RowAssembler.Placed(
                            fragment: f, field: .name, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
                        continue
                    }
                    guard let field else {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "text outside the table's columns"))
                        continue
                    }
                    placed.append(RowAssembler.Placed(
                        fragment: f, field: field, top: f.y0 - top + offset, bottom: f.y1 - top + offset))
                } }
                offset += max(bottom - top, 0) + settings.pageJoinGap
            }
        }
        // The rows by the rules and by the gaps and alignment, side by side.
        let t0 = PhaseTimer.now()
        let (ruledRead, (assembled, lost)) = Self.bothReadings(
            pages: pages, roles: roles, grids: grids, placed: placed, extras: extraPlaced, settings: settings,
            starts: tables.map { ($0.page, $0.index) })
        PhaseTimer.report("ruled and stream rows", t0, PhaseTimer.now())
        unplaced += lost
        // A numbered note after the table (`1 本目录由…负责解释。`) has a row number and no row's shape.
        var rows: [RowRecord] = []
        // A row of nothing but its number, numbered back below the row before, on a line that
        // reads as a note (`3. 本目录自发布之日起执行，有效期 1 年。`, its words run across the
        // columns and placed nowhere): a numbered note too.
        func lineOf(_ f: Fragment) -> TextLine? {
            pages.first { $0.number == f.page }?.lines.first { $0.line == f.line }
        }
        // So is a row numbered back whose every word lies on its line or lines below that read as notes (`1. 本目录
        // 由…负责解释。` under a ruled table, its words placed in the columns they run across),
        // and that has no code (rows numbered again in each section have theirs).
        func onNoteLines(_ row: RowRecord) -> Bool {
            let code = Blank.removed(from: row.text(.code))
            guard code.isEmpty || !CodeSyntax.isWellFormed(CodeSyntax.normalise(code)) else { return false }
            let fragments = Array(row.cells.values.joined()) + Array(row.extras.values.joined())
            var lines: [Int: Bool] = [:]
            // (On its number's line or below: a word above is the row before's, its cell wrapped.)
            return fragments.allSatisfy { f in
                guard (f.page, f.line) >= (row.anchor.page, row.anchor.line) else { return false }
                let key = f.page * 1_000_000 + f.line
                if let known = lines[key] { return known }
                let note = lineOf(f).map(RuledRows.readsAsNote) ?? false
                lines[key] = note
                return note
            }
        }
        for var row in assembled {
            // A row numbered back on a line that reads as a note, a note once the words above
            // its number's line are left out: those are the row before's (its cell wrapped, or
            // set at the bottom), given back.
            if let before = rows.last, row.seq < before.seq, let line = lineOf(row.anchor), RuledRows.readsAsNote(line) {
                let anchor = (row.anchor.page, row.anchor.line)
                var note = row
                var above: [TableField: [Fragment]] = [:]
                for (field, fragments) in row.cells where fragments.contains(where: { ($0.page, $0.line) < anchor }) {
                    above[field] = fragments.filter { ($0.page, $0.line) < anchor }
                    note.cells[field] = fragments.filter { ($0.page, $0.line) >= anchor }
                }
                let noteEmpty = note.cells.values.allSatisfy { $0.allSatisfy { Blank.removed(from: $0.text).isEmpty } }
                if !above.isEmpty, noteEmpty || onNoteLines(note) || Self.isNumberedNote(note) {
                    row = note
                    for (field, fragments) in above {
                        rows[rows.count - 1].cells[field, default: []] += fragments
                        rows[rows.count - 1].cells[field]!.sort(by: Fragment.inReadingOrder)
                    }
                }
            }
            // A line closing the notice (`2025 年 3 月 20 日`, its number a year) is no row.
            if let line = lineOf(row.anchor), NoteText.closesNotice(Blank.removed(from: line.compactText)) {
                var already = Set(unplaced.map(\.fragment))
                for f in line.fragments + Array(row.cells.values.joined()) + Array(row.extras.values.joined()) where !already.contains(f) {
                    already.insert(f)
                    unplaced.append(UnplacedFragment(fragment: f, reason: "a line closing the notice (its date), not a row"))
                }
                continue
            }
            let empty = row.cells.values.allSatisfy { $0.allSatisfy { Blank.removed(from: $0.text).isEmpty } }
            if let before = rows.last, row.seq < before.seq, let line = lineOf(row.anchor), RuledRows.readsAsNote(line),
               empty || onNoteLines(row) {
                // (Its line's words, and those of the row on other lines of notes, reported.)
                var already = Set(unplaced.map(\.fragment))
                for f in line.fragments + Array(row.cells.values.joined()) + Array(row.extras.values.joined()) where !already.contains(f) {
                    already.insert(f)
                    unplaced.append(UnplacedFragment(fragment: f, reason: "a numbered note after the table, not a row"))
                }
                continue
            }
            if Self.isNumberedNote(row) {
                for f in [row.anchor] + row.cells.values.flatMap({ $0 }) + row.extras.values.flatMap({ $0 }) {
                    unplaced.append(UnplacedFragment(fragment: f, reason: "a numbered note after the table, not a row"))
                }
            } else {
                rows.append(row)
            }
        }
        // A note after the table (`注：…`, `说明：`) and every line after it are no row's text,
        // however near the last row they are printed.
        if let last = rows.map({ ($0.anchor.page, $0.anchor.line) }).max(by: <),
           let note = pages.indices.lazy.flatMap({ p in pages[p].lines.indices.lazy.map { (p, $0) } }).first(where: { p, i in
               let line = pages[p].lines[i]
               return roles[p][i] == .body && (line.page, line.line) > last && NoteText.opensNote(Blank.removed(from: line.compactText))
           }).map({ (pages[$0.0].lines[$0.1].page, pages[$0.0].lines[$0.1].line) }) {
            for k in rows.indices {
                func keep(_ fragments: [Fragment]) -> [Fragment] {
                    fragments.filter { f in
                        guard (f.page, f.line) >= note else { return true }
                        unplaced.append(UnplacedFragment(fragment: f, reason: "a note after the table, not a row"))
                        return false
                    }
                }
                for (field, fragments) in rows[k].cells { rows[k].cells[field] = keep(fragments) }
                for (header, fragments) in rows[k].extras { rows[k].extras[header] = keep(fragments) }
            }
        }
        self.settings = settings
        self.pages = pages
        self.roles = roles
        self.headerCells = headerCells
        self.startHeaderCells = startHeaderCells
        self.grids = grids
        self.placed = placed
        self.disagreements = []
        if let ruled = ruledRead, !ruled.rows.isEmpty {
            self.method = .rules
            self.columns = ruled.columns
            let gaps = Self.gapRows(ruled: ruled.rows, stream: rows)
            self.streamRows = rows
            var labels: [TableField: String] = [:]
            for cell in headerCells.joined() {
                if let field = cell.field, labels[field] == nil, case let text = Blank.removed(from: cell.text), !text.isEmpty { labels[field] = text }
            }
            // (Notes after the table and the lines closing the notice, its date and issuer: no
            // row's, whatever number they hold.)
            var closing = Set<[Int]>()
            for page in pages {
                for line in page.lines where NoteText.opensNote(Blank.removed(from: line.compactText)) { closing.insert([page.number, line.line]) }
            }
            self.disagreements = Self.disagreements(ruled: ruled.rows, spanned: ruled.spanned, stream: rows, filling: Set(gaps),
                                                    closed: ruled.closed, labels: labels, closing: closing)
                + Self.pageBreakDoubts(ruled.rows, ruled.doubts)
            if gaps.isEmpty {
                self.rows = ruled.rows
                self.unplaced = ruled.unplaced
            } else {
                // Rows only the text alignment found, in a gap of the ruled rows' numbers: kept,
                // in reading order, their text no longer unplaced.
                let added = gaps.map { rows[$0] }
                self.rows = (ruled.rows + added).enumerated().sorted { a, b in
                    let ka = (a.element.anchor.page, a.element.anchor.line, a.offset), kb = (b.element.anchor.page, b.element.anchor.line, b.offset)
                    return ka < kb
                }.map(\.element)
                var taken = Set<[Int]>()
                for row in added {
                    for f in [row.anchor] + row.cells.values.joined() + row.extras.values.joined() { taken.insert([f.page, f.line, f.column ?? -1]) }
                }
                self.unplaced = ruled.unplaced.filter { !taken.contains([$0.fragment.page, $0.fragment.line, $0.fragment.column ?? -1]) }
            }
        } else {
            self.method = .stream
            self.columns = columns
            // Merged cells, printed once for the rows they span: given to every row.
            let merged = MergedCells.fill(rows, placed: placed, settings: settings, rules: grids.isEmpty ? nil : RowRules(grids: grids, text: placed.map(\.fragment)))
            let cut = Self.cellsCutByPageBreaks(merged.rows, merged: merged.fields)
            self.rows = cut.rows
            self.disagreements = Self.undecidedSubsidies(rows, undecidedSubsidies)
                + merged.diagnostics + cut.diagnostics
                + Self.textBeforeNumberAcrossPages(cut.rows, merged: merged.fields)
                + Self.unclosedBrackets(cut.rows) + Self.industriesOfTwoRows(cut.rows)
                + Self.extrasRunTogether(cut.rows)
            self.unplaced = unplaced
            self.streamRows = nil
        }
        self.rows = Self.sections(headings, rows: self.rows)
        self.disagreements += Self.overprintedCells(self.rows)
        self.tables = tables
        if tables.count > 1 {
            // Each row in the last table starting at or before its row number.
            let firstLines = tables.map { t in
                (t.page, t.page - 1 < pages.count && t.index < pages[t.page - 1].lines.count ? pages[t.page - 1].lines[t.index].line : 0)
            }
            for k in self.rows.indices {
                let at = (self.rows[k].anchor.page, self.rows[k].anchor.line)
                self.rows[k].table = max(0, (firstLines.lastIndex { $0 <= at } ?? 0))
            }
        }
    }

    /// A warning for each row whose own subsidy text lies where its column (training or
    /// assessment) cannot be told (`ContentColumns.Assignment.undecided`), naming both columns.
    static func undecidedSubsidies(_ rows: [RowRecord], _ undecided: Set<Fragment>) -> [Diagnostic] {
        guard !undecided.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for row in rows {
            for field in [TableField.training, .assessment] {
                let cell = row.cells[field] ?? []
                guard let first = cell.first(where: { undecided.contains($0) }) else { continue }
                let text = RowRecord.text(cell)
                let other: TableField = field == .training ? .assessment : .training
                out.append(Diagnostic(
                    .warning,
                    "row \(row.seq): `\(text)` is read as \(field.label), but no line of page \(first.page) holds both subsidies, and where it lies does not tell its column: it may be \(other.label)",
                    page: first.page, line: first.line, column: first.column, excerpt: text, seq: row.seq))
            }
        }
        return out
    }

    /// A row that is a numbered note: no code, subsidy or mark, and a cell that reads as a
    /// sentence (`NoteText`). The note above it, numbered too (`2.补贴标准为最高标准。`), may
    /// stand where a code would start: a code cell that reads as a sentence is no code, nor are
    /// a sentence's digits there (`有效期 1 年。`, its `1` under the codes).
    static func isNumberedNote(_ row: RowRecord) -> Bool {
        for field in [TableField.code, .training, .assessment, .urgent] where !Blank.removed(from: row.text(field)).isEmpty {
            let text = Blank.removed(from: row.text(field))
            if field == .code, NoteText.isSentence(text) || (text.unicodeScalars.count <= 2 && text.allSatisfy(\.isASCIIDigit)) {
                continue
            }
            return false
        }
        guard row.levelColumns.isEmpty else { return false }
        // (Or holds a note's opening, `备注：` printed above the note's first line.)
        return [TableField.industry, .name].contains {
            NoteText.isSentence(Blank.removed(from: row.text($0))) || NoteText.opensNote(Blank.removed(from: row.text($0)))
        }
            || row.extras.values.contains { NoteText.isSentence(Blank.removed(from: RowRecord.text($0))) }
    }

    /// Gives each section heading to the first row below it (`RowRecord.section`).
    static func sections(_ headings: [(page: Int, y: Double, name: String)], rows: [RowRecord]) -> [RowRecord] {
        guard !headings.isEmpty else { return rows }
        var rows = rows
        var next = 0
        for (i, row) in rows.enumerated() {
            while next < headings.count, (headings[next].page, headings[next].y) < (row.anchor.page, row.anchor.y0) {
                rows[i].section = headings[next].name
                next += 1
            }
        }
        return rows
    }

    /// A level sub-column of a subsidy in a header without rules: its field, level and extent.
    struct LevelColumn {
        var field: TableField
        var level: Level
        var x0: Double
        var x1: Double
    }

    /// The level sub-columns that level words on a lower header line name: the words in runs of
    /// rising level (`初级 中级 高级 | 初级 中级 高级`), the runs given to the subsidy header cells in
    /// order when there are as many, else each to the one its extent overlaps most. Nil when a
    /// run lies under no subsidy header cell it is given to (the words are no sub-header then).
    static func levelColumns(_ words: [Fragment], cells: [HeaderCell]) -> [LevelColumn]? {
        let subsidies = cells.filter { $0.field == .training || $0.field == .assessment }
        guard !words.isEmpty else { return [] }
        guard !subsidies.isEmpty else { return nil }
        var runs: [[(fragment: Fragment, level: Level)]] = []
        for f in words.sorted(by: { $0.x0 < $1.x0 }) {
            let level = LevelWords.single(Blank.removed(from: f.text))!
            if let last = runs.last?.last, last.level < level { runs[runs.count - 1].append((f, level)) } else { runs.append([(f, level)]) }
        }
        var out: [LevelColumn] = []
        for (k, run) in runs.enumerated() {
            let x0 = run.map(\.fragment.x0).min()!, x1 = run.map(\.fragment.x1).max()!
            let cell = runs.count == subsidies.count ? subsidies[k] : subsidies.max { a, b in
                func closeness(_ c: HeaderCell) -> Double { min(x1, c.x1) - max(x0, c.x0) }
                return closeness(a) < closeness(b)
            }!
            guard min(x1, cell.x1) > max(x0, cell.x0) else { return nil }
            out += run.map { LevelColumn(field: cell.field!, level: $0.level, x0: $0.fragment.x0, x1: $0.fragment.x1) }
        }
        return out
    }

    /// Header cells of one subsidy field that each name a distinct level
    /// (`HeaderWords.namedLevel`), as `ColumnMap` reads them in text: the cells with those joined
    /// into one cell of the field over them all, and their level sub-columns; nil when no field
    /// has two or more such cells and no other.
    static func namedLevelCells(_ cells: [HeaderCell]) -> (cells: [HeaderCell], levels: [LevelColumn])? {
        var out = cells
        var levels: [LevelColumn] = []
        for field in [TableField.training, .assessment] {
            let claims = out.indices.filter { out[$0].field == field }
            let named = claims.compactMap { HeaderWords.namedLevel(Blank.removed(from: out[$0].text)) }
            guard claims.count > 1, named.count == claims.count, Set(named).count == named.count else { continue }
            levels += zip(claims, named).map { LevelColumn(field: field, level: $1, x0: out[$0].x0, x1: out[$0].x1) }
            var joined = out[claims[0]]
            joined.x1 = claims.map { out[$0].x1 }.max()!
            joined.y0 = claims.map { out[$0].y0 }.min()!
            joined.y1 = claims.map { out[$0].y1 }.max()!
            out[claims[0]] = joined
            for i in claims.dropFirst().reversed() { out.remove(at: i) }
        }
        return levels.isEmpty ? nil : (out, levels)
    }

    /// Whether `text` can be (part of) a cell of `field` by its shape: a row number, a code or
    /// its wrapped tail, an urgency mark; a subsidy's words or amount. Names and industries take
    /// any text.
    static func hasShape(_ text: String, of field: TableField) -> Bool {
        switch field {
        case .seq: return RowNumber.parsePointed(text) != nil
        case .urgent: return UrgencyMark.read(Blank.removed(from: text)) != nil
        case .code: return [.code, .codeTail, .mark].contains(ContentColumns.kind(text))
        case .training, .assessment: return ContentColumns.kind(text) == .subsidy
        case .industry, .name: return true
        }
    }

    /// A header set over three lines whose first was taken for text before the table
    /// (`国家职业分类` / `代码`, `是否紧` / `缺`, a spreadsheet's header row): a line right above a
    /// page's first header line whose every fragment lies in a ruled cell that holds header text
    /// is the header's.
    static func headerLinesInRules(_ pages: [PageText], grids: [PageGrid], roles: inout [[LineRole]], slack: Double) {
        for (p, page) in pages.enumerated() where p < grids.count && !grids[p].tables.isEmpty {
            guard let first = roles[p].firstIndex(of: .header) else { continue }
            let grid = grids[p]
            func cell(_ f: Fragment) -> (table: Int, cell: Int)? {
                let c = grid.deskew(x: (f.x0 + f.x1) / 2, y: (f.y0 + f.y1) / 2)
                for (t, table) in grid.tables.enumerated() {
                    if let k = table.cell(x: c.x, y: c.y, slack: slack) { return (t, k) }
                }
                return nil
            }
            var headerCells = Set<[Int]>()
            for i in first..<page.lines.count where roles[p][i] == .header {
                for f in page.lines[i].fragments { if let c = cell(f) { headerCells.insert([c.table, c.cell]) } }
            }
            var i = first - 1
            while i >= 0, roles[p][i] == .preamble || roles[p][i] == .title, !page.lines[i].fragments.isEmpty,
                  page.lines[i].fragments.allSatisfy({ f in cell(f).map { headerCells.contains([$0.table, $0.cell]) } ?? false }) {
                roles[p][i] = .header
                i -= 1
            }
        }
    }

    /// The rows by the rules (nil without grids) and by the gaps and alignment, the two
    /// computed concurrently (they share nothing).
    static func bothReadings(
        pages: [PageText], roles: [[LineRole]], grids: [PageGrid], placed: [RowAssembler.Placed],
        extras: [String: [RowAssembler.Placed]], settings: TableSettings, starts: [(page: Int, index: Int)] = []
    ) -> (RuledRows.Result?, (rows: [RowRecord], unplaced: [UnplacedFragment])) {
        guard !grids.isEmpty else { return (nil, RowAssembler.assemble(placed, extras: extras, settings: settings)) }
        // A PDF ruled only across (no page has a grid): its rules still close the rows' cells.
        let across = grids.allSatisfy { $0.tables.isEmpty } ? RowRules(grids: grids, text: placed.map(\.fragment)) : nil
        // Neither closure throws.
        return try! Parallel.pair(
            { RuledRows.read(pages: pages, roles: roles, grids: grids, settings: settings, starts: starts) },
            { RowAssembler.assemble(placed, extras: extras, settings: settings, rules: across) })
    }

    /// A warning for each row of a cell at a page break that the rules left in doubt
    /// (`RuledRows.PageBreakDoubt`), naming the row and the column.
    static func pageBreakDoubts(_ rows: [RowRecord], _ doubts: [[RuledRows.PageBreakDoubt]]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (row, list) in zip(rows, doubts) {
            for d in list {
                let at = row.cells[d.field]?.first ?? row.anchor
                let how = d.joined
                    ? "read as continuing the cell across the break between pages \(d.pages.before) and \(d.pages.after); "
                        + "the rules do not show whether the empty part is a cell of its own (blank)"
                    : "read as a cell of its own after the break between pages \(d.pages.before) and \(d.pages.after); "
                        + "the rules do not show whether it is the rest of the cell above the break"
                // An empty part of one row is as likely a blank cell of its own: the data would
                // be a guess (an urgency mark, a subsidy given to a row that may have none).
                let severity: Diagnostic.Severity = d.joined && d.oneRow ? .error : .warning
                let guess = severity == .error ? "; which is meant cannot be told (write the value in each cell, or pass --allow-errors to keep this reading)" : ""
                out.append(Diagnostic(
                    severity, "row \(row.seq): \(d.field.label) \(how)\(guess)",
                    page: at.page, line: at.line, column: at.column, excerpt: at.text, seq: row.seq))
            }
        }
        return out
    }

    /// One warning per row the two methods read differently (texts compared without blanks),
    /// naming each cell, and per row number only one of them found. A merged cell the stream
    /// leaves empty below its text (it cannot tell which rows a merged cell spans; an industry
    /// is filled down, as `EntryBuilder` does) is not a disagreement; nor is a cell of an extra
    /// column (备注) the stream, which has no such column, adds to its neighbour.
    /// Rows are matched by number and, where numbers restart (per section), by the how-manieth
    /// row of that number each is.
    static func disagreements(
        ruled: [RowRecord], spanned: [Set<TableField>], stream: [RowRecord], filling: Set<Int> = [],
        closed: [Set<TableField>] = [], labels: [TableField: String] = [:], closing: Set<[Int]> = []
    ) -> [Diagnostic] {
        // Each column named as the notice's header prints it (`所属行业`), else by mulu's label.
        func name(_ field: TableField) -> String { labels[field] ?? field.label }
        // No row found by the alignment (a table without 序号, its rows numbered as the rules
        // give them): nothing to compare.
        guard !stream.isEmpty else { return [] }
        struct Key: Hashable { var seq: Int; var nth: Int }
        func keys(_ rows: [RowRecord]) -> [Key] {
            var seen: [Int: Int] = [:]
            return rows.map { r in
                defer { seen[r.seq, default: 0] += 1 }
                return Key(seq: r.seq, nth: seen[r.seq] ?? 0)
            }
        }
        var out: [Diagnostic] = []
        let streamKeys = keys(stream), ruledKeys = keys(ruled)
        var byNumber: [Key: RowRecord] = [:]
        for (k, r) in zip(streamKeys, stream) { byNumber[k] = r }
        let ruledNumbers = Set(ruledKeys)
        func compact(_ s: String) -> String { Blank.removed(from: s) }
        // A merged industry printed once is empty in the stream's later rows: filled down, as
        // `EntryBuilder` fills it, before comparing.
        var industryOf: [Key: String] = [:]
        var industry = ""
        for (k, r) in zip(streamKeys, stream) {
            let text = compact(r.text(.industry))
            if !text.isEmpty { industry = text }
            industryOf[k] = industry
        }
        var closedRows: [(row: RowRecord, field: TableField)] = []
        for (i, row) in ruled.enumerated() {
            guard let other = byNumber[ruledKeys[i]] else {
                out.append(Diagnostic(
                    .warning, "row \(row.seq): found by the table's rules, not by its text alignment",
                    page: row.anchor.page, line: row.anchor.line, column: row.anchor.column, excerpt: row.anchor.text, seq: row.seq))
                continue
            }
            var differences: [String] = []
            var place: Fragment?
            // A subsidy in level sub-columns: its levels' cells side by side (each reading may
            // have found the sub-columns or not).
            func text(_ r: RowRecord, _ field: TableField) -> String {
                let levels = Level.allCases.filter { r.extras[RowRecord.levelKey(field, $0)] != nil }
                return compact(r.text(field)) + levels.map { compact(r.text(extra: RowRecord.levelKey(field, $0))) }.joined()
            }
            for field in TableField.allCases where field != .seq {
                let a = text(row, field)
                let b = field == .industry ? industryOf[ruledKeys[i]] ?? "" : text(other, field)
                guard a != b, !(b.isEmpty && spanned[i].contains(field)) else { continue }
                // A code or name cell the rules merge over rows, where the alignment reads this row
                // its own: a row rule lost (text touching it), two rows' values in one — an error.
                if field == .code || field == .name, spanned[i].contains(field), !b.isEmpty {
                    let at = row.cells[field]?.first ?? row.anchor
                    out.append(Diagnostic(
                        .error,
                        "row \(row.seq): \(name(field)) `\(a)` by the rules, from a cell they merge over several rows; `\(b)` by the text alignment: a row rule not found?",
                        page: at.page, line: at.line, column: at.column, excerpt: row.anchor.text, seq: row.seq))
                    continue
                }
                // A cell ruled all round on one page: what the alignment reads differently there is
                // most likely the alignment's error (a spreadsheet's rows set as close as a cell's
                // lines, a merged cell's text placed between rows), reported once for the table.
                if i < closed.count, closed[i].contains(field) {
                    closedRows.append((row, field))
                    continue
                }
                let extras = row.extras.values.map { compact(RowRecord.text($0)) }.filter { !$0.isEmpty }
                if extras.contains(where: { b == a + $0 || b == $0 + a }) { continue }
                differences.append("\(name(field)) `\(a)` by the rules, `\(b)` by the text alignment")
                if place == nil { place = row.cells[field]?.first ?? other.cells[field]?.first }
            }
            if !differences.isEmpty {
                let at = place ?? row.anchor
                out.append(Diagnostic(
                    .warning,
                    "row \(row.seq): the table's rules and its text alignment disagree: \(differences.joined(separator: "; ")); the rules' reading is kept",
                    page: at.page, line: at.line, column: at.column, excerpt: row.anchor.text, seq: row.seq))
            }
        }
        if let first = closedRows.first?.row {
            var seqs: [Int] = []
            for (row, _) in closedRows where seqs.last != row.seq { seqs.append(row.seq) }
            var fields: [TableField] = []
            for (_, field) in closedRows where !fields.contains(field) { fields.append(field) }
            let shown = seqs.prefix(12).map(String.init).joined(separator: ", ") + (seqs.count > 12 ? " … (\(seqs.count) rows)" : "")
            out.append(Diagnostic(
                .warning,
                "the table's rules and its text alignment disagree on \(closedRows.count) cell\(closedRows.count == 1 ? "" : "s") the rules close all round "
                    + "(\(fields.map(name).joined(separator: ", ")); row\(seqs.count == 1 ? "" : "s") \(shown)); the rules' reading is kept",
                page: first.anchor.page, line: first.anchor.line, column: first.anchor.column, excerpt: first.anchor.text))
        }
        // The fields most ruled rows have a cell of: a row read by the text alignment alone
        // without one has lost it (its text went elsewhere, or nowhere).
        let usual = [TableField.code, .name, .training, .assessment].filter { f in
            ruled.filter { !compact($0.text(f)).isEmpty }.count * 2 > ruled.count
        }
        // (A stream row whose number lies in a ruled row's number cell, with no code but that
        // row's or its first line, is that number wrapped in a narrow column, `10` over `0`, read
        // in pieces by the alignment: no row of its own. Two rows a lost rule joins are told by
        // their codes run together.)
        // (Per page: a row a page break cuts has a part on each, its number's digits too, `11`
        // at the foot and `9` atop the next page.)
        let ruledSpans = ruled.flatMap { r -> [(page: Int, y0: Double, y1: Double, x0: Double, x1: Double, code: String)] in
            let all = [r.anchor] + r.cells.values.joined() + r.extras.values.joined()
            let code = compact(r.text(.code))
            return Dictionary(grouping: all, by: \.page).map { page, fragments in
                (page, fragments.map(\.y0).min()!, fragments.map(\.y1).max()!, r.anchor.x0, r.anchor.x1, code)
            }
        }
        func wrapsRuledNumber(_ row: RowRecord) -> Bool {
            let a = row.anchor, cy = (a.y0 + a.y1) / 2
            let code = compact(row.text(.code))
            return ruledSpans.contains { s in
                s.page == a.page && cy > s.y0 && cy < s.y1 && min(a.x1, s.x1) > max(a.x0, s.x0) && s.code.hasPrefix(code)
            }
        }
        // (Nor is a note's line or one closing the notice, `closing`: `2.本目录自 2025 年…`.)
        func closesNotice(_ row: RowRecord) -> Bool { closing.contains([row.anchor.page, row.anchor.line]) }
        for (i, (k, row)) in zip(streamKeys, stream).enumerated() where !ruledNumbers.contains(k) && !wrapsRuledNumber(row) && !closesNotice(row) {
            // Kept, it is a warning; not, the row is lost: an error. Kept without a cell most
            // rows have, it may have lost that cell: an error too.
            let kept = filling.contains(i)
            let missing = kept ? usual.filter { compact(row.text($0)).isEmpty } : []
            out.append(Diagnostic(
                kept && missing.isEmpty ? .warning : .error,
                "row \(row.seq): found by the text alignment, not in any ruled cell"
                    + (kept ? "; read by its text alignment alone, between the rows the rules read" : ": not read")
                    + (missing.isEmpty ? "" : ", with no \(missing.map(name).joined(separator: ", ")) there: not read whole"),
                page: row.anchor.page, line: row.anchor.line, column: row.anchor.column, excerpt: row.anchor.text, seq: row.seq))
        }
        return out
    }

    /// The stream rows (their indices) that fill a gap in the ruled rows' numbers: a row number
    /// the rules did not read, between two they did (in the same table), printed between them.
    /// A table continued above a second header on its page can leave such rows outside every
    /// ruled row; they are kept, never dropped, each with a warning (`disagreements`).
    static func gapRows(ruled: [RowRecord], stream: [RowRecord]) -> [Int] {
        guard ruled.count > 1 else { return [] }
        let read = Set(ruled.map { [$0.table, $0.seq] })
        var out: [Int] = []
        for (i, row) in stream.enumerated() where !read.contains([row.table, row.seq]) {
            guard row.cells[.code]?.isEmpty == false || row.cells[.name]?.isEmpty == false else { continue }
            let at = (row.anchor.page, row.anchor.line)
            // The ruled rows of its table just before and after it on the page.
            guard let before = ruled.last(where: { $0.table == row.table && ($0.anchor.page, $0.anchor.line) < at }),
                  let after = ruled.first(where: { $0.table == row.table && ($0.anchor.page, $0.anchor.line) > at }),
                  before.seq < row.seq, row.seq < after.seq else { continue }
            out.append(i)
        }
        return out
    }

    /// An error for each row read without rules whose industry or name leaves a bracket open or
    /// closes one it did not open (`现代农业（设施农业、…畜牧养` / `殖）`): the lines of a cell wrapped
    /// around its number were parted between two rows, which the gaps and alignment cannot
    /// settle, so neither row is published. (In a ruled table, or cells apart by tabs, a cell is
    /// as published.)
    static func unclosedBrackets(_ rows: [RowRecord]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in rows {
            for field in [TableField.industry, .name] {
                let text = Blank.removed(from: r.text(field))
                guard !text.isEmpty, MergedCells.bracketDepth(text) != 0 || MergedCells.closesFirst(text) else { continue }
                let at = r.cells[field]?.first ?? r.anchor
                out.append(Diagnostic(
                    .error,
                    "row \(r.seq): \(field.label) `\(text)` has a bracket that does not close (or closes one it did not open): its lines may be parted between rows, which the layout without rules does not settle",
                    page: at.page, line: at.line, column: at.column, excerpt: text, seq: r.seq))
            }
        }
        return out
    }

    /// An error for each row read without rules whose industry reads as the pieces of its
    /// neighbours' (`纺织服装产业纺织服装`, `产业纺织服装`, `产业` where rows near it print
    /// `纺织服装产业`): the end of one printed industry and the start of another, or a piece of one,
    /// and not itself printed whole on another row. Industries wrapped around their numbers were
    /// parted between the wrong rows, which the gaps and alignment cannot settle. And one for
    /// each block whose industry is the end of the block's above (`流业`) or the block's below cut
    /// short by a character or two (`信息技术服务`). And one for each block whose industry holds a
    /// run of characters twice.
    /// An error for each cell holding both glyphs of a pair printed over one another
    /// (`Fragment.overprints`): `油气化仅验供分参析考工`, a watermark's `仅供参考` at the body's size
    /// woven into a name, cannot be read apart from it. (A header's last glyph run over the first
    /// row's mark, each given to its own cell, leaves both cells readable.)
    static func overprintedCells(_ rows: [RowRecord]) -> [Diagnostic] {
        func woven(_ cell: [Fragment]) -> Fragment? {
            var seen = Set<[Int]>()
            for f in cell {
                for p in f.overprints where !seen.insert([f.page, p]).inserted { return f }
            }
            return nil
        }
        var out: [Diagnostic] = []
        func report(_ r: RowRecord, _ label: String, _ text: String, _ at: Fragment) {
            out.append(Diagnostic(.error, "row \(r.seq): \(label) `\(text)` holds glyphs printed over one another (a stamp's or a watermark's words on its lines, or text set too tight to part): what the cell says cannot be read",
                                  page: at.page, line: at.line, column: at.column, excerpt: text, seq: r.seq))
        }
        for r in rows {
            for field in TableField.allCases {
                guard let cell = r.cells[field], let at = woven(cell) else { continue }
                report(r, field.label, Blank.removed(from: r.text(field)), at)
            }
            for header in r.extras.keys.sorted() {
                guard let at = woven(r.extras[header]!) else { continue }
                report(r, header, Blank.removed(from: r.text(extra: header)), at)
            }
        }
        return out
    }

    static func industriesOfTwoRows(_ rows: [RowRecord]) -> [Diagnostic] {
        let texts = rows.map { Blank.removed(from: $0.text(.industry)) }
        var count: [String: Int] = [:]
        for t in texts where !t.isEmpty { count[t, default: 0] += 1 }
        var out: [Diagnostic] = []
        func error(_ k: Int, _ message: String) {
            let r = rows[k], at = r.cells[.industry]?.first ?? r.anchor
            out.append(Diagnostic(.error, "row \(r.seq): \(TableField.industry.label) `\(texts[k])` " + message,
                                  page: at.page, line: at.line, column: at.column, excerpt: texts[k], seq: r.seq))
        }
        // A block whose industry is the end of the block's above (`流业` under rows of
        // `交通运输和物流业`): that cell's last line printed again, clipped at the foot of its
        // block, taken for the next block's industry.
        for k in texts.indices.dropFirst() where !texts[k].isEmpty && texts[k] != texts[k - 1]
            && texts[k - 1].count > texts[k].count && texts[k - 1].hasSuffix(texts[k]) && (count[texts[k]] ?? 0) >= 2 {
            error(k, "is the end of the industry of the rows above (`\(texts[k - 1])`), printed again: which industry these rows have, the layout without rules does not tell")
        }
        // A block whose industry is the block's below but for its last character or two
        // (`信息技术服务` over rows of `信息技术服务业`): a wrapped cell's last line given to the
        // next block only.
        for k in texts.indices.dropLast() where !texts[k].isEmpty && texts[k] != texts[k + 1]
            && texts[k + 1].hasPrefix(texts[k]) && (1...2).contains(texts[k + 1].count - texts[k].count)
            && !"（(".contains(texts[k + 1].dropFirst(texts[k].count).first!) && (count[texts[k]] ?? 0) >= 2 {
            // (Named on the block's first row.)
            var first = k
            while first > 0, texts[first - 1] == texts[k] { first -= 1 }
            error(first, "is the industry of the rows below (`\(texts[k + 1])`) cut short: which industry these rows have, the layout without rules does not tell")
        }
        for (k, t) in texts.enumerated() where !t.isEmpty && (count[t] ?? 0) < 2 {
            // The industries printed whole (on two rows or more) within three rows of this one.
            let near = Set(texts[max(0, k - 3)..<min(texts.count, k + 4)].filter { $0 != t && (count[$0] ?? 0) >= 2 })
            guard !near.isEmpty else { continue }
            let piece = near.contains { $0.count > t.count && ($0.hasSuffix(t) || $0.hasPrefix(t)) }
            let joined = (1..<t.count).contains { i in
                let head = String(t.prefix(i)), tail = String(t.dropFirst(i))
                return near.contains { $0.hasSuffix(head) } && near.contains { $0.hasPrefix(tail) }
            }
            guard piece || joined else { continue }
            error(k, "reads as pieces of the industries printed on the rows near it (\(near.sorted().map { "`\($0)`" }.joined(separator: ", "))): its lines may be parted between rows, which the layout without rules does not settle")
        }
        // An industry (a merged cell, filled down its block) that holds a run of four characters
        // twice (`输变电装备产绿色建筑和装绿色建筑和装配式建筑产业`): lines of several blocks run
        // together.
        var named = Set<String>()
        for (k, t) in texts.enumerated() where !t.isEmpty && !named.contains(t) {
            guard let twice = Self.repeatedRun(t, length: 4) else { continue }
            named.insert(t)
            error(k, "holds `\(twice)` twice: the lines of several merged cells run together, which the layout without rules does not settle")
        }
        return out
    }

    /// A run of `length` characters `text` holds twice, apart (`绿色建筑` in
    /// `输变电装备产绿色建筑和装绿色建筑和装配式建筑产业`): no industry's name repeats itself so.
    static func repeatedRun(_ text: String, length: Int) -> String? {
        let chars = Array(text)
        guard chars.count >= 2 * length else { return nil }
        for i in 0...(chars.count - 2 * length) {
            let run = chars[i..<(i + length)]
            for j in (i + length)...(chars.count - length) where chars[j..<(j + length)] == run {
                return String(run)
            }
        }
        return nil
    }

    /// An error for each extra cell, read without rules, that holds a run of four characters
    /// twice (`级/高级工五级/初级工、四级/中级工五级/初级`, a 职业技能等级 cell wrapped over four
    /// lines): lines of several rows' cells given to one.
    static func extrasRunTogether(_ rows: [RowRecord]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for row in rows {
            for (header, fragments) in row.extras.sorted(by: { $0.key < $1.key }) {
                let text = Blank.removed(from: fragments.map(\.text).joined())
                guard let twice = repeatedRun(text, length: 4), let first = fragments.first else { continue }
                out.append(Diagnostic(
                    .error, "row \(row.seq): \(header) `\(text)` holds `\(twice)` twice: lines of several rows' cells read into one, which the layout without rules does not settle",
                    page: first.page, line: first.line, column: first.column, excerpt: text, seq: row.seq))
            }
        }
        return out
    }

    /// A warning for each row read without rules that takes a cell's text from an earlier page
    /// than its row number while the row before ends on that page: the text may be the rest of
    /// the row before (the gaps and alignment cannot tell), so neither row is trusted silently.
    /// Merged columns are left out (`MergedCells` places them).
    static func textBeforeNumberAcrossPages(_ rows: [RowRecord], merged: Set<TableField>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in rows.indices.dropFirst() {
            let row = rows[i], before = rows[i - 1]
            guard before.anchor.page < row.anchor.page else { continue }
            for field in TableField.allCases where field != .seq && !merged.contains(field) {
                let early = (row.cells[field] ?? []).filter { $0.page < row.anchor.page }
                guard !early.isEmpty else { continue }
                let text = early.map(\.text).joined()
                out.append(Diagnostic(
                    .warning,
                    "row \(row.seq): its \(field.label) begins with `\(text)` from page \(early[0].page), under row \(before.seq), before the page break; it may be the rest of row \(before.seq)'s cell",
                    page: early[0].page, line: early[0].line, column: early[0].column, excerpt: text, seq: row.seq))
                if !(before.cells[field] ?? []).isEmpty {
                    out.append(Diagnostic(
                        .warning,
                        "row \(before.seq): its \(field.label) may go on with `\(text)`, given to row \(row.seq) on the next page",
                        page: before.anchor.page, line: before.anchor.line, column: before.anchor.column,
                        excerpt: before.anchor.text, seq: before.seq))
                }
            }
        }
        return out
    }

    /// Cells cut by a page break, read without rules: the rest of a row's cell printed at the
    /// top of the next page, above the first row number there, goes back to it.
    ///
    /// A cell wrapped around its row number has as many lines above the number's line as below
    /// it, or one on that line (top, centre or bottom aligned); a first row on a page whose cell
    /// has none on its number's line and more lines above than below has taken the rest of the
    /// row before's cell. Its top lines, the surplus, go to the row before (when that row is on
    /// an earlier page and has text in the column), with a warning naming both rows. Merged
    /// columns are left out (`MergedCells` places them).
    /// Whether a subsidy or code cell's text reads whole.
    static func isWhole(_ text: String, _ field: TableField) -> Bool {
        switch field {
        case .code: return CodeSyntax.isWellFormed(CodeSyntax.normalise(text))
        case .training, .assessment:
            if let last = text.last(where: { !$0.isWhitespace }), "；;、,，：:".contains(last) { return false }
            if case .subsidy(let s) = SubsidyParser.read(text) { return !s.levels.isEmpty && SubsidyParser.levelsInScaleOrder(text) }
            return false
        default: return false
        }
    }

    static func cellsCutByPageBreaks(_ rows: [RowRecord], merged: Set<TableField>) -> (rows: [RowRecord], diagnostics: [Diagnostic]) {
        var rows = rows
        var out: [Diagnostic] = []
        // How many rows read each value of each column (blanks removed).
        var known: [TableField: [String: Int]] = [:]
        for field in TableField.allCases where field != .seq && !merged.contains(field) {
            for row in rows { known[field, default: [:]][Blank.removed(from: row.text(field)), default: 0] += 1 }
        }
        for i in rows.indices.dropFirst() {
            let anchor = rows[i].anchor, before = rows[i - 1]
            guard before.anchor.page < anchor.page else { continue }
            for field in TableField.allCases where field != .seq && !merged.contains(field) {
                guard let cell = rows[i].cells[field], !(before.cells[field] ?? []).isEmpty else { continue }
                let onPage = cell.filter { $0.page == anchor.page }
                let onAnchorLine = onPage.contains { $0.line == anchor.line }
                let above = Set(onPage.filter { $0.line < anchor.line }.map(\.line)).sorted()
                let below = Set(onPage.filter { $0.line > anchor.line }.map(\.line))
                // Text from the page before, under the row before, while this row's cell is whole
                // on its own page (wrapped evenly around its number, or on its line).
                let early = cell.filter { $0.page < anchor.page && $0.page >= before.anchor.page }
                // Gives `carried` back to the row before, with a warning saying where and why.
                func carry(_ carried: [Fragment], where place: String, because reason: String) {
                    rows[i].cells[field] = cell.filter { !carried.contains($0) }
                    rows[i - 1].cells[field, default: []] += carried
                    let text = carried.map(\.text).joined()
                    out.append(Diagnostic(
                        .warning,
                        "row \(before.seq): its \(field.label) goes on at the \(place) with `\(text)`, read as the rest of its cell (row \(rows[i].seq)'s \(reason))",
                        page: carried[0].page, line: carried[0].line, column: carried[0].column, excerpt: text, seq: before.seq))
                }
                // The row before whole without it (`…仓储和邮政业`), this row whole with it
                // (`交通运输、` + `仓储和邮政业`), as other rows of the column read: this row's start.
                let starts = known[field].map { count in
                    let mine = Blank.removed(from: cell.map(\.text).joined())
                    let theirs = Blank.removed(from: (before.cells[field] ?? []).map(\.text).joined())
                    let carried = Blank.removed(from: early.map(\.text).joined())
                    return count[theirs, default: 0] >= 2 && count[mine, default: 0] >= 2 && count[theirs + carried] == nil
                } ?? false
                if !early.isEmpty, !onPage.isEmpty, onAnchorLine || above.count == below.count, !starts,
                   early.allSatisfy({ $0.page > before.anchor.page || $0.line > before.anchor.line }) {
                    carry(early, where: "foot of page \(early[0].page)", because: "is whole on page \(anchor.page)")
                    continue
                }
                // A subsidy whose lines above the row number name levels the rest of the cell
                // would have to follow against the scale's order (`三级：2300元/人` over
                // `初级、中级：1600元/人`), and which follow the row before's in order: that
                // row's last line, pushed over the page break.
                if field == .training || field == .assessment, !above.isEmpty {
                    let lines = Set(above)
                    let top = cell.filter { $0.page == anchor.page && lines.contains($0.line) }
                    func text(_ f: [Fragment]) -> String {
                        f.sorted(by: Fragment.inReadingOrder).map(\.text).joined()
                    }
                    if !SubsidyParser.levelsInScaleOrder(text(cell)),
                       SubsidyParser.levelsInScaleOrder(text(cell.filter { !top.contains($0) })),
                       SubsidyParser.levelsInScaleOrder(text((before.cells[field] ?? []) + top)) {
                        carry(top, where: "top of page \(anchor.page)", because: "names levels against the scale's order with it")
                        continue
                    }
                }
                guard !onAnchorLine, above.count > below.count else { continue }
                // (Only to a subsidy or code the page break left cut: a whole one, `初级、中级：1800
                // 元/人`, ends there, and this row's cell sits above its number as a taller cell
                // beside it pushed it.)
                if [.training, .assessment, .code].contains(field),
                   Self.isWhole((before.cells[field] ?? []).sorted(by: Fragment.inReadingOrder).map(\.text).joined(), field) { continue }
                let moved = Set(above.prefix(above.count - below.count))
                carry(cell.filter { $0.page == anchor.page && moved.contains($0.line) },
                      where: "top of page \(anchor.page)", because: "has more lines above its row number than below")
            }
        }
        return (rows, out)
    }

    /// On a page of laid-out text without a header, where the columns are named by where the
    /// header put them on an earlier page (`pdftotext -layout` shifts them): a column holding
    /// only urgency marks is the urgency column, whatever field its position gave it (when no
    /// other column of the page is named so).
    static func marksAreUrgency(_ spans: [ColumnSpan], body: [Fragment]) -> [ColumnSpan] {
        guard !spans.contains(where: { $0.field == .urgent }) else { return spans }
        var out = spans
        for (k, span) in spans.enumerated() where span.field != .seq {
            let inside = body.filter { ColumnDetector.field(of: $0, in: spans) == span.field }
            if !inside.isEmpty, inside.allSatisfy({ ContentColumns.kind($0.text) == .mark }) {
                out[k].field = .urgent
                break
            }
        }
        return out
    }

    /// The fields each body band spans, in the header's order: its own, and every field the
    /// header names but no band was named by, given to the band its header cell overlaps most
    /// (else the nearest), never to a row number or urgency band while there are others.
    static func bandFields(_ spans: [ColumnSpan], header: [(field: TableField, x0: Double, x1: Double)]) -> [[TableField]] {
        let claimed = Set(spans.map(\.field))
        var out = spans.map { [$0.field] }
        var order: [TableField: Int] = [:]
        for (i, h) in header.sorted(by: { $0.x0 < $1.x0 }).enumerated() where order[h.field] == nil { order[h.field] = i }
        // A row number or urgency band holds nothing else (its marks and numbers are
        // narrow): unclaimed fields go to the other bands when there are any, unless it is wide and
        // the field's header cell is centred within it (the industry's text run into the row
        // numbers' band).
        let open = spans.map { ![TableField.seq, .urgent].contains($0.field) }
        let anyOpen = open.contains(true)
        // A row number or urgency band three times as wide as its own header cell holds more.
        let wide = spans.map { span in
            header.first { $0.field == span.field }.map { span.x1 - span.x0 >= 3 * max(1, $0.x1 - $0.x0) } ?? false
        }
        for h in header where !claimed.contains(h.field) && !out.joined().contains(h.field) {
            let centre = (h.x0 + h.x1) / 2
            let overlap = spans.indices.map { k in
                anyOpen && !open[k] && !(wide[k] && (spans[k].x0...spans[k].x1).contains(centre))
                    ? -Double.infinity : min(spans[k].x1, h.x1) - max(spans[k].x0, h.x0)
            }
            let best: Int
            if let m = overlap.max(), m > 0 {
                best = overlap.firstIndex(of: m)!
            } else {
                let centre = (h.x0 + h.x1) / 2
                let candidates = spans.indices.filter { !anyOpen || open[$0] }
                best = candidates.min { abs((spans[$0].x0 + spans[$0].x1) / 2 - centre) < abs((spans[$1].x0 + spans[$1].x1) / 2 - centre) }!
            }
            out[best].append(h.field)
            // A name or industry header over two bands (text run into its neighbours' columns):
            // its text may be in either, and each band's content decides.
            if h.field == .name || h.field == .industry, let m = overlap.max(), m > 0 {
                for k in spans.indices where k != best && overlap[k] > 0 { out[k].append(h.field) }
            }
            // A name header set apart from the body's columns: in a narrow table the names run
            // up to one blank before the subsidies, into the subsidy band to the right of the
            // header's centre, and that band's content decides which of its text is names.
            if h.field == .name {
                let centre = (h.x0 + h.x1) / 2
                if let k = spans.indices.filter({ spans[$0].x0 >= centre }).min(by: { spans[$0].x0 < spans[$1].x0 }),
                   [.training, .assessment].contains(spans[k].field), !out[k].contains(.name) {
                    out[k].append(.name)
                }
            }
        }
        return out.map { $0.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) } }
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
