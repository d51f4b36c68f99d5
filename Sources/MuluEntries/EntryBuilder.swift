import MuluSupport
import MuluModel
import MuluExtract
import MuluTable
/// Stage 5: turns recovered rows into normalised entries, filling merged industry cells down
/// and reporting every cell it cannot read, with its place in the notice.
///
/// Both row readers feed it, row by row, as byte ranges: the delimited reader straight from the
/// notice's bytes through `add(seq:cells:in:)`, the geometric stages through `add(_ row:)`, which
/// lays a row's texts end to end first. Cells that repeat down a catalogue (an industry, a
/// subsidy) are read once and found again by their bytes.
public struct EntryBuilder: RowSink {
    public private(set) var entries: [Entry] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// The column each diagnostic blames (aligned with `diagnostics`; nil: the row as a whole),
    /// so that a column whose cells mostly do not fit it is reported once (`columnFindings`).
    public private(set) var blamed: [TableField?] = []
    /// Per field: how many cells did not have the field's shape.
    public private(set) var misfits = [Int](repeating: 0, count: 7)
    /// Per field: the first few cells that did not fit, as published.
    public private(set) var misfitSamples = [[String]](repeating: [], count: 7)
    /// Where each entry's row number was printed, in entry order.
    public private(set) var anchors: [CellPlace] = []
    /// Whether each entry's industry cell was printed on its own row (not filled down).
    private var industryPrinted: [Bool] = []

    /// The industry filled down to rows whose industry cell is empty (merged).
    private var industry = ""
    /// The table whose industry cell gave ``industry`` (nil: a section heading gave it): a later
    /// table does not inherit it (附件2 without an industry column after 附件1 with one).
    private var industryTable: Int?
    /// True once a row with an industry cell has been added.
    private var sawIndustryCell = false
    /// Rows added before any industry cell (entry index, index of its diagnostic): a builder
    /// that reads the second part of a notice leaves them for `append` to fill from the first.
    /// `mark`: the row's industry cell said "same as above" (`同上`): its error becomes the
    /// warning one read gives.
    private var unfilled: [(entry: Int, diagnostic: Int, mark: String?)] = []
    /// Rows with one subsidy cell where the table has a training and an assessment column and
    /// the blanks do not show which cell is empty (entry index, index of its error):
    /// ``placeUndecidedSubsidies()`` places the cell by the columns' other cells.
    private var undecided: [(entry: Int, diagnostic: Int)] = []
    /// Cells that say "same as above" (`同上`) in this builder's first row, which has no row
    /// above it here (entry index, index of its error, field, the error's words): a builder that
    /// reads a later part of a notice leaves them for `append` to take from the part before.
    private var aboveless: [(entry: Int, diagnostic: Int, field: TableField, label: String, mark: String)] = []
    /// Normalised industries by their cell's bytes: one string for all the rows of an industry.
    private var industries = ByteCache<String>()
    /// Read subsidies by their cell's bytes, one cache per subsidy column.
    private var trainingSubsidies = ByteCache<SubsidyParser.Reading>()
    private var assessmentSubsidies = ByteCache<SubsidyParser.Reading>()
    /// The columns of each table (by `RowCells.table`); a table not listed has the first's.
    public private(set) var columnMaps: [ColumnMap] = [.reference] {
        didSet { shapes = columnMaps.map(TableShape.init) }
    }
    /// What `add` asks of each table's columns, worked out once (not per row).
    private var shapes: [TableShape] = [TableShape(.reference)]

    /// The columns of one table as `add` needs them.
    private struct TableShape: Sendable {
        var industry, code, name, urgent: Bool
        var trainingLevels, assessmentLevels: [Level]
        var extraHeaders: [String]
        /// The subsidy headers that give the unit (`（元/人）`), training then assessment.
        var trainingUnit, assessmentUnit: Bool
        init(_ map: ColumnMap) {
            industry = map.has(.industry)
            code = map.has(.code)
            name = map.has(.name)
            urgent = map.has(.urgent)
            trainingLevels = map.levels(of: .training)
            assessmentLevels = map.levels(of: .assessment)
            extraHeaders = map.extraHeaders
            func unit(_ field: TableField) -> Bool {
                zip(map.kinds, map.headers).contains { $0 == .field(field) && HeaderWords.givesUnit($1) }
            }
            trainingUnit = unit(.training)
            assessmentUnit = unit(.assessment)
        }
    }
    /// Rows marked with a hollow mark (`☆`, `○`, `△`, `□`), one diagnostic each, and the filled
    /// marks (`★`, `●`, `▲`, `■`) seen: a column using a mark and its hollow twin may mean yes
    /// and no by them, so the hollow rows are an error (`columnFindings`); alone, `☆` is a mark.
    private var hollowMarks: [Diagnostic] = []
    private var filledMarks: Set<String> = []
    /// The last row's subsidy cells that could not be read, as published (`continueLastSubsidy`).
    private var lastUnread: [(field: TableField, text: String)] = []
    /// Rows whose urgency cell is `1` or `0`, each with the error it gets if the column also
    /// holds other marks; otherwise the column is a 1/0 column (one warning).
    private var digitUrgency: [Diagnostic] = []
    /// Whether an urgency cell held a mark other than `1`/`0` (`*`, `是`, `否` …).
    private var urgencyMarks = false
    /// True once a row's name carried an urgency mark (`化学检验员*`).
    public private(set) var sawNameMark = false
    /// The urgency mark a code ends with (`5-13-06-12否`, `6-24-03-01★`), when the code before
    /// it is well formed; nil otherwise.
    static func urgencyAfterCode(_ code: String) -> String? {
        for length in [1, 2] where code.count > length {
            let mark = String(code.suffix(length))
            // (Not a dash, `6-24-03-01-` cut before its last segment, nor a `*` work type.)
            guard !mark.unicodeScalars.contains(where: { $0.isASCII || CodeSyntax.isDash($0) || CodeSyntax.isAsterisk($0) }),
                  UrgencyMark.read(mark) != nil,
                  CodeSyntax.isWellFormed(String(code.dropLast(length))) else { continue }
            return mark
        }
        return nil
    }

    /// How many rows have text in the urgency column (none, with the column there: its cells lost?).
    public private(set) var filledUrgencyCells = 0
    /// True when some row's one subsidy cell held both subsidies after their labels
    /// (`培训：…；评价：…`): the table's one subsidy column gives both.
    public private(set) var sawLabelledPair = false
    /// The urgency the last heading grouping rows by urgency gave (nil: no such heading yet).
    public private(set) var headingUrgent: Bool?
    /// Rows added before any heading grouping by urgency, in a table without an urgency column
    /// (a heading in an earlier part of the notice may give them theirs, see `append`).
    private var beforeUrgencyHeading: [Int] = []

    public init(expectedRows: Int = 0, columnMaps: [ColumnMap] = [.reference]) {
        assert(TableField.allCases.count == 7, "Cells holds one slot per TableField")
        entries.reserveCapacity(expectedRows)
        anchors.reserveCapacity(expectedRows)
        self.columnMaps = columnMaps.isEmpty ? [.reference] : columnMaps
        shapes = self.columnMaps.map(TableShape.init)
    }

    /// A section heading (`一、制造业` on a line of its own): the industry of the rows below it.
    public mutating func section(_ heading: String) {
        // A heading grouping rows by urgency (`一、急需紧缺职业（工种）`) is no industry.
        if let urgent = SectionHeading.urgency(heading, urgencyHeadings: headingUrgent != nil) {
            headingUrgent = urgent
            return
        }
        // The end of the industry above printed again atop a page (`型显示产业` under rows of
        // `电子信息和新型显示产业`: a spreadsheet's merged cell run on over a page break, its text
        // set over the repeated header): no new section.
        if industry.count > heading.count, industry.hasSuffix(heading) { return }
        industry = heading
        industryTable = nil
        sawIndustryCell = true
    }

    /// Adds a row recovered by the table stages: its cells' texts laid end to end in one buffer.
    /// The cells of extra columns go under the extra headers of the table's columns; one whose
    /// header is not among them is an error (its text would be lost).
    public mutating func add(_ row: RowRecord) {
        if let heading = row.section { section(heading) }
        var buffer: [UInt8] = []
        var cells = RowCells(anchor: CellPlace(row.anchor))
        cells.table = row.table
        for field in TableField.allCases where field != .seq {
            let start = buffer.count
            buffer.append(contentsOf: row.text(field).utf8)
            cells[field] = start..<buffer.count
            cells.setPlace(field, row.cells[field]?.first.map(CellPlace.init))
        }
        // The columns of the row's own table (a later table may have other extra columns and
        // level sub-columns than the first).
        let t = min(row.table, columnMaps.count - 1)
        let headers = shapes[min(row.table, shapes.count - 1)].extraHeaders
        for (i, header) in headers.enumerated() {
            let start = buffer.count
            buffer.append(contentsOf: row.text(extra: header).utf8)
            cells[extra: i] = start..<buffer.count
        }
        // Level sub-columns, read by the rules under `RowRecord.levelKey`.
        for field in [TableField.training, .assessment] {
            for level in columnMaps[t].levels(of: field) {
                let start = buffer.count
                buffer.append(contentsOf: row.text(extra: RowRecord.levelKey(field, level)).utf8)
                cells[field, level] = start..<buffer.count
                if cells.place(field) == nil { cells.setPlace(field, row.extras[RowRecord.levelKey(field, level)]?.first.map(CellPlace.init)) }
            }
        }
        buffer.withUnsafeBufferPointer { add(seq: row.seq, cells: cells, in: $0) }
        let levelKeys = [TableField.training, .assessment].flatMap { f in columnMaps[t].levels(of: f).map { RowRecord.levelKey(f, $0) } }
        let known = Set(headers.map { Blank.removed(from: $0) } + levelKeys)
        for (header, fragments) in row.extras.sorted(by: { $0.key < $1.key }) where !known.contains(header) {
            guard let first = fragments.first else { continue }
            diagnostics.append(Diagnostic(
                .error, "row \(row.seq): text in a column without a header: `\(header)` is not among the header cells read",
                page: first.page, line: first.line, excerpt: RowRecord.text(fragments), seq: row.seq))
            blamed.append(nil)
        }
    }

    /// Adds a row whose cells are byte ranges of `bytes` (UTF-8).
    public mutating func add(seq: Int, cells: RowCells, in bytes: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func slice(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[r])
        }
        func report(_ severity: Diagnostic.Severity, _ message: String, _ field: TableField?, misfit: Bool = false) {
            let at = field.flatMap { cells.place($0) } ?? cells.anchor
            let excerpt = field.map { Self.excerpt(bytes, cells[$0]) } ?? String(seq)
            diagnostics.append(Diagnostic(
                severity, message, page: at.page, line: at.line, column: at.column,
                excerpt: excerpt.isEmpty ? nil : excerpt, seq: seq))
            blamed.append(misfit ? field : nil)
            if misfit, let field {
                misfits[field.rawValue] += 1
                if misfitSamples[field.rawValue].count < 3 { misfitSamples[field.rawValue].append(excerpt) }
            }
        }
        // A spreadsheet's error value (`#REF!`) in a cell: the value is lost.
        for field in TableField.allCases where field != .seq {
            if let error = SpreadsheetError.find(slice(cells[field])) {
                report(.error, "row \(seq): the \(field) cell holds the spreadsheet error `\(error)`: its value was lost before it was published", field)
            }
        }
        let map = cells.table < shapes.count ? shapes[cells.table] : shapes[0]
        let hasIndustryColumn = map.industry
        if let t = industryTable, t != cells.table {
            industry = ""
            industryTable = nil
        }
        var rowIndustry: String?
        let sameIndustry = !cells[.industry].isEmpty && SameAsAbove.isMark(slice(cells[.industry]))
        if sameIndustry, !industry.isEmpty {
            // `同上`: the industry of the row above, as a merged cell gives it.
            report(.warning, "row \(seq): industry `\(Self.excerpt(bytes, cells[.industry]))` (same as above) read as the row above's: `\(industry)`", .industry)
            rowIndustry = industry
        } else if sameIndustry {
            if !sawIndustryCell { unfilled.append((entries.count, diagnostics.count, Self.excerpt(bytes, cells[.industry]))) }
            report(.error, "row \(seq) has no industry (`同上`, same as above), and no row above gives one", .industry)
        } else if !cells[.industry].isEmpty {
            let cell = slice(cells[.industry])
            industry = industries.value(cell) { FieldNormaliser.text(cell) }
            industryTable = cells.table
            sawIndustryCell = true
            if Self.holdsFigures(cell) {
                report(.error, "row \(seq): the industry cell holds figures (a code or an amount): columns read wrongly?",
                       .industry, misfit: true)
            } else if let once = PrintedTwice.once(industry) {
                // Two rows' cells taken into one (`制造业制造业`): the neighbour's is lost.
                report(.error, "row \(seq): industry `\(industry)` is `\(once)` twice: a neighbouring row's cell read into this one?", .industry)
            }
            rowIndustry = industry
        } else if !industry.isEmpty {
            rowIndustry = industry
        } else if hasIndustryColumn {
            if !sawIndustryCell { unfilled.append((entries.count, diagnostics.count, nil)) }
            report(.error, "row \(seq) has no industry, and no row above gives one", nil)
        } else if !sawIndustryCell {
            // No industry column: a section heading in a later part may give it (see `append`).
            unfilled.append((entries.count, -1, nil))
        }
        let codeCell = slice(cells[.code])
        var code = CodeSyntax.normalise(codeCell)
        // A column of names and codes together (`职业（工种）名称及代码`: `化学检验员（6-31-03-01）`)
        // where the table has no name column: the code and the name apart.
        var nameWithCode: String?
        if !map.name, !code.isEmpty, !CodeSyntax.isWellFormed(code),
           let apart = CodeSyntax.splitFromName(FieldNormaliser.text(codeCell)) {
            code = apart.code
            nameWithCode = apart.name
        }
        if !code.isEmpty, !CodeSyntax.isWellFormed(code), let marked = CodeSyntax.splittingClassificationMark(code) {
            report(.warning, "row \(seq): `\(marked.mark)` after the code `\(marked.code)` is a classification mark "
                   + "(S digital, L green occupation; △ new), not part of the code; it is not kept", .code)
            code = marked.code
        }
        if code.isEmpty {
            if map.code { report(.warning, "row \(seq) has no code", nil, misfit: false) }
        } else if CodeSyntax.holdsTwoCodes(code) {
            report(.error, "row \(seq): code `\(code)` is two codes run together: two rows read as one?", .code, misfit: true)
        } else if !CodeSyntax.isWellFormed(code), let mark = Self.urgencyAfterCode(code) {
            // (`5-13-06-12否`: the urgency column's mark run into the code's, laid out too close.)
            report(.error, "row \(seq): code `\(code)` ends with the urgency mark `\(mark)`: two columns run together", .code, misfit: true)
        } else if !CodeSyntax.isWellFormed(code) {
            report(.warning, "row \(seq): code `\(code)` is not a national classification code; kept as published", .code,
                   misfit: !CodeSyntax.isOtherCode(code))
        }
        var name = nameWithCode ?? FieldNormaliser.text(slice(cells[.name]))
        var nameMark = false
        while let last = name.unicodeScalars.last, UrgencyMark.isNameMark(last) || UrgencyMark.endsWithBracketedMark(name) {
            name.unicodeScalars.removeLast(UrgencyMark.isNameMark(last) ? 1 : 3)
            nameMark = true
        }
        // Or before it (`★化学检验员`, `* 化学检验员`).
        while let first = name.unicodeScalars.first, UrgencyMark.isNameMark(first) || (nameMark && Blank.isBlank(first)) {
            name.unicodeScalars.removeFirst()
            nameMark = true
        }
        if nameMark { sawNameMark = true }
        // A revision notice's remark after the name (`电工（新增）`).
        if let plain = OccupationName.withoutRevisionRemark(name) {
            report(.warning, "row \(seq): `\(plain.remark)` after the name `\(plain.name)` is a revision remark, not part of the name; it is not kept", .name)
            name = plain.name
        }
        if name.isEmpty {
            report(.error, "row \(seq) has no name", nil)
        } else if nameMark ? Self.holdsFiguresOrSubsidy(name) : Self.holdsFiguresOrSubsidy(slice(cells[.name])) {
            report(.error, "row \(seq): the name `\(name)` holds figures (a code or an amount): columns read wrongly?",
                   .name, misfit: true)
        } else if name.utf8.contains(0x22) {  // (bytes: Foundation's `contains` on a String costs a tenth of the parse)
            // No occupation's name holds a straight double quote: a CSV cell's quote never closed
            // (the rest of the row, or of the file, read into one cell).
            report(.error, "row \(seq): the name `\(name)` holds a double quote: a quoted cell not closed?", .name, misfit: true)
        } else if OccupationName.looksCutShort(name) {
            report(.warning, "row \(seq): name `\(name)` looks cut short (names end in 工, 员, 师 …)", .name)
        }
        /// The value of the row above (in this table) for a cell that says "same as above".
        func sameAsAbove<T>(_ field: TableField, _ label: String, _ value: (Entry) -> T?) -> T? {
            let mark = Self.excerpt(bytes, cells[field])
            guard let above = entries.last, above.table == cells.table else {
                if entries.isEmpty { aboveless.append((entries.count, diagnostics.count, field, label, mark)) }
                report(.error, "row \(seq): \(label) `\(mark)` (same as above), and no row above gives one", field)
                return nil
            }
            let v = value(above)
            report(.warning, "row \(seq): \(label) `\(mark)` (same as above) read as the row above's (row \(above.seq))", field)
            return v
        }
        // One cell holding both subsidies after their labels (`培训：…；评价：…`), the other
        // subsidy's cell empty or absent: each read from its piece.
        var pair: (training: String, assessment: String)?
        if map.trainingLevels.isEmpty, map.assessmentLevels.isEmpty, cells[.training].isEmpty != cells[.assessment].isEmpty {
            let cell = slice(cells[.training].isEmpty ? cells[.assessment] : cells[.training])
            if SubsidyLabel.mayHoldBoth(cell) { pair = SubsidyLabel.split(String(decoding: cell, as: UTF8.self)) }
            if pair != nil { sawLabelledPair = true }
        }
        func readSubsidy(_ field: TableField, _ label: String) -> Subsidy? {
            let levels = field == .training ? map.trainingLevels : map.assessmentLevels
            let reading: SubsidyParser.Reading
            if let pair {
                reading = SubsidyParser.read(field == .training ? pair.training : pair.assessment,
                                             unitInHeader: !cells[field].isEmpty && (field == .training ? map.trainingUnit : map.assessmentUnit))
            } else if !levels.isEmpty {
                // Text under the subsidy's header but under none of its level columns (a level
                // header not parted by the rules): its levels cannot be told, and it is not lost.
                if !cells[field].isEmpty, levels.allSatisfy({ cells[field, $0].isEmpty }) {
                    report(.error, "row \(seq): the \(label) subsidy `\(Self.excerpt(bytes, cells[field]))` stands under none of its level columns: which level each amount is cannot be told", field)
                    return nil
                }
                reading = SubsidyParser.fromLevelCells(levels.map { l in
                    (l, String(decoding: slice(cells[field, l]), as: UTF8.self))
                })
            } else {
                let cell = slice(cells[field])
                if cell.isEmpty { return nil }
                if SameAsAbove.isMark(cell) { return sameAsAbove(field, label) { field == .training ? $0.training : $0.assessment } }
                let cached = field == .training
                    ? trainingSubsidies.value(cell) { SubsidyParser.read(String(decoding: cell, as: UTF8.self)) }
                    : assessmentSubsidies.value(cell) { SubsidyParser.read(String(decoding: cell, as: UTF8.self)) }
                // Amounts without their unit, which the column's header gives.
                if cached == .unreadable, field == .training ? map.trainingUnit : map.assessmentUnit {
                    reading = SubsidyParser.read(String(decoding: cell, as: UTF8.self), unitInHeader: true)
                } else {
                    reading = cached
                }
            }
            switch reading {
            case .none: return nil
            case .subsidy(var s):
                // A bare amount whose levels a column of their own gives (`补贴等级`: `初级、中级`).
                if s.levels.isEmpty, s.amountYuan != nil, let i = Self.levelColumn(of: field, in: map.extraHeaders),
                   let levelled = SubsidyParser.withLevels(s, levelText: String(decoding: slice(cells[extra: i]), as: UTF8.self)) {
                    s = levelled
                }
                if let clause = SubsidyParser.clause(of: s), clause.contains(where: \.isASCIIDigit) {
                    report(.warning, "row \(seq): \(label) subsidy `\(s.text)`: the clause `\(clause)` after the amounts is kept as a note; its amount is not read", field)
                }
                return s
            case .unreadable:
                report(.error, "row \(seq): cannot read the \(label) subsidy",
                       pair == nil ? (levels.isEmpty ? field : nil) : (cells[.training].isEmpty ? .assessment : .training), misfit: pair == nil)
                if levels.isEmpty, pair == nil { lastUnread.append((field, String(decoding: slice(cells[field]), as: UTF8.self))) }
                return nil
            }
        }
        if let field = cells.unplacedBlank {
            if map.trainingLevels.isEmpty, map.assessmentLevels.isEmpty, cells[.training].isEmpty != cells[.assessment].isEmpty {
                undecided.append((entries.count, diagnostics.count))
            }
            report(.error, "row \(seq): fewer \(field == .training ? "training" : "assessment") subsidy cells than columns, "
                   + "and the blanks do not show which cell is empty (write — in an empty cell)", field)
        }
        lastUnread.removeAll(keepingCapacity: true)
        let training = readSubsidy(.training, "training")
        let assessment = readSubsidy(.assessment, "assessment")
        var urgent: Bool?
        if map.urgent {
            let urgentCell = slice(cells[.urgent])
            if !urgentCell.isEmpty { filledUrgencyCells += 1 }
            // `1`/`0`, as a spreadsheet's yes/no column is often typed: read once the column is
            // known to hold nothing else (`digitUrgency`, in `columnFindings`).
            let digit = urgentCell.count == 1 && (urgentCell[0] == 0x30 || urgentCell[0] == 0x31)
            urgent = SameAsAbove.isMark(urgentCell) ? sameAsAbove(.urgent, "urgency") { $0.urgent }
                : urgentCell.isEmpty ? false
                : urgentCell.count == 1 && urgentCell[0] == 0x2A ? true
                : digit ? urgentCell[0] == 0x31
                : UrgencyMark.read(urgentCell)
            if digit {
                let at = cells.place(.urgent) ?? cells.anchor
                let text = urgentCell[0] == 0x31 ? "1" : "0"
                digitUrgency.append(Diagnostic(
                    .error, "row \(seq): urgency `\(text)` in a column that also holds marks: whether `1` means urgent cannot be told",
                    page: at.page, line: at.line, column: at.column, excerpt: text, seq: seq))
            } else if urgent != nil, !urgentCell.isEmpty, !SameAsAbove.isMark(urgentCell) {
                urgencyMarks = true
            }
            if urgentCell.count == 3, urgent != nil, let mark = UrgencyMark.filledOrHollow(urgentCell) {
                if mark.hollow {
                    let at = cells.place(.urgent) ?? cells.anchor
                    hollowMarks.append(Diagnostic(
                        .error, "row \(seq): urgency `\(mark.text)` in a column that also uses `\(mark.twin)`: "
                            + "a hollow mark beside its filled twin may mean not urgent; cannot tell",
                        page: at.page, line: at.line, column: at.column, excerpt: mark.text, seq: seq))
                } else {
                    filledMarks.insert(mark.text)
                }
            }
            if urgent == nil, !SameAsAbove.isMark(urgentCell) {
                report(.error, "row \(seq): cannot read the urgency mark", .urgent, misfit: true)
            } else if urgent == true, urgentCell.count >= 6, case let text = String(decoding: urgentCell, as: UTF8.self), UrgencyMark.isHedged(text) {
                report(.warning, "row \(seq): urgency `\(Self.excerpt(bytes, cells[.urgent]))` read as urgent: a need graded down (较…) may not be meant as urgent", .urgent)
            } else if urgentCell.count > 3, let remark = UrgencyMark.remark(String(decoding: urgentCell, as: UTF8.self)) {
                report(.warning, "row \(seq): urgency `\(Self.excerpt(bytes, cells[.urgent]))` read as \(urgent == true ? "urgent" : "not urgent"); its remark `\(remark)` is not kept", .urgent)
            }
        }
        if nameMark { urgent = true }
        if !map.urgent, !nameMark {
            if let h = headingUrgent { urgent = h } else { beforeUrgencyHeading.append(entries.count) }
        }
        var extra: [String: String] = [:]
        if case let headers = map.extraHeaders, !headers.isEmpty {  // no copy: an array is shared
            for (i, header) in headers.enumerated() where !cells[extra: i].isEmpty {
                let cell = slice(cells[extra: i])
                extra[header] = cells.byTabs ? FieldNormaliser.publishedText(cell) : FieldNormaliser.text(cell)
            }
        }
        entries.append(Entry(
            seq: seq, table: cells.table, industry: rowIndustry, code: code, name: name,
            training: training, assessment: assessment, urgent: urgent, extra: extra))
        anchors.append(cells.anchor)
        industryPrinted.append(!cells[.industry].isEmpty && !sameIndustry)
    }

    /// True for the header of a column naming levels (`补贴等级`, `培训等级`, `职业技能等级`): the
    /// levels a row's bare amounts pay for (a subsidy that names its own levels keeps them).
    static func isLevelColumn(_ header: String) -> Bool {
        header.hasSuffix("等级")
    }

    /// The extra column naming the levels `field`'s bare amounts pay for: the one whose header
    /// names that subsidy (`培训等级` for training, `鉴定等级` or `评价等级` for assessment); else
    /// one naming no subsidy (`补贴等级`); else the notice's only level column, whichever subsidy
    /// it names (one `培训等级` column serves both). Nil when none fits.
    static func levelColumn(of field: TableField, in headers: [String]) -> Int? {
        let columns = headers.indices.filter { isLevelColumn(headers[$0]) }
        func isAssessment(_ h: String) -> Bool { h.contains(utf8: "鉴定") || h.contains(utf8: "评价") }
        func isTraining(_ h: String) -> Bool { h.contains(utf8: "培训") && !isAssessment(h) }
        if let own = columns.first(where: { field == .training ? isTraining(headers[$0]) : isAssessment(headers[$0]) }) { return own }
        if let neutral = columns.first(where: { !isTraining(headers[$0]) && !isAssessment(headers[$0]) }) { return neutral }
        return columns.count == 1 ? columns[0] : nil
    }

    /// The wrapped rest of the last row's industry (text ending in 业) or name, printed on the
    /// next line of a text notice: joined to it, and the name checked again.
    ///
    /// The piece goes to the industry when it ends like one (`…业`) or completes an industry
    /// another row gives; to the name when the name looks cut short or the piece ends like a
    /// name; otherwise where it belongs cannot be told, and that is an error. An urgency mark
    /// after the wrapped name (`制造工*`) is read as on the row's own line.
    /// Takes back the last row `i`'s diagnostic that `matches` (its cell completed since).
    mutating func retract(row i: Int, _ matches: (Diagnostic) -> Bool) {
        let seq = entries[i].seq
        guard let d = diagnostics.lastIndex(where: { $0.seq == seq && $0.line == anchors[i].line && matches($0) }) else { return }
        diagnostics.remove(at: d)
        if let field = blamed.remove(at: d) { misfits[field.rawValue] -= 1 }
        for k in unfilled.indices where unfilled[k].diagnostic > d { unfilled[k].diagnostic -= 1 }
        for k in aboveless.indices where aboveless[k].diagnostic > d { aboveless[k].diagnostic -= 1 }
        for k in undecided.indices where undecided[k].diagnostic > d { undecided[k].diagnostic -= 1 }
    }

    /// The last segment of the last row's code, cut after its dash and printed alone on the next
    /// line (`6-24-03-01-` then `04`).
    public mutating func continueLastCode(_ piece: String) {
        guard let i = entries.indices.last, entries[i].code.hasSuffix("-") else { return }
        let cut = entries[i].code
        entries[i].code += piece
        retract(row: i) { $0.message.contains("code `\(cut)` is not a national classification code") }
        if !CodeSyntax.isWellFormed(entries[i].code) {
            diagnostics.append(Diagnostic(
                .warning, "row \(entries[i].seq): code `\(entries[i].code)` is not a national classification code; kept as published",
                page: anchors[i].page, line: anchors[i].line, excerpt: entries[i].code, seq: entries[i].seq))
            blamed.append(nil)
        }
    }

    public mutating func continueLastSubsidy(_ unit: String) -> Bool {
        guard let i = entries.indices.last else { return false }
        let cut = lastUnread.filter { $0.text.last.map { $0.isASCII && $0.isNumber } ?? false }
        guard cut.count == 1, let (field, text) = cut.first,
              case .subsidy(let subsidy) = SubsidyParser.read(text + unit) else { return false }
        let label = field == .training ? "training" : "assessment"
        if field == .training { entries[i].training = subsidy } else { entries[i].assessment = subsidy }
        let message = "row \(entries[i].seq): cannot read the \(label) subsidy"
        retract(row: i) { $0.message == message }
        lastUnread.removeAll()
        return true
    }

    public mutating func continueLastRow(_ piece: String) {
        guard let i = entries.indices.last else { return }
        var piece = piece
        var nameMark = false
        while let last = piece.unicodeScalars.last, UrgencyMark.isNameMark(last) {
            piece.unicodeScalars.removeLast()
            nameMark = true
        }
        if nameMark {
            entries[i].urgent = true
            sawNameMark = true
        }
        let industryText = entries[i].industry
        let completesIndustry = industryText.map { text in
            piece.hasSuffix("业") || entries.contains { $0.industry == text + piece }
        } ?? false
        if completesIndustry, let industryText {
            let joined = industryText + piece
            entries[i].industry = joined
            industry = joined
            return
        }
        let endsLikeName = piece.unicodeScalars.last.map(OccupationName.isNameEnding) ?? false
        guard OccupationName.looksCutShort(entries[i].name) || endsLikeName else {
            diagnostics.append(Diagnostic(
                .error, "row \(entries[i].seq): the line below it (`\(piece)`) is the rest of its name or of its industry: cannot tell which",
                page: anchors[i].page, line: anchors[i].line, excerpt: piece, seq: entries[i].seq))
            blamed.append(nil)
            return
        }
        entries[i].name += piece
        let seq = entries[i].seq
        // This row's warning (a row number may repeat: another table's row 2 keeps its own).
        retract(row: i) { $0.message.contains("looks cut short") }
        if OccupationName.looksCutShort(entries[i].name) {
            diagnostics.append(Diagnostic(
                .warning, "row \(seq): name `\(entries[i].name)` looks cut short (names end in 工, 员, 师 …)",
                page: anchors[i].page, line: anchors[i].line, excerpt: entries[i].name, seq: seq))
            blamed.append(nil)
        }
    }

    /// ``holdsFigures(_:)``, or a subsidy in words: a final `费用` (`按实际发生费用`).
    static func holdsFiguresOrSubsidy(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { holdsFiguresOrSubsidy($0) }
    }

    static func holdsFiguresOrSubsidy(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if holdsFigures(cell) { return true }
        // 费用: E8 B4 B9 E7 94 A8
        return cell.count >= 6 && Array(cell.suffix(6)) == [0xE8, 0xB4, 0xB9, 0xE7, 0x94, 0xA8]
    }

    /// True when a free-text cell holds a code (digits, a segment separator, digits: `6-31`,
    /// `6.31`) or an amount (digits then `元`): text that belongs in a code or amount column. Digits
    /// alone are not (`3D打印`, a catalogue's own numbering inside a name).
    static func holdsFigures(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = cell.count
        while i < n {
            guard cell[i] >= 0x30 && cell[i] <= 0x39 else { i += 1; continue }
            while i < n, cell[i] >= 0x30 && cell[i] <= 0x39 { i += 1 }
            guard i < n else { return false }
            let b = cell[i]
            if (b == 0x2D || b == 0x2E || b == 0x5F), i + 1 < n, cell[i + 1] >= 0x30 && cell[i + 1] <= 0x39 { return true }
            if b == 0xE5, i + 2 < n, cell[i + 1] == 0x85, cell[i + 2] == 0x83 { return true }  // 元
        }
        return false
    }

    /// Column findings: a field whose cells mostly did not fit it (more than half of at least
    /// three rows) gets one error naming the column and what its cells look like, instead of one
    /// per row; the per-row diagnostics that blamed it are dropped.
    public func columnFindings(columns: ColumnMap) -> (drop: Set<Int>, errors: [Diagnostic]) {
        var drop = Set<Int>()
        var errors: [Diagnostic] = []
        let rows = entries.count
        for field in TableField.allCases where rows >= 3 && misfits[field.rawValue] * 2 > rows {
            for (i, b) in blamed.enumerated() where b == field { drop.insert(i) }
            let header = zip(columns.kinds, columns.headers).first { $0.0 == .field(field) }?.1 ?? field.label
            let what: String = switch field {
            case .code: "codes"
            case .training, .assessment: "subsidies"
            case .urgent: "urgency marks"
            default: "\(field.name) cells (they hold figures)"
            }
            let samples = misfitSamples[field.rawValue].map { "`\($0)`" }.joined(separator: ", ")
            errors.append(Diagnostic(
                .error,
                "column `\(header)` (\(field.name)): \(misfits[field.rawValue]) of \(rows) cells are not \(what), e.g. \(samples): the columns were mapped wrongly",
                excerpt: misfitSamples[field.rawValue].first))
        }
        errors += Self.swappedSubsidies(entries, columns: columns)
        errors += Self.namesLikeIndustries(entries, columns: columns)
        errors += hollowMarks.filter { d in
            UrgencyMark.hollowPairs.contains { $0.hollow == d.excerpt && filledMarks.contains($0.filled) }
        }
        if urgencyMarks {
            errors += digitUrgency
        } else if !digitUrgency.isEmpty {
            let ones = digitUrgency.filter { $0.excerpt == "1" }.count
            errors.append(Diagnostic(
                .warning, "the urgency column is written 1/0: `1` read as urgent (\(ones) rows), `0` as not urgent (\(digitUrgency.count - ones) rows)",
                excerpt: digitUrgency.first?.excerpt))
        }
        return (drop, errors)
    }

    /// An error when the training column's amounts are below the assessment column's in at
    /// least four in five of the (ten or more) rows with both: a training course costs more than
    /// the assessment after it, so the two columns' headers are most likely swapped.
    static func swappedSubsidies(_ entries: [Entry], columns: ColumnMap) -> [Diagnostic] {
        var both = 0, below = 0
        var sample: (Int, Int)?
        // (The first 2,000 rows with both say it: a catalogue's columns do not change their
        // meaning further down, and a quarter of a million rows are not walked again.)
        for e in entries where both < 2000 {
            guard let training = e.training, let assessment = e.assessment, !training.amounts.isEmpty, !assessment.amounts.isEmpty
            else { continue }
            var t = Int.min, a = Int.max
            for x in training.amounts { t = max(t, x.amountYuan) }
            for x in assessment.amounts { a = min(a, x.amountYuan) }
            both += 1
            if t < a {
                below += 1
                if sample == nil { sample = (t, a) }
            }
        }
        guard both >= 10, below * 5 >= both * 4, let sample else { return [] }
        func header(_ field: TableField) -> String {
            zip(columns.kinds, columns.headers).first { $0.0 == .field(field) }?.1 ?? field.label
        }
        return [Diagnostic(
            .error,
            "column `\(header(.training))` (training) holds smaller amounts than column `\(header(.assessment))` (assessment) in \(below) of \(both) rows (e.g. \(sample.0) and \(sample.1) yuan): a training subsidy is larger than an assessment's, so the two headers are most likely swapped")]
    }

    /// An error when the names (of ten or more rows) repeat as industries do, a few values over
    /// many rows, while the industry column's values are nearly all different, as names are:
    /// the two columns' headers are most likely swapped.
    static func namesLikeIndustries(_ entries: [Entry], columns: ColumnMap) -> [Diagnostic] {
        // (The first 400 rows say it.)
        let rows = entries.prefix(400)
        guard rows.count >= 10 else { return [] }
        let names = Set(rows.map(\.name)), industries = Set(rows.compactMap(\.industry))
        guard names.count * 4 < rows.count, industries.count * 2 > rows.count, let sample = rows.first else { return [] }
        let header = zip(columns.kinds, columns.headers).first { $0.0 == .field(.name) }?.1 ?? TableField.name.label
        return [Diagnostic(
            .error,
            "column `\(header)` (name): \(names.count) different values in \(rows.count) rows (e.g. `\(sample.name)`), while the industry column has \(industries.count) (e.g. `\(sample.industry ?? "")`): the columns were mapped wrongly")]
    }

    /// Adds the rows `next` built from the part of the notice that follows this one's: its
    /// first rows without an industry cell take the industry this part ends with. Its entries
    /// are moved, not copied (`next` is left without them).
    public mutating func append(_ next: inout EntryBuilder) {
        // `同上` in the next part's first row: the value of this part's last row, as one read
        // would have given it.
        if let above = entries.last {
            for u in next.aboveless where next.entries[u.entry].table == above.table {
                switch u.field {
                case .training: next.entries[u.entry].training = above.training
                case .assessment: next.entries[u.entry].assessment = above.assessment
                default: next.entries[u.entry].urgent = above.urgent
                }
                next.diagnostics[u.diagnostic].severity = .warning
                next.diagnostics[u.diagnostic].message = "row \(next.entries[u.entry].seq): \(u.label) `\(u.mark)` "
                    + "(same as above) read as the row above's (row \(above.seq))"
            }
            next.aboveless = []
        }
        let entryBase = entries.count, diagnosticBase = diagnostics.count
        // (The industry goes on only in its own table: a later table's rows start without one,
        // as reading in one part gives them.)
        if let t = industryTable { next.unfilled.removeAll { next.entries[$0.entry].table != t } }
        if entries.isEmpty, industry.isEmpty || next.unfilled.isEmpty {
            aboveless += next.aboveless.map { ($0.entry + entryBase, $0.diagnostic + diagnosticBase, $0.field, $0.label, $0.mark) }
        }
        entries.appendMoving(&next.entries, placeholder: Self.placeholder)
        anchors += next.anchors
        industryPrinted += next.industryPrinted
        for f in misfits.indices {
            misfits[f] += next.misfits[f]
            misfitSamples[f] = Array((misfitSamples[f] + next.misfitSamples[f]).prefix(3))
        }
        sawNameMark = sawNameMark || next.sawNameMark
        filledUrgencyCells += next.filledUrgencyCells
        sawLabelledPair = sawLabelledPair || next.sawLabelledPair
        hollowMarks += next.hollowMarks
        filledMarks.formUnion(next.filledMarks)
        digitUrgency += next.digitUrgency
        urgencyMarks = urgencyMarks || next.urgencyMarks
        if !industry.isEmpty && !next.unfilled.isEmpty {
            for u in next.unfilled { entries[entryBase + u.entry].industry = industry }
            for u in next.unfilled where u.diagnostic >= 0 {
                guard let mark = u.mark else { continue }
                next.diagnostics[u.diagnostic].severity = .warning
                next.diagnostics[u.diagnostic].message = "row \(entries[entryBase + u.entry].seq): industry `\(mark)` "
                    + "(same as above) read as the row above's: `\(industry)`"
            }
            let filled = Set(next.unfilled.filter { $0.mark == nil }.map(\.diagnostic))
            let kept = next.diagnostics.indices.filter { !filled.contains($0) }
            var moved: [Int: Int] = [:]
            for (k, d) in kept.enumerated() { moved[d] = diagnosticBase + k }
            undecided += next.undecided.compactMap { u in moved[u.diagnostic].map { (u.entry + entryBase, $0) } }
            diagnostics += kept.map { next.diagnostics[$0] }
            blamed += kept.map { next.blamed[$0] }
        } else {
            undecided += next.undecided.map { ($0.entry + entryBase, $0.diagnostic + diagnosticBase) }
            if !sawIndustryCell {
                unfilled += next.unfilled.map { ($0.entry + entryBase, $0.diagnostic < 0 ? -1 : $0.diagnostic + diagnosticBase, $0.mark) }
            }
            diagnostics += next.diagnostics
            blamed += next.blamed
        }
        if let h = headingUrgent {
            for i in next.beforeUrgencyHeading { entries[entryBase + i].urgent = h }
        } else {
            beforeUrgencyHeading += next.beforeUrgencyHeading.map { $0 + entryBase }
        }
        if next.headingUrgent != nil { headingUrgent = next.headingUrgent }
        if next.sawIndustryCell {
            industry = next.industry
            industryTable = next.industryTable
        }
        sawIndustryCell = sawIndustryCell || next.sawIndustryCell
    }

    /// Places the one subsidy cell of each row whose blanks do not show which of its two subsidy
    /// cells is empty (`绝缘材料制造工 初级或中级：160元/人 *` under 培训补贴 and 鉴定补贴, one
    /// blank between every cell) by the columns' other cells in its table: when the same
    /// subsidy stands in one column of at least two other rows and in no row of the other
    /// column, it is that column's cell, and the row's error becomes a warning naming the row and
    /// the cell. Otherwise the error stays: which cell is empty cannot be told.
    public mutating func placeUndecidedSubsidies() {
        guard !undecided.isEmpty else { return }
        let rows = Set(undecided.map(\.entry))
        var seen: [Int: (training: [Subsidy: Int], assessment: [Subsidy: Int])] = [:]
        for (i, e) in entries.enumerated() where !rows.contains(i) {
            if let t = e.training { seen[e.table, default: ([:], [:])].training[t, default: 0] += 1 }
            if let a = e.assessment { seen[e.table, default: ([:], [:])].assessment[a, default: 0] += 1 }
        }
        for u in undecided {
            let e = entries[u.entry]
            guard let cell = e.training ?? e.assessment, (e.training == nil) != (e.assessment == nil),
                  let columns = seen[e.table] else { continue }
            let inTraining = columns.training[cell] ?? 0, inAssessment = columns.assessment[cell] ?? 0
            guard min(inTraining, inAssessment) == 0, max(inTraining, inAssessment) >= 2 else { continue }
            let training = inTraining > 0
            entries[u.entry].training = training ? cell : nil
            entries[u.entry].assessment = training ? nil : cell
            var d = diagnostics[u.diagnostic]
            d.severity = .warning
            d.message = "row \(e.seq): one of its two subsidy cells is empty and the blanks do not show which; "
                + "`\(cell.text)` is read as its \(training ? "training" : "assessment") subsidy, as in "
                + "\(max(inTraining, inAssessment)) other rows of that column and none of the other "
                + "(its \(training ? "assessment" : "training") subsidy is null)"
            diagnostics[u.diagnostic] = d
        }
        undecided = []
    }

    /// A warning for each row whose industry, filled down from a value printed once for several
    /// rows (a merged cell saved as text), would be another if the values were read as a merged
    /// cell's centred text: each printed in the middle of its rows (the first block a row or two,
    /// every block's rows before its value about as many as after). Text does not show which is
    /// meant (`x07`: a spreadsheet converted from a PDF); the value read down is kept.
    public mutating func doubtCentredIndustries() {
        var start = 0
        while start < entries.count {
            var end = start
            while end < entries.count, entries[end].table == entries[start].table { end += 1 }
            defer { start = end }
            let printed = (start..<end).filter { industryPrinted[$0] }.map { $0 - start }
            let n = end - start
            // (Two blocks or more with two rows or more above their value need two gaps of three
            // rows or more between printed values: most tables, printing every row's, have none.)
            guard printed.count >= 3, printed[0] == 0,
                  zip(printed, printed.dropFirst()).lazy.filter({ $1 - $0 >= 3 }).prefix(2).count == 2 else { continue }
            // The rows after a block centred on printed[i] that starts at row s: the next block's
            // start (its rows before its value about as many as after).
            func followings(_ i: Int, _ s: Int) -> [Int] {
                let p = printed[i], before = p - s
                return [before, before - 1, before + 1].filter { $0 >= 0 }.map { p + $0 + 1 }.filter {
                    i + 1 < printed.count ? $0 <= printed[i + 1] : $0 == n
                }
            }
            // starts[i]: where block i may start, reached from the top; then kept only where the
            // blocks below can still end with the table.
            var starts: [Set<Int>] = [[0]]
            for i in printed.indices {
                starts.append(Set(starts[i].filter { $0 <= printed[i] }.flatMap { followings(i, $0) }))
            }
            guard starts[printed.count].contains(n) else { continue }
            var ends: Set<Int> = [n]
            var earliest = [Int](repeating: 0, count: printed.count)
            for i in printed.indices.reversed() {
                let valid = starts[i].filter { $0 <= printed[i] && !Set(followings(i, $0)).isDisjoint(with: ends) }
                guard let first = valid.min() else { break }
                earliest[i] = first
                ends = valid
            }
            // A centred reading the same as the top-down one but for a row here and there is no doubt.
            guard zip(earliest, printed).filter({ $1 - $0 >= 2 }).count >= 2 else { continue }
            for (i, first) in earliest.enumerated() {
                let value = entries[start + printed[i]].industry
                for r in first..<printed[i] where entries[start + r].industry != value {
                    let e = entries[start + r], at = anchors[start + r]
                    diagnostics.append(Diagnostic(
                        .warning, "row \(e.seq): its industry is printed once for several rows (a merged cell); read down from "
                            + "where it is printed it is `\(e.industry ?? "")`, read as text centred on its rows `\(value ?? "")`: "
                            + "which is meant the text does not show; `\(e.industry ?? "")` kept",
                        page: at.page, line: at.line, column: at.column, excerpt: String(e.seq), seq: e.seq))
                    blamed.append(nil)
                }
            }
        }
    }

    /// What an entry moved out of a builder leaves in its place: nothing to release.
    private static let placeholder = Entry(
        seq: 0, industry: nil, code: "", name: "", training: nil, assessment: nil, urgent: nil)

    /// A cell's text for a diagnostic: its tokens joined by one blank, as a reader sees the cell.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        var pendingBlank = false
        while i < range.upperBound {
            let n = Blank.length(bytes, at: i, end: range.upperBound)
            if n > 0 {
                pendingBlank = !out.isEmpty
                i += n
                continue
            }
            if pendingBlank { out.append(0x20) }
            pendingBlank = false
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Appending one array's elements to another by moving them, not copying them.
extension Array {
    /// Appends the elements of `other`, moved rather than copied (an element with strings or
    /// arrays in it is not retained here and released with `other`), and leaves `other` empty.
    ///
    /// The places the elements leave in `other`'s storage are filled with `placeholder` (a value
    /// holding nothing to release, e.g. empty strings) before that storage is let go of. When
    /// `other`'s storage is shared, it is copied first, as any mutation would: the result is the
    /// same as `self += other; other = []`.
    fileprivate mutating func appendMoving(_ other: inout [Element], placeholder: Element) {
        let n = other.count
        guard n > 0 else { return }
        let start = count
        append(contentsOf: repeatElement(placeholder, count: n))
        withUnsafeMutableBufferPointer { target in
            other.withUnsafeMutableBufferPointer { source in
                let to = target.baseAddress! + start
                to.deinitialize(count: n)
                to.moveInitialize(from: source.baseAddress!, count: n)
                source.baseAddress!.initialize(repeating: placeholder, count: n)
            }
        }
        other = []
    }
}
