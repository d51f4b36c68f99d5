import Foundation
import Testing
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluPipeline

/// Ruled tables read by their rules (`RuledRows`): merged cells of any alignment, across pages.
@Suite struct RuledTableTests {
    /// changji-2024-c.pdf: the industry column merged and vertically centred, one merged cell
    /// running over several pages with its text on one of them; header on every page.
    @Test func changjiCIsExactInEveryField() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        #expect(c.recovery?.method == .rules)
        #expect(c.entries == reference2024.entries)
        // Every row has its industry from the rules, none by filling down.
        #expect(c.rows.allSatisfy { !$0.text(.industry).isEmpty })
        #expect(c.rows.filter { $0.text(.industry) == "制造业" }.count == 113)
    }

    /// The gaps and alignment misread four industries of changji-2024-c.pdf (merged cells, each
    /// ruled all round on its page); the rules read them right. Where the rules close a cell all
    /// round, the alignment's other reading is most likely its own error: reported once for the
    /// table, naming the rows and cells (one warning per row drowned every real warning of a
    /// spreadsheet's table). The rows the stream method gives are kept beside the rules' rows.
    @Test func disagreementsOnCellsRuledAllRoundAreReportedOnce() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        let stream = try #require(c.recovery?.streamRows)
        #expect(stream.count == 177)
        var industry = ""
        var misread: [Int] = []
        for (ruled, other) in zip(c.rows, stream) {
            let text = Blank.removed(from: other.text(.industry))
            if !text.isEmpty { industry = text }
            if industry != Blank.removed(from: ruled.text(.industry)) { misread.append(ruled.seq) }
        }
        #expect(misread == [151, 165, 166, 167])
        let disagreements = c.diagnostics.filter { $0.message.contains("table's rules") }
        #expect(disagreements.map(\.message) == [
            "the table's rules and its text alignment disagree on 4 cells the rules close all round (行业; rows 151, 165, 166, 167); the rules' reading is kept",
        ])
        #expect(disagreements.allSatisfy { $0.severity == .warning && $0.page != nil })
        #expect(c.diagnostics.map(\.seq).filter { $0 != nil } == [57])
    }

    /// A cell the rules leave open (a merged industry running over a page break, its parts
    /// joined) is still compared: where the alignment reads it otherwise, the row is reported
    /// with its cell, as published.
    @Test func disagreementsOnOpenCellsAreReportedPerRowAndCell() throws {
        let c = try parseFixture("calc-merged-industry-header-once.pdf")
        let disagreements = c.diagnostics.filter { $0.message.contains("table's rules") }
        let perRow = disagreements.filter { $0.seq != nil }
        #expect(!perRow.isEmpty)
        #expect(perRow.allSatisfy { $0.severity == .warning && $0.message.contains("行业") && $0.page != nil })
        #expect(perRow.allSatisfy { $0.message.hasSuffix("by the text alignment; the rules' reading is kept") })
        // And the cells the rules close all round, once for the table.
        let once = disagreements.filter { $0.seq == nil }
        #expect(once.count == 1)
        #expect(once.allSatisfy { $0.message.contains("cells the rules close all round") && $0.severity == .warning })
    }

    /// The grid of a page: a merged industry cell continued from the page before.
    @Test func mergedCellSpansPageBreak() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        let recovery = try #require(c.recovery)
        let page2 = recovery.grids[1]
        let table = try #require(page2.tables.first)
        #expect(table.columnCount == 7)
        let industry = table.cells[table.cellAt(row: 1, column: 1)]
        #expect(industry.rowSpan == table.rowCount - 1)  // every body row of page 2
        // Rows 19 … 38 (page 2) are 制造业, printed on page 1 only.
        let page2Rows = c.rows.filter { $0.anchor.page == 2 }
        #expect(page2Rows.map(\.seq) == Array(19...38))
        #expect(page2Rows.allSatisfy { $0.text(.industry) == "制造业" && $0.cells[.industry]!.allSatisfy { $0.page == 1 } })
    }
}

/// The LibreOffice layouts (`scripts/make-layout-fixtures`): merged cells centred and
/// bottom-aligned in the industry, subsidy and urgency columns across page breaks, the header
/// once, narrow columns; and tables without rules or ruled only horizontally, which the gaps and
/// alignment read. Each gives exactly the reference entries.
@Suite struct RuledLayoutTests {
    @Test(arguments: [
        ("layout-merged-centre.pdf", TableRecovery.Method.rules),
        ("layout-merged-bottom.pdf", .rules),
        ("layout-merged-narrow.pdf", .rules),
        ("layout-no-rules.pdf", .stream),
        ("layout-hrules.pdf", .stream),
        // The header filled dark grey and every rule 1.5 pt: the fill is outlined, its rules
        // kept (it was one thick dark shape, page 1 lost its vertical rules and the whole
        // document was read by gaps and alignment).
        ("layout-dark-header.pdf", .rules),
        // Rules 2.5 pt thick, text set against them (it was refused: no rule between the two
        // subsidy columns).
        ("layout-thick-rules.pdf", .rules),
        // Every rule a filled rectangle thinner than a pixel, as MS Word prints borders (0.48 pt;
        // 0.25 pt under a light grey header): no pixel of them is ink at 72 dpi. They were read
        // by gaps and alignment, with ~550 warnings and, under the shaded header, 13 wrong
        // industries.
        ("layout-fill-rules.pdf", .rules),
        ("layout-fill-hairlines-shaded.pdf", .rules),
    ])
    func layoutIsExact(_ name: String, _ method: TableRecovery.Method) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.recovery?.method == method)
        #expect(parsed.entries == reference2024.entries)
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        // Row 57's cut-short name, the rows of a merged urgency cell at a page break whose rules
        // do not tell one cell from two (an empty part may be a blank cell of its own), and
        // otherwise only rows where the rules and the text alignment disagree (the rules'
        // reading kept).
        let doubt = "the rules do not show whether the empty part is a cell of its own"
        let doubted = parsed.diagnostics.filter { $0.message.contains(doubt) }
        #expect(doubted.count == [
            "layout-merged-centre.pdf": 24, "layout-merged-bottom.pdf": 12, "layout-dark-header.pdf": 56,
            "layout-fill-rules.pdf": 24, "layout-fill-hairlines-shaded.pdf": 12,
        ][name, default: 0])
        #expect(doubted.allSatisfy { $0.message.contains(TableField.urgent.label) })
        let others = parsed.diagnostics.filter {
            ($0.seq != 57 || !$0.message.contains("looks cut short")) && !$0.message.contains(doubt)
        }
        #expect(parsed.diagnostics.contains { $0.seq == 57 && $0.message.contains("looks cut short") })
        #expect(others.allSatisfy { $0.message.contains("the table's rules and its text alignment disagree") })
        if method == .stream { #expect(others.isEmpty) }
    }

    /// Layouts made by a review (LibreOffice, narrow columns, every column merged): a merged cell
    /// that ends at the foot of a page, its text printed there, is not joined to the next page's
    /// first cell (two texts: two cells; it was read `初级或中级：200元/人中级或高级：300元/人`), and an
    /// industry whose text flows over the break (`电力、热力、燃气及水生产` / `和供应业`, the rest
    /// centred in the next part) is one value. Every field as the layout printed it.
    @Test(arguments: ["layout-vary-break-ends", "layout-narrow-flowed-industry"])
    func pageBreakCellsAsPrinted(_ name: String) throws {
        let parsed = try parseFixture(name + ".pdf")
        #expect(parsed.recovery?.method == .rules)
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        try expectAsPrinted(parsed.entries, name + ".expected.json")
    }

    /// Ruled tables as LibreOffice Calc and Chromium print them (see the fixtures' README): read
    /// by their rules, every field as printed, no error, and no row where the rules and the text
    /// alignment disagree on a cell the rules close all round. They were refused: rows set as
    /// close as a cell's lines read as one (`6-31-03-016-31-01-04`), `缺` of the header read as
    /// row 1's urgency, the columns either side of a merged industry taken for two tables, a row
    /// rule that 制造业 touches lost, 数字产业 read twice where Calc prints it on both pages of
    /// its cell, and a row a page break split with no rule under its first part read by the
    /// text alignment alone (code `6-24-03-01-0`, its `7` given to the row above). Chromium's
    /// rowspan blocks: `元/人` of a block's text drawn below the table's last rule at the foot
    /// of page 2 is that cell's (row 60's training was `初级、中级：2160`, an error), and a blank
    /// urgency block atop page 5 after a `*` block ending at the foot of page 4 is a cell of its
    /// own — Chromium leaves a cell cut by a break open there, so parts ruled at the break are
    /// two cells (rows 121–123 were read urgent, with a warning, exit 0).
    /// And Chromium's 3 pt borders (4 px at 72 dpi), taken for filled areas when a rule was at
    /// most 3 pt thick: the document was read without its rules, the industry wrapped over three
    /// lines given partly to the row above (6 wrong fields, no warning); Writer's 3 pt borders,
    /// glyphs set against them, read by their long runs.
    @Test(arguments: ["calc-header-overflow-tight-rows", "calc-merged-industry-header-once", "chromium-row-split-open-foot",
                      "chromium-rowspan-blocks-over-breaks", "chromium-thick-borders", "writer-thick-borders"])
    func producerLayoutIsExact(_ name: String) throws {
        let parsed = try expectRuledLayoutExact(name)
        let disagreeing = parsed.diagnostics.filter { $0.message.contains("the table's rules and its text alignment disagree") }
        #expect(disagreeing.count <= ["calc-header-overflow-tight-rows": 5, "calc-merged-industry-header-once": 30][name, default: 2], "\(name)")
        let twice = parsed.diagnostics.filter { $0.message.contains("printed again after the page break") }
        #expect(twice.count == (name == "calc-merged-industry-header-once" ? 1 : 0))
        #expect(twice.allSatisfy { $0.excerpt == "数字产业" && $0.severity == .warning })
    }

    /// Calc, header repeated, every column merged: on page 3 a merged assessment cell of page 2
    /// is printed again over the header (`评价补贴标准` and `初级或中级：160元/人` on one line, their
    /// glyphs interleaved), so the header names no code and no subsidy. Rows 80–124 under it are
    /// catalogue rows lost, each an error, never "another attachment" skipped with a warning
    /// (they were: 132 entries of 177, exit 0 had no other error come).
    @Test func rowsUnderAHeaderPrintedOverAreErrors() throws {
        let parsed = try parseFixture("calc-header-printed-over.pdf")
        let lost = parsed.diagnostics.filter { $0.message.hasPrefix("a catalogue row (a number and a code) after a header that names no code and no subsidy") }
        #expect(lost.count == 45)
        #expect(lost.allSatisfy { $0.severity == .error && $0.page == 3 })
        #expect(!parsed.entries.contains { (80...124).contains($0.seq) })
    }

    /// Calc, every column merged in blocks: names set against the rule between rows 32 and 33
    /// made its shape too thick, and only its stretch clear of them was kept, so the rules gave
    /// both rows one name cell (`变压器铁芯叠装工互感器装配工`, an error per row). Text on one side of
    /// a rule leaves its whole run a rule (`RuleFinder.runOut`): each row its own name. And the
    /// urgency cell of rows 33–37, blank at the foot of page 1, is no part of the `*` cell of
    /// rows 38–40 atop page 2: Calc centres a merged cell's text on the whole cell, and the mark
    /// sits in the middle of its own part (`GridSettings.mergedTextOnWholeCell`). Before, those
    /// five rows were read urgent, each warned only.
    @Test func aRuleTouchedByNamesAndACalcCellCutByABreakAreReadAsPrinted() throws {
        let parsed = try parseFixture("calc-name-row-rule-lost.pdf")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let bySeq = Dictionary(parsed.entries.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(bySeq[32]?.name == "变压器铁芯叠装工" && bySeq[33]?.name == "互感器装配工")
        #expect((31...40).map { bySeq[$0]?.urgent } == [true, true, false, false, false, false, false, true, true, true])
        #expect(!parsed.diagnostics.contains { $0.message.contains("read as continuing the cell across the break") })
        try ReviewerCorpusTests().expectPublishedTexts(parsed, "calc-name-row-rule-lost.expected.json")
    }

    /// Every field of every entry as `expected` (a layout's `.expected.json`) has it; `table`
    /// is 0 where the file names none.
    /// Parses the ruled layout `NAME.pdf`, read by its rules, every field as `NAME.expected.json`
    /// gives it and no error; the parsed notice, for the test's own checks.
    @discardableResult
    func expectRuledLayoutExact(_ name: String) throws -> ParsedNotice {
        let parsed = try parseFixture("\(name).pdf")
        #expect(parsed.recovery?.method == .rules, "\(name)")
        try expectAsPrinted(parsed.entries, "\(name).expected.json")
        #expect(!parsed.diagnostics.contains { $0.severity == .error }, "\(name)")
        return parsed
    }

    /// Every entry's extra columns as the expected file has them (none: `{}`).
    func expectExtrasAsPrinted(_ entries: [Entry], _ expectedFile: String) throws {
        let data = try #require(FileManager.default.contents(atPath: fixture(expectedFile)))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.map(\.extra) == expected.map { $0["extra"] as? [String: String] ?? [:] })
    }

    func expectAsPrinted(_ entries: [Entry], _ expectedFile: String) throws {
        let data = try #require(FileManager.default.contents(atPath: fixture(expectedFile)))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == expected.count)
        for (entry, row) in zip(entries, expected) {
            #expect(entry.seq == row["seq"] as? Int)
            #expect(entry.table == (row["table"] as? Int ?? 0), "row \(entry.seq)")
            #expect(entry.industry == row["industry"] as? String, "row \(entry.seq)")
            #expect(entry.code == row["code"] as? String, "row \(entry.seq)")
            #expect(entry.name == row["name"] as? String, "row \(entry.seq)")
            #expect(entry.training?.text == row["training"] as? String, "row \(entry.seq)")
            #expect(entry.assessment?.text == row["assessment"] as? String, "row \(entry.seq)")
            #expect(entry.urgent == row["urgent"] as? Bool, "row \(entry.seq)")
        }
    }

    /// Two ruled tables in one notice (附件1: rows 1 … 90, 附件2: rows 91 … 177, each with its
    /// label, title and header), the second starting on the page the first ends on: both tables
    /// on that page are read, in page order, each its own table; the first's merged industry
    /// does not run on into the second's (it was read `制造业制造业`, and the rows of the table
    /// the page's grid did not pick were dropped). Every field, `table` included.
    @Test func twoTablesSharingAPage() throws {
        let parsed = try parseFixture("layout-two-tables.pdf")
        let recovery = try #require(parsed.recovery)
        #expect(recovery.method == .rules)
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!parsed.diagnostics.contains { $0.message.contains("outside the table") })
        #expect(parsed.tables.map(\.label) == ["附件1", "附件2"])
        #expect(parsed.tables.map(\.title) == ["昌吉州职业技能培训重点产业需求指导目录（一）", "昌吉州职业技能培训重点产业需求指导目录（二）"])
        // The page both tables share holds two grids, both read.
        let shared = try #require(parsed.rows.first { $0.seq == 91 }?.anchor.page)
        #expect(parsed.rows.first { $0.seq == 90 }?.anchor.page == shared)
        #expect(recovery.grids[shared - 1].tables.count == 2)
        #expect(parsed.entries.count == 177)
        try expectAsPrinted(parsed.entries, "layout-two-tables.expected.json")
        #expect(parsed.entries.filter { $0.table == 1 }.map(\.seq) == Array(91...177))
    }

    /// Two tables whose columns stand in another order (the second: 序号 职业（项目）
    /// 职业（工种）代码 行业 …): each read by its own header, by the rules and by the gaps and
    /// alignment alike (the page both share is read in two parts, each under its header), and
    /// each table's columns as its header prints them. Before, the second table was said to have
    /// the first's columns, and the stream reading of the shared page, under both headers at
    /// once, gave 89 false disagreements.
    @Test func twoTablesInOtherColumnOrders() throws {
        let parsed = try parseFixture("layout-two-tables-reordered.pdf")
        #expect(parsed.recovery?.method == .rules)
        #expect(parsed.entries.count == 177)
        try expectAsPrinted(parsed.entries, "layout-two-tables-reordered.expected.json")
        #expect(parsed.entries.filter { $0.table == 1 }.map(\.seq) == Array(91...177))
        #expect(parsed.tables.map { $0.columns?.map(\.header) } == [
            ["序号", "行业", "职业（工种）代码", "职业（项目）", "培训补贴等级及补贴标准", "考核鉴定等级及补贴标准", "是否急需紧缺"],
            ["序号", "职业（项目）", "职业（工种）代码", "行业", "培训补贴等级及补贴标准", "考核鉴定等级及补贴标准", "是否急需紧缺"],
        ])
        // Rows 91 … 113 share a page with table 1's last rows: no disagreement there.
        let disagreeing = parsed.diagnostics.filter { $0.message.contains("disagree") }.compactMap(\.seq)
        #expect(!disagreeing.contains { (83...113).contains($0) })
        #expect(disagreeing.count <= 60)
    }

    /// Double rules (Word's 双线, two strokes about 3 pt apart): framing the table, under the
    /// header, between industry groups (`scripts/make-review-layouts`). At 72 dpi the strokes
    /// run into one shape too thick for a rule, which was dropped: every urgency mark in the
    /// framed last column was lost (urgent: false with exit 0), row 1 went into the header, and
    /// rows either side of a group's double rule were fused. Each is one rule now; every field.
    @Test(arguments: ["layout-double-border", "layout-double-header-rule", "layout-double-rule-groups"])
    func doubleRulesAreOneRule(_ name: String) throws {
        let parsed = try parseFixture("\(name).pdf")
        #expect(parsed.recovery?.method == .rules)
        #expect(parsed.entries.count == 62)
        try expectAsPrinted(parsed.entries, "\(name).expected.json")
        #expect(!parsed.diagnostics.contains { $0.message.contains("disagree") || $0.message.contains("outside the table") })
    }

    /// `pdftotext -layout` of a table whose urgency marks are bottom-aligned and sparse (`*` or
    /// blank), each on its row's number line: every mark its own row's. Under bottom alignment
    /// two marks on consecutive rows fit one cell of the lower row as well as two, and every
    /// other urgent row came out `urgent: false` with exit 0 (14 of 62).
    @Test func sparseMarksOnConsecutiveRowsStayApart() throws {
        let parsed = try parseFixture("text/pdftotext-layout-blank-urgency-star.txt")
        try expectAsPrinted(parsed.entries, "text/pdftotext-layout-blank-urgency-star.expected.json")
        #expect(parsed.entries.filter { $0.urgent == true }.count == 33)
    }

    /// `pdftotext -layout` of a table in a 9 pt serif font whose subsidy cells wrap inside their
    /// unit or their amount (`初级、中级：2160 元/` … `人`, `初级、中级、高级：2` … `400 元/人`), a row
    /// line between: the rest goes with its subsidy, not to the name (`设备点检员人`) or the code
    /// (`606-31-01-0460`). Refused before (17 rows' subsidies unreadable).
    @Test func wrappedUnitsAndAmountsStayInTheirSubsidy() throws {
        let parsed = try parseFixture("text/pdftotext-layout-wrapped-units.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        try expectAsPrinted(parsed.entries, "text/pdftotext-layout-wrapped-units.expected.json")
        // 12 pt: cut after the colon, the amount on the next line (`中级或高级：` … `300 元/人`).
        let twelve = try parseFixture("text/pdftotext-layout-amount-below-colon.txt")
        #expect(!twelve.diagnostics.contains { $0.severity == .error })
        try expectAsPrinted(twelve.entries, "text/pdftotext-layout-amount-below-colon.expected.json")
    }

    /// A catalogue typed as two tables with one header (`续表` between them, on page 4): rows 59
    /// and 60 stand under the first table's repeated header, above `续表`. Its left rule, run
    /// on through a glyph above the table, is cut at the table's top (`RuleEnds`), and the two
    /// rows are a ruled table of their own, read by its rules with no diagnostic. Before, they
    /// were outside every ruled row, read by the text alignment with a warning each; before
    /// that, both were dropped (175 of 177 entries) with only a warning.
    @Test func rowsAboveASecondHeaderOnTheirPageAreKept() throws {
        let parsed = try expectRuledLayoutExact("layout-continued-table")
        #expect(!parsed.diagnostics.contains { $0.seq == 59 || $0.seq == 60 })
        #expect(parsed.recovery?.grids[3].tables.count == 2)
    }

    /// Header words spread over their cells: `行　　业` (ideographic spaces) and 分散对齐
    /// (`职 业 （ 项 目 ）` evenly over the cell). Each is one header cell naming its field; before,
    /// `行` and `业` were two extra columns, the table seemed to have no industry column, and the
    /// last line of a wrapped industry (`应业`) was read as a section heading: 12 and 15 rows
    /// published with a wrong industry.
    @Test(arguments: ["layout-spaced-header", "layout-distributed-align"])
    func headerWordsSpreadOverTheirCells(_ name: String) throws {
        let parsed = try expectRuledLayoutExact(name)
        #expect(parsed.columns.map(\.field).prefix(2) == ["seq", "industry"])
    }

    /// A dense 7 pt table: the digits and dashes of a code (`-01-04`) run together at 72 dpi into
    /// a short stroke 4 pt under a rule, which was taken for the rule's second stroke (a double
    /// rule) and moved the rule: rows 18 and 19 (and 94/95, 103/104) were read as one, their
    /// codes and names run together, with only warnings. Every field of all 177 rows now.
    @Test func glyphStrokesNeverMoveARule() throws {
        try expectRuledLayoutExact("layout-dense-7pt-merged")
    }

    /// The `pdftotext -layout` dump of a ruled table whose assessment is `—` in some rows, its
    /// industry wrapped over three lines: a `—` alone in the band of both subsidies is the
    /// assessment's none (it was glued to the training, `中级、高级：3000—元/人`, or to the name);
    /// on page 9 the industry's text runs into the row numbers' band, which now takes the
    /// industry (it was "text in the 序号 column", dropped, and the row above's industry filled
    /// down into 16 rows with exit 0: such text among the rows is now an error).
    @Test func dashesAndAnIndustryInTheRowNumbersBand() throws {
        let parsed = try parseFixture("text/pdftotext-layout-dashes-industry-in-seq-band.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        try expectAsPrinted(parsed.entries, "text/pdftotext-layout-dashes-industry-in-seq-band.expected.json")
    }

    /// Header cells printed rotated a quarter turn (序号, 行业 and 是否急需紧缺 in narrow
    /// columns, the last in two columns of glyphs): each read in the order that names its
    /// field. Before, the notice was refused ("a header but no numbered row under it").
    @Test func rotatedHeaderCellsNameTheirColumns() throws {
        try expectRuledLayoutExact("layout-rotated-header")
    }

    /// A revision notice's grouped header: `调整前` and `调整后` sub-columns under one training
    /// header cell. The amount in force is the subsidy; the replaced one is kept as an extra
    /// column named by both cells. Before, the two sub-columns were read as one cell and the
    /// replaced amount (2000) published as the subsidy, with exit 0.
    @Test func revisionSubColumnsUnderGroupedHeader() throws {
        let parsed = try expectRuledLayoutExact("layout-revision-grouped-training")
        #expect(parsed.entries.count == 40)
        for entry in parsed.entries {
            #expect(entry.training?.amountYuan == 2160, "row \(entry.seq)")
            #expect(entry.extra == ["培训补贴等级及补贴标准（调整前）": "初级、中级：2000元/人"], "row \(entry.seq)")
        }
    }

    /// A merged cell split one row per page (its text on the last row of one page, an empty part
    /// on the first row of the next), in a column that merges cells elsewhere: read as one cell,
    /// with a warning on the row after the break. Before, the part after the break was read as
    /// blank with no diagnostic: a training subsidy lost (`…one-row-each`, row 45) and 是 read as
    /// not urgent (`…yes-no`, row 42). PDFs from a reviewer's generator (LibreOffice).
    @Test(arguments: [("layout-split-merge-one-row-each", 45, TableField.training), ("layout-split-merge-yes-no", 42, .urgent)])
    func mergedCellSplitOneRowPerPage(_ name: String, row: Int, field: TableField) throws {
        let parsed = try expectRuledLayoutExact(name)
        let warned = parsed.diagnostics.filter { $0.severity == .warning && $0.message.contains("read as continuing the cell across the break") }
        #expect(warned.map(\.message).contains("row \(row): \(field.label) read as continuing the cell across the break between pages 2 and 3; "
            + "the rules do not show whether the empty part is a cell of its own (blank)"))
    }

    /// An extra column's header wrapped across two lines, its last glyph alone on the second
    /// (`职业技能等` / `级`): read in order, the column kept as extra. Before, the two lines were
    /// taken for rotated text (`级职业技能等`, read as a name), the column lost its range and all
    /// 44 rows were refused.
    @Test func extraHeaderWrappedWithOneGlyphBelow() throws {
        let name = "layout-extra-header-wrapped-one-glyph"
        let parsed = try expectRuledLayoutExact(name)
        try expectExtrasAsPrinted(parsed.entries, "\(name).expected.json")
        #expect(parsed.columns.map(\.header).contains("职业技能等级"))
    }

    /// A 小计 row after each industry's rows (`小计` over four cells, then a count): a warning each,
    /// not a row. Before, each was an error, "text in the 序号 column is not a row number" (a
    /// reviewer's PDF).
    @Test func subtotalRowsAreWarnedNotRows() throws {
        let parsed = try expectRuledLayoutExact("layout-subtotal-rows")
        #expect(parsed.diagnostics.filter { $0.message == "a total (合计, 小计), not a row" }.count == 3)
    }

    /// Two ruled tables whose columns differ: the second with level sub-columns (初级/中级/高级)
    /// under its training header, or with a 备注 column the first lacks. Each row is read by its
    /// own table's columns. Before, the first table's training was null (the second's
    /// sub-columns taken for its own), then each row of the second was an error (its cells
    /// looked up under the first table's columns). PDFs from a reviewer's generator.
    @Test(arguments: ["layout-two-tables-levels-second", "layout-two-tables-extra-second"])
    func eachTableReadByItsOwnColumns(_ name: String) throws {
        let parsed = try expectRuledLayoutExact(name)
        #expect(Set(parsed.entries.map(\.table)) == [0, 1])
        try expectExtrasAsPrinted(parsed.entries, "\(name).expected.json")
    }

    /// A merged industry cell whose text the page break cuts (`农、林、` at the foot of page 6,
    /// `牧、渔业` atop page 7, the cell centred over its rows): one industry for every row it
    /// spans. Before, 5 rows got `农、林、` and 18 `牧、渔业`, with warnings only (a reviewer's PDF).
    @Test func mergedTextCutByAPageBreakIsJoined() throws {
        let parsed = try expectRuledLayoutExact("layout-merged-text-cut-by-break")
        #expect(parsed.entries.filter { $0.industry == "农、林、牧、渔业" }.count == 23)
    }

    /// 附件2 without an industry column after 附件1 with one: its rows have no industry (null),
    /// not 附件1's last. Before, all 32 took `电力、热力、燃气及水生产和供应业` (a reviewer's PDF).
    @Test func aLaterTableWithoutAnIndustryColumnInheritsNone() throws {
        let name = "layout-two-tables-second-no-industry"
        let parsed = try expectRuledLayoutExact(name)
        #expect(parsed.entries.filter { $0.table == 1 }.count == 32)
        #expect(parsed.entries.filter { $0.table == 1 }.allSatisfy { $0.industry == nil })
        try expectExtrasAsPrinted(parsed.entries, "\(name).expected.json")
    }

    /// A header typed again as an ordinary row mid-table (two tables pasted together): the rows
    /// above it, found by the text alignment but in no ruled row read, are errors, never dropped
    /// with exit 0 as before (a reviewer's PDF; 62 rows, the first 14 above the typed header).
    @Test func rowsOutsideEveryRuledRowAreErrors() throws {
        let parsed = try parseFixture("layout-header-typed-mid-table.pdf")
        let lost = parsed.diagnostics.filter { $0.severity == .error && $0.message.hasSuffix("not in any ruled cell: not read") }
        #expect(lost.compactMap(\.seq) == Array(1...14))
    }

    /// An empty urgency cell of one row at the foot of a page, a merged cell with a mark atop
    /// the next (a reviewer's python-docx table printed by LibreOffice, bottom-aligned): the
    /// rules cannot tell a blank cell of its own from the rest of the merged cell, and this
    /// column writes blanks in one-row cells elsewhere, so the reading is an error. Before, the
    /// mark was given to row 57 (not urgent) with a warning and exit 0.
    @Test func aOneRowBlankAtAPageFootIsInDoubt() throws {
        let parsed = try parseFixture("reviewer-blank-cell-above-break.pdf")
        let doubts = parsed.diagnostics.filter { $0.severity == .error && $0.message.contains("which is meant cannot be told") }
        #expect(doubts.compactMap(\.seq).contains(57))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.message.contains("which is meant cannot be told") })
    }

    /// The first row below a thick header rule repeated on page 2: its assessment's two lines,
    /// printed above and below its number as tight as the rows, touch the rules above and below
    /// and chain them into one shape too thick for a rule. It was outside every ruled cell and
    /// read by its text alignment alone, with a warning, its lines given to it line by line
    /// (`RowAssembler.lineUnitsIfAcrossRows`); the shape's two long runs are now its two rules
    /// (`RuleFinder.longRunRules`), and the row is read by them. Before, its lines went unread
    /// and the row was an error; before that, its assessment was published null with exit 0 (a
    /// reviewer's python-docx table).
    @Test func aRowReadByAlignmentAloneIsReadWhole() throws {
        let parsed = try parseFixture("reviewer-row-below-thick-header.pdf")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        #expect(!parsed.diagnostics.contains { $0.seq == 21 && $0.message.contains("not in any ruled cell") })
        let row = try #require(parsed.entries.first { $0.seq == 21 })
        #expect(row.industry == "农、林、牧、渔业")
        #expect(row.name == "农产品食品检验员")
        #expect(row.code == "4-08-05-01")
        #expect(row.training?.text == "初级、中级：2160元/人")
        #expect(row.assessment?.text == parsed.entries.first { $0.seq == 22 }?.assessment?.text)
        #expect(row.assessment?.amounts.map(\.amountYuan) == [150, 180])
        #expect(row.urgent == true)
    }

    /// An extra column (备注) whose header is printed once, on page 1 below the notice's label
    /// and title: the table's columns come from that header. Before, the label and title split
    /// page 1 as if another table started there, the page's header cells were lost, and every
    /// 备注 cell was an error (a reviewer's PDF).
    @Test func extraColumnWithTheHeaderPrintedOnce() throws {
        let name = "layout-extra-header-once"
        let parsed = try expectRuledLayoutExact(name)
        try expectExtrasAsPrinted(parsed.entries, "\(name).expected.json")
        #expect(parsed.columns.map(\.header).last == "备注")
    }

    /// Industry cells set vertically (竖排) in a narrow merged column, wrapping into two columns
    /// of glyphs: read top to bottom, the right column first. Before, they were read across
    /// (`水利、施环管境理和公共设`), 15 rows wrong with exit 0. Row 172's one-row cell, three
    /// columns of two or three glyphs set over one another, is still read wrong, and is an error
    /// naming the row (`TableRecovery.overprintedCells`): before, it was published with exit 0.
    @Test func verticalTextIsReadDownTheColumns() throws {
        let parsed = try parseFixture("layout-vertical-industry.pdf")
        let industry = Dictionary(uniqueKeysWithValues: parsed.entries.map { ($0.seq, $0.industry) })
        for seq in 151...153 { #expect(industry[seq] == "水利、环境和公共设施管理", "row \(seq)") }
        for seq in 154...164 { #expect(industry[seq] == "交通运输、仓储和邮政业", "row \(seq)") }
        #expect(industry[1] == "制造业" && industry[150] != nil)
        #expect(parsed.diagnostics.filter { $0.severity == .error }.map(\.seq) == [172])
    }

    /// A header in two rows, a group cell `补贴标准（元/人）` over `培训补贴` and `鉴定补贴`: the
    /// group is no column, each sub-column takes its unit. Before, the three made one training
    /// column: "no assessment column" was said of a table that has one, and every row's two
    /// readings were said to disagree (63 false warnings for 62 rows).
    @Test func groupHeaderOverSubsidyColumns() throws {
        let parsed = try parseFixture("layout-group-header.pdf")
        #expect(parsed.recovery?.method == .rules)
        try expectAsPrinted(parsed.entries, "layout-group-header.expected.json")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.columns.map(\.header) == ["序号", "行业", "职业（工种）代码", "职业（项目）", "培训补贴（元/人）", "鉴定补贴（元/人）", "是否急需紧缺"])
    }

    /// Every merged column gives its text to every row it spans, over page breaks: in the
    /// centred layout a training subsidy's text starts at the foot of page 3 and its rest is
    /// centred on page 4 (LibreOffice flows it); rows 100 … 108 all get the whole text.
    @Test func flowedMergedCellGivesItsTextToEveryRow() throws {
        let parsed = try parseFixture("layout-merged-centre.pdf")
        let rows = parsed.rows.filter { (100...108).contains($0.seq) }
        #expect(rows.count == 9)
        #expect(rows.allSatisfy { $0.text(.training) == "初级、中级：2160元/人" })
        #expect(Set(rows[0].cells[.training]!.map(\.page)) == [3, 4])
        #expect(rows.allSatisfy { $0.text(.urgent) == "*" && $0.text(.assessment) == "初级或中级：160元/人" })
    }
}

/// A table ruled only horizontally, its industry, subsidies and urgency merged over whole runs
/// of varied values (a blank urgency cell: not urgent), read by gaps and alignment — as a PDF and
/// as its `pdftotext -layout` dump (`scripts/make-layout-fixtures`). Without rules the text
/// cannot show where a merged cell ends, nor a blank cell of its own from a row it spans: every
/// field is as printed or named by a diagnostic with its row and column; and no value is
/// two printed values joined (`初级：1600元/人` over `中级、高级：3000元/人` was read
/// `初级：1600元/人；中级：3000元/人；高级：3000元/人`, a subsidy nobody published).
@Suite struct MergedVaryTests {
    @Test(arguments: ["layout-hrules-merged-vary.pdf", "text/pdftotext-layout-hrules-merged-vary.txt"])
    func everyWrongFieldIsNamed(_ name: String) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.recovery == nil || parsed.recovery?.method == .stream)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let data = try #require(FileManager.default.contents(atPath: fixture("layout-hrules-merged-vary.expected.json")))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(parsed.entries.map(\.seq) == expected.map { $0["seq"] as! Int })
        func named(_ seq: Int, _ field: TableField) -> Bool {
            parsed.diagnostics.contains { $0.seq == seq && $0.message.contains(field.label) }
        }
        var wrong: [Int] = []
        for (entry, row) in zip(parsed.entries, expected) {
            let fields: [(TableField, Bool)] = [
                (.industry, entry.industry == row["industry"] as? String),
                (.code, entry.code == row["code"] as? String),
                (.name, entry.name == row["name"] as? String),
                (.training, entry.training?.text == row["training"] as? String),
                (.assessment, entry.assessment?.text == row["assessment"] as? String),
                (.urgent, entry.urgent == row["urgent"] as? Bool),
            ]
            for (field, right) in fields where !right {
                wrong.append(entry.seq)
                #expect(named(entry.seq, field), "row \(entry.seq): \(field.label) wrong and not named")
            }
        }
        // Its text alone is ambiguous: some rows are misread, each one named. The PDF's
        // horizontal rules show where each merged cell ends (`RowRules`): every row is exact.
        if name.hasSuffix(".pdf") {
            #expect(wrong.isEmpty)
        } else {
            #expect(!wrong.isEmpty)
        }
        // Only published values: no two merged subsidies joined into one.
        let published = Set(expected.flatMap { [$0["training"] as! String, $0["assessment"] as! String] })
        #expect(parsed.entries.allSatisfy { published.contains($0.training?.text ?? "") && published.contains($0.assessment?.text ?? "") })
        // The blank urgency rows given `*` are named one by one.
        let blankGiven = parsed.diagnostics.filter { $0.message.contains("是否急需紧缺 is blank and given `*`") }
        if name.hasSuffix(".pdf") {
            #expect(blankGiven.isEmpty)
        } else {
            #expect(blankGiven.count > 50 && blankGiven.allSatisfy { $0.seq != nil && $0.page != nil })
        }
    }
}

/// What a fragment holds decides its column where the gutters cannot (`ContentColumns`).
@Suite struct ContentColumnsTests {
    func f(_ text: String, _ x0: Double, line: Int = 1) -> Fragment {
        Fragment(text: text, x0: x0, x1: x0 + Double(text.count), y0: Double(line), y1: Double(line + 1), page: 1, line: line)
    }

    @Test func kinds() {
        #expect(ContentColumns.kind("6-24-03-03-") == .code)
        #expect(ContentColumns.kind("6-24-02-01-*") == .code)
        #expect(ContentColumns.kind("05") == .codeTail)
        #expect(ContentColumns.kind("*") == .mark)
        #expect(ContentColumns.kind("初级、中级：2160") == .subsidy)
        #expect(ContentColumns.kind("元/人") == .subsidy)
        #expect(ContentColumns.kind("160元") == .subsidy)
        #expect(ContentColumns.kind("及元件装") == .text)  // 元 in a name
        #expect(ContentColumns.kind("人系统操") == .text)
        #expect(ContentColumns.kind("按实际发生费用") == .subsidy)  // a subsidy in words
        #expect(ContentColumns.kind("2160") == .text)
    }

    /// A subsidy printed with one blank before its unit (`2160 元/人`), two on a line: each unit
    /// goes with its amount, and the line still holds two subsidies, not four.
    @Test func unitOneBlankAfterItsAmount() {
        let line = [f("化学检验员", 20), f("初级、中级：2160", 26), f("元/人", 37), f("初级或中级：160", 42), f("元/人", 52), f("是", 60)]
        let fields = ContentColumns.assign(lines: [line], fields: [.name, .training, .assessment, .urgent], fallback: .training).fields
        #expect(line.map { fields[$0] } == [.name, .training, .training, .assessment, .assessment, .urgent])
    }

    /// `pdftotext -layout` of layout-narrow.pdf, row 6: the name runs into the training column
    /// with one blank; the code wraps after its last hyphen.
    @Test func narrowRowSplitsByContent() {
        let lines = [
            [f("6-24-03-03-", 18), f("热缩材料", 30), f("初级、中级：2160", 35), f("初级或中级：160", 47)],
            [f("05", 22, line: 3), f("制造工", 31, line: 3), f("元/人", 38, line: 3), f("元/人", 49, line: 3)],
        ]
        let fields = ContentColumns.assign(lines: lines, fields: [.code, .name, .training, .assessment], fallback: .training).fields
        #expect(lines[0].map { fields[$0] } == [.code, .name, .training, .assessment])
        #expect(lines[1].map { fields[$0] } == [.code, .name, .training, .assessment])
    }

    /// A page where no line holds both subsidies: a lone one is placed by an earlier page's
    /// split measured from this page's codes (each page is laid out on its own), or, near it,
    /// left undecided; without any split, undecided.
    @Test func loneSubsidyByAnEarlierPagesSplit() {
        let first = [[f("6-31-03-01", 18), f("化学检验", 29), f("初级、中级：2160", 34), f("初级或中级：160", 45)]]
        let carried = ContentColumns.split(lines: first)
        #expect(carried == 26.5)
        let lines = [
            [f("6-24-02-01-", 4), f("互感器试", 16), f("中级或高级：300", 35)],
            [f("6-18-02-04-", 4, line: 2), f("电焊工", 18, line: 2), f("初级：1600", 22, line: 2), f("元/人", 30, line: 2)],
            [f("6-17-08-02-", 4, line: 3), f("硅烷法多", 17, line: 3), f("初级或中级：200", 25, line: 3)],
        ]
        let next = ContentColumns.assign(
            lines: lines, fields: [.code, .name, .training, .assessment], fallback: .training, carriedSplit: carried, margin: 2)
        #expect(next.fields[lines[0][2]] == .assessment)
        #expect(lines[1].map { next.fields[$0] } == [.code, .name, .training, .training])
        #expect(ContentColumns.split(lines: lines) == nil)
        #expect(next.undecided == [lines[2][2]])
        let alone = ContentColumns.assign(lines: lines, fields: [.code, .name, .training, .assessment], fallback: .training)
        #expect(alone.undecided == [lines[0][2], lines[1][2], lines[1][3], lines[2][2]])
    }
}

/// `pdftotext -layout` lays out each page on its own: a narrow table's later pages start at
/// other columns than page 1 (no 附件 line, an empty industry column). A subsidy alone on its
/// line there went to the training column whatever its place (`中级或高级：300元/人`, printed
/// as assessment, read as training, no diagnostic); it is placed by page 1's split measured from
/// the codes, and where that does not tell, its row and both columns are named.
@Suite struct LoneSubsidyTests {
    @Test func placedByTheSplitFromTheCodesOrNamed() throws {
        let parsed = try parseFixture("text/pdftotext-layout-lone-subsidy-pages.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let byRow = Dictionary(uniqueKeysWithValues: parsed.entries.map { ($0.seq, $0) })
        #expect(parsed.entries.map(\.seq) == Array(1...10))
        for seq in [5, 6] {
            #expect(byRow[seq]?.training?.text == "初级、中级：2160元/人", "row \(seq)")
            #expect(byRow[seq]?.assessment?.text == "中级或高级：300元/人", "row \(seq)")
        }
        #expect(byRow[5]?.code == "6-24-02-01-*" && byRow[5]?.name == "互感器试验工")
        for seq in [7, 8] {
            #expect(byRow[seq]?.training?.text == "初级：1600元/人", "row \(seq)")
            #expect(byRow[seq]?.assessment?.text == "中级或高级：300元/人", "row \(seq)")
        }
        let undecided = "holds both subsidies, and where it lies does not tell its column"
        #expect(!parsed.diagnostics.contains { $0.message.contains(undecided) && $0.seq != 9 })
        let row9 = parsed.diagnostics.filter { $0.seq == 9 && $0.message.contains(undecided) }
        #expect(row9.count == 1)
        #expect(row9.allSatisfy {
            $0.message.contains(TableField.training.label) && $0.message.contains(TableField.assessment.label)
                && $0.page == 3 && $0.excerpt == "初级或中级：200元/人"
        })
    }
}

/// Pages are read in parts, one poppler document per part: any number of parts gives the same
/// lines and rules as one.
@Suite struct ParallelPagesTests {
    @Test(arguments: [1, 2, 3, 7])
    func partsGiveTheSamePages(_ parts: Int) throws {
        let path = fixture("layout-merged-bottom.pdf")
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let one = try PDFSource.pages(bytes, path: path, password: nil, parts: 1)
        let many = try PDFSource.pages(bytes, path: path, password: nil, parts: parts)
        #expect(many.pages == one.pages)
        #expect(many.rules == one.rules)
        #expect(many.emSize == one.emSize)
        #expect(one.rules.allSatisfy { !$0.isEmpty })
    }

    /// Pages drawn while their text is read (`open(…, grid:)`, one poppler pass a page) give the
    /// same glyphs as reading the text alone, and the same rules as drawing each page again.
    @Test(arguments: ["changji-2024-a.pdf", "changji-2024-c.pdf", "layout-merged-centre.pdf",
                      "layout-hrules.pdf", "rotated-mixed-merged-centre.pdf"])
    func onePassGivesTheSameTextAndRules(_ name: String) throws {
        let path = fixture(name)
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let two = try PDFSource.open(bytes, path: path, password: nil, parts: 2)
        let one = try PDFSource.open(bytes, path: path, password: nil, parts: 2, grid: GridSettings())
        #expect(two.rules == nil)
        #expect(one.textPages.map(\.glyphs) == two.textPages.map(\.glyphs))
        #expect(one.textPages.map(\.width) == two.textPages.map(\.width))
        #expect(one.textPages.map(\.height) == two.textPages.map(\.height))
        let drawnAgain = try PDFSource.pages(two, path: path).rules
        let found = try #require(one.rules)
        #expect(found == drawnAgain)
        #expect(try PDFSource.pages(one, path: path).rules == drawnAgain)
        #expect(found.count == one.textPages.count)
        #expect(found.contains { !$0.isEmpty })
    }
}

/// `mulu extract --png` draws the rules and the grid's cells: on page 2 of changji-2024-c.pdf
/// the industry cell merged over the page's 20 rows, continued from page 1.
@Suite struct GridDrawingTests {
    @Test func page2DrawsRulesAndTheMergedCell() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        let recovery = try #require(c.recovery)
        let overlays = TableDrawing.overlays(recovery, pageIndex: 1, unplaced: recovery.unplaced)
        let rules = overlays.filter { $0.filled && $0.red == 0.85 && $0.blue == 0.75 }
        #expect(rules.count == recovery.grids[1].rules.count && rules.count > 20)
        #expect(overlays.contains { $0.label == "20×1" })
    }
}

/// `pdftotext -layout` dumps of the ruled fixtures with merged cells, read as text notices
/// (no rules): `MergedCells` gives each value printed once to the rows it spans, and every row
/// it cannot place for sure is reported with its row and column.
@Suite struct TextMergedCellsTests {
    /// Rows whose entry differs from the reference in any field.
    func wrongRows(_ parsed: ParsedNotice) -> [Int] {
        let reference = Dictionary(uniqueKeysWithValues: reference2024.entries.map { ($0.seq, $0) })
        return parsed.entries.filter { reference[$0.seq] != $0 }.map(\.seq)
            + reference2024.entries.map(\.seq).filter { s in !parsed.entries.contains { $0.seq == s } }
    }

    /// changji-2024-b (industry merged, top-aligned, a wrapped industry's second line on the
    /// next row) and changji-2024-c (industry merged and centred, over page breaks): exact in
    /// every field; the only other warnings name the rows whose industry boundary the text
    /// cannot fix (the value kept is the right one here).
    @Test(arguments: ["text/pdftotext-layout-b.txt", "text/pdftotext-layout-c.txt"])
    func mergedIndustryDumpIsExact(_ name: String) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.entries == reference2024.entries)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let merged = parsed.diagnostics.filter { $0.message.contains("comes from a merged cell") }
        #expect(parsed.diagnostics.filter { !merged.contains($0) }.map(\.seq) == [57])
        #expect(merged.allSatisfy { $0.message.contains("行业") && $0.seq != nil && $0.page != nil })
    }

    @Test func wrappedTopAlignedIndustryJoinsAcrossRows() throws {
        let parsed = try parseFixture("text/pdftotext-layout-b.txt")
        #expect(parsed.entries.filter { $0.industry == "电力、热力、燃气及水生产和供应业" }.map(\.seq) == Array(114...127))
    }

    /// The LibreOffice layouts: industry, subsidies and urgency merged, centred (header on
    /// every page) or bottom-aligned (header once), and the narrow columns with the industry
    /// merged (header once). Subsidies and urgency are exact (equal values on both sides of
    /// every boundary); each wrong row is reported with its row: an industry boundary the text
    /// cannot fix (a merged cell split by a page break prints its text at the top of its first
    /// part, whatever its alignment), or a name wrapped over a page break.
    @Test(arguments: [
        ("text/pdftotext-layout-merged-centre.txt", [112, 113, 151, 153, 165]),
        ("text/pdftotext-layout-merged-bottom.txt", Array(114...125) + [151, 152]),
        ("text/pdftotext-layout-merged-narrow.txt", []),
    ])
    func mergedLayoutDumpReportsEveryWrongRow(_ name: String, _ expectedWrong: [Int]) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.entries.count == 177)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let wrong = wrongRows(parsed)
        #expect(wrong == expectedWrong)
        let reported = Set(parsed.diagnostics.compactMap(\.seq))
        #expect(wrong.allSatisfy { reported.contains($0) })
        // Merged subsidy and urgency columns are said once each (a blank could mean none).
        let columnWarnings = parsed.diagnostics.filter { $0.message.contains("read as merged cells") }
        #expect(columnWarnings.count == (name.contains("narrow") ? 0 : 3))
        #expect(parsed.entries.allSatisfy {
            $0.training?.text == "初级、中级：2160元/人" && $0.assessment?.text == "初级或中级：160元/人" && $0.urgent == true
        })
    }
}
