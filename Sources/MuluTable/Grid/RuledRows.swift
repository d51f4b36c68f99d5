import MuluModel
import MuluExtract

/// Reads the rows of a ruled table by its rules: every glyph fragment goes to the cell whose box
/// holds it, each grid column is named by the header cell above it, each row by the row number
/// in its 序号 cell, and a cell spanning rows gives its text to every row it spans. A column
/// whose header names no field (备注, 说明 …) is kept as an extra column under its header.
///
/// A cell cut by a page break continues on the next page: the last cell of a column on one page
/// and the first on the next are one cell when the row itself was split (no row number at the top
/// of the next page), when either part is open at the break (no rule there), or when a part is
/// empty and either part spans several rows (a merged cell, its text printed on one page, or on
/// none of the pages in between), or when either spans several rows and the text runs on: it
/// reaches the bottom of the first part and starts at the top of the second (`flowSlack`). Pure.
public enum RuledRows {
    /// What the rules gave.
    public struct Result: Sendable {
        public var rows: [RowRecord]
        public var unplaced: [UnplacedFragment]
        /// Per page, the columns by field (the grid columns under each header cell).
        public var columns: [[ColumnSpan]]
        /// Per page, the index in `PageGrid.tables` of the table read (nil: none).
        public var tables: [Int?]
        /// Per row (as in `rows`), the fields whose text came from a cell spanning several rows.
        public var spanned: [Set<TableField>]
        /// Cells at a page break whose rules do not tell whether they are one cell or two: per
        /// row (as in `rows`), the fields read so (see ``PageBreakDoubt``).
        public var doubts: [[PageBreakDoubt]] = []
        /// Per row (as in `rows`), the fields read from one cell (of this row, or merged over it)
        /// ruled on all four sides on one page: the rules leave no doubt which text is the cell's.
        public var closed: [Set<TableField>] = []
    }

    /// A cell at a page break read one way where the rules allow another: an empty cell at the
    /// top (or foot) of a page joined to the text across the break (a blank is a value in this
    /// column: it may be a cell of its own), or two texts on either side left apart (the second
    /// may be the rest of the first, flowed over the break).
    public struct PageBreakDoubt: Hashable, Sendable {
        public var field: TableField
        /// True: joined across the break; false: left as two cells.
        public var joined: Bool
        /// The pages (1-based) on either side of the break.
        public var pages: (before: Int, after: Int)
        /// True when the empty part joined across the break is one row, in a column that has blank
        /// cells of one row elsewhere: as likely a blank cell of its own as the rest of a merged
        /// cell (an empty part spanning rows is a merged cell's). The reading is then an error,
        /// not a warning.
        public var oneRow = false
        public static func == (a: Self, b: Self) -> Bool {
            a.field == b.field && a.joined == b.joined && a.pages == b.pages && a.oneRow == b.oneRow
        }
        public func hash(into h: inout Hasher) {
            h.combine(field)
            h.combine(joined)
            h.combine(pages.before)
            h.combine(pages.after)
        }
    }

    /// Whether `b`'s text completes `a`'s as a value of `field` (a cut value: `电力、热力、燃气及水生产`
    /// + `和供应业`, `初级、中级：` + `2160元/人`) where `a`'s alone is not one.
    static func completes(_ a: String, _ b: String, field: TableField) -> Bool {
        incomplete(a, field: field) && !incomplete(a + b, field: field)
    }

    /// Whether `text` is not a whole value of `field`: an industry that does not end as one, a
    /// name that looks cut short, a code or a subsidy that cannot be read.
    static func incomplete(_ text: String, field: TableField) -> Bool {
        switch field {
        case .industry: return !IndustryName.endsLikeOne(text)
        case .name: return OccupationName.looksCutShort(text)
        case .code: return !CodeSyntax.isWellFormed(CodeSyntax.normalise(text))
        case .training, .assessment:
            if case .unreadable = SubsidyParser.read(text) { return true }
            return false
        case .seq, .urgent: return false
        }
    }

    /// One table cell on a page with the fragments it holds.
    struct PageCell {
        var page: Int  // index into pages
        var segment: Int  // index into the tables read, in reading order
        var cell: GridCell
        var fragments: [Fragment] = []
    }

    /// Whether one cell's text runs on from `a` (the last cell of a column on a page) into `b`
    /// (the first on the next page): `a`'s text fills it, top to bottom, and either `b`'s text
    /// starts at its top or the two texts together are a value the column holds whole elsewhere
    /// (`known`; LibreOffice centres the rest of a flowed text in the next part).
    static func runsOn(_ a: PageCell, _ b: PageCell, grids: [PageGrid], slack: Double, known: Set<String>) -> Bool {
        let bTop = b.fragments.map { grids[b.page].deskew(x: (($0.x0 + $0.x1) / 2), y: $0.y0).y }.min()
        guard let bTop, fillsToFoot(a, grids: grids, slack: slack) else { return false }
        if bTop - b.cell.y0 <= slack { return true }
        return known.contains(Blank.removed(from: (a.fragments + b.fragments).map(\.text).joined()))
    }

    /// Whether `a`'s text reaches the foot of its cell (`foot`) or starts at its top (within
    /// `slack`): the two ends of a text the page break cut, wherever it sits in the rest of the
    /// merged cell (a centred merged cell's text flows over the break from the foot of one part
    /// to the top of the next).
    static func touches(_ a: PageCell, foot: Bool, grids: [PageGrid], slack: Double) -> Bool {
        if foot {
            guard let bottom = a.fragments.map({ grids[a.page].deskew(x: (($0.x0 + $0.x1) / 2), y: $0.y1).y }).max() else { return false }
            return a.cell.y1 - bottom <= slack
        }
        guard let top = a.fragments.map({ grids[a.page].deskew(x: (($0.x0 + $0.x1) / 2), y: $0.y0).y }).min() else { return false }
        return top - a.cell.y0 <= slack
    }

    /// Whether `a`'s text sits in the middle of its cell (its centre within a quarter of a line
    /// of the cell's).
    static func centred(_ a: PageCell, grids: [PageGrid]) -> Bool {
        let tops = a.fragments.map { grids[a.page].deskew(x: ($0.x0 + $0.x1) / 2, y: $0.y0).y }
        let bottoms = a.fragments.map { grids[a.page].deskew(x: ($0.x0 + $0.x1) / 2, y: $0.y1).y }
        guard let top = tops.min(), let bottom = bottoms.max(), let line = a.fragments.map({ $0.y1 - $0.y0 }).max() else { return false }
        return abs((top + bottom) / 2 - (a.cell.y0 + a.cell.y1) / 2) <= 0.25 * line
    }

    /// Whether `a`'s text fills its cell from top to bottom (within `slack`), as a text cut by
    /// the foot of the page does.
    static func fillsToFoot(_ a: PageCell, grids: [PageGrid], slack: Double) -> Bool {
        let aTop = a.fragments.map { grids[a.page].deskew(x: (($0.x0 + $0.x1) / 2), y: $0.y0).y }.min()
        let aBottom = a.fragments.map { grids[a.page].deskew(x: (($0.x0 + $0.x1) / 2), y: $0.y1).y }.max()
        guard let aTop, let aBottom else { return false }
        return aTop - a.cell.y0 <= slack && a.cell.y1 - aBottom <= slack
    }

    /// The rows of every page's ruled tables, or nil when some page with body text has no ruled
    /// table whose columns can be named (then the text's gaps and alignment must do).
    ///
    /// A page may hold several tables, read top to bottom: the one holding most of its body text,
    /// and each other that its own header names or that tops the page (continuing the table of
    /// the page before). `starts`: where each table of the notice starts (1-based page, index of
    /// its first header line, as `DelimitedReader.tables` gives); a table holding such a header,
    /// or below another on its page, is a new table: no cell continues into it across a break.
    public static func read(
        pages: [PageText], roles: [[LineRole]], grids: [PageGrid], settings: TableSettings,
        starts: [(page: Int, index: Int)] = []
    ) -> Result? {
        guard grids.count == pages.count else { return nil }
        let slack = settings.grid.cellSlack
        var unplaced: [UnplacedFragment] = []
        var columnsOut: [[ColumnSpan]] = []
        var tablesOut: [Int?] = []
        var reference: [(field: TableField, x0: Double, x1: Double)] = []
        var extraReference: [(header: String, x0: Double, x1: Double)] = []
        // Cells of extra columns (index into `cells`, header), read after the rows are known.
        var extraCells: [(cell: Int, header: String)] = []
        // Global, in reading order: every page's body cells per field, and the row parts.
        struct RowPart { var page: Int; var rows: Range<Int>; var seqCell: Int }
        var cells: [PageCell] = []
        // Per page: field -> cell indices (into `cells`) in grid-row order; the seq cells.
        var fieldCells: [[TableField: [Int]]] = []
        var seqParts: [[RowPart]] = []
        var bodyTop: [Int] = []
        var bodyBottom: [Int] = []
        // Per table read: whether it starts a new table (see above).
        var startsTable: [Bool] = []
        var segmentPage: [Int] = []
        // Per table read: the fields its columns carry, and its first body fragment.
        var segmentFields: [Set<TableField>] = []
        // True while the header read last names no 序号 column: its rows are numbered as they
        // come, each started by a cell of `anchorOf` (the name column, else the code column).
        var seqless = false
        var anchorOf: [TableField] = []
        let lastTablePage = grids.indices.last { !grids[$0].tables.isEmpty } ?? -1
        for (p, page) in pages.enumerated() {
            var bodyFragments = page.lines.indices.filter { roles[p][$0] == .body }.flatMap { page.lines[$0].fragments }
            // (A line numbering the columns is the header's: its grid row is passed over below.)
            var headerFragments = page.lines.indices.filter { roles[p][$0] == .header || roles[p][$0] == .columnNumbers }
                .flatMap { page.lines[$0].fragments }
            let numberLines = Set(page.lines.indices.filter { roles[p][$0] == .columnNumbers }.map { page.lines[$0].line })
            let headingFragments = page.lines.indices.filter { roles[p][$0] == .sectionHeading }.flatMap { page.lines[$0].fragments }
            let grid = grids[p]
            func locate(_ f: Fragment, in t: TableGrid) -> Int? {
                let c = grid.deskew(x: ((f.x0 + f.x1) / 2), y: ((f.y0 + f.y1) / 2))
                return t.cell(x: c.x, y: c.y, slack: slack)
            }
            // Text taken for the header's that the rules put in a body row's cell: a unit made of
            // header characters (`元/人`, the rest of a subsidy a page break split, set right under
            // the repeated header, on the line of its `紧缺`), alone in its cell among the
            // header's text, above body text.
            // (Only a unit: a header's last characters run into the row below, `缺` of `是否急需紧缺`
            // over the first row's `*`, are the header's.)
            let moved = headerFragments.filter { f in
                let text = Blank.removed(from: f.text)
                guard text.hasPrefix("元"), text.count <= 4 else { return false }
                for t in grid.tables {
                    guard let k = locate(f, in: t) else { continue }
                    // (The body text in its cell all below it: a row's cell, not the header's.)
                    let beside = bodyFragments.filter { locate($0, in: t) == k }
                    return !beside.isEmpty && beside.allSatisfy { $0.line > f.line } && !headerFragments.contains { $0 != f && locate($0, in: t) == k }
                }
                return false
            }
            if !moved.isEmpty {
                let set = Set(moved)
                headerFragments.removeAll { set.contains($0) }
                bodyFragments += moved
            }
            // Header text the page does not print (a merged cell's clipped by its part on the page
            // before, set among the header's words; a header line clipped by its row) names no column.
            for f in headerFragments where f.hidden {
                unplaced.append(UnplacedFragment(fragment: f, reason: "text the page does not print (clipped by its cell), among the header's: not read"))
            }
            headerFragments.removeAll(where: \.hidden)
            // The table holding most of the page's body text.
            var best: (index: Int, count: Int)?
            var holding: [Int] = []
            for (k, t) in grid.tables.enumerated() {
                let n = bodyFragments.filter { locate($0, in: t) != nil }.count
                if n > 0 { holding.append(k) }
                if n > 0, n > (best?.count ?? 0) { best = (k, n) }
            }
            guard let (bestIndex, _) = best else {
                // A page after the last ruled table holding only notes (`3. 本目录自发布之日起执行，
                // 有效期 1 年。`, a numbered note run over the page break) holds no rows.
                if !bodyFragments.isEmpty {
                    let lines = page.lines.indices.filter { roles[p][$0] == .body }.map { page.lines[$0] }
                    guard p > lastTablePage, lines.allSatisfy(Self.readsAsNote) else { return nil }
                    for f in bodyFragments {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "a numbered note after the table, not a row"))
                    }
                }
                columnsOut.append([])
                tablesOut.append(nil)
                continue
            }
            columnsOut.append([])
            tablesOut.append(bestIndex)
            let startFragments = starts.filter { $0.page == p + 1 && $0.index < page.lines.count }
                .compactMap { page.lines[$0.index].fragments.first }
            var readTables: [TableGrid] = []
            var overflowed = Set<Fragment>()
            for tableIndex in holding {
                let table = grid.tables[tableIndex]
                var held = [[Fragment]](repeating: [], count: table.cells.count)
                var headerCellIndices = Set<Int>()
                for f in headerFragments {
                    if let k = locate(f, in: table) {
                        held[k].append(f)
                        headerCellIndices.insert(k)
                    }
                }
                for f in bodyFragments {
                    if let k = locate(f, in: table) { held[k].append(f) }
                }
                // A cell's text run past the table's last rule at the foot of the page (Chromium
                // draws a cell spanning rows over a page break in its first row's part and lets
                // its last line overflow): the line right under the cell's text, in its column.
                // (No line opening a note: `注：…每人每次 160 元。` under the table, its `160` under a
                // column, is the note's.)
                // (Found only when a fragment lies outside the table: most pages have none.)
                var noteLines: Set<Int>? = nil
                for f in bodyFragments where locate(f, in: table) == nil {
                    if noteLines == nil {
                        noteLines = Set(page.lines.filter { NoteText.opensNote(Blank.removed(from: $0.compactText)) }.map(\.line))
                    }
                    if noteLines!.contains(f.line) { continue }
                    let c = grid.deskew(x: (f.x0 + f.x1) / 2, y: (f.y0 + f.y1) / 2)
                    let height = f.y1 - f.y0
                    guard c.y >= table.y1, c.y - table.y1 <= height, table.rowCount > 0,
                          let k = (0..<table.columnCount).lazy.map({ table.cellAt(row: table.rowCount - 1, column: $0) })
                            .first(where: { table.cells[$0].x0 <= c.x && c.x <= table.cells[$0].x1 }),
                          // (Within the cell's column, and no note: `注：…` under the table is its own.)
                          grid.deskew(x: f.x0, y: c.y).x >= table.cells[k].x0 - slack, grid.deskew(x: f.x1, y: c.y).x <= table.cells[k].x1 + slack,
                          !NoteText.opensNote(Blank.removed(from: f.text)),
                          let bottom = held[k].map({ grid.deskew(x: ($0.x0 + $0.x1) / 2, y: $0.y1).y }).max(),
                          bottom >= table.y1 - 0.5 * height, c.y - 0.5 * height - bottom <= 0.5 * height
                    else { continue }
                    held[k].append(f)
                    overflowed.insert(f)
                }
                for k in held.indices {
                    held[k].sort(by: Fragment.inReadingOrder)
                    // Text set vertically (竖排, top to bottom, columns right to left).
                    if held[k].count >= 6, let vertical = ColumnDetector.verticalOrder(held[k]) { held[k] = vertical }
                }
                // A header cell printed rotated (`是否急需紧缺` turned a quarter, in a narrow column):
                // its text read in the order that names a field.
                for k in headerCellIndices where held[k].count > 1 && TableField(headerLabel: held[k].map(\.text).joined()) == nil {
                    if let turned = ColumnDetector.rotatedOrder(held[k]) { held[k] = turned }
                }
                // Text taken for header below the header's grid rows (the rest of a row a page break
                // split, `业` under a repeated header) is body: the header ends with the last grid
                // row holding a cell that names a field, a level or a revision (`调整后`).
                let headerEnd = headerCellIndices.filter { k in
                    let text = Blank.removed(from: held[k].map(\.text).joined())
                    return TableField(headerLabel: text) != nil || LevelWords.single(text) != nil || HeaderWords.revision(text) != 0
                }.map { table.cells[$0].rows.upperBound }.max()
                if let headerEnd {
                    // Header text a spreadsheet let run past its cell's bottom rule (`是否急需紧缺` too long
                    // for its row, centred: `缺` printed in row 1's cell, above that row's number) is
                    // the header cell's above it. (The rest of a row a page break split has no row
                    // number below it in its grid row.)
                    let headerSet = Set(headerFragments)
                    let numberTop = table.cells.indices.filter { table.cells[$0].row == headerEnd }
                        .flatMap { k in held[k].filter { !headerSet.contains($0) && RowNumber.parsePointed($0.text) != nil } }
                        .map(\.y0).min()
                    for k in headerCellIndices where table.cells[k].row == headerEnd {
                        guard let numberTop,
                              let above = headerCellIndices.first(where: { table.cells[$0].rows.upperBound == headerEnd && table.cells[$0].columns == table.cells[k].columns })
                        else { continue }
                        // (A few letters of a header word, no figure and no level: not a row's first
                        // line that the header band took in.)
                        let overflow = held[k].filter { headerSet.contains($0) && ($0.y0 + $0.y1) / 2 < numberTop }
                        let overflowText = Blank.removed(from: overflow.map(\.text).joined())
                        guard overflowText.count <= 4, !overflowText.contains(where: { $0.isNumber || $0 == "级" || $0 == "元" }) else { continue }
                        guard !overflow.isEmpty, held[k].allSatisfy({ f in overflow.contains(f) || overflow.allSatisfy { ($0.y0 + $0.y1) / 2 < f.y0 } }),
                              TableField(headerLabel: Blank.removed(from: (held[above] + overflow).map(\.text).joined())) != nil
                        else { continue }
                        held[above] += overflow
                        held[k].removeAll { overflow.contains($0) }
                    }
                    headerCellIndices = headerCellIndices.filter { table.cells[$0].row < headerEnd }
                }
                // Columns named by the header cells above them (the narrowest naming one).
                var fieldOf = [TableField?](repeating: nil, count: table.columnCount)
                var spanOf = [Int](repeating: .max, count: table.columnCount)
                // In grid order, so that of two header cells as narrow the lower one (a sub-header)
                // names the column, the same on every run. A field named by two cells side by side
                // (`职业（项目）` and a cut `…缺职业`) is the first's; the second names nothing.
                var namedBy: [TableField: Int] = [:]
                var namingCell = [Int?](repeating: nil, count: table.columnCount)
                // (Every pass over the header cells goes in grid order: a set's order changes
                // from run to run, and two cells as narrow over one column must settle the same.)
                let headerOrder = headerCellIndices.sorted { (table.cells[$0].row, table.cells[$0].column) < (table.cells[$1].row, table.cells[$1].column) }
                for k in headerOrder {
                    let cell = table.cells[k]
                    let text = held[k].map(\.text).joined()
                    guard let field = TableField(headerLabel: text) else { continue }
                    if let other = namedBy[field], !table.cells[other].columns.contains(where: cell.columns.contains),
                       !cell.columns.contains(where: table.cells[other].columns.contains) { continue }
                    namedBy[field] = namedBy[field] ?? k
                    for c in cell.columns where cell.columnSpan <= spanOf[c] {
                        fieldOf[c] = field
                        spanOf[c] = cell.columnSpan
                        namingCell[c] = k
                    }
                }
                // A subsidy column named without 培训 or 鉴定 (`补贴等级及标准`): as `ColumnMap` reads it.
                for k in headerCellIndices.sorted(by: { (table.cells[$0].column, table.cells[$0].row) < (table.cells[$1].column, table.cells[$1].row) }) {
                    let cell = table.cells[k]
                    let text = Blank.removed(from: held[k].map(\.text).joined())
                    guard TableField(headerLabel: text) == nil, cell.columns.allSatisfy({ fieldOf[$0] == nil }),
                          let field = HeaderWords.unnamedSubsidy(text, named: Set(fieldOf.compactMap { $0 })) else { continue }
                    for c in cell.columns { fieldOf[c] = field }
                }
                // Columns no header names a field for, under a header cell with text: extra columns.
                var extraOf = [String?](repeating: nil, count: table.columnCount)
                var extraSpan = [Int](repeating: .max, count: table.columnCount)
                // (Of two cells as narrow, the lower one, a sub-header, names the column.)
                for k in headerOrder {
                    let cell = table.cells[k]
                    let text = Blank.removed(from: held[k].map(\.text).joined())
                    // (A column's number, `8` under `备注`, names no column.)
                    guard !text.isEmpty, TableField(headerLabel: text) == nil, !held[k].allSatisfy({ numberLines.contains($0.line) }) else { continue }
                    for c in cell.columns where fieldOf[c] == nil && cell.columnSpan <= extraSpan[c] {
                        extraOf[c] = text
                        extraSpan[c] = cell.columnSpan
                    }
                }
                // Level sub-columns: a header cell of one level word (`初级`) under a wider subsidy
                // header cell names its column that subsidy's amounts at that level, read as an extra
                // column under `RowRecord.levelKey` and given to the level by `EntryBuilder`.
                for k in headerOrder {
                    let cell = table.cells[k]
                    let text = Blank.removed(from: held[k].map(\.text).joined())
                    guard let level = LevelWords.single(text), TableField(headerLabel: text) == nil else { continue }
                    for c in cell.columns where (fieldOf[c] == .training || fieldOf[c] == .assessment) && spanOf[c] > cell.columnSpan {
                        extraOf[c] = RowRecord.levelKey(fieldOf[c]!, level)
                        fieldOf[c] = nil
                    }
                }
                // Level words in one header cell over as many columns (`初级 中级 高级`, the rules
                // between them not found, as a tight header row prints them): each word names the
                // column under it, as a cell of its own would.
                for k in headerOrder where table.cells[k].columnSpan > 1 && held[k].count == table.cells[k].columnSpan {
                    let cell = table.cells[k]
                    let levels = held[k].map { LevelWords.single(Blank.removed(from: $0.text)) }
                    guard levels.allSatisfy({ $0 != nil }) else { continue }
                    let under = held[k].map { f -> Int? in
                        let x = grid.deskew(x: (f.x0 + f.x1) / 2, y: (f.y0 + f.y1) / 2).x
                        return cell.columns.first { table.xs[$0] < x && x < table.xs[$0 + 1] }
                    }
                    guard under.allSatisfy({ $0 != nil }), Set(under.map { $0! }).count == cell.columnSpan else { continue }
                    for (c, level) in zip(under, levels) where (fieldOf[c!] == .training || fieldOf[c!] == .assessment) && spanOf[c!] > 1 {
                        extraOf[c!] = RowRecord.levelKey(fieldOf[c!]!, level!)
                        fieldOf[c!] = nil
                    }
                }
                // Level sub-columns printed as header cells of their own, each naming one level of one
                // subsidy (`培训补贴标准（初级）`, `培训补贴标准（中级）`): as `ColumnMap` reads them.
                for field in [TableField.training, .assessment] {
                    let claims = headerOrder.filter { TableField(headerLabel: held[$0].map(\.text).joined()) == field }
                    let named = claims.compactMap { HeaderWords.namedLevel(Blank.removed(from: held[$0].map(\.text).joined())) }
                    guard claims.count > 1, named.count == claims.count, Set(named).count == named.count else { continue }
                    for (k, level) in zip(claims, named) {
                        for c in table.cells[k].columns {
                            extraOf[c] = RowRecord.levelKey(field, level)
                            fieldOf[c] = nil
                        }
                    }
                }
                // Revision sub-columns: `调整前` and `调整后` under one wider field header cell. The column
                // in force keeps the field; the one it replaces is an extra column named by both
                // cells (`培训补贴标准（调整前）`), as `ColumnMap` keeps a revision notice's old column.
                for k in headerOrder {
                    let cell = table.cells[k]
                    let text = Blank.removed(from: held[k].map(\.text).joined())
                    guard RevisionColumns.isWord(text) else { continue }
                    for c in cell.columns where fieldOf[c] != nil && spanOf[c] > cell.columnSpan {
                        guard HeaderWords.revision(text) < 0, let parent = namingCell[c] else { continue }
                        extraOf[c] = RevisionColumns.header(parent: held[parent].map(\.text).joined(), word: text)
                        fieldOf[c] = nil
                    }
                }
                let ownHeader = Set(fieldOf.compactMap { $0 }).count >= settings.minHeaderColumns
                // A table other than the page's main one is read when its own header names its
                // columns, or when it tops the page (the rest of the table of the page before).
                guard tableIndex == bestIndex || ownHeader || (tableIndex == holding[0] && tableIndex < bestIndex) else { continue }
                if !ownHeader {
                    // No header on this page: the columns of the page before, by overlap.
                    extraOf = [String?](repeating: nil, count: table.columnCount)
                    for c in 0..<table.columnCount {
                        let x0 = table.xs[c], x1 = table.xs[c + 1]
                        func overlap(_ a: Double, _ b: Double) -> Double { min(b, x1) - max(a, x0) }
                        let hit = reference.max { overlap($0.x0, $0.x1) < overlap($1.x0, $1.x1) }
                        let extraHit = extraReference.max { overlap($0.x0, $0.x1) < overlap($1.x0, $1.x1) }
                        let fieldOverlap = hit.map { overlap($0.x0, $0.x1) } ?? 0
                        let extraOverlap = extraHit.map { overlap($0.x0, $0.x1) } ?? 0
                        if let hit, fieldOverlap > 0, fieldOverlap >= extraOverlap {
                            fieldOf[c] = hit.field
                        } else if let extraHit, extraOverlap > 0 {
                            extraOf[c] = extraHit.header
                        }
                    }
                }
                // A grid whose columns do not carry the header's fields (a box round the table, rules
                // only outside) is no grid to read by.
                if ownHeader { seqless = !fieldOf.contains(.seq) }
                let anchor: TableField? = fieldOf.contains(.seq) ? .seq
                    : seqless ? [TableField.name, .code].first(where: fieldOf.contains) : nil
                guard let anchor, Set(fieldOf.compactMap { $0 }).count >= settings.minHeaderColumns else {
                    if tableIndex == bestIndex { return nil }
                    continue
                }
                let segment = fieldCells.count
                segmentFields.append(Set(fieldOf.compactMap { $0 }))
                fieldCells.append([:])
                seqParts.append([])
                anchorOf.append(anchor)
                segmentPage.append(p)
                startsTable.append(segmentPage.dropLast().last == p
                    || startFragments.contains { locate($0, in: table) != nil })
                readTables.append(table)
                var spans: [ColumnSpan] = []
                for c in 0..<table.columnCount {
                    guard let field = fieldOf[c] else { continue }
                    if let last = spans.last, last.field == field, last.x1 == table.xs[c] {
                        spans[spans.count - 1].x1 = table.xs[c + 1]
                    } else {
                        spans.append(ColumnSpan(field: field, x0: table.xs[c], x1: table.xs[c + 1]))
                    }
                }
                if tableIndex == bestIndex { columnsOut[columnsOut.count - 1] = spans }
                reference = spans.map { ($0.field, $0.x0, $0.x1) }
                extraReference = (0..<table.columnCount).compactMap { c in extraOf[c].map { ($0, table.xs[c], table.xs[c + 1]) } }
                // The body: grid rows below the header's cells.
                var top = headerCellIndices.map { table.cells[$0].rows.upperBound }.max() ?? 0
                // A row numbering the columns under the header (`（1） （2）…`, `甲 乙 1 2`): the header's.
                if top < table.rowCount {
                    let labels = (0..<table.columnCount).map { table.cellAt(row: top, column: $0) }
                    var texts: [String] = []
                    var last = -1
                    for k in labels where k != last {
                        last = k
                        texts.append(held[k].map(\.text).joined())
                    }
                    if labels.allSatisfy({ table.cells[$0].rows == top..<(top + 1) }), ColumnNumbers.isLine(texts) { top += 1 }
                }
                bodyTop.append(top)
                bodyBottom.append(table.rowCount)
                // A section heading's cell (a row of one cell across the table) is no row's.
                var seen = Set(headingFragments.compactMap { locate($0, in: table) })
                for r in top..<table.rowCount {
                    for c in 0..<table.columnCount {
                        let k = table.cellAt(row: r, column: c)
                        guard !seen.contains(k), table.cells[k].row >= top else { continue }
                        seen.insert(k)
                        let fields = Set(table.cells[k].columns.compactMap { fieldOf[$0] })
                        if fields.isEmpty, let header = table.cells[k].columns.lazy.compactMap({ extraOf[$0] }).first {
                            extraCells.append((cells.count, header))
                            cells.append(PageCell(page: p, segment: segment, cell: table.cells[k], fragments: held[k]))
                            continue
                        }
                        if fields.isEmpty {
                            for f in held[k] {
                                unplaced.append(UnplacedFragment(fragment: f, reason: "text in a column without a header"))
                            }
                            continue
                        }
                        let index = cells.count
                        cells.append(PageCell(page: p, segment: segment, cell: table.cells[k], fragments: held[k]))
                        for field in fields.sorted() { fieldCells[segment][field, default: []].append(index) }
                    }
                }
                for field in fieldCells[segment].keys {
                    fieldCells[segment][field]!.sort { cells[$0].cell.row < cells[$1].cell.row }
                }
                for k in fieldCells[segment][anchor] ?? [] {
                    seqParts[segment].append(RowPart(page: p, rows: cells[k].cell.rows, seqCell: k))
                }
                // Header fragments outside the table are furniture already; nothing to report.
            }
            for f in bodyFragments where !overflowed.contains(f) && !readTables.contains(where: { locate(f, in: $0) != nil }) {
                unplaced.append(UnplacedFragment(fragment: f, reason: "text outside the table's cells"))
            }
        }

        // Logical rows: a numbered 序号 cell starts one; an empty one at the top of a page
        // continues the row before the break.
        struct Logical { var seq: Int; var anchor: Fragment; var parts: [RowPart] }
        var logical: [Logical] = []
        var partRow: [Int: Int] = [:]  // seq cell index -> logical row
        var counted = 0
        var cutNumber = false
        for p in seqParts.indices {
            if startsTable[p] || p == 0 { counted = 0 }
            for (i, part) in seqParts[p].enumerated() {
                let fragments = cells[part.seqCell].fragments
                let text = fragments.map(\.text).joined()
                if anchorOf[p] != .seq {
                    // No 序号 column: a name (or code) cell starts a row, numbered as it comes;
                    // an empty one atop a page continues the row the break split.
                    if let anchor = fragments.first {
                        counted += 1
                        logical.append(Logical(seq: counted, anchor: anchor, parts: [part]))
                        partRow[part.seqCell] = logical.count - 1
                    } else if i == 0, !logical.isEmpty, !startsTable[p] {
                        logical[logical.count - 1].parts.append(part)
                        partRow[part.seqCell] = logical.count - 1
                    }
                    continue
                }
                // The rest of a number the break cut (below): the row's part on this page.
                if i == 0, cutNumber {
                    cutNumber = false
                    logical[logical.count - 1].parts.append(part)
                    partRow[part.seqCell] = logical.count - 1
                    continue
                }
                cutNumber = false
                // A number a page break cuts in a column too narrow for it (`11` at the foot, `9`
                // atop the next page, after row 118; `（` and `25）`): the two parts joined make
                // the next number, which the first alone is not; the next page's first part
                // continues that row.
                if i == seqParts[p].count - 1, p + 1 < seqParts.count, !startsTable[p + 1], let next = seqParts[p + 1].first,
                   let anchor = fragments.first,
                   let joined = Self.numberCutByBreak(logical.last?.seq ?? 0, text, cells[next.seqCell].fragments.map(\.text).joined()) {
                    logical.append(Logical(seq: joined, anchor: anchor, parts: [part]))
                    partRow[part.seqCell] = logical.count - 1
                    cutNumber = true
                    continue
                }
                if let n = RowNumber.parsePointed(text), let anchor = fragments.first {
                    logical.append(Logical(seq: n, anchor: anchor, parts: [part]))
                    partRow[part.seqCell] = logical.count - 1
                } else if fragments.isEmpty, i == 0, !logical.isEmpty, !startsTable[p] {
                    logical[logical.count - 1].parts.append(part)
                    partRow[part.seqCell] = logical.count - 1
                } else if TotalLine.opens(Blank.removed(from: text)) {
                    // A subtotal or total row (`小计`, `制造业小计`, `合计`): said, not read as a row.
                    for f in fragments {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "a total (合计, 小计), not a row"))
                    }
                } else {
                    for f in fragments {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "text in the 序号 column is not a row number"))
                    }
                }
            }
        }
        // The logical rows a cell covers on its page.
        func rowsCovered(_ k: Int) -> [Int] {
            let c = cells[k]
            return seqParts[c.segment].compactMap { part in
                guard part.rows.overlaps(c.cell.rows), let row = partRow[part.seqCell] else { return nil }
                return row
            }
        }
        // Cells joined across page breaks, per field (union-find over cell indices).
        var parent = Array(cells.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        // Each column's values held whole in one cell, away from page breaks.
        var whole: [TableField: Set<String>] = [:]
        for p in fieldCells.indices {
            for (field, list) in fieldCells[p] {
                for k in list where cells[k].cell.row > bodyTop[p] && cells[k].cell.rows.upperBound < bodyBottom[p] {
                    whole[field, default: []].insert(Blank.removed(from: cells[k].fragments.map(\.text).joined()))
                }
            }
        }
        // The columns that merge cells over rows somewhere: there, an empty part at a page break
        // may be the rest of the cell above it even when neither part spans rows.
        var merging = Set<TableField>()
        for p in fieldCells.indices {
            for (field, list) in fieldCells[p] where !merging.contains(field) && list.contains(where: { rowsCovered($0).count > 1 }) {
                merging.insert(field)
            }
        }
        // The columns with a blank cell of one row away from any page break: there a blank is
        // written as such, and an empty part of one row at a break may be one too.
        var blankSingles = Set<TableField>()
        for p in fieldCells.indices {
            for (field, list) in fieldCells[p] where !blankSingles.contains(field) && list.contains(where: { k in
                cells[k].fragments.isEmpty && rowsCovered(k).count == 1
                    && cells[k].cell.row != bodyTop[p] && cells[k].cell.rows.upperBound != bodyBottom[p]
            }) {
                blankSingles.insert(field)
            }
        }
        // Whether a group of joined cells holds text.
        var textful = cells.map { !$0.fragments.isEmpty }
        // Cells read one way where the rules allow another: (cell index, field, joined, pages).
        var doubtful: [(cell: Int, doubt: PageBreakDoubt)] = []
        let pagesWithTable = fieldCells.indices.filter { !(fieldCells[$0][anchorOf[$0]] ?? []).isEmpty }
        // A cell continues across a page break, never into another table.
        for (a, b) in zip(pagesWithTable, pagesWithTable.dropFirst()) where !startsTable[b] && segmentPage[a] != segmentPage[b] {
            let splitRow = seqParts[b].first.map { cells[$0.seqCell].fragments.isEmpty } ?? false
            for field in TableField.allCases where field != .seq {
                guard let last = fieldCells[a][field]?.last, let first = fieldCells[b][field]?.first,
                      cells[last].cell.rows.upperBound == bodyBottom[a], cells[first].cell.row == bodyTop[b]
                else { continue }
                // A merged cell running over the break, its text printed on both pages and cut by
                // each (a spreadsheet centres it on the whole cell and clips it to each page's
                // part): the same text, the foot of one part and the top of the next running
                // through its middle, is one.
                // (Not two cells each ruled at the break: rows alike on both sides of it, their
                // glyph boxes taller than the ink, as a PDF rewritten by pdftocairo sets them.)
                if !cells[last].fragments.isEmpty, !cells[last].cell.ruledBottom || !cells[first].cell.ruledTop,
                   Blank.removed(from: cells[last].fragments.map(\.text).joined()) == Blank.removed(from: cells[first].fragments.map(\.text).joined()),
                   cells[last].fragments.contains(where: { f in abs(grids[cells[last].page].deskew(x: (f.x0 + f.x1) / 2, y: (f.y0 + f.y1) / 2).y - cells[last].cell.y1) <= 0.25 * (f.y1 - f.y0) }),
                   cells[first].fragments.contains(where: { f in abs(grids[cells[first].page].deskew(x: (f.x0 + f.x1) / 2, y: (f.y0 + f.y1) / 2).y - cells[first].cell.y0) <= 0.25 * (f.y1 - f.y0) }) {
                    for f in cells[first].fragments {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "a merged cell's text printed again after the page break (cut by it on both pages): read once"))
                    }
                    cells[first].fragments = []
                    textful[first] = false
                }
                let open = !cells[last].cell.ruledBottom || !cells[first].cell.ruledTop
                // A producer that leaves a cell cut by the break open there: parts ruled at the
                // break are two cells (unless the row itself was split).
                if settings.grid.cellsOpenAtPageBreaks, !open, !splitRow { continue }
                let anyEmpty = cells[last].fragments.isEmpty || cells[first].fragments.isEmpty
                let merged = rowsCovered(last).count > 1 || rowsCovered(first).count > 1
                let fills = !anyEmpty && merged && fillsToFoot(cells[last], grids: grids, slack: settings.grid.flowSlack)
                let textA = Blank.removed(from: cells[last].fragments.map(\.text).joined())
                let textB = Blank.removed(from: cells[first].fragments.map(\.text).joined())
                let slack = settings.grid.flowSlack
                // (Never two whole values that joined read as none: `初级：1800元/人中级：2200元/人` filling
                // its cell at the foot, `按实际发生费用` atop the next page, each a row's subsidy.)
                let spoils = !incomplete(textA, field: field) && !incomplete(textB, field: field) && incomplete(textA + textB, field: field)
                let flows = !spoils && (fills
                    && (runsOn(cells[last], cells[first], grids: grids, slack: slack, known: whole[field] ?? [])
                        || completes(textA, textB, field: field))
                    // A merged cell's text cut by the break (`农、林、` at the foot, `牧、渔业` atop the next page).
                    || (!anyEmpty && merged && completes(textA, textB, field: field)
                        && touches(cells[last], foot: true, grids: grids, slack: slack)
                        && touches(cells[first], foot: false, grids: grids, slack: slack)))
                // An empty part joins the text across the break, unless both sides hold text
                // already (a cell ending at the foot of a page, its text printed on an earlier
                // page, and a new cell at the top of the next).
                // Neither part spanning rows, in a column that merges cells elsewhere: a merged
                // cell split one row per page looks so (read as one, in doubt).
                let single = anyEmpty && !merged && merging.contains(field)
                    && !(cells[last].fragments.isEmpty && cells[first].fragments.isEmpty)
                let continues = anyEmpty && (merged || single) && !(textful[find(last)] && textful[find(first)])
                let pageBefore = pages[segmentPage[a]].number, pageAfter = pages[segmentPage[b]].number
                // A spreadsheet centres a merged cell's text on the whole cell: text centred on its
                // own part, the other part (a row or more) empty, is a cell of its own.
                if continues, !splitRow, !open, settings.grid.mergedTextOnWholeCell,
                   case let text = cells[last].fragments.isEmpty ? cells[first] : cells[last],
                   Self.centred(text, grids: grids) {
                    continue
                }
                if continues, !splitRow, !open, field == .urgent || single {
                    // A blank urgency cell is a value (not urgent): the empty part may be a cell
                    // of its own. Where LibreOffice prints a merged cell's text (top or centre of
                    // its first part) was measured not to tell the two apart.
                    let empty = cells[last].fragments.isEmpty ? last : first
                    var doubt = PageBreakDoubt(field: field, joined: true, pages: (pageBefore, pageAfter))
                    doubt.oneRow = rowsCovered(empty).count == 1 && blankSingles.contains(field)
                    doubtful.append((empty, doubt))
                }
                if splitRow || open || continues || flows {
                    let x = find(last), y = find(first)
                    if x != y {
                        parent[max(x, y)] = min(x, y)
                        textful[min(x, y)] = textful[x] || textful[y]
                    }
                } else if fills, incomplete(textA, field: field) {
                    // Text that fills its part to the foot of the page, then text in a merged cell
                    // at the top of the next: perhaps one value flowed over the break.
                    doubtful.append((first, PageBreakDoubt(field: field, joined: false, pages: (pageBefore, pageAfter))))
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for k in cells.indices { groups[find(k), default: []].append(k) }
        var rowCells = [[TableField: [Fragment]]](repeating: [:], count: logical.count)
        var spanned = [Set<TableField>](repeating: [], count: logical.count)
        var closed = [Set<TableField>](repeating: [], count: logical.count)
        for field in TableField.allCases where field != .seq {
            for p in fieldCells.indices {
                for k in fieldCells[p][field] ?? [] where find(k) == k {
                    let members = groups[k]!.sorted()
                    var fragments = members.flatMap { cells[$0].fragments }
                    // A merged cell run over page breaks whose every part prints the whole value
                    // again (a layout that repeats it in each page's part): the value once.
                    let parts = members.filter { !cells[$0].fragments.isEmpty }
                    if parts.count > 1, Set(parts.map { cells[$0].page }).count == parts.count,
                       case let texts = parts.map({ Blank.removed(from: RowRecord.text(cells[$0].fragments)) }),
                       !texts[0].isEmpty, texts.allSatisfy({ $0 == texts[0] }) {
                        fragments = cells[parts[0]].fragments
                    }
                    // An urgency mark the page does not print (the header's `紧缺` clipped by its
                    // row, over the first row's cell) marks nothing.
                    if field == .urgent, fragments.contains(where: \.hidden) {
                        for f in fragments where f.hidden {
                            unplaced.append(UnplacedFragment(fragment: f, reason: "text the page does not print (clipped by its cell) in an urgency cell: no mark"))
                        }
                        fragments.removeAll(where: \.hidden)
                    }
                    guard !fragments.isEmpty else { continue }
                    let covered = Set(members.flatMap(rowsCovered)).sorted()
                    if covered.isEmpty {
                        for f in fragments {
                            unplaced.append(UnplacedFragment(fragment: f, reason: "text in no numbered row"))
                        }
                    }
                    for row in covered {
                        rowCells[row][field, default: []] += fragments
                        if covered.count > 1 { spanned[row].insert(field) }
                    }
                    if members.count == 1, case let c = cells[members[0]].cell, c.ruledTop, c.ruledBottom, c.ruledLeft, c.ruledRight {
                        for row in covered { closed[row].insert(field) }
                    }
                }
            }
        }
        var rowExtras = [[String: [Fragment]]](repeating: [:], count: logical.count)
        for (k, header) in extraCells where !cells[k].fragments.isEmpty {
            let covered = rowsCovered(k)
            if covered.isEmpty {
                for f in cells[k].fragments {
                    unplaced.append(UnplacedFragment(fragment: f, reason: "text in no numbered row"))
                }
            }
            for row in covered { rowExtras[row][header, default: []] += cells[k].fragments }
        }
        let rows = logical.enumerated().map { i, l in
            RowRecord(seq: l.seq, anchor: l.anchor, cells: rowCells[i], extras: rowExtras[i])
        }
        var doubts = [[PageBreakDoubt]](repeating: [], count: logical.count)
        for (k, doubt) in doubtful {
            for row in rowsCovered(k) where !doubts[row].contains(doubt) { doubts[row].append(doubt) }
        }
        // A table continued on a page whose part lacks a column the part before has (a column
        // printed off the page's edge, or on a page of its own): its rows there would have that
        // field empty, said for the page's first row number.
        for s in segmentFields.indices.dropFirst() where !startsTable[s] {
            guard let first = seqParts[s].first, let at = cells[first.seqCell].fragments.first else { continue }
            // (Not the industry, which is filled down from the rows above; nor a field its rows
            // there hold anyway.)
            let here = rows.filter { $0.anchor.page == at.page }
            let lost = segmentFields[s - 1].subtracting(segmentFields[s]).subtracting([.seq, .industry]).filter { field in
                !here.isEmpty && here.allSatisfy { Blank.removed(from: $0.text(field)).isEmpty }
            }
            guard !lost.isEmpty else { continue }
            unplaced.append(UnplacedFragment(
                fragment: at,
                reason: "the table on this page has no \(lost.sorted().map(\.name).joined(separator: ", ")) column, which it has on the page before: its rows there lack it"))
        }
        var result = Result(rows: rows, unplaced: unplaced, columns: columnsOut, tables: tablesOut, spanned: spanned)
        result.doubts = doubts
        result.closed = closed
        return result
    }

    /// A line that reads as a note, not a row: a sentence (`NoteText`) after its number, if it
    /// has one, or a note's opening (`注：`).
    static func readsAsNote(_ line: TextLine) -> Bool {
        let compact = Blank.removed(from: line.compactText)
        if NoteText.opensNote(compact) { return true }
        var fragments = line.fragments
        if let first = fragments.first, RowNumber.parsePointed(first.text) != nil { fragments.removeFirst() }
        let rest = Blank.removed(from: fragments.map(\.text).joined())
        return !rest.isEmpty && NoteText.isSentence(rest)
    }

    /// The row number a page break parts (`head` at a page's foot, `tail` atop the next: `11`
    /// and `9`, `（` and `25）`), when the two joined follow `before` and the head alone does
    /// not: nil otherwise.
    static func numberCutByBreak(_ before: Int, _ head: String, _ tail: String) -> Int? {
        let a = Blank.removed(from: head), b = Blank.removed(from: tail)
        guard !a.isEmpty, !b.isEmpty, RowNumber.parsePointed(a) != before + 1,
              let joined = RowNumber.parsePointed(a + b), joined == before + 1 else { return nil }
        return joined
    }
}
