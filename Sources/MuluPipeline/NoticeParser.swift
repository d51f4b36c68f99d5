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
        let t0 = PhaseTimer.now()
        let (decoded, encoding) = try TextDecoding.utf8(bytes, path: path)
        // A table copied cell by cell (each cell on a line of its own): one line per row.
        var utf8 = try CellPerLine.joined(decoded, path: path)
        // Row numbers right-aligned against the next column's text (`.prn`): apart.
        if let apart = AbuttingRowNumbers.separated(utf8, probeLines: Self.probeLines) { utf8 = apart }
        // A table saved as CSV or copied from Excel or Word: each record on one line of tabs,
        // each line still numbered as the file line its record starts on.
        let records = DelimitedText.records(utf8, probeLines: Self.probeLines)
        if let records { utf8 = records.bytes }
        var spans = TextLayout.spans(utf8)
        if let lines = records?.lines {
            for k in spans.indices where spans[k].line - 1 < lines.count { spans[k].line = lines[spans[k].line - 1] }
        }
        PhaseTimer.report("parse: decode and lines", t0, PhaseTimer.now())
        // The first page's opening lines, fully: where the header is, and how it is laid out.
        var probe = Array(spans.prefix { $0.page == spans[0].page }.prefix(Self.probeLines))
        var probePages = TextLayout.pages(utf8, spans: probe)
        var probeRoles = LineClassifier.classify(probePages)
        var notice: ParsedNotice
        // The lines whose cells a tab separates: a tab between two of their tokens.
        func tabbedLines() -> Set<Int> {
            utf8.withUnsafeBufferPointer { p in
                var tokens: [TextLayout.Token] = []
                return Set(probe.filter { s in
                    TextLayout.tokens(p, s, into: &tokens)
                    guard tokens.count > 1, let first = tokens.first, let last = tokens.last else { return false }
                    return (first.end..<last.start).contains { p[$0] == 0x09 }
                }.map(\.line))
            }
        }
        var tabbed = tabbedLines()
        // Aligned for display, one line per row and a cell in every column: the gaps tell the
        // cells apart (a cell too wide for its column pushes the rest of its row aside).
        if ColumnLayoutProbe.isColumnLayout(probePages, roles: probeRoles, tabbedLines: tabbed),
           let gapped = GapColumns.tabbed(utf8, probe: probe[...], pages: probePages, roles: probeRoles) {
            utf8 = gapped
            spans = TextLayout.spans(utf8)
            probe = Array(spans.prefix { $0.page == spans[0].page }.prefix(Self.probeLines))
            probePages = TextLayout.pages(utf8, spans: probe)
            probeRoles = LineClassifier.classify(probePages)
            tabbed = tabbedLines()
        }
        if ColumnLayoutProbe.isColumnLayout(probePages, roles: probeRoles, tabbedLines: tabbed) {
            // Columns aligned for display (a CJK character two columns wide) are read by display
            // columns, so that the cells of a column start at one x.
            let displayWidth = TextLayout.isDisplayAligned(utf8, spans: probe[...])
            var pages = TextLayout.pages(utf8, spans: spans, displayWidth: displayWidth)
            // Pages lost their form feeds: cut again where the header is printed again. (Not
            // text aligned for display, typed or printed by a tool, whose pages are no print's.)
            if pages.count == 1, !displayWidth, let paged = RepeatedHeaderPages.spans(spans, roles: LineClassifier.classify(pages)) {
                spans = paged
                pages = TextLayout.pages(utf8, spans: spans, displayWidth: displayWidth)
            }
            let recovery = TableRecovery(pages: pages, settings: .textLayout)
            let tables = geometricTables(recovery)
            var builder = EntryBuilder(expectedRows: recovery.rows.count, columnMaps: tables.map(\.columns))
            for row in recovery.rows { builder.add(row) }
            notice = try finish(
                format: .text, pages: pages, roles: recovery.roles, builder: builder, rows: recovery.rows,
                unplaced: recovery.unplaced, extra: recovery.disagreements, path: path,
                tables: tables)
            notice.recovery = recovery
        } else {
            // Delimited: after the header, a line that starts with a row number is read from the
            // bytes by the delimited reader; only the other lines are classified one by one
            // (all of them when the rows are kept, so every line shows its fragments).
            var skip = [Bool](repeating: false, count: spans.count)
            if !keepRows, let headerLine = probeRoles.first?.firstIndex(of: .header) {
                utf8.withUnsafeBufferPointer { p in
                    // (A line too short for a row's cells, `2 of 3`, is classified: it may be a footer.)
                    for k in spans.indices where k > headerLine && spans[k].end - spans[k].start > 16
                        && RowNumber.startsLine(p, start: spans[k].start, end: spans[k].end) {
                        skip[k] = true
                    }
                }
            }
            let t1 = PhaseTimer.now()
            let pages = TextLayout.pages(utf8, spans: spans, skip: skip)
            var roles = LineClassifier.classify(pages)
            for k in spans.indices where skip[k] { roles[spans[k].page - 1][spans[k].index] = .body }
            var (tables, furniture) = DelimitedReader.tables(pages: pages, roles: roles)
            DelimitedReader.settleLevels(utf8, spans: spans, roles: roles, tables: &tables)
            for f in furniture { roles[f.page - 1][f.index] = f.role }
            let t2 = PhaseTimer.now()
            PhaseTimer.report("parse: row starts, pages, roles, tables", t1, t2)
            let read = DelimitedReader.read(
                utf8, spans: spans, pages: pages, roles: roles, keepRows: keepRows, parts: readerParts, tables: tables,
                makeSink: { [maps = tables.map(\.columns)] in EntryBuilder(expectedRows: $0, columnMaps: maps) })
            let t3 = PhaseTimer.now()
            PhaseTimer.report("parse: rows read", t2, t3)
            notice = try finish(
                format: .text, pages: pages, roles: roles, builder: read.sink, rows: read.rows,
                unplaced: read.unplaced, path: path, tables: tables)
            PhaseTimer.report("parse: finish", t3, PhaseTimer.now())
            // A header without 序号: its rows' number is no column.
            notice.delimitedColumns = read.columns.kinds.compactMap { if case .field(let f) = $0, f != .seq || read.columns.numbered { f } else { nil } }
        }
        notice.encoding = encoding
        return notice
    }

    /// Pages lost from the notice: page marks printed in order that jump (`—2—`, then `—4—`)
    /// where the row numbers between them jump too (27, then 46): an error, the rows of the
    /// missing pages are not in the catalogue. (A row number that skips alone is a warning.)
    static func lostPages(pages: [PageText], roles: [[LineRole]], entries: [Entry], places: [(page: Int, line: Int)]) -> [Diagnostic] {
        guard places.count == entries.count else { return [] }
        var marks: [(number: Int, page: Int, line: Int, index: Int, text: String)] = []
        for (p, page) in pages.enumerated() where p < roles.count {
            for (i, line) in page.lines.enumerated() where i < roles[p].count && roles[p][i] == .pageMark {
                if let n = LineClassifier.pageNumber(Blank.removed(from: line.text)) { marks.append((n, page.number, line.line, i, line.text)) }
            }
        }
        var out: [Diagnostic] = []
        for (a, b) in zip(marks, marks.dropFirst()) where b.number > a.number + 1 && b.number <= a.number + 50 {
            // The rows after mark a and before mark b: one whose number jumps from the row before.
            guard let k = entries.indices.dropFirst().first(where: { k in
                (places[k].page, places[k].line) > (a.page, a.line) && (places[k].page, places[k].line) < (b.page, b.line)
                    && entries[k].table == entries[k - 1].table && entries[k].seq > entries[k - 1].seq + 1
            }) else { continue }
            let missing = a.number + 1 == b.number - 1 ? "page \(a.number + 1) is" : "pages \(a.number + 1)–\(b.number - 1) are"
            out.append(Diagnostic(
                .error, "the page marks go from \(a.number) to \(b.number) and the rows from \(entries[k - 1].seq) to \(entries[k].seq): \(missing) missing",
                page: b.page, line: b.line, excerpt: b.text, seq: entries[k].seq))
        }
        return out
    }

    /// An urgency column blank in every row of a table this long holds lost cells.
    static let minRowsForBlankUrgency = 10

    /// How many opening lines are read in full to find the header and its layout.
    static let probeLines = 400

    /// A PDF notice, through its text layer (`PDFSource`), its pages without one read by OCR
    /// (`ScanSource`, as `scan.mode` says). `lexicon`: names a scanned name may be snapped to;
    /// `progress` is told of every page OCR has read.
    public static func parsePDF(
        _ bytes: [UInt8], path: String, password: String?, scan: ScanSettings = ScanSettings(),
        lexicon: Set<String> = [], progress: ScanSource.Progress? = nil
    ) throws -> ParsedNotice {
        // The text layer is read once, in parallel: it says whether OCR is needed, and a PDF
        // read as text goes on from it.
        let t0 = PhaseTimer.now()
        let opened = try PDFSource.open(bytes, path: path, password: password, grid: GridSettings())
        PhaseTimer.report("pdf open and text layer", t0, PhaseTimer.now())
        if let read = try ScanSource.pages(
            bytes, path: path, password: password, settings: scan, progress: progress, opened: opened) {
            let recovery = TableRecovery(pages: read.pages, settings: .pdf(emSize: read.emSize), rules: read.grids.map(\.rules))
            let review = ScanReview.review(recovery.rows, cells: read.cells, lexicon: lexicon, settings: scan)
            let columns = geometricColumns(recovery)
            var builder = EntryBuilder(expectedRows: review.rows.count, columnMaps: [columns])
            for row in review.rows { builder.add(row) }
            var notice = try finish(
                format: .pdf, pages: read.pages, roles: recovery.roles, builder: builder, rows: review.rows,
                unplaced: recovery.unplaced, extra: review.diagnostics, path: path,
                tables: [.init(page: 1, index: 0, columns: columns)])
            notice.recovery = recovery
            notice.scanCells = read.cells
            notice.ocrPages = read.ocrPages
            notice.doubtfulCells = review.doubtful
            return notice
        }
        let t1 = PhaseTimer.now()
        let (pages, emSize, rules) = try PDFSource.pages(opened, path: path)
        let t2 = PhaseTimer.now()
        PhaseTimer.report("pdf pages (render, rules)", t1, t2)
        var settings = TableSettings.pdf(emSize: emSize)
        // Chromium (Skia) prints a cell cut by a page break open there: parts ruled at the break are two cells.
        settings.grid.cellsOpenAtPageBreaks = opened.documents.first?.producer?.hasPrefix("Skia/PDF") ?? false
        // LibreOffice Calc centres a merged cell's text on the whole cell.
        settings.grid.mergedTextOnWholeCell = opened.documents.first?.creator == "Calc"
        let recovery = TableRecovery(pages: pages, settings: settings, rules: rules)
        PhaseTimer.report("table recovery", t2, PhaseTimer.now())
        let tables = geometricTables(recovery)
        var builder = EntryBuilder(expectedRows: recovery.rows.count, columnMaps: tables.map(\.columns))
        for row in recovery.rows { builder.add(row) }
        // A page displayed sideways: one error for the page, whatever its rows gave.
        let sideways = PDFSource.sidewaysPages(opened.textPages, settings: .pdf(emSize: emSize)).map { page in
            Diagnostic(.error, "the text of page \(page) runs sideways (the page is displayed turned a quarter, its lines "
                + "running top to bottom): its rows cannot be read", page: page)
        }
        // A watermark across the pages: left out of the lines (`PDFSource.lines`), said once a page.
        let watermarks = Watermark.texts(opened.textPages).map { mark in
            Diagnostic(.warning, "text on page \(mark.page) set \(Int(Watermark.scale)) or more times the size of the page's own or on a slant "
                + "(a watermark, `\(mark.text)`) is not read", page: mark.page)
        }
        var notice = try finish(
            format: .pdf, pages: pages, roles: recovery.roles, builder: builder, rows: recovery.rows,
            unplaced: recovery.unplaced, extra: recovery.disagreements + sideways + watermarks, path: path,
            tables: tables)
        notice.recovery = recovery
        return notice
    }

    /// The tables the geometric stages found, each with its columns. Several tables (附件1,
    /// 附件2): each its label and title, and its own columns, as the header cells of its first
    /// page that holds no other table's header give them (the first table's when it has none:
    /// its header shares its one page with the table before).
    static func geometricTables(_ recovery: TableRecovery) -> [DelimitedReader.Table] {
        let columns = geometricColumns(recovery)
        guard recovery.tables.count > 1 else { return [.init(page: 1, index: 0, columns: columns)] }
        return recovery.tables.enumerated().map { k, t in
            // A table starting below another on its page: the header cells of its own region.
            let own = k == 0 ? columns
                : recovery.startHeaderCells[[t.page, t.index]].map { geometricColumns(recovery, cells: $0, table: k) }
                    ?? Self.ownHeaderPage(of: k, recovery).map { geometricColumns(recovery, page: $0, table: k) } ?? columns
            return .init(page: t.page, index: t.index, columns: own, label: t.label, title: t.title)
        }
    }

    /// The columns the geometric stages found: the header cells of the first page that has
    /// them, each mapped by `HeaderWords` (a field named twice, or no field: an extra column).
    /// `page`: that page's header cells instead (1-based).
    static func geometricColumns(_ recovery: TableRecovery, page: Int? = nil, cells given: [HeaderCell]? = nil, table: Int = 0) -> ColumnMap {
        guard let cells = given ?? page.map({ recovery.headerCells[$0 - 1] }) ?? recovery.headerCells.first(where: { !$0.isEmpty }),
              !cells.isEmpty else { return .reference }
        // Level sub-columns the rules found (`RuledRows`) in this table's rows: each subsidy's
        // levels, in level order (another table's sub-columns are not this one's).
        var levels: [TableField: [Level]] = [:]
        for row in recovery.rows where row.table == table || recovery.tables.count <= 1 {
            for (field, found) in row.levelColumns { levels[field] = Array(Set(levels[field] ?? []).union(found)).sorted() }
        }
        // (A header naming no 序号: the rules number the rows as they come.)
        var map = cells.contains { $0.field == .seq } ? ColumnMap() : .unnumbered
        var extra = 0
        for cell in cells {
            var text = FieldNormaliser.text(cell.text)
            if !levels.isEmpty, LevelWords.single(Blank.removed(from: text)) != nil { continue }
            if let field = cell.field, !map.has(field), let fieldLevels = levels[field] {
                // The header printed above its level sub-columns, without their words.
                while let name = LevelWords.names.first(where: { text.hasSuffix($0.name) })?.name, text.count > name.count {
                    text.removeLast(name.count)
                }
                for level in fieldLevels { map.append(.level(field, level), header: text + "/" + level.rawValue) }
            } else if let field = cell.field, !map.has(field) {
                map.append(.field(field), header: text)
            } else if extra < ColumnMap.maxExtra {
                map.append(.extra(extra), header: text)
                extra += 1
            }
        }
        guard map.has(.seq) else { return .reference }
        // (Subsidy columns named without 培训 or 鉴定, headed alike: `ColumnMap`'s rule.)
        let texts = cells.map { Blank.removed(from: $0.text) }
        let unnamed = cells.indices.filter { k in
            (cells[k].field == .training || cells[k].field == .assessment) && TableField(headerLabel: cells[k].text) == nil
        }
        if map.problem == nil { map.problem = ColumnMap.unnamedSubsidyTwins(texts, unnamed: unnamed) }
        return map
    }

    /// The first page (1-based) whose header lines are all table `k`'s: from where it starts
    /// (when no header line is above its own there) up to where the next table starts.
    static func ownHeaderPage(of k: Int, _ recovery: TableRecovery) -> Int? {
        let t = recovery.tables[k]
        let end = k + 1 < recovery.tables.count ? recovery.tables[k + 1].page : recovery.pages.count + 1
        for page in t.page..<end where !recovery.headerCells[page - 1].isEmpty {
            if page == t.page, recovery.roles[page - 1][..<t.index].contains(.header) { continue }
            return page
        }
        return nil
    }

    /// Why no header was found, truthfully: which header words a line had, or that none had any.
    static func noHeaderProblem(_ pages: [PageText]) -> String {
        var best: (line: TextLine, words: [String])?
        for page in pages {
            for line in page.lines.prefix(200) {
                let text = line.compactText
                let words = HeaderWords.keywords.filter { text.contains($0) }
                if words.count > (best?.words.count ?? 0) { best = (line, words) }
            }
        }
        let need = "header line naming at least \(TableSettings.minHeaderKeywords) of \(HeaderWords.keywords.joined(separator: "、"))"
        guard let best else { return "no catalogue table: found no \(need) (no line names any of them)" }
        var at = "the nearest, p\(best.line.page):\(best.line.line), names \(best.words.joined(separator: "、")) among other text"
        // Enough words, but characters no header word has (`2024年培训补贴标准`): say which.
        let count = best.line.compactText.count
        if best.words.count >= TableSettings.minHeaderKeywords, count <= 200 {
            var odd: [Character] = []
            for c in best.line.compactText where !c.unicodeScalars.allSatisfy({ HeaderWords.vocabulary.contains($0) || Blank.isBlank($0) }) && !odd.contains(c) {
                odd.append(c)
            }
            // (Few: a line of prose that mentions the words is "among other text".)
            if !odd.isEmpty, odd.count <= 4 {
                at = "the nearest, p\(best.line.page):\(best.line.line), names \(best.words.joined(separator: "、")) but also holds "
                    + odd.prefix(8).map { "`\($0)`" }.joined(separator: " ") + ", which no header word has (a header line holds header words only)"
            }
        }
        // A line far longer than a header (a table flattened into one paragraph, HTML source).
        return "no catalogue table: found no \(need); \(at)"
            + (count > 200 && best.words.count >= TableSettings.minHeaderKeywords ? " (\(count) characters on that line: the whole table on one line, or markup?)" : "")
    }

    /// Reads as the urgency column the one extra column whose every cell, in every row, is an
    /// urgency word (`急需紧缺` / `非急需紧缺`, `急需紧缺职业` / `一般职业`) under a header that says
    /// nothing of urgency (`类别`, `职业类型`), with a warning; its cells leave `extra`.
    static func urgencyByContent(_ entries: inout [Entry], _ tables: inout [DelimitedReader.Table]) -> [Diagnostic] {
        let headers = Set(tables.flatMap(\.columns.extraHeaders))
        var found: [(header: String, values: [Bool])] = []
        for header in headers.sorted() {
            var values: [Bool] = []
            var words = 0
            for e in entries {
                guard let text = e.extra[header], let read = UrgencyMark.readWord(text) else { break }
                values.append(read.urgent)
                if read.word { words += 1 }
            }
            if values.count == entries.count, words > 0, values.contains(true) { found.append((header, values)) }
        }
        guard found.count == 1, let (header, values) = found.first else { return [] }
        for i in entries.indices {
            entries[i].urgent = values[i]
            entries[i].extra[header] = nil
        }
        for t in tables.indices where tables[t].columns.extraHeaders.contains(header) {
            tables[t].columns = tables[t].columns.readingAsUrgency(extraHeader: header)
        }
        return [Diagnostic(.warning, "column `\(header)` names no urgency but every cell is an urgency word (急需紧缺, 非急需紧缺 …): read as the urgency column")]
    }

    /// Entries and diagnostics from rows; throws when there is no catalogue table at all.
    /// An error for each header line that names columns no table read has (subsidies, the
    /// urgency): a table too wide for its page printed in two column groups, the second under a
    /// header of its own with no row numbers (`培训补贴（元/人） 评价补贴（元/人） 急需紧缺`) — its
    /// cells belong to rows they do not name, and reading the rows without them would publish
    /// every subsidy as null.
    static func headersOfMissingColumns(pages: [PageText], roles: [[LineRole]], tables: [DelimitedReader.Table]) -> [Diagnostic] {
        let watched: [TableField] = [.training, .assessment, .urgent]
        let missing = Set(watched.filter { f in !tables.contains { $0.columns.has(f) } })
        guard missing.count >= 2 else { return [] }
        var out: [Diagnostic] = []
        for (p, page) in pages.enumerated() where p < roles.count {
            for (i, line) in page.lines.enumerated() where i < roles[p].count && roles[p][i] == .header {
                let lacking = line.fragments.map { Blank.removed(from: $0.text) }.filter { text in
                    HeaderWords.field(text).map(missing.contains) ?? false
                }
                guard lacking.count >= 2 else { continue }
                out.append(Diagnostic(
                    .error,
                    "a header names columns the table read does not have (\(lacking.map { "`\($0)`" }.joined(separator: ", "))): their cells are printed apart from the rows they belong to (a table printed in two column groups?), and are not read",
                    page: line.page, line: line.line, excerpt: line.text))
                break
            }
            if !out.isEmpty { break }
        }
        return out
    }

    /// The code's levels each in a column of its own (`大类` `中类` `小类` `细类`, under 职业分类代码):
    /// one error, as mulu does not join them into a code; read as they are, the rows would be
    /// published with their codes in pieces, or none.
    static func codeInLevelColumns(pages: [PageText], roles: [[LineRole]], tables: [DelimitedReader.Table]) -> [Diagnostic] {
        let levels = ["大类", "中类", "小类", "细类"]
        var found = Set(tables.flatMap(\.columns.extraHeaders).map { Blank.removed(from: $0) }.filter(levels.contains))
        var at: TextLine?
        // (A header line, or one of the two after it, naming three of them: the header's second
        // line may be taken for the first row's.)
        for (p, page) in pages.enumerated() where p < roles.count {
            for (i, line) in page.lines.enumerated() where line.fragments.count >= 3
                && (max(0, i - 2)...i).contains(where: { $0 < roles[p].count && roles[p][$0] == .header }) {
                let words = line.compactText
                let here = levels.filter { words.contains($0) }
                guard here.count >= 3 else { continue }
                if at == nil { at = line }
                found.formUnion(here)
            }
        }
        guard found.count >= 3 else { return [] }
        return [Diagnostic(
            .error,
            "the code is printed in columns of its levels (\(levels.filter(found.contains).map { "`\($0)`" }.joined(separator: ", "))): mulu reads a code from one cell, and does not join them",
            page: at?.page, line: at?.line, excerpt: at?.text)]
    }

    static func finish(
        format: Catalogue.Format, pages: [PageText], roles: [[LineRole]], builder: EntryBuilder,
        rows: [RowRecord], unplaced: [UnplacedFragment], extra: [Diagnostic] = [], path: String,
        tables: [DelimitedReader.Table]
    ) throws -> ParsedNotice {
        let hasHeader = roles.contains { $0.contains(.header) }
        guard hasHeader else {
            throw MuluError(file: path, problem: noHeaderProblem(pages))
        }
        guard !builder.entries.isEmpty else {
            throw MuluError(file: path, problem: "no catalogue rows: a header but no numbered row under it")
        }
        var builder = builder
        builder.placeUndecidedSubsidies()
        builder.doubtCentredIndustries()
        var entries = builder.entries
        // A column whose cells mostly do not fit it: one error for the column, not one per row.
        let tf0 = PhaseTimer.now()
        let findings = builder.columnFindings(columns: tables.first?.columns ?? .reference)
        PhaseTimer.report("finish: column findings", tf0, PhaseTimer.now())
        var diagnostics = findings.drop.isEmpty ? builder.diagnostics
            : builder.diagnostics.indices.filter { !findings.drop.contains($0) }.map { builder.diagnostics[$0] }
        diagnostics += findings.errors
        // A header that could not be read whole: said first, an error.
        diagnostics.insert(contentsOf: tables.compactMap(\.columns.problem).map { Diagnostic(.error, $0) }, at: 0)
        // An extra column whose every cell is an urgency word is the urgency column.
        var tables = tables
        if !tables.contains(where: { $0.columns.has(.urgent) }), builder.headingUrgent == nil, !builder.sawNameMark {
            diagnostics += urgencyByContent(&entries, &tables)
        }
        let columns = tables.first?.columns ?? .reference
        // Columns the table does not have: null, said once.
        let hasUrgency = tables.contains { $0.columns.has(.urgent) }
        if !hasUrgency, builder.headingUrgent != nil {
            // Headings group the rows by urgency (`一、急需紧缺职业（工种）`): rows above the first are
            // not said to be urgent or not.
            let none = entries.filter { $0.urgent == nil }.count
            if none > 0 {
                diagnostics.append(Diagnostic(.warning, "the table has no urgency column; headings give the urgency of the rows below them, \(none) rows come before any: urgent is null for them"))
            }
        } else if !hasUrgency {
            if builder.sawNameMark {
                for i in entries.indices where entries[i].urgent == nil { entries[i].urgent = false }
            } else {
                diagnostics.append(Diagnostic(.warning, "the table has no urgency column (是否急需紧缺): urgent is null for every row"))
            }
        }
        // An urgency column blank in every row says nothing (a catalogue marking none urgent
        // prints 否): its cells were lost, as if it had no such column.
        if hasUrgency, entries.count >= Self.minRowsForBlankUrgency, builder.filledUrgencyCells == 0, builder.headingUrgent == nil,
           !builder.sawNameMark, entries.allSatisfy({ $0.urgent == false }) {
            for i in entries.indices { entries[i].urgent = nil }
            diagnostics.append(Diagnostic(.warning, "the urgency column (是否急需紧缺) is blank in every row: urgent is null for every row"))
        }
        if !tables.contains(where: { $0.columns.has(.industry) }) {
            let none = entries.filter { $0.industry == nil }.count
            if none > 0 {
                diagnostics.append(Diagnostic(.warning, none == entries.count
                    ? "the table has no industry column and no section headings: industry is null for every row"
                    : "the table has no industry column; \(none) row(s) above the first section heading have industry null"))
            }
        }
        for (field, label) in [(TableField.training, "training"), (.assessment, "assessment"), (.code, "code")]
            where !tables.contains(where: { $0.columns.has(field) }) && !(builder.sawLabelledPair && field != .code) {
            diagnostics.append(Diagnostic(.warning, "the table has no \(label) column: \(label) is null for every row"))
        }
        diagnostics += headersOfMissingColumns(pages: pages, roles: roles, tables: tables)
        diagnostics += codeInLevelColumns(pages: pages, roles: roles, tables: tables)
        // Level columns (初级, 中级, 高级) kept as extra columns: the subsidy they divide was not
        // read from the header, and its amounts would be published as remarks.
        let hasSubsidy = tables.contains { $0.columns.has(.training) || $0.columns.has(.assessment) }
        let levelExtras = tables.flatMap(\.columns.extraHeaders).filter { h in
            if case .level = HeaderWords.meaning(Blank.removed(from: h)) { return true }
            return false
        }
        if !levelExtras.isEmpty, !(hasSubsidy && levelExtras.count < 2) {
            diagnostics.insert(Diagnostic(.error, "header cells \(levelExtras.map { "`\($0)`" }.joined(separator: ", ")) name levels, but no "
                + "subsidy column is read over them: the header was not read whole (its subsidy's label is missing)"), at: 0)
        }
        let tf1 = PhaseTimer.now()
        diagnostics += lostPages(pages: pages, roles: roles, entries: entries, places: builder.anchors.map { ($0.page, $0.line) })
        diagnostics += CatalogueValidator.validate(entries, places: builder.anchors.map { ($0.page, $0.line) })
        PhaseTimer.report("finish: validate", tf1, PhaseTimer.now())
        // A sentence before or after a lone table that states its count (`共140个职业（工种）`):
        // the message of the error when the rows read are not as many.
        let oneTable = Set(entries.map(\.table)).count == 1
        func statedCount(_ text: String) -> String? {
            guard oneTable, let stated = StatedRowCount.statedInText(text), stated != entries.count else { return nil }
            return "the notice states \(stated) rows (occupations and work types), \(entries.count) were read: rows are missing or added"
        }
        /// The line of each run of consecutive lines (`keys`, page and line) whose joined text
        /// states a count the rows do not match, with the message: a sentence wrapped over lines
        /// (`共 119 个职` / `业（工种）`) read whole, and a clause counting part of the rows
        /// (`其中急需紧缺` / `职业（工种）46 个`) too.
        func statedInRuns(_ keys: [[Int]], _ text: ([Int]) -> String) -> [[Int]: String] {
            var out: [[Int]: String] = [:]
            var run: [[Int]] = []
            func close() {
                defer { run.removeAll() }
                guard !run.isEmpty, let stated = statedCount(run.map(text).joined()) else { return }
                // (On the line where the count reads: the first whose text so far states it.)
                let at = run.indices.first { statedCount(run[...$0].map(text).joined()) != nil } ?? 0
                out[run[at]] = stated
            }
            for key in keys {
                if let last = run.last, last[0] != key[0] || last[1] + 1 != key[1] { close() }
                run.append(key)
            }
            close()
            return out
        }
        var preambleTexts: [[Int]: String] = [:]
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .preamble {
                preambleTexts[[page.number, line.line]] = Blank.removed(from: line.text)
            }
        }
        let statedBefore = statedInRuns(preambleTexts.keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }) { preambleTexts[$0] ?? "" }
        var title: String?
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                switch roles[p][i] {
                case .title where title == nil:
                    title = FieldNormaliser.text(line.compactText)
                case .preamble:
                    if let stated = statedBefore[[page.number, line.line]] {
                        diagnostics.append(Diagnostic(
                            .error, stated, page: page.number, line: line.line, column: line.fragments.first?.column, excerpt: line.text))
                        continue
                    }
                    diagnostics.append(Diagnostic(
                        .warning, "text before the table is not part of the catalogue",
                        page: page.number, line: line.line, column: line.fragments.first?.column,
                        excerpt: line.text))
                case .otherAttachment:
                    // A numbered line holding a code there is a catalogue row lost (a header printed
                    // over by other text, so that it names nothing): an error, never a quiet skip.
                    // (A code of two segments or more: a bare figure, `8`, is a summary's count.)
                    let row = line.fragments.first.map { RowNumber.parsePointed($0.text) != nil } == true
                        && line.fragments.contains { f in
                            let code = CodeSyntax.normalise(f.text)
                            return code.contains("-") && CodeSyntax.isWellFormed(code)
                        }
                    diagnostics.append(Diagnostic(
                        row ? .error : .warning,
                        row ? "a catalogue row (a number and a code) after a header that names no code and no subsidy: not read"
                            : "a later attachment that is no catalogue table (its header names no code and no subsidy): not read",
                        page: page.number, line: line.line, column: line.fragments.first?.column,
                        excerpt: line.text))
                default:
                    break
                }
            }
        }
        // One diagnostic per line for what could not be placed in a row. Text left after a row's
        // last cell, or a line among the rows that is not one, is data that went nowhere: an
        // error. After the last row (and notes anywhere) it is a warning.
        let lastRow = builder.anchors.map { ($0.page, $0.line) }.max { $0 < $1 }
        let firstRow = builder.anchors.map { ($0.page, $0.line) }.min { $0 < $1 }
        /// True when the entries printed just before and after `f` hold its text in a cell.
        func heldBeside(_ f: Fragment) -> Bool {
            let text = Blank.removed(from: f.text)
            guard !text.isEmpty else { return true }
            let after = builder.anchors.firstIndex { ($0.page, $0.line) > (f.page, f.line) } ?? builder.anchors.count
            return [after - 1, after].contains { i in
                guard builder.entries.indices.contains(i) else { return false }
                let e = builder.entries[i]
                // (An urgency mark, of a row read urgent: a spreadsheet prints a merged cell's
                // mark again below the table, where the page cuts it off.)
                if e.urgent == true, UrgencyMark.read(text) == true { return true }
                return [e.industry ?? "", e.code, e.name, e.training?.text ?? "", e.assessment?.text ?? ""]
                    .contains { Blank.removed(from: $0).contains(text) }
            }
        }
        // A line stating the table's row count (`(127 rows)`, under a database client's table):
        // furniture when the rows read match it, else an error (rows lost or added).
        var unplaced = unplaced
        var lineTexts: OrderedDictionary<[Int], String> = [:]
        // (In reading order: the stages find them in an order that may change from run to run.)
        for u in unplaced.sorted(by: { ($0.fragment.page, $0.fragment.line, $0.fragment.x0) < ($1.fragment.page, $1.fragment.line, $1.fragment.x0) }) {
            lineTexts[[u.fragment.page, u.fragment.line], default: ""] += Blank.removed(from: u.fragment.text)
        }
        // (A sentence before or after the rows that states their count, `共140个职业（工种）`, is
        // checked alike, and kept.)
        let outside = lineTexts.keys.filter { key in
            guard let firstRow, let lastRow else { return false }
            return (key[0], key[1]) < firstRow || (key[0], key[1]) > lastRow
        }
        let statedAround = statedInRuns(outside.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }) { lineTexts[$0] ?? "" }
        for (key, text) in lineTexts {
            if let stated = statedAround[key] {
                diagnostics.append(Diagnostic(.error, stated, page: key[0], line: key[1], excerpt: text))
                continue
            }
            guard let stated = StatedRowCount.count(text) else { continue }
            unplaced.removeAll { [$0.fragment.page, $0.fragment.line] == key }
            if stated != entries.count {
                diagnostics.append(Diagnostic(
                    .error, "the table states \(stated) rows, \(entries.count) were read: rows are missing or added",
                    page: key[0], line: key[1], excerpt: text))
            }
        }
        // Lines of a total (小计 and its counts), which are no row.
        let totals = Set(unplaced.filter { $0.reason.hasPrefix("a total") }.map { [$0.fragment.page, $0.fragment.line] })
        func severity(_ u: UnplacedFragment) -> Diagnostic.Severity {
            if u.reason.hasPrefix("text after the last cell") || u.reason == "text in a column without a header"
                || u.reason.hasPrefix("the table on this page has no")
                || u.reason.hasSuffix("which cell is missing cannot be told") { return .error }
            // A line that is no row but holds a national code, after the rows too: a row's code
            // lost (a column shifted a row down leaves the last code alone on a line).
            if u.reason == "line is not a row of the table",
               u.fragment.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).contains(where: { token in
                   let code = CodeSyntax.normalise(String(token))
                   return code.filter { $0 == "-" }.count >= 3 && CodeSyntax.isWellFormed(code)
               }) { return .error }
            // Text among the rows that went nowhere (a row's industry falling in the 序号 column,
            // which the row above's would then stand in for).
            if u.reason == "line is not a row of the table" || u.reason == "text in the 序号 column is not a row number",
               let lastRow, (u.fragment.page, u.fragment.line) < lastRow { return .error }
            // Text between a table's rows outside every cell of its rules (the rest of a row a
            // page break split, with no rule under it), or too far from every row for the gaps
            // and alignment to place it (a cell's first line, `初级：150 元/人`, over a tall
            // neighbour), or in ruled cells of no numbered row (a row whose number was not
            // read): a row, or part of one, lost.
            // (Not a merged cell's value printed again, which a row beside it holds.)
            if u.reason == "text outside the table's cells" || u.reason == "text outside any row"
                || u.reason == "text in no numbered row",
               let firstRow, let lastRow, (u.fragment.page, u.fragment.line) < lastRow, (u.fragment.page, u.fragment.line) > firstRow,
               !totals.contains([u.fragment.page, u.fragment.line]), !heldBeside(u.fragment) {
                return .error
            }
            return .warning
        }
        var byLine: OrderedDictionary<String, Diagnostic> = [:]
        // In reading order, whatever order the stages found them in (some walk a row's cells,
        // a dictionary whose order changes from run to run): the same excerpts on every run.
        let ordered = unplaced.enumerated().sorted {
            ($0.element.fragment.page, $0.element.fragment.line, $0.element.fragment.x0, $0.element.fragment.text, $0.offset)
                < ($1.element.fragment.page, $1.element.fragment.line, $1.element.fragment.x0, $1.element.fragment.text, $1.offset)
        }.map(\.element)
        for u in ordered {
            let key = "\(u.fragment.page):\(u.fragment.line):\(u.reason)"
            if var d = byLine[key] {
                // Quote the line's fragments up to the excerpt length, not a megabyte of them.
                if let e = d.excerpt, e.unicodeScalars.count < Diagnostic.maxExcerpt {
                    d.excerpt = Diagnostic.shortened(e + " " + u.fragment.text)
                }
                byLine[key] = d
            } else {
                byLine[key] = Diagnostic(
                    severity(u), u.reason, page: u.fragment.page, line: u.fragment.line,
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
        var notice = ParsedNotice(
            format: format, title: title, entries: entries, diagnostics: sorted, pages: pages,
            roles: roles, recovery: nil, rows: rows, encoding: nil)
        notice.columns = columns.catalogueColumns
        notice.tableColumns = tables.map(\.columns.catalogueColumns)
        notice.tables = tables.map {
            Catalogue.Table(label: $0.label, title: $0.title.map(FieldNormaliser.text),
                            columns: tables.count > 1 ? $0.columns.catalogueColumns : nil)
        }
        notice.tableStarts = tables.map { t in
            (t.page, t.page - 1 < pages.count && t.index < pages[t.page - 1].lines.count ? pages[t.page - 1].lines[t.index].line : 0)
        }
        return notice
    }
}
