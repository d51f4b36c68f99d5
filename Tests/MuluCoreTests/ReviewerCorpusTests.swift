import Foundation
import Testing
@testable import MuluModel
@testable import MuluPipeline
@testable import MuluTable
@testable import MuluEntries

/// Notices from reviewers' generators (round 10) that mulu got wrong or refused, each with the
/// entries the generator wrote (never mulu's): every field asserted.
@Suite struct ReviewerCorpusTests {
    /// A reviewer's expected entries (`…expected.json`, a fixture), as JSON objects.
    func expectedRows(_ file: String) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: fixture(file)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// Parses fixture `name`, expects no error and as many entries as `expected` (a reviewer's
    /// expected entries) lists; both returned, for the fields a test compares.
    func parsedWithoutErrors(_ name: String, expected file: String) throws -> (ParsedNotice, [[String: Any]]) {
        let parsed = try parseFixture(name)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let expected = try expectedRows(file)
        #expect(parsed.entries.count == expected.count)
        return (parsed, expected)
    }

    /// Expects a diagnostic naming each row (and saying `saying`) whose value `value` differs from
    /// the expected entry's `key`; returns how many rows differ.
    @discardableResult
    func expectDifferencesWarned<T: Equatable>(
        _ parsed: ParsedNotice, _ expected: [[String: Any]], _ key: String, saying: String = "", _ value: (Entry) -> T?
    ) -> Int {
        var differ = 0
        for (entry, want) in zip(parsed.entries, expected) where value(entry) != want[key] as? T {
            #expect(parsed.diagnostics.contains { $0.seq == entry.seq && (saying.isEmpty || $0.message.contains(saying)) }, "row \(entry.seq)")
            differ += 1
        }
        return differ
    }

    /// Checks `parsed` against a reviewer's expected entries: seq, industry, code, name, urgency,
    /// extra columns, and each subsidy's levels, amount per level and cap (amounts written as
    /// `{"初级": 1600}` or `[{"level": "初级", "amountYuan": 1600}]`).
    /// Every field of every entry as the reviewer's generator made it; rows of `guessed` may
    /// differ in their industry only, each named by a warning (a merged cell the layout without
    /// rules cannot bound).
    func expectReviewerEntries(_ parsed: ParsedNotice, _ expectedFile: String, guessed: Set<Int> = []) throws {
        let expected = try expectedRows(expectedFile)
        #expect(parsed.entries.count == expected.count)
        func amounts(_ e: [String: Any]) -> [String: Int] {
            if let byLevel = e["amounts"] as? [String: Int] { return byLevel }
            let list = e["amounts"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.compactMap { a in
                (a["level"] as? String).flatMap { l in (a["amountYuan"] as? Int).map { (l, $0) } }
            })
        }
        func same(_ s: Subsidy?, _ e: Any?) -> Bool {
            guard let e = e as? [String: Any] else { return s == nil }
            guard let s else { return false }
            return s.levels.map(\.rawValue) == (e["levels"] as? [String] ?? []) && s.upTo == (e["upTo"] as? Bool)
                && Dictionary(uniqueKeysWithValues: s.amounts.map { ($0.level.rawValue, $0.amountYuan) }) == amounts(e)
        }
        for (entry, row) in zip(parsed.entries, expected) {
            #expect(entry.seq == row["seq"] as? Int)
            if guessed.contains(entry.seq) {
                #expect(parsed.diagnostics.contains { $0.severity == .warning && $0.seq == entry.seq && $0.message.contains("merged cell") }, "row \(entry.seq)")
            } else {
                #expect(entry.industry == row["industry"] as? String, "row \(entry.seq)")
            }
            #expect(entry.code == row["code"] as? String, "row \(entry.seq)")
            #expect(entry.name == row["name"] as? String, "row \(entry.seq)")
            #expect(entry.urgent == row["urgent"] as? Bool, "row \(entry.seq)")
            #expect(same(entry.training, row["training"]), "row \(entry.seq)")
            #expect(same(entry.assessment, row["assessment"]), "row \(entry.seq)")
            // (An empty extra cell is no key of `extra`.)
            #expect(entry.extra == (row["extra"] as? [String: String] ?? [:]).filter { !$0.value.isEmpty }, "row \(entry.seq)")
        }
    }

    /// Parses fixture `stem` + `ext` (a reviewer's notice), expects no error and every field of
    /// the reviewer's `stem.expected.json` (`expectReviewerEntries`); with `ruled`, the rows read
    /// by the table's rules. Returns the notice for a test's own checks.
    @discardableResult
    func parseExactReviewerNotice(_ stem: String, _ ext: String, ruled: Bool = false, guessed: Set<Int> = []) throws -> ParsedNotice {
        let parsed = try parseFixture(stem + ext)
        if ruled { #expect(parsed.recovery?.method == .rules) }
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        try expectReviewerEntries(parsed, "\(stem).expected.json", guessed: guessed)
        return parsed
    }

    /// A ruled table without a 序号 column (a reviewer's python-docx table printed by LibreOffice:
    /// 职业编码 first, a grouped 补贴标准 header, the industry merged; and a reportlab one with a
    /// 备注 column last): each name cell starts a row, numbered as they come. Before, each notice
    /// was refused ("a header but no numbered row under it").
    @Test(arguments: ["reviewer-no-seq-column", "reviewer-no-seq-remarks"])
    func aRuledTableWithoutSeqColumnIsNumberedAsItComes(_ name: String) throws {
        try parseExactReviewerNotice(name, ".pdf", ruled: true)
    }

    /// Text laid out in columns from a reviewer's generator, each read exactly with no error:
    /// - `blank-line-rows` (GB18030): an empty line between rows, each row's industry wrapped and
    ///   centred on its number (`农、林、牧、` / `39 …` / `渔业`); a band between empty lines holding
    ///   one row number is that row, whole. Before, `渔业` went to row 40, with no diagnostic.
    /// - `remark-note`: `备注：` then numbered notes (`1. 本目录…`), no row. Before, the first note
    ///   was entry 178 (seq 1, name `备注：`), exit 0.
    /// - `two-tables`: 附件1's rows, a page mark, then `附件2`, its title, `（2025年版）` and its own
    ///   header with a 培训学时 column; each table its rows and columns. Before, `附件2` was "text in
    ///   the 序号 column" (an error) and the second table was read with the first one's columns.
    /// - `header-unit-wrapped`: a header cell's unit wrapped below it (`培训补贴标准（元/` over
    ///   `人）`) is the header's. Before, `人）` was read into row 1's training cell.
    @Test(arguments: ["blank-line-rows", "remark-note", "two-tables", "header-unit-wrapped"])
    func textLaidOutInColumnsIsReadExactly(_ name: String) throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-layout-\(name)", ".txt")
        switch name {
        case "blank-line-rows": #expect(parsed.entries.first { $0.seq == 39 }?.industry == "农、林、牧、渔业")
        case "two-tables": #expect(Set(parsed.entries.map(\.table)) == [0, 1])
        default: break
        }
    }
    /// Writer tables from a round-32 reviewer's python-docx generator, Word-tight cells (no top
    /// or bottom padding), so glyphs touch the row rules:
    /// - `glyphs-touch-rules` (9 pt, landscape, a 备注 column): the strokes of a line set against
    ///   a rule chained into its shape and pulled its fitted line a point or two off the same rule
    ///   in the next columns, so the grid grew a phantom row and cells spanned two rows; and a row
    ///   cut by the page break to one line chained the rules above and below it into one. A
    ///   rule's line now comes from its long runs alone (`RuleFinder.longRunRules`). Before, 20
    ///   errors (codes "run together").
    /// - `note-under-last-row` (`注：…每人每次 160 元。` right under the last row): the note's `160`
    ///   under the name column is no overflow of the last row's name. Before, refused.
    /// - `bare-page-numbers` (12 pt, header once, a Word footer holding only the page number,
    ///   set right): a lone number on a page's last lines that counts the pages is a page mark
    ///   (`LineClassifier.barePageNumbers`). Before, "text outside the table's cells", refused.
    /// - `glyph-strokes-in-cut-row` (round 32, the industry after the name, merged and split by a
    ///   page break, `农、林、` in the last row of the page, cut to one line): the strokes of the
    ///   glyphs touching the rules above and below that row were found as short vertical rules
    ///   through its text, and a line of glyphs in the row before as a horizontal one; rules
    ///   lying within a line of text are glyph strokes (`GlyphStrokes`). Before, the break join
    ///   saw an empty part, and 22 rows were published `牧、渔业` (warned as a disagreement).
    /// - `text-touching-row-rule` (round 33, subsidies merged over runs): names set against a
    ///   row rule made its shape too thick, and only its stretch clear of them was kept, so the
    ///   name cells of two rows merged; text on one side of a rule leaves the whole run a rule
    ///   (`RuleFinder.runOut`). Before, refused ("a row rule not found?").
    @Test(arguments: ["glyphs-touch-rules", "note-under-last-row", "bare-page-numbers", "glyph-strokes-in-cut-row", "text-touching-row-rule"])
    func writerTablesWithTightCellsAreExact(_ name: String) throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-\(name)", ".pdf", ruled: true)
        if name == "bare-page-numbers", let recovery = parsed.recovery {
            let marks = recovery.pages.indices.flatMap { p in
                recovery.pages[p].lines.indices.filter { recovery.roles[p][$0] == .pageMark }.map { recovery.pages[p].lines[$0].compactText }
            }
            #expect(marks == recovery.pages.map { "\($0.number)" })
        }
    }

    /// Chromium tables without a repeated header (`<thead>`), from a round-32 reviewer: a row
    /// split by a page break has no rule over its rest at the top of the next page, nor does a
    /// whole row printed there; the table's outer vertical rules start above its first row rule
    /// (`GridBuilder.closed`, as at the foot of a page). Before, `row-split-open` published rows
    /// 56 and 67 with their industries cut (`电力、热力、燃气及`, the rest only warned as text
    /// outside the cells), and `row-atop-page-open` was refused (row 118 outside every cell).
    ///
    /// `browser-header-footer`: Chromium's own header (`12/7/26, 1:37 AM` and the page's title)
    /// and footer (the file's address, `1/10`) on every page are page furniture
    /// (`LineClassifier.isBrowserFurniture`). Before, refused: "text outside the table's cells".
    @Test(arguments: ["row-split-open", "row-atop-page-open", "browser-header-footer"])
    func chromiumPagesAreReadExactly(_ name: String) throws {
        let parsed = try parseExactReviewerNotice("reviewer-chromium-\(name)", ".pdf", ruled: true)
        // (The notes under the last row are text outside the cells; nothing atop a page is.)
        #expect(!parsed.diagnostics.contains { d in
            d.message.hasPrefix("text outside the table's cells") && ["1", "2"].contains { d.message.hasSuffix("(text line \($0) of the page)") }
        })
    }

    /// Numbered notes right under a ruled table (`1. 本目录由…负责解释。`, `2. …`, `3. …`; Calc and
    /// reportlab, a round-32 reviewer's): the text alignment read them as rows 1–3, numbered back,
    /// their words run across the columns; a row numbered back whose words lie on its line and
    /// lines below that read as notes, with no code, is a note (`TableRecovery`). Before, each
    /// was "found by the text alignment, not in any ruled cell", an error, and the notice refused.
    @Test(arguments: ["calc", "reportlab"])
    func numberedNotesUnderARuledTableAreNoRows(_ producer: String) throws {
        let parsed = try parseExactReviewerNotice("reviewer-\(producer)-numbered-notes-under-table", ".pdf", ruled: true)
        let notes = parsed.diagnostics.filter { ($0.excerpt ?? "").hasSuffix("。") && $0.message.hasPrefix("text outside the table's cells") }
        #expect(notes.count == 3 && notes.allSatisfy { $0.severity == .warning })
    }

    /// Lines that close a notice after its table, laid out in columns (a round-32 reviewer's
    /// `pdftotext -layout` dumps): `（此件公开发布）`, a web page's `【打印本页】【关闭窗口】`, the
    /// issuer and the date set right, a contact line. None is a cell of the last row: each is
    /// text after the table (`NoteText.closesNotice`), warned. Before, the first two were glued
    /// onto row 60's industry with no diagnostic, and the last two refused the notice.
    @Test(arguments: ["public-line", "web-controls", "signature-date", "contact-line"])
    func linesClosingANoticeAreNoCells(_ name: String) throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-layout-closing-\(name)", ".txt")
        let closing = parsed.diagnostics.filter { $0.message == "a note after the table, not a row" }
        #expect(closing.count == (name == "signature-date" ? 2 : 1))
        #expect(closing.allSatisfy { $0.severity == .warning && NoteText.closesNotice(Blank.removed(from: $0.excerpt ?? "")) })
    }

    /// An industry merged and centred, laid out as text with each cell cut by a page break
    /// centred on its whole run of rows (a round-32 reviewer's dump): every label also fits at
    /// the foot of its block, and which reading is meant cannot be told. The rows read one way
    /// are kept, and each row the other reading gives another industry is warned by row and
    /// column. Before, the cut blocks' centring was not weighed, and 21 of the 33 rows read
    /// against the publisher's came with no diagnostic.
    @Test func aMergedIndustryCentredOverABreakIsRightOrWarned() throws {
        let (parsed, expected) = try parsedWithoutErrors("text/reviewer-layout-merged-centre-over-break.txt", expected: "text/reviewer-layout-merged-centre-over-break.expected.json")
        let warned = Set(parsed.diagnostics.filter {
            $0.severity == .warning && $0.message.contains("行业 comes from a merged cell")
        }.compactMap(\.seq))
        for (entry, row) in zip(parsed.entries, expected) {
            #expect(entry.code == row["code"] as? String && entry.name == row["name"] as? String)
            guard entry.industry != row["industry"] as? String else { continue }
            #expect(warned.contains(entry.seq), "row \(entry.seq): \(entry.industry ?? "nil") with no warning")
        }
    }

    /// A Markdown notice split by headings (`### 一、制造业`, its table, `### 二、电力…`, the
    /// header again, …; a round-32 reviewer's): a Markdown heading's marks are no part of the
    /// heading (`SectionHeading.name`), so each names its rows' industry. Before, the second
    /// heading was "not a row of the table", refused.
    @Test func markdownHeadingsNameTheIndustry() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-markdown-sections", ".txt")
        #expect(Set(parsed.entries.compactMap(\.industry)).count > 1)
    }

    /// A 备注 column laid out as text, row 1's remark `2024年新` / `增` wrapped around its number,
    /// its first line right under the header (a round-32 reviewer's): a year and a character is
    /// no header's word (`LineClassifier.isHeaderCandidate`), so the line is row 1's. Before,
    /// the header cell read `备注2024年新`, and every later page's `备注` was "not among the header
    /// cells read", refused.
    @Test func aRemarkWithAYearAboveTheFirstRowIsNoHeader() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-layout-remark-year-above-row", ".txt")
        #expect(parsed.entries.first?.extra.values.contains("2024年新增") == true)
    }

    /// Text aligned for display (a wide character two columns), every cell centred in its
    /// column, codes in full-width digits (a round-32 reviewer's): the cells' starts vary, their
    /// middles line up in display columns (`TextLayout.isDisplayAligned`). Before, the text was
    /// read by character, the urgency marks of rows whose codes are longer fell into the subsidy
    /// band, and those rows were refused.
    @Test func centredCellsAlignedForDisplayAreReadSo() throws {
        try parseExactReviewerNotice("text/reviewer-layout-centred-display-aligned", ".txt")
    }

    /// A table copied cell by cell (each cell on a line of its own), its industry given as
    /// section headings on lines of their own, the first right under the header (a round-32
    /// reviewer's): a heading is no header cell and no row's cell, and names the rows under it
    /// (`CellPerLine`). Before, the first heading was read as a seventh header cell and the
    /// notice was refused with exit 1 ("the row there does not have 7 lines").
    @Test func cellPerLineSectionHeadingsNameTheIndustry() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-cell-per-line-headings", ".txt")
        #expect(Set(parsed.entries.compactMap(\.industry)).count > 1)
    }

    /// Rows split by page breaks in text laid out in columns (a round-32 reviewer's): row 160's
    /// industry starts at the foot of page 11 (`交通运输、`) under row 159's whole
    /// `交通运输、仓储和邮政业`, and goes on atop page 12. The row before whole without it, this row
    /// whole with it, as other rows of the column read: it stays this row's start
    /// (`TableRecovery.cellsCutByPageBreaks`), with the warning that it may be the row before's.
    /// Before, it was carried back to row 159 (`交通运输、仓储和邮政业交通运输、`), warned.
    @Test func anIndustryStartingAtAPageFootStaysItsRows() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-layout-industry-start-at-page-foot", ".txt")
        #expect(parsed.diagnostics.contains { $0.seq == 160 && $0.message.contains("begins with `交通运输、` from page 11") })
    }

    /// Checks `parsed` against a round-12 reviewer's expected entries (seq, industry, code, name,
    /// each subsidy's text as published and urgency), every field.
    func expectPublishedTexts(_ parsed: ParsedNotice, _ expectedFile: String) throws {
        let expected = try expectedRows(expectedFile)
        #expect(parsed.entries.count == expected.count)
        for (entry, row) in zip(parsed.entries, expected) {
            #expect(entry.seq == row["seq"] as? Int)
            #expect(entry.industry == row["industry"] as? String, "row \(entry.seq)")
            #expect(entry.code == row["code"] as? String, "row \(entry.seq)")
            #expect(entry.name == row["name"] as? String, "row \(entry.seq)")
            #expect(entry.training?.text == row["training_text"] as? String, "row \(entry.seq)")
            #expect(entry.assessment?.text == row["assessment_text"] as? String, "row \(entry.seq)")
            #expect(entry.urgent == row["urgent"] as? Bool, "row \(entry.seq)")
        }
    }

    /// Two tables in one text notice (tab-separated, and laid out in columns), each with its
    /// label, title and a `单位：元/人` line above its header: the second table's unit line is text
    /// before that table (a warning, as the first's is), never the rest of the first table's
    /// last name. Before, row 100 was `并条工单位：元/人`, with no diagnostic.
    @Test(arguments: ["reviewer-tsv-two-tables-unit-lines", "reviewer-layout-two-tables-unit-lines"])
    func aLaterTablesUnitLineIsTextBeforeIt(_ name: String) throws {
        let parsed = try parseFixture("text/\(name).txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        try expectPublishedTexts(parsed, "text/\(name).expected.json")
        let units = parsed.diagnostics.filter { $0.excerpt == "单位：元/人" }
        #expect(units.count == 2)
        #expect(units.allSatisfy { $0.severity == .warning && $0.message.contains("text before the table") })
    }

    /// A CSV whose rows have every cell but two, one and two cells short (`…,160元/人` with no
    /// urgency cell, `…,2160元/人` with no assessment either): a row without an assessment cell,
    /// where every other row fills it, lost a cell: which cannot be told, an error naming the
    /// row. Before, it was read with no assessment and not urgent, exit 0. (Row 31, one cell
    /// short, is read as a writer that cuts empty cells off a row's end writes it: not urgent.)
    @Test func aCSVRowShortOfAFilledCellIsAnError() throws {
        let parsed = try parseFixture("text/reviewer-csv-rows-short.csv")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == [
            "row 32 has 5 cells, the header 7, and other rows fill the ones it lacks: which cell is missing cannot be told",
        ])
        #expect(errors.map(\.line) == [33])
    }
    /// A CSV cut off inside a quoted cell (`177,…,全媒体运营师,"初级、中` and the end of the file):
    /// the name read with the rest of the row in it holds a straight double quote, which no
    /// occupation's name does: an error naming the row. Before, only "looks cut short", exit 0.
    @Test func aNameHoldingAQuoteIsAnUnclosedCell() throws {
        let parsed = try parseFixture("text/reviewer-csv-unterminated-quote.csv")
        let quoted = parsed.diagnostics.filter { $0.message.contains("holds a double quote") }
        #expect(quoted.map(\.severity) == [.error])
        #expect(quoted.first?.message == "row 177: the name `全媒体运营师\"初级、中` holds a double quote: a quoted cell not closed?")
    }

    /// Held-out layouts (LibreOffice tables made this stop, never tuned on; the text ones are
    /// their `pdftotext -layout` dumps), each exact in every field:
    /// - cells bottom-aligned in narrow columns (industries and names wrapped above their row
    ///   numbers): top and bottom alignment fit the industries alike; the names, read first, and
    ///   an industry's ending (`…业`) decide. Before, 20 rows were wrong with no diagnostic;
    /// - the name before the code and the industry after it, text run across the columns: the
    ///   free text is split by the header's order (`ContentColumns`). Before, names and
    ///   industries were swapped in all 30 rows, with warnings only;
    /// - subsidies merged, urgency not (three neighbouring rows each print a mark): blank
    ///   urgency cells are not urgent. Before, 15 rows were given a neighbour's mark;
    /// - rows ruled across only, with dotted rules, the industry merged and bottom-aligned: the
    ///   rules show where each merged cell ends (`RowRules`). Before, 11 rows were wrong;
    /// - rows ruled across only, the industry merged and centred over page breaks, names wrapped
    ///   around their numbers: a cell the rules close above and below is its row's, before the
    ///   alignment programme places the rest (`RowRules.settle`). Before, row 114's name went
    ///   to row 115, an error;
    /// - numbered notes after the table (`注：1.`, `2.`, `3. 本目录…有效期 1 年。`), the last
    ///   run onto a page of its own: a page after the last ruled table holding only notes holds
    ///   no rows (`RuledRows.readsAsNote`), and a row of nothing but its number, numbered back,
    ///   on a line that reads as a note, is a note. Before, both were refused (row 3 had no name);
    /// - rows ruled across only (Writer from python-docx, a reviewer's), the urgency column
    ///   merged over runs of `*`, the subsidies not: the rules show the merged cells. Before,
    ///   only the rows printing the mark were urgent, 92 rows wrong with 1 warning;
    /// - the same from Calc, `●` bottom-aligned, a merged cell cut by a page break printing
    ///   its mark in the part after the break: the part before joins it. Before, 42 rows wrong;
    /// - the same from Calc, top-aligned, where two glyphs' strokes side by side were found as a
    ///   short rule through a line of text: rules through text are no rules between rows.
    ///   Before, three industries took the line of the row above (`共设施管理水利、环境和公`),
    ///   with no diagnostic;
    /// - very narrow columns, the header printed once (names one blank before the subsidies,
    ///   the name header's words set apart from the body's columns): names run into the subsidy
    ///   band to the right of the name header, where their shape tells them from subsidies; an
    ///   industry wrapped to six lines runs past `maxRowDistance`, each line joining the cell it
    ///   touches (`RowAssembler.adjoins`). Before, every row was refused (no name);
    /// - the same, bottom-aligned, with numbered notes under the last row: the note `2.`,
    ///   numbered back, gives the words above its line back to the last row. Before, refused,
    ///   and then `数字产业` cut to `数字产`;
    /// - medium columns whose name header sits apart from the body's names: before, refused;
    /// - 20 rows, an industry merged and wrapped (`服务业-数` / `字行业`) whose second line was
    ///   given to the row after next: a merged value's next line right under it joins it over
    ///   the blank row between. Before, refused, then two industries cut;
    /// - narrow, the header `序号 所属行业 职业（工种）名称 职业编码`: industry and name both left
    ///   of the code, in one band, parted where the lines holding both part them
    ///   (`ContentColumns.textParting`). Before, every name on page 2 went to the industry, refused.
    /// - Writer, 8 pt, cells with no padding: a subsidy's `元/` set against the column rule and
    ///   the next cell's text against its other side were one run of glyphs; a vertical rule
    ///   three lines tall or more between two glyphs parts them (`PDFSource.lines`). Before,
    ///   refused (`元/初级或中级：160 元/人`: "the columns were mapped wrongly").
    @Test(arguments: [
        "heldout-tight-text-against-rules.pdf",
        "text/heldout-industry-name-before-code-narrow.txt",
        "text/heldout-very-narrow-header-once.txt", "text/heldout-very-narrow-bottom-notes.txt",
        "text/heldout-name-header-apart.txt", "text/heldout-merged-industry-wrapped-apart.txt",
        "text/heldout-bottom-aligned-narrow.txt", "text/heldout-industry-after-name.txt",
        "text/heldout-merged-subsidies-bottom.txt", "heldout-dotted-hrules-merged-bottom.pdf",
        "heldout-notes-run-onto-last-page.pdf", "text/heldout-numbered-notes.txt",
        "heldout-hrules-merged-centre-over-breaks.pdf", "reviewer-hrules-merged-urgency.pdf",
        "reviewer-hrules-urgency-bottom-over-break.pdf", "reviewer-hrules-glyph-strokes.pdf",
    ])
    func heldOutLayoutIsExact(_ name: String) throws {
        let parsed = try parseFixture(name)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let stem = name.replacingOccurrences(of: ".txt", with: "").replacingOccurrences(of: ".pdf", with: "")
        try expectPublishedTexts(parsed, "\(stem).expected.json")
        if name.contains("notes") {
            #expect(parsed.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("a numbered note after the table, not a row") })
        }
    }

    /// Urgency merged over runs of rows, subsidies not (a held-out dump): a mark printed on a
    /// line of its own between two rows is a merged cell's, and which rows it spans cannot be
    /// told, so the rows are errors. Before, its blank neighbours were published not urgent,
    /// 10 rows wrong with no diagnostic.
    @Test func aMarkBetweenRowsIsAMergedCellInDoubt() throws {
        let parsed = try parseFixture("text/heldout-merged-urgency-only.txt")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.contains("is printed off the row's lines, between two rows") && $0.seq != nil })
        #expect(errors.contains { $0.seq == 4 && $0.excerpt == "是" })
    }

    /// Rows ruled across only (a reviewer's Writer PDF): the first row on a page, its subsidies
    /// wrapped around its number, lost them to the last row of the page before, whose cells
    /// then read `初级、中级：2160元/人初级、中级：2160元/人`. That was read as one subsidy, and
    /// the row's subsidies published as none, with no diagnostic; then, a subsidy printed twice
    /// being unreadable, row 40 was an error. Now the rules close each page's first and last
    /// rows too (`RowRules.settle`), and the rest of row 40 at the top of the next page, under
    /// the header's rule and above row 41's, is row 40's: every row reads as published.
    @Test func aSubsidyPrintedTwiceIsNotRead() throws {
        let parsed = try parseFixture("reviewer-hrules-subsidy-taken-over-break.pdf")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        let entries = parsed.entries
        #expect(entries.count == 68)
        for seq in [19, 39, 40, 41, 60] {
            let e = entries.first { $0.seq == seq }
            #expect(e?.training?.text == "初级、中级：2160元/人", "row \(seq)")
            #expect(e?.assessment?.text == "初级或中级：160元/人", "row \(seq)")
        }
        #expect(entries.first { $0.seq == 40 }?.name == "环境监测员")
    }

    /// Round-34 reviewer notices of another prefecture's rows (伊犁州), each read exactly:
    /// - `reviewer-hrules-merged-bottom-wrapped` (Writer, rows ruled across only, the industry
    ///   merged and bottom-aligned, wrapped over several lines): the rules across the 序号 column
    ///   say which row's band holds each line of a merged value (`RowRules.row(holding:)`), and the
    ///   lines of one value given to two rows are joined. Before, the first row had `现代农业` and
    ///   the rest `（设施农业、特色林果业、畜牧养殖）`, with no diagnostic.
    /// - `reviewer-hrules-merged-top-cut-by-break`: a merged industry whose lines a page break
    ///   parts (`交通运输和` at a page's foot, `物流业` on the next page) is one cell.
    /// - `reviewer-level-named-header-cells` (LibreOffice HTML table): level sub-columns printed as
    ///   header cells of their own (`培训补贴标准（元/人）（初级）` …). Before, the 中级 and 高级
    ///   columns were "text in a column without a header".
    /// - `reviewer-summary-table-before-catalogue` (Calc, two sheets): 附件1 a summary of counts
    ///   per industry (`1 现代农业… 18 8`), then 附件2 the catalogue. A count is no code: the
    ///   summary is a later attachment, warned line by line, not "a catalogue row lost" (11 errors).
    @Test(arguments: ["reviewer-hrules-merged-bottom-wrapped", "reviewer-hrules-merged-top-cut-by-break",
                      "reviewer-level-named-header-cells", "reviewer-summary-table-before-catalogue"])
    func round34RuledNoticesAreReadExactly(_ name: String) throws {
        let parsed = try parseExactReviewerNotice(name, ".pdf")
        if name == "reviewer-level-named-header-cells" {
            #expect(parsed.entries.first?.training?.amounts.map(\.amountYuan) == [1600, 2000, 2600])
        }
    }

    /// Round-34 reviewer text notices, each read exactly:
    /// - `reviewer-level-named-header-cells.md`: a Markdown table with one header cell per level
    ///   (`培训补贴标准（元/人）（初级）`, `（中级）`, `（高级）`). Before, training was the 初级 amount
    ///   alone and the others extra columns, all 60 rows, with no diagnostic.
    /// - `reviewer-spaces-unaligned`, `…-no-industry`: cells apart by runs of two to four blanks,
    ///   aligned nowhere (a web page copied as text). Before, the columns were taken from the
    ///   header's positions: the urgency glued to names (`园艺工否`) and codes, no error.
    @Test(arguments: ["reviewer-level-named-header-cells.md", "reviewer-spaces-unaligned.txt",
                      "reviewer-spaces-unaligned-no-industry.txt"])
    func round34TextNoticesAreReadExactly(_ file: String) throws {
        let dot = file.lastIndex(of: ".")!
        try parseExactReviewerNotice("text/" + String(file[..<dot]), String(file[dot...]))
    }

    /// Cells that must not be published (round 34), each an error naming its row:
    /// - a cap on one line of a ruled cell (`初级：1600元/人` over `中级：最高2000元/人`): its lines
    ///   joined without a separator were read as capped at both levels (`upTo` on 初级 too);
    /// - `中级：元/人`, a level without its amount, and `特级：2000元/人`, an amount for a level
    ///   mulu does not know: each was kept as a note after the amounts (`中级：元/人`), exit 0.
    @Test(arguments: [("reviewer-cap-on-one-line-of-a-cell.pdf", [6, 19]), ("text/reviewer-subsidy-unknown-level.csv", [14]),
                      ("text/reviewer-subsidy-level-no-amount.txt", [3])])
    func aSubsidyPartlyReadIsAnError(_ file: String, _ rows: [Int]) throws {
        let parsed = try parseFixture(file)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(Set(errors.compactMap(\.seq)) == Set(rows))
        #expect(errors.allSatisfy { $0.message.contains("cannot read the") && $0.message.hasSuffix("subsidy") })
    }

    /// A round-34 reviewer's Calc table laid out by `pdftotext -layout` (landscape, the industry
    /// `现代农业（设施农业、特色林果业、畜牧养殖）` merged and wrapped over five lines): the
    /// alignment parts its lines between blocks, `畜牧养殖）` given to rows 12 on. A cell that
    /// closes a bracket it did not open, or leaves one open, is now an error naming its row; it
    /// used to be published (exit 0, 40 rows wrong).
    @Test func aBracketPartedBetweenRowsIsAnError() throws {
        let parsed = try parseFixture("text/reviewer-layout-industry-bracket-parted.txt")
        let brackets = parsed.diagnostics.filter { $0.severity == .error && $0.message.contains("has a bracket that does not close") }
        #expect(brackets.contains { $0.seq == 12 && $0.excerpt == "畜牧养殖）" })
    }

    /// A tab-separated row whose code cell holds words (`见附表`) and whose last cell is empty
    /// (a tab at the line's end): each cell stands where its tabs put it, the code kept as
    /// published with a warning naming the row. Before, the trailing empty cell made the line
    /// one cell short, it was read by shape, and `见附表` was glued to the name (`见附表制米工`).
    @Test func aCodeInWordsStaysInItsTabCell() throws {
        let parsed = try parseFixture("text/reviewer-tabs-code-words.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        for seq in [5, 17] {
            let e = parsed.entries.first { $0.seq == seq }
            #expect(e?.code == "见附表", "row \(seq)")
            #expect(e.map { !$0.name.contains("见附表") } == true, "row \(seq)")
            #expect(parsed.diagnostics.contains { $0.seq == seq && $0.message.contains("not a national classification code") })
        }
        #expect(parsed.entries.first { $0.seq == 5 }?.name == "制米工")
    }

    /// A round-34 reviewer's dense Writer table laid out by `pdftotext -layout`: row 126's
    /// assessment printed over five lines (`初级：150 元/人` … `高级技师：360元/人`), its first line
    /// further from every row number than the alignment places text. That line was published
    /// away (a warning, row 126 without its 初级 amount), then refused ("text outside any row");
    /// one empty line above the cell's next line, it is the cell's first line (`pdftotext
    /// -layout` sets the training's lines between the assessment's).
    @Test func aCellLineFarFromItsRowOneEmptyLineAboveTheCellIsTheCells() throws {
        let parsed = try parseFixture("text/reviewer-layout-level-lines-far-from-row.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let row = parsed.entries.first { $0.seq == 126 }
        #expect(row?.assessment?.amounts.map(\.amountYuan) == [150, 200, 260, 300, 360])
        #expect(row?.training?.amounts.map(\.amountYuan) == [1600, 2000, 2400, 2800, 3200])
    }

    /// Round-35 reviewers' Calc tables ruled across only, each read exactly with no error:
    /// - `page-number-under-clipped-cell`: a merged cell's text clipped at a page's foot and
    ///   wrapped over lines printed after the footer's bare page number, which is one of the
    ///   page's last four lines. Before, the number `7` was glued to row 114's name.
    /// - `hrules-centred-cell-over-break`: an industry cell centred on its rows, most of them on
    ///   the next page: its part before the break prints nothing and takes the value printed after.
    ///   Before, 52 rows of two industries were given their neighbours' (6 of them unwarned).
    /// - `cut-cell-over-repeated-header`: a merged cell cut by the break printed again over the
    ///   next page's repeated header (`稀土新材料及应用` above `产业`, read into the header).
    ///   Before, that line was joined to the next block's `现代家具产业`, and rows 98–110 were
    ///   published as `稀土新材料及应用现代家具产业` with no diagnostic; the 说明 cells of rows
    ///   6 and 7 (an extra column ruled across) were also swapped by the alignment.
    @Test(arguments: ["reviewer-calc-page-number-under-clipped-cell", "reviewer-calc-hrules-centred-cell-over-break",
                      "reviewer-calc-cut-cell-over-repeated-header"])
    func round35CalcTablesRuledAcrossAreReadExactly(_ name: String) throws {
        try parseExactReviewerNotice(name, ".pdf")
    }

    /// A tab-separated notice without an industry column whose sections are headed in figures
    /// (`1. 纺织服装产业`, row numbers restarting under each): the heading is the rows' industry,
    /// not a row. Before, `1.` was read as row 1, and the heading as its name.
    @Test func sectionsHeadedInFiguresAreIndustries() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-tabs-headings-numbered-in-figures", ".txt")
        #expect(parsed.entries.first?.industry == "纺织服装产业")
    }

    /// A notice laid out by `pdftotext -layout` with merged industries wrapped around the row
    /// numbers (`纺织服装` / `产业`): where a row's industry reads as the end of one printed
    /// industry and the start of the next (`产业纺织服装`), the lines were parted between the
    /// wrong rows, and the row is an error naming it. Before, 53 rows (49 unwarned) were published with
    /// industries such as `产业纺织服装`, exit 0.
    @Test func anIndustryMadeOfItsNeighboursPiecesIsAnError() throws {
        let parsed = try parseFixture("text/reviewer-layout-industry-pieces-of-neighbours.txt")
        let errors = parsed.diagnostics.filter { $0.severity == .error && $0.message.contains("reads as pieces of the industries") }
        #expect(errors.contains { $0.seq == 4 && $0.excerpt == "产业纺织服装" })
        #expect(errors.contains { $0.seq == 45 && $0.excerpt == "现代物流业电子信息" })
    }

    /// A LibreOffice table laid out by `pdftotext -layout` (level sub-columns, the industry
    /// printed once mid-block): row 7's assessment `初级或中级：150 元/人`, as wide as its column,
    /// over row 8's `—`. A whole subsidy over a line saying none is two cells. Before, the two
    /// were read as one merged cell wrapped (`初级或中级：150 元/人—`) given to both rows, each an
    /// error. (The notice is still refused, for rows a page break parts: see the closing note.)
    @Test func noSubsidyUnderAFullLineIsACellOfItsOwn() throws {
        let parsed = try parseFixture("text/reviewer-layout-level-columns-none-under-full-line.txt")
        let seven = parsed.entries.first { $0.seq == 7 }, eight = parsed.entries.first { $0.seq == 8 }
        #expect(seven?.assessment?.text == "初级或中级：150元/人")
        #expect(eight != nil && eight?.assessment == nil)
        #expect(!parsed.diagnostics.contains { $0.severity == .error && ($0.seq == 7 || $0.seq == 8) })
    }

    /// A round-36 reviewer's fixed-width layout (UTF-16, top-aligned, each level's amount on a
    /// line of its own): row 3's assessment `初级：150元/人` over `中级：200元/人`, row 4's `—`
    /// under it. A cell saying none is whole on one line, so `—` over `—` is two cells. Before,
    /// row 3's second line was given to row 4, row 4's `—` to row 5 (`——`), with no diagnostic.
    @Test func aLevelLineStaysOverANoneCell() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-layout-level-lines-over-none", ".txt")
        #expect(parsed.entries.first { $0.seq == 3 }?.assessment?.amounts.count == 2)
        #expect(parsed.entries.first { $0.seq == 4 }.map { $0.assessment == nil } == true)
    }

    /// A round-36 reviewer's Chromium three-line table (rules above and below the header and
    /// under the table only), the industry merged and top-aligned:
    /// - row 53's training `五级：1400元/人` / `四级：1800元/人` / `三级：2300元/人`, its last line
    ///   pushed over the page break above row 54's `初级、中级：1600元/人`: lines naming levels
    ///   against the scale's order are two cells' (`TableRecovery.cellsCutByPageBreaks`), and the
    ///   line is row 53's. Before, row 54 was published with 高级 2300, silently. (A unit above
    ///   a page's first row number is now placed line by line, and its line goes to row 53.)
    /// - `现代服务业（含养老、托育、家政）`, its note wrapped over two lines, is a whole industry:
    ///   the next block's `现代农业` is no part of it. Before, rows 108–139 were published as
    ///   `现代服务业（含养老、托育、家政）现代农业`, silently.
    @Test func aThreeLineTableIsReadExactly() throws {
        let parsed = try parseExactReviewerNotice("reviewer-chromium-three-line-level-over-break", ".pdf")
        #expect(parsed.entries.first { $0.seq == 53 }?.training?.amounts.map(\.amountYuan) == [1400, 1800, 2300])
    }

    /// A round-36 reviewer's Writer table whose header row is just tall enough for its line:
    /// the strokes of `培训补贴标准（元/人）` touch the rules of its 初级 | 中级 | 高级 sub-columns
    /// below and were found with them as rules through the merged header cell, parting it
    /// (`培训补` | `贴标准（元` | `/人）`). A vertical rule's end through a glyph is cut
    /// (`RuleEnds`): the header names the three level columns. Before, two of them were
    /// "text in a column without a header", which one changing from run to run (the header
    /// cells were visited in a set's order, now in grid order). (The notice is still refused,
    /// for rows its grey stripes run together: see the closing note.)
    @Test func glyphStrokesDoNotPartAMergedHeaderCell() throws {
        let parsed = try parseFixture("reviewer-writer-header-glyphs-touch-subcolumn-rules.pdf")
        #expect(!parsed.diagnostics.contains { $0.message.contains("text in a column without a header") })
        let first = try #require(parsed.entries.first { $0.seq == 1 })
        #expect(first.training?.amounts.map(\.amountYuan) == [1600, 2000])
        #expect(first.training?.amounts.map(\.level) == [.junior, .intermediate])
    }

    /// Round-34 Calc tables laid out by `pdftotext -layout`, merged industries printed once:
    /// - `tail-printed-again`: `交通运输和物` / `流业` at the foot of its block and `流业` printed
    ///   again, clipped, under the next row; the next block was given `流业`, and rows 68–74 the
    ///   industry of the block below, 10 of them with no diagnostic. A block whose industry is the
    ///   end of the block's above is now an error naming its first row.
    /// - `cut-short-block`: a block given `信息技术服务` over rows of `信息技术服务业`, row 109
    ///   unwarned. A block whose industry is the next one's but for a character or two is an error.
    @Test(arguments: [("text/reviewer-layout-industry-tail-printed-again.txt", 82, "流业"),
                      ("text/reviewer-layout-industry-cut-short-block.txt", 95, "信息技术服务")])
    func anIndustryThatIsAPieceOfTheNextBlocksIsAnError(_ file: String, _ seq: Int, _ excerpt: String) throws {
        let parsed = try parseFixture(file)
        #expect(parsed.diagnostics.contains { $0.severity == .error && $0.seq == seq && $0.excerpt == excerpt })
    }
}


extension ReviewerCorpusTests {
    /// A round-36 reviewer's Calc three-line table (no rule between rows) set tight: a row's last
    /// line touches the next row's first, so a column's lines of two rows were one unit, given to
    /// one row (`初级、中级：1800元/人初级、中级：1600元/人`, "row 2 has no name"). In a column of
    /// one cell per row, a unit as tall as two rows' numbers is its lines. Every field but the
    /// merged industry is now exact; each row whose industry the layout leaves in doubt (a block
    /// running over a page break) is warned by name.
    @Test func aTightThreeLineTableIsReadRowByRow() throws {
        let (parsed, expected) = try parsedWithoutErrors("reviewer-calc-three-line-tight-rows.pdf", expected: "reviewer-calc-three-line-tight-rows.expected.json")
        for (entry, want) in zip(parsed.entries, expected) {
            #expect(entry.name == want["name"] as? String)
            #expect(entry.code == want["code"] as? String)
            let training = want["training"] as? [String: Any], assessment = want["assessment"] as? [String: Any]
            #expect(entry.training?.amountYuan == training?["amountYuan"] as? Int, "row \(entry.seq)")
            #expect(entry.assessment?.amountYuan == assessment?["amountYuan"] as? Int, "row \(entry.seq)")
        }
        expectDifferencesWarned(parsed, expected, "industry", saying: "行业") { $0.industry }
        expectDifferencesWarned(parsed, expected, "urgent") { $0.urgent }
    }

    /// A round-36 reviewer's Writer table ruled across only: a glyph's strokes crossing two rules
    /// on one page made a "table" 3.7 pt wide there, so the rules across did not settle the rows,
    /// and the 备注 column's `含装载机、挖掘机` (row 37) and `需持证上岗` (row 39) were one cell of
    /// row 38. A table is at least a rule's length wide, and an extra column's units an empty
    /// line apart are two cells.
    @Test func aGlyphBoxIsNoTable() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-ruled-across-glyph-box", ".pdf")
        #expect(parsed.entries.first { $0.seq == 38 }?.extra["备注"] == nil)
    }

    /// A round-37 reviewer's Writer table with a narrow code column: row 24's line holds its
    /// number, the code's middle piece and the assessment's `—` (`24 05- —`), which was taken for
    /// a page mark (`— 24 —`); the row's cells were "text in no numbered row", a warning, and the
    /// catalogue was published without row 24. A page mark has dashes on both sides, and ruled
    /// cells that no numbered row holds, among the rows, are an error.
    @Test func aRowNumberBesideADashIsNoPageMark() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-row-number-code-piece-dash", ".pdf")
        #expect(parsed.entries.first { $0.seq == 24 }?.name == "OLED显示模组装配工")
    }

    /// A round-37 reviewer's Writer table whose merged industry cells are set turned a quarter
    /// anticlockwise (`btLr`, read bottom to top): each industry is one fragment in the PDF's
    /// own order (`TurnedText`). Before, every row's industry read backwards
    /// (`业产料材新及工加深精铝`), with no diagnostic.
    @Test func textTurnedAnticlockwiseReadsBottomToTop() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-industry-turned-btlr", ".pdf")
        #expect(parsed.entries.first?.industry == "铝精深加工及新材料产业")
    }

    /// A round-37 reviewer's Calc table whose header is set over three lines (`国家职业分类` /
    /// `职业（工种）` / `代码`, `是否紧` / `缺`): its first line was taken for text before the table,
    /// the urgency column for an extra one (`缺`), and every row was published with urgent null,
    /// with a catalogue-level warning only. A line right above the header whose every fragment is
    /// in a ruled cell holding header text is the header's (`TableRecovery.headerLinesInRules`).
    /// (Rows 35–38, under a merged cell Calc centres across a page break, keep a warning naming
    /// each: see the closing note.)
    @Test func aHeaderOverThreeLinesInItsRulesNamesEveryColumn() throws {
        let (parsed, expected) = try parsedWithoutErrors("reviewer-calc-header-over-three-lines.pdf", expected: "reviewer-calc-header-over-three-lines.expected.json")
        for (entry, want) in zip(parsed.entries, expected) {
            #expect(entry.urgent == want["urgent"] as? Bool, "row \(entry.seq)")
            #expect(entry.extra == (want["extra"] as? [String: String] ?? [:]).filter { !$0.value.isEmpty }, "row \(entry.seq)")
        }
        expectDifferencesWarned(parsed, expected, "industry") { $0.industry }
        // `型显示产业`, the end of the merged cell above printed again over page 3's header, is
        // no section heading (`EntryBuilder.section`): rows 27–34 keep the block's industry.
        for seq in 27...34 { #expect(parsed.entries.first { $0.seq == seq }?.industry == "电子信息和新型显示产业", "row \(seq)") }
    }

    /// A round-37 reviewer's Calc table with the attachment label and the title among the rows
    /// repeated atop every page: each page was read as a table of its own (12 in `tables`), its
    /// merged industries not carried over the page break, and the notice refused (35 errors).
    /// The table's own label printed again after its rows is page furniture
    /// (`DelimitedReader.isRunningLabel`).
    @Test func aLabelRepeatedAtopEveryPageIsNoNewTable() throws {
        let parsed = try parseFixture("reviewer-calc-title-rows-repeated.pdf")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        #expect(parsed.tables.count == 1)
        #expect(parsed.entries.count == 142)
    }

    /// A round-37 reviewer's Calc table with dotted borders (read without rules): the merged
    /// industries of three blocks ran together into one, `输变电装备产绿色建筑和装绿色建筑和装配式
    /// 建筑产业`, published on rows 94–120 with no diagnostic on seven of them. An industry that
    /// holds a run of four characters twice is an error naming its block's first row.
    @Test func anIndustryHoldingARunTwiceIsAnError() throws {
        let parsed = try parseFixture("reviewer-calc-merged-blocks-run-together.pdf")
        // (Its block's first row: 94, or 93 since a value printed under a row's own lines may
        // start the row after — that boundary is one the layout leaves open.)
        #expect(parsed.diagnostics.contains { $0.severity == .error && [93, 94].contains($0.seq ?? 0) && $0.message.contains("twice") })
    }

    /// Round-37 tables drawn with box-drawing characters, as `w3m -dump` prints an HTML table:
    /// - `merged-centred`: each industry a cell spanning rows, its text on the middle row; the
    ///   rule lines leave its column open (`├────┤          ├────┤`). Before, the rows above the
    ///   text took the block before's industry: 16 rows wrong, no diagnostic.
    /// - `merged-on-rule-line`: a block of an even number of rows has its text on the rule line
    ///   between its middle two (`├───┤棉纺织服装产业├───┤`), and rows drawn over two lines.
    ///   Before, refused ("line is not a row of the table").
    /// - `two-row-header`: `补贴标准（元/人）` over `培训补贴` and `鉴定补贴`, a short rule between.
    ///   Before, the header's columns were run together (`培训补贴（元/人）序号`) and it was refused.
    @Test(arguments: ["text/reviewer-w3m-box-merged-centred", "text/reviewer-w3m-box-merged-on-rule-line",
                      "text/reviewer-w3m-box-two-row-header"])
    func aBoxDrawnTableIsReadByItsRules(_ stem: String) throws {
        try parseExactReviewerNotice(stem, ".txt")
    }
}

extension ReviewerCorpusTests {
    /// Round-37 tables saved as text by Writer, one cell per line, each row as many lines as the
    /// header has cells and an empty line for an empty cell (an urgency left blank, the covered
    /// cells of a merged industry, GB18030 with CRLF): read so when every row number falls at a
    /// row's start (`CellPerLine`). Before, each was refused as bad input ("the row there does not
    /// have 7 lines as the header has cells").
    @Test(arguments: ["text/reviewer-writer-text-cell-per-line-empty-cells", "text/reviewer-writer-text-cell-per-line-merged"])
    func aCellPerLineTableWithEmptyCellsIsReadByItsStride(_ stem: String) throws {
        try parseExactReviewerNotice(stem, ".txt")
    }
}

extension ReviewerCorpusTests {
    /// Round-37 tables written by pandoc:
    /// - `plain-simple-table`: a simple table, `------ ------` under its header; the rule was read
    ///   as a row (`----棉纺织服装产业`) and the notice refused. A line of six or more `-`, `=` or
    ///   `:` and blanks is a rule (`LineClassifier.isTextRule`).
    /// - `markdown-escapes`: Markdown's `---` for a dash (no subsidy) and `\*` for an asterisk.
    /// - `rst-grid-escaped-codes`: uncoded work types written `6-24-03-01-\*`; kept as published,
    ///   with a warning each, before.
    @Test(arguments: ["text/reviewer-pandoc-plain-simple-table", "text/reviewer-pandoc-markdown-escapes",
                      "text/reviewer-pandoc-rst-grid-escaped-codes"])
    func pandocTablesAreReadAsTheyArePrinted(_ stem: String) throws {
        let parsed = try parseExactReviewerNotice(stem, ".txt")
        #expect(!parsed.diagnostics.contains { $0.message.contains("not a national classification code") })
    }

    /// The rules behind them, one place each.
    @Test func textRulesDashesAndEscapedMarks() {
        #expect(LineClassifier.isTextRule("------------------"))
        #expect(LineClassifier.isTextRule("=====:======"))
        #expect(!LineClassifier.isTextRule("---"))
        #expect(!LineClassifier.isTextRule("----1----"))
        #expect(SubsidyParser.noneMarks.contains("---"))
        #expect(CodeSyntax.normalise("6-24-03-01-\\*") == "6-24-03-01-*")
    }
}

extension ReviewerCorpusTests {
    /// A round-37 reviewer's tab text (a spreadsheet converted from a PDF): each industry printed
    /// once, in the middle of its rows, the first block a single row. Filled down, 26 rows took
    /// the block above's industry with no diagnostic. Text does not show which is meant; each row
    /// that a centred reading would give another industry is now warned by name
    /// (`EntryBuilder.doubtCentredIndustries`).
    @Test func industriesPrintedMidBlockAreInDoubt() throws {
        let (parsed, expected) = try parsedWithoutErrors("text/reviewer-calc-tabs-merged-centred.txt", expected: "text/reviewer-calc-tabs-merged-centred.expected.json")
        #expect(expectDifferencesWarned(parsed, expected, "industry", saying: "centred on its rows") { $0.industry } == 26)
    }

    /// The same rows with each industry printed on its block's first row, as most tables print
    /// a merged cell: read exactly, no doubt raised.
    @Test func industriesPrintedAtTheirBlocksTopAreNotInDoubt() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-calc-tabs-merged-top", ".txt")
        #expect(!parsed.diagnostics.contains { $0.message.contains("centred on its rows") })
    }
}

extension ReviewerCorpusTests {
    /// A round-37 reviewer's Chromium notice whose catalogue is followed, on a page of its own, by
    /// 附件3: a title and two paragraphs of prose (申领说明), the bureau and the date, no table.
    /// The label was "text in the 序号 column" and the paragraphs were joined to row 142's
    /// training subsidy, which could not be read. A later attachment's label after the rows with
    /// no header after it is that attachment to the end (`DelimitedReader.tables`).
    @Test func aProseAttachmentAfterTheTableIsNoRow() throws {
        let parsed = try parseExactReviewerNotice("reviewer-chromium-prose-attachment-after-table", ".pdf")
        #expect(parsed.entries.last?.training?.text == "初级、中级：1600元/人")
    }
}

extension ReviewerCorpusTests {
    /// A round-37 reviewer's Chromium notice with `内部资料` printed large, rotated and faint across
    /// every page: its glyphs fell into the cells they cross (`初级或中级：资150元/人`), 23 errors.
    /// Text four times the page's median height or more is a watermark (`Watermark`): left out
    /// of the lines, reported once a page. Rows 1–141 now read exactly. (Row 142, whose column
    /// rule the watermark interrupts, is still an error: see the closing note.)
    @Test func aWatermarkIsNoCellsText() throws {
        let parsed = try parseFixture("reviewer-chromium-watermark-every-page.pdf")
        #expect(parsed.diagnostics.filter { $0.message.contains("a watermark") }.count == 10)
        #expect(parsed.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.seq == 142 })
        let expected = try expectedRows("reviewer-chromium-watermark-every-page.expected.json")
        for (entry, want) in zip(parsed.entries, expected) where entry.seq < 142 {
            #expect(entry.name == want["name"] as? String, "row \(entry.seq)")
            #expect(entry.code == want["code"] as? String, "row \(entry.seq)")
            #expect(entry.industry == want["industry"] as? String, "row \(entry.seq)")
            #expect(entry.training?.amountYuan == (want["training"] as? [String: Any])?["amountYuan"] as? Int, "row \(entry.seq)")
            #expect(entry.assessment?.amountYuan == (want["assessment"] as? [String: Any])?["amountYuan"] as? Int, "row \(entry.seq)")
        }
    }
}

extension ReviewerCorpusTests {
    /// A round-37 Writer notice saved as text, one cell per line, holding two tables (附件1 and
    /// 附件2, each its own header): the rows of each read by that table's stride. Before, the
    /// second header ended the stride and the file was refused as bad input (exit 1).
    @Test func aCellPerLineNoticeWithTwoTablesReadsBoth() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-writer-text-cell-per-line-two-tables", ".txt")
        let expected = try expectedRows("text/reviewer-writer-text-cell-per-line-two-tables.expected.json")
        #expect(parsed.entries.map(\.table) == expected.map { $0["table"] as? Int ?? -1 })
    }
}

extension ReviewerCorpusTests {
    /// Round-38 tables ruled only across (a Writer table, and a Calc sheet printed at 70 %) whose
    /// industry cell, merged over many rows, wraps its value over lines at the cell's edge
    /// (`现代农业` / `及农产品` / `加工业`, top-aligned). The rules close each block; the value's
    /// first line is full, as wide as the column's widest, so the lines are one value
    /// (`MergedCells.wrapsAtEdge`). Before, the rules were given up for the alignment: the
    /// first line went to the row above, the rest to the rows below (15 rows wrong, 11 of them
    /// with no diagnostic naming them; 40 rows wrong at 70 %).
    @Test(arguments: ["reviewer-writer-hrules-industry-wrapped-top", "reviewer-calc-scale70-hrules"])
    func aMergedIndustryWrappedAtItsEdgeIsOneValue(_ name: String) throws {
        try parseExactReviewerNotice(name, ".pdf")
    }
}

extension ReviewerCorpusTests {
    /// Round-38 Writer tables whose repeated header is set tight: `培训补贴标准（元/人）` over
    /// 初级 | 中级 | 高级, each line touching the rule between them, and that rule's run chained to
    /// both lines' glyph strokes. A run reaching past every stroke on both sides is the rule
    /// (`RuleFinder.runOut`). Before, it was lost on pages 2 on: the level rules ran up through
    /// the words and split the header cell (`培训补` | `贴标准（` | `元/人）`), 258 errors; and in
    /// the other table (industry column third) rows 102 and 103 could not be read.
    @Test(arguments: ["reviewer-writer-level-subcolumns-tight-header", "reviewer-writer-industry-column-in-the-middle"])
    func aRuleBetweenTwoHeaderLinesTouchingBothIsFound(_ name: String) throws {
        try parseExactReviewerNotice(name, ".pdf", ruled: true)
    }
}

extension ReviewerCorpusTests {
    /// A round-38 Writer table (a 补贴标准（元/人） group header over 培训补贴 | 评价补贴) whose
    /// repeated header row is too short for `是否急需紧缺`: Writer clips its `紧缺`, which the text
    /// layer keeps over the first row's urgency cell, and on page 3 row 28's subsidy, split by the
    /// break, goes on with a line `元/人` set right under the header. The clipped glyphs have no
    /// ink on the drawn page (`HiddenText`): they mark no row urgent and are said once; the unit
    /// under the header is the row's (`RuledRows`). Before, refused (row 28's subsidy cut), and
    /// behind that the first row of pages 2, 4 and 5 read urgent.
    @Test func textAPageDoesNotPrintMarksNoRowUrgent() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-clipped-header-over-first-row", ".pdf", ruled: true)
        #expect(parsed.diagnostics.contains { $0.message.contains("does not print") && $0.excerpt == "紧缺" })
    }
}

extension ReviewerCorpusTests {
    /// Round-38 notices with the training subsidy in level sub-columns (初级 | 中级 | 高级) where
    /// a row's cell spans the three with words, no amount (`按实际发生费用`): Calc's CSV keeps the
    /// text in the first level's cell (`SubsidyParser.fromLevelCells`), w3m draws one box over
    /// the three, its rule line above marking the parted columns `┴`
    /// (`DelimitedText.spannedColumnsSplit`), and its header's label `培训补贴（元/人）` over the
    /// levels names them (`joinedBoxHeader`). Before, each was refused at row 12.
    @Test(arguments: ["text/reviewer-calc-csv-level-columns-merged-text.csv", "text/reviewer-w3m-level-columns-merged-text.txt"])
    func aSubsidyInWordsOverLevelColumnsIsTheRowsSubsidy(_ file: String) throws {
        let stem = String(file.prefix(upTo: file.lastIndex(of: ".")!))
        let parsed = try parseExactReviewerNotice(stem, String(file[file.lastIndex(of: ".")!...]))
        for seq in [12, 18, 22] {
            #expect(parsed.entries.first { $0.seq == seq }?.training?.text == "按实际发生费用", "row \(seq)")
        }
        #expect(parsed.entries.first { $0.seq == 1 }?.training?.amounts.map(\.level) == [.junior, .intermediate])
    }

    /// The same box-drawn table with its group label blanked: its level columns would be kept as
    /// extra columns and every training subsidy published as remarks. That is an error naming
    /// the cells, and nothing is written.
    @Test func levelColumnsUnderNoSubsidyAreAnError() throws {
        let parsed = try parseFixture("text/reviewer-w3m-level-columns-without-label.txt")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(errors.first?.message.hasPrefix("header cells `初级`, `中级`, `高级` name levels, but no subsidy column") == true)
    }
}

extension ReviewerCorpusTests {
    /// Round-38 Writer tables saved as text, one cell per line, whose header is two rows: a
    /// `补贴标准（元/人）` cell spanning `培训补贴标准` | `技能评价补贴标准`, and a `培训补贴标准` cell
    /// spanning 初级 | 中级 | 高级 (its rows' `按实际发生费用`, one cell over the three, a line of
    /// its own). The second row (an empty line for each cell spanning rows from above) gives the
    /// rows' count of lines, its runs the cells the first row spans (`CellPerLine`). Before,
    /// both were refused: "line is not a row of the table".
    @Test(arguments: ["text/reviewer-writer-text-group-header-two-rows", "text/reviewer-writer-text-level-header-two-rows"])
    func aCellPerLineHeaderInTwoRowsIsRead(_ stem: String) throws {
        let parsed = try parseExactReviewerNotice(stem, ".txt")
        #expect(parsed.entries.first { $0.seq == 12 }?.training?.text == "按实际发生费用")
    }
}

extension ReviewerCorpusTests {
    /// A round-38 Writer table whose subsidy and urgency columns merge cells too: at the foot of
    /// page 4 a training cell over rows 94–95 (`初级：1800元/人` / `中级：2200元/人`) fills its
    /// part to the rule, and atop page 5 row 96's own `按实际发生费用` starts at its cell's top.
    /// Both are whole subsidies and joined they read as none, so no text flowed over the break
    /// (`RuledRows`). Before, refused: "row 94: cannot read the training subsidy".
    @Test func twoWholeSubsidiesAcrossABreakAreTwoCells() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-merged-subsidy-at-page-foot", ".pdf", ruled: true)
        #expect(parsed.entries.first { $0.seq == 96 }?.training?.text == "按实际发生费用")
        #expect(parsed.entries.first { $0.seq == 95 }?.training?.amounts.map(\.amountYuan) == [1800, 2200])
    }
}

extension ReviewerCorpusTests {
    /// A round-38 Writer table (grey alternate rows) whose header runs over three lines, its
    /// middle line `序号 重点产业 说明`: `重点` is no word of the header vocabulary, so the line
    /// was not taken for the header's, and the header read without it (no 序号, no industry),
    /// 217 errors. A short label naming a field (`重点产业`) is a header's words
    /// (`LineClassifier.isHeaderCandidate`) when a word of the vocabulary naming another field
    /// stands beside it. Alone on its line, `纺织服装产业` (a round-35 Calc sheet ruled only
    /// across, the first row's industry printed above its row) is a value, not a header's line.
    @Test(arguments: ["reviewer-writer-zebra-key-industry-header", "reviewer-calc-key-industry-value-above-row"])
    func aKeyIndustryLabelIsAHeaderWord(_ name: String) throws {
        let parsed = try parseExactReviewerNotice(name, ".pdf")
        #expect(parsed.columns.first { $0.field == "industry" }?.header == "重点产业")
    }
}

extension ReviewerCorpusTests {
    /// A round-38 lynx dump whose urgency column (`急需紧缺`, centred) stands between the names
    /// and the subsidies, its `是`/`否` set flush left after names of any length. One name fills
    /// its column to a blank before `否`, so the blank gutter stands off the labels' midpoint, out
    /// of `boundaryReach`: the names and the marks were one column and `否` was glued to 86
    /// names (each warned only "looks cut short"). Beside an urgency label a band is split at a
    /// blank stretch lying wholly between the two labels (`TableSettings.splitBesideUrgency`).
    @Test func anUrgencyColumnAfterTheNamesIsItsOwn() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-lynx-urgency-before-subsidies", ".txt")
        #expect(parsed.entries.first { $0.seq == 2 }.map { ($0.name, $0.urgent) } ?? ("", nil) == ("采煤工", false))
    }
}

extension ReviewerCorpusTests {
    /// A round-38 Writer landscape table whose pages are stored portrait and displayed with
    /// `/Rotate 90`: poppler turns the glyph boxes, and their tops on one line differ in the last
    /// bits (`239.125937` and `239.12593699999994`), so a cell's fragments sorted by their tops
    /// put a line's last word first (`元/人 初级：1600元/人 中级：2000`): 16 rows refused. A cell's
    /// text is in reading order by line (`Fragment.inReadingOrder`), as the unrotated PDF gives.
    @Test func aPageStoredTurnedReadsAsDisplayed() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-rotate90-pages", ".pdf", ruled: true)
        #expect(parsed.rows.first { $0.seq == 4 }?.text(.training) == "初级：1600 元/人中级：2000 元/人")
    }
}

extension ReviewerCorpusTests {
    /// A round-39 `pdftotext -layout` dump of a landscape notice whose last page holds nine rows
    /// and then the notes (`注：1.职业（工种）代码依据…`, `2.…最高不超过 3000 元/人；`), prose across
    /// the page's width: they bridged every gutter, the page's columns came out as one, and
    /// `1800` of `不超过 1800 元/人` and `3000` of a note were taken for row numbers (exit 2).
    /// The columns are found above the first line opening a note.
    @Test func notesAfterTheTableDoNotJoinTheColumns() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-pdftotext-notes-across-columns", ".txt")
        #expect(parsed.entries.count == 135)
    }
}

extension ReviewerCorpusTests {
    /// Round-39 notices under a watermark set on a slant, as bureaus print them: Chromium's
    /// `巴州人社` at 45° over each page (its glyph boxes also cut the column rules short of the
    /// last row); `仅供参考` tiled at 30° under the table, poppler weaving most tiles' glyphs into
    /// the cells' lines (`石油天考然气`), some pages with no tile given apart; a ReportLab table
    /// with tiles under it, of the body's size; a page merged over with pypdf, `巴` run on from a
    /// code (`0-02-*巴`). Only glyphs four times the body's size were a watermark's: each notice
    /// was refused. A slanted run is seeded by glyphs the text layer gives as lines of their own,
    /// followed at its step, and its words are looked for at that step on every page.
    @Test(arguments: [
        "reviewer-chromium-watermark-diagonal-over", "reviewer-chromium-watermark-tiled-under",
        "reviewer-reportlab-watermark-tiled", "reviewer-watermark-page-merged-over",
    ])
    func aSlantedWatermarkIsNotRead(_ name: String) throws {
        let parsed = try parseExactReviewerNotice(name, ".pdf")
        #expect(parsed.diagnostics.contains { $0.message.contains("on a slant") })
    }
}

extension ReviewerCorpusTests {
    /// A round-39 Writer table with the industry as section rows merged across the table, set
    /// with no cell padding: the section's words touch the rule above and the rule below, and
    /// the three chained into one shape too thick for a rule, so neither rule was found. Rows
    /// 54 and 55 fell outside every ruled cell and row 53's 说明 went to row 54 as well, with
    /// exit 0. A thick shape whose long runs form groups apart is those groups' rules
    /// (`RuleFinder.longRunRules`).
    @Test func aSectionRowTouchingItsRulesKeepsThem() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-section-row-tight", ".pdf", ruled: true)
        #expect(parsed.entries.first { $0.seq == 54 }?.extra["说明"] == "专项职业能力")
    }
}

extension ReviewerCorpusTests {
    /// A round-39 ReportLab table whose industry is given by numbered section rows
    /// (`四、特色林果产业（香梨、红枣）`): row 54's name and 备注 start a line above its number
    /// (`棉花加工设备操作 专项职业`), and that line, ending in `业`, was taken for an unnumbered
    /// heading, so the row had no name (exit 2). A notice that numbers its headings has no
    /// unnumbered ones.
    @Test func aRowsFirstLineIsNoHeadingWhereHeadingsAreNumbered() throws {
        let parsed = try parseExactReviewerNotice("reviewer-reportlab-sections-row-name-above", ".pdf")
        #expect(parsed.entries.first { $0.seq == 54 }?.name == "棉花加工设备操作（专项职业能力）")
    }
}

extension ReviewerCorpusTests {
    /// A round-39 Writer landscape table with 初级/中级/高级 training sub-columns: on its first
    /// two pages no rule parts the level words in the header's second row, so `初级 中级 高级`
    /// was one header cell over three columns, the columns stayed the training column's, and
    /// 45 rows' training (`1500 1500 —`) was published null with no diagnostic (hidden behind
    /// another error). Each level word names the column under it; and text under a subsidy's
    /// header but under none of its level columns is now an error naming the row.
    @Test func levelWordsInOneHeaderCellNameTheirColumns() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-level-words-one-cell", ".pdf", ruled: true)
        let row4 = parsed.entries.first { $0.seq == 4 }?.training
        #expect(row4?.amounts.map(\.amountYuan) == [1400, 1800, 2400])
    }
}

extension ReviewerCorpusTests {
    /// A round-39 ReportLab table with a grey `仅供参考` drawn at the body's size on the name
    /// line of rows 30–36: the text layer weaves its glyphs into the names
    /// (`油气化仅验供分参析考工`), and four of the seven rows were published so with no
    /// diagnostic. Glyphs printed over one another (`Fragment.overprinted`) make their cell an
    /// error naming its row: nothing is written.
    @Test func textPrintedOverACellIsAnError() throws {
        let parsed = try parseFixture("reviewer-reportlab-words-printed-over-names.pdf")
        let over = parsed.diagnostics.filter { $0.severity == .error && $0.message.contains("holds glyphs printed over one another") }
        #expect(over.compactMap(\.seq) == Array(30...36))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.count == 7)
    }
}

extension ReviewerCorpusTests {
    /// A round-39 Writer table (columns 序号, 职业（工种）, 职业代码, 行业类别 …, the industry
    /// merged) whose row 26 starts at the foot of page 2 with one line: its text touches the
    /// rule above it and the page's last rule below, and the three chained into one shape. The
    /// rule above, parted by the merged column, is two runs each shorter than half the shape,
    /// so only the last rule was found: rows 25 and 26 were read as one (`2526`, exit 2). Runs
    /// four rule lengths long are tried as the shape's rules when longer ones give one.
    @Test func aRowCutAtThePageFootKeepsTheRuleAboveIt() throws {
        let parsed = try parseExactReviewerNotice("reviewer-writer-row-cut-at-page-foot", ".pdf", ruled: true)
        #expect(parsed.entries.map(\.seq) == Array(1...138))
    }
}

extension ReviewerCorpusTests {
    /// A round-39 ReportLab table (rules drawn as filled rectangles, zebra rows) whose merged
    /// industry cell runs over a page break and prints its whole value again in each page's
    /// part: the parts were joined into `特色林果产业（香梨、红枣）特色林果产业（香梨、红枣）`
    /// and the row refused. A merged cell whose every part prints the same value has it once.
    @Test func aMergedValuePrintedOnEachPageIsReadOnce() throws {
        let parsed = try parseExactReviewerNotice("reviewer-reportlab-merged-printed-per-page", ".pdf", ruled: true)
        #expect(parsed.entries.first { $0.seq == 55 }?.industry == "特色林果产业（香梨、红枣）")
    }
}

extension ReviewerCorpusTests {
    /// A round-39 spreadsheet saved with `|` between cells (no bar at either end of a line),
    /// training in 初级/中级/高级 sub-columns: a row not urgent ends `…|—|`, its last bar before
    /// the empty urgency cell. Bars at a line's ends were trimmed as a drawn table's frame, so
    /// the row came one cell short, was read by shape, and `按实际发生费用` in its 初级 cell was
    /// glued to the name (exit 2). A table whose header has no bar at its start keeps them.
    @Test func aBarBeforeAnEmptyLastCellIsKept() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-excel-pipe-empty-last-cell", ".txt")
        #expect(parsed.entries.first { $0.seq == 18 }.map { ($0.name, $0.training?.text) } ?? ("", nil) == ("艾德莱斯绸织造", "按实际发生费用"))
    }
}

extension ReviewerCorpusTests {
    /// A round-39 reStructuredText simple table (pandoc's `-t rst`): `==== ====…` over and under
    /// the header and at the end, one blank between columns, and subsidies that fill their
    /// column to that blank (`初级：1200元/人；中级：1600元/人；高级：2000元/人 初级：150元/人…`),
    /// so no gap of two blanks parted them from the assessment, and three rows were refused. The
    /// rule's runs mark the columns by display column (`RuledTextColumns`); a pandoc multiline
    /// table, rows apart by empty lines, is left to the layout reader.
    @Test func aSimpleTableIsCutByItsRule() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-rst-simple-table", ".rst")
        #expect(parsed.entries.first { $0.seq == 3 }?.assessment?.text == "初级：150元/人；中级：200元/人")
        try parseExactReviewerNotice("text/reviewer-pandoc-multiline-table", ".txt")
    }
}

extension ReviewerCorpusTests {
    /// A round-39 notice whose pages were each aligned by `column -t` and then run together
    /// without page breaks, the header repeated above each page's rows at other columns: the
    /// one page's columns were found over all four parts and ran together (`column code 6–150`),
    /// 14 errors. A header repeated below numbered rows starts a part read by its own header's
    /// columns; a cell's clipped rest above a repeated header (a pdftotext page's `流业`) starts
    /// none.
    @Test func aHeaderRepeatedBelowRowsStartsAPartWithItsOwnColumns() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-column-t-pages-aligned-apart", ".txt")
        #expect(parsed.entries.first { $0.seq == 41 }?.name == "贴片机操作工")
    }

    /// Round-39 pandoc Markdown tables: a grid table (`+---+`, `+===+`) whose cells hold pandoc's
    /// `---` for — and end a line with `\` (a hard line break, from `<br>`), and a multiline table
    /// with the same breaks. A padded `---` cell made its record line look like a rule line
    /// carrying text, so the next row's cells were lifted into the row above (`row 12`, codes run
    /// together); the breaks' backslashes stayed in the subsidies (`初级：1200元/人\中级：…`).
    /// A rule's stretch now runs with dashes to its end (`DelimitedText.isRulePiece`), and a
    /// backslash ending a cell's line is no text.
    @Test func pandocCellsWithDashesAndHardBreaksAreRead() throws {
        let grid = try parseExactReviewerNotice("text/reviewer-md-grid-dashes-hard-breaks", ".md")
        #expect(grid.entries.first { $0.seq == 2 }?.training?.amounts.map(\.amountYuan) == [1200, 1600])
        #expect(grid.entries.first { $0.seq == 2 }?.assessment == nil)
        try parseExactReviewerNotice("text/reviewer-md-multiline-hard-breaks", ".md")
    }
}

extension ReviewerCorpusTests {
    /// Round-39 html2text tables (`1| 纺织服装产业| …|`): a cell's `<br>` breaks the row over
    /// lines (`初级：1200元/人  ` / `中级：1600元/人| —|`), a long row is wrapped after its last bar
    /// (`★` alone below), and a cell spanning rows is left out of the rows after its first
    /// (`6| 6-04-03-03| 织布工| …`). The lines of a bar row are joined as a tab row's are; a row
    /// read by shape that passes over only the industry, between its number and its code, tells
    /// which cell it lacks.
    @Test func html2textRowsAreJoinedAndTheirDroppedIndustryTold() throws {
        let broken = try parseExactReviewerNotice("text/reviewer-html2text-line-breaks", ".md")
        #expect(broken.entries.first { $0.seq == 2 }?.training?.amounts.map(\.amountYuan) == [1200, 1600])
        let dropped = try parseExactReviewerNotice("text/reviewer-html2text-rowspan-dropped", ".md")
        #expect(dropped.entries.first { $0.seq == 16 }.map { ($0.industry, $0.urgent) } ?? (nil, nil) == ("纺织服装产业", true))
    }
}

extension ReviewerCorpusTests {
    /// Round-40 tables ruled only around the body (psql, `sqlite3 -box`): a rule under the header
    /// and one at the foot, none between rows. The body between the two rules was taken for one
    /// record drawn over many lines and joined into one line ("a header but no numbered row").
    /// Lines that each open with a row number are records of their own.
    @Test func aBodyRuledOnlyAroundIsReadRowByRow() throws {
        let psql = try parseExactReviewerNotice("text/reviewer-psql-body-rules", ".txt")
        #expect(psql.entries.first { $0.seq == 1 }?.extra["备注"] == "和布克赛尔县急需")
        try parseExactReviewerNotice("text/reviewer-sqlite-box", ".txt")
    }

    /// Round-40 markup tables: AsciiDoc (`[cols=…]`, `|===` opening and closing the table), Jira
    /// with its escapes (`5-01-02-03\-\*`) and Muse (`<verbatim>5-01-02-03-*</verbatim>`). The
    /// closing `|===` was read as the last row's wrapped rest, and the escaped codes were kept as
    /// published with a warning on 22 rows.
    @Test func markupTablesAndTheirEscapedCodesAreRead() throws {
        try parseExactReviewerNotice("text/reviewer-asciidoc-table", ".adoc")
        let jira = try parseExactReviewerNotice("text/reviewer-jira-escaped-codes", ".txt")
        #expect(jira.entries.first { $0.seq == 3 }?.code == "5-01-02-03-*")
        let muse = try parseExactReviewerNotice("text/reviewer-muse-verbatim-codes", ".muse")
        #expect(muse.entries.first { $0.seq == 3 }?.code == "5-01-02-03-*")
    }

    /// A round-40 notice typed with U+2236 `∶` (RATIO) for the colon (`中级∶1200元/人`): 111
    /// subsidy cells were unreadable. It is a colon in subsidies and their labels.
    @Test func aRatioSignIsReadAsAColon() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-ratio-colon", ".txt")
        #expect(parsed.entries.first { $0.seq == 1 }?.training?.amounts.map(\.amountYuan) == [1200, 1600])
    }

    /// A round-40 Writer table whose ✓ is Word's Wingdings symbol: the text layer holds U+F0FC,
    /// which was dropped as an unmapped glyph, so all 40 urgent rows were published not urgent
    /// with no diagnostic. Wingdings' ✓ and ☑ and Symbol's √ are read as their marks
    /// (`SymbolFontMarks`); any other private-use glyph is kept as U+FFFD, never as nothing.
    @Test func aWingdingsCheckIsAnUrgencyMark() throws {
        let parsed = try parseExactReviewerNotice("reviewer-wingdings-check-marks", ".pdf", ruled: true)
        #expect(parsed.entries.filter { $0.urgent == true }.count == 40)
    }

    /// A round-40 table too wide for its page printed in two column groups: 序号 to 职业（工种）
    /// on pages 1–5, then `（二）补贴标准及急需紧缺情况` with its own header (培训补贴, 评价补贴,
    /// 急需紧缺, 备注) and no row numbers, one row left out. Its lines were reported as text
    /// outside any row and the catalogue published with every subsidy null (exit 0). A header
    /// naming columns the table read lacks is now an error: nothing is written.
    @Test func aTablePrintedInColumnGroupsIsRefused() throws {
        let parsed = try parseFixture("reviewer-column-groups-apart.pdf")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.page == 6 && $0.message.contains("a header names columns the table read does not have") })
    }
}

extension ReviewerCorpusTests {
    /// Round-40 tables printed by a database client, which states the row count under them
    /// (`(127 rows)`): where it matches it is furniture; a notice with 17 rows lost (110 read)
    /// was published as a remark between rows. It is now an error naming the count.
    @Test func aStatedRowCountIsChecked() throws {
        let right = try parseExactReviewerNotice("text/reviewer-stated-row-count", ".txt")
        #expect(!right.diagnostics.contains { $0.message.contains("rows") && $0.message.contains("remark") })
        let short = try parseFixture("text/reviewer-stated-row-count-short.txt")
        #expect(short.diagnostics.contains { $0.severity == .error && $0.message == "the table states 127 rows, 110 were read: rows are missing or added" })
    }

    /// Round-40 must-refuse notices whose header cannot tell which column is which: a header
    /// repeated on page 2 with training and assessment swapped, the cells in page 1's order; a
    /// PDF whose two subsidy columns are both headed `补贴标准（元/人）`. Each was published with
    /// exit 0 (the first header's order; the first column as training). Each is now an error.
    @Test func headersThatCannotTellTheirColumnsAreErrors() throws {
        let swapped = try parseFixture("text/reviewer-repeated-header-reordered.txt")
        #expect(swapped.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the header repeated on line 72 orders its columns otherwise than the first") })
        let alike = try parseFixture("reviewer-two-subsidy-columns-alike.pdf")
        #expect(alike.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("two columns are headed `补贴标准（元/人）` (columns 5 and 6)") })
    }
}

extension ReviewerCorpusTests {
    /// A round-40 Writer PDF rewritten by `pdftocairo -pdf`, whose glyph boxes run taller than
    /// the ink: row 41's last line reached over the rule at page 3's foot and row 42's first
    /// line over the rule at page 4's top, both rows with the same assessment, so row 42's was
    /// taken for a merged cell's text printed again and dropped (exit 0, a warning). Text
    /// printed again is a merged cell's only where the cell is open at the break.
    @Test func rowsAlikeOnBothSidesOfABreakAreTwoRows() throws {
        let parsed = try parseExactReviewerNotice("reviewer-pdftocairo-tall-glyph-boxes", ".pdf", ruled: true)
        #expect(parsed.entries.first { $0.seq == 42 }?.assessment?.amounts.map(\.amountYuan) == [160, 220])
    }
}

extension ReviewerCorpusTests {
    /// A round-40 ReportLab table with a row numbering its columns under the header (`1 2 … 8`)
    /// and a 备注 column: the column's number, the lowest header cell over it, named it `8`, and
    /// every remark was "text in a column without a header". A column's number names no column.
    @Test func aColumnNumberDoesNotNameAnExtraColumn() throws {
        let parsed = try parseExactReviewerNotice("reviewer-column-numbers-remarks", ".pdf", ruled: true)
        #expect(parsed.entries.first { $0.seq == 9 }?.extra["备注"] == "限在岗职工")
    }

    /// A round-40 `sqlite3 -column` table: a rule of `-` runs under the header, as pandoc's simple
    /// table has, but the runs and the padding counted in characters (a CJK character one wide),
    /// so cut by display column the cells fell apart ("row 1 has 5 cells"). The rule's runs are
    /// measured either way, and the measure that finds a blank at every gap on more lines cuts.
    @Test func aRuleMeasuredInCharactersCutsTheColumns() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-sqlite-column-by-characters", ".txt")
        #expect(parsed.entries.first { $0.seq == 3 }?.code == "5-01-02-03-*")
    }
}

extension ReviewerCorpusTests {
    /// A round-40 Writer table with a 序号 column too narrow for three digits: from row 100 each
    /// number wraps (`10` over `0`). The rules read each number whole; the text alignment read
    /// rows `10`, `0`, `1` … and each was an error, "found by the text alignment, not in any ruled
    /// cell" (74 of them). A number lying in a ruled row's number cell, with no code but that
    /// row's, is that number wrapped. Row 108, split by a page break inside its number (`10` at
    /// page 9's foot, `8` atop page 10) as well as its cells, was refused; the digits joined make
    /// the number after 107 (which `10` and `8` are not), and the part atop page 10 is its rest
    /// (a round-43 notice with generous cell padding, `11` | `9`, likewise).
    @Test func rowNumbersWrappedInANarrowColumnAreNoRows() throws {
        let parsed = try parseFixture("reviewer-row-numbers-wrapped-narrow.pdf")
        #expect(!parsed.diagnostics.contains { $0.message.contains("not in any ruled cell") })
        #expect(parsed.entries.first { $0.seq == 100 }?.code == "6-30-05-01-02")
        #expect(parsed.entries.first { $0.seq == 140 }?.name == "家庭照护员")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        #expect(parsed.entries.map(\.seq) == Array(1...140))
        let cut = try #require(parsed.entries.first { $0.seq == 108 })
        #expect(cut.code == "4-02-06-03" && cut.name == "物流服务师" && cut.training?.amounts.map(\.amountYuan) == [1200, 1600])
        #expect(RuledRows.numberCutByBreak(118, "11", "9") == 119 && RuledRows.numberCutByBreak(10, "11", "1") == nil)
        #expect(RuledRows.numberCutByBreak(24, "（", "25）") == 25)
    }
}

extension ReviewerCorpusTests {
    /// A round-39 Excel "Formatted Text (*.prn)" export in GBK: fixed-width columns, numbers
    /// right-aligned, so the first row of each industry reads `     1纺织服装产业` — its number
    /// run into the merged industry printed beside it. That row was no row, and its cells went to
    /// the next (`6-04-01-016-04-02-01`). Such numbers are moved one column left, a blank after
    /// them (`AbuttingRowNumbers`), each line keeping its length.
    @Test func rowNumbersRunIntoTheIndustryAreApart() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-excel-prn-numbers-abutting", ".prn")
        #expect(parsed.entries.first { $0.seq == 1 }.map { ($0.industry, $0.code) } ?? (nil, "") == ("纺织服装产业", "6-04-01-01"))
    }
}

extension ReviewerCorpusTests {
    /// A round-39 GitHub Markdown table sent by a mail client that breaks lines at 100 columns:
    /// the header, its delimiter row and every row broken at a blank, some before a bar
    /// (`| 5 | … | 整经工 | 无` / `| 无 | |`). A drawn row broken over lines is joined where its
    /// bars come to the header's, and a header broken so up to the line closing with a bar.
    @Test func aHardWrappedMarkdownTableIsJoined() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-gfm-hard-wrapped", ".md")
        #expect(parsed.entries.first { $0.seq == 5 }?.assessment == nil)
        #expect(parsed.entries.first { $0.seq == 1 }?.name == "开清棉工")
    }
}

extension ReviewerCorpusTests {
    /// A round-41 Writer PDF whose notes and signature follow the table on its last page
    /// (`2.本目录自 2025 年 4 月 1 日起执行…`, then `2025 年 3 月 18 日`): the text alignment read
    /// `2025` as a row number, and "row 2025: found by the text alignment, not in any ruled cell"
    /// refused the notice. A note's line, or one closing the notice, holds no row.
    @Test func aYearInTheNotesIsNoRow() throws {
        let parsed = try parseExactReviewerNotice("reviewer-notes-and-date-under-table", ".pdf", ruled: true)
        #expect(!parsed.diagnostics.contains { $0.seq == 2025 })
    }

    /// Round-41 `pdftotext -layout` dumps of a Writer notice: `注：1.职业（工种）代码依据《…（2022`
    /// right under row 120 was taken for the rest of its industry, the signature's date
    /// `2025 年 3 月 20 日` for row 2025; and a merged industry with its note in brackets
    /// (`林果业（核桃、红枣）`), as wide as the column, was joined over a page break to the next
    /// industry (`玉石及民族手工艺`, 15 rows down) as one wrapped value. A note's line is tested
    /// before a row's wrapped rest; a date line is no row; an industry whole with its note ends.
    @Test func pdftotextDumpsWithNotesAndBracketedIndustries() throws {
        try parseExactReviewerNotice("text/reviewer-pdftotext-note-under-last-row", ".txt")
        let dump = try parseExactReviewerNotice("text/reviewer-pdftotext-industry-note-over-break", ".txt")
        #expect(dump.entries.first { $0.seq == 30 }?.industry == "林果业（核桃、红枣）")
        #expect(dump.entries.first { $0.seq == 31 }?.industry == "玉石及民族手工艺")
    }

    /// A round-41 sheet whose 紧缺程度 column grades the need (`紧缺`, `一般`, and on six rows
    /// `较紧缺`): `较紧缺` was read as urgent with no word. It still is, with a warning naming the
    /// row and cell (`UrgencyMark.isHedged`).
    @Test func aNeedGradedDownIsUrgentWithAWarning() throws {
        let parsed = try parseFixture("text/reviewer-urgency-graded-down.csv")
        let hedged = parsed.diagnostics.filter { $0.message.contains("a need graded down") }
        #expect(hedged.count == 6 && hedged.allSatisfy { $0.severity == .warning && $0.seq != nil })
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
    }
}

extension ReviewerCorpusTests {
    /// Two pages of a round-41 scan (a Writer notice rendered at 200 dpi in grey, turned 0.5°, a
    /// shadow along the binding): its urgency column marks `是`, which the digit model (limited
    /// to `*`) read as nothing, and its subsidy cells say none as `无` and `—`, which the
    /// subsidy whitelist could not read either — 38 and 32 errors "the cell has ink, but OCR read
    /// nothing in it". A mark the digit model misses is read by the Chinese model, limited to
    /// marks; `无` and `—` are a subsidy cell's characters and fit its grammar; a cell whose ink
    /// is one stroke across is a dash, with a warning.
    @Test func aScansMarksAndDashesAreRead() throws {
        let parsed = try parseFixture("reviewer-scan-marks-and-dashes.pdf")
        #expect(parsed.entries.map(\.seq) == Array(1...21))
        #expect(parsed.entries.filter { $0.urgent == true }.map(\.seq) == [9, 10, 20, 21])
        #expect(parsed.entries.filter { $0.assessment == nil }.map(\.seq) == [1, 4, 7, 13, 14, 19])
        #expect(!parsed.diagnostics.contains { $0.severity == .error && ($0.message.contains("是否急需紧缺") || $0.message.contains("考核鉴定")) })
        #expect(parsed.diagnostics.contains { $0.seq == 19 && $0.message.contains("read as a dash") })
    }

    /// Two round-42 Writer tables set tight (cell padding zero, so a cell's lines are as far
    /// apart as two rows'), cells centred over 1–3 lines, one with no rules and one ruled only
    /// under the header and at the foot (三线表), rows running over page breaks. Gaps chained a
    /// cell's last line to the next row's number, and a page's first line (the top of a centred
    /// cell of its first row) was taken for the rest of the row before the break: 97 and 94
    /// errors (`…2600 元/人初级：1800 元/人；中`). Each exact now: bands are not trusted in a table
    /// set tight, and a unit as near two row numbers, or above a page's first, is placed line by
    /// line.
    @Test(arguments: ["reviewer-tight-no-rules-centred", "reviewer-tight-three-line-centred"])
    func aTableSetTightIsReadLineByLine(_ name: String) throws {
        let parsed = try parseExactReviewerNotice(name, ".pdf")
        #expect(parsed.entries.first { $0.seq == 35 }?.name == "农业机械操作员（含拖拉机驾驶员）")
        #expect(!parsed.diagnostics.contains { $0.message.contains("`导游` looks cut short") })
    }

    /// A round-42 notice that states its count (`（共140个职业（工种））` under the title; a note
    /// under a PDF's table, `本目录共收录职业（工种）150 个，其中急需紧缺职业（工种）58 个`) over
    /// fewer rows (137, 138): published before with a warning about the line. Now an error; the
    /// clause counting the urgent ones counts no rows.
    @Test func aCountTheNoticeStatesIsChecked() throws {
        let title = try parseFixture("text/reviewer-stated-count-in-title.txt")
        #expect(title.entries.count == 137)
        #expect(title.diagnostics.contains { $0.severity == .error && $0.message == "the notice states 140 rows (occupations and work types), 137 were read: rows are missing or added" })
        let note = try parseFixture("reviewer-stated-count-in-note.pdf")
        #expect(note.entries.count == 138)
        #expect(note.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the notice states 150 rows") })
        #expect(StatedRowCount.statedInText("本目录共收录职业（工种）137个，其中急需紧缺职业（工种）58个。") == 137)
        #expect(StatedRowCount.statedInText("共30个职业、107个工种") == nil)
        #expect(StatedRowCount.statedInText("共涉及8个产业137个职业（工种）") == 137)
    }

    /// A round-42 layout whose industries are printed once, centred on their rows; a group of
    /// an even count prints it on the upper of the two middle rows. Row 117 was given the next
    /// industry with no word (its boundary fitted exactly the margin worse than the best). Every
    /// row that differs from the generator's is now named by a warning.
    @Test func aMergedIndustryCentredOnAnEvenCountWarnsEveryDoubtfulRow() throws {
        let parsed = try parseFixture("text/reviewer-layout-merged-centre-upper-middle.txt")
        let expected = try expectedRows("text/reviewer-layout-merged-centre-upper-middle.expected.json")
        #expect(parsed.entries.count == expected.count)
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let warned = Set(parsed.diagnostics.filter { $0.message.contains("comes from a merged cell") }.compactMap(\.seq))
        let wrong = zip(parsed.entries, expected).filter { $0.0.industry != $0.1["industry"] as? String }.map(\.0.seq)
        #expect(wrong.contains(117) && Set(wrong).isSubset(of: warned))
        #expect(zip(parsed.entries, expected).allSatisfy { $0.0.code == $0.1["code"] as? String && $0.0.name == $0.1["name"] as? String })
    }

    /// A round-43 Writer table with dashed rules (found as no rules: read by alignment), its
    /// industries merged and top-aligned, each as wide as the narrow column (`新型化工`,
    /// `纺织服装`): each full line was taken as wrapped, and on the next page the next industry
    /// was read as its rest — `新型化工纺织服装现代农业` for 106 rows, with exit 0 and no word. A
    /// value runs on over a page break only from its page's last row.
    @Test func mergedIndustriesAsWideAsTheirColumnAreNotOneValue() throws {
        let parsed = try parseExactReviewerNotice("reviewer-dashed-rules-merged-industries", ".pdf")
        #expect(parsed.entries.first { $0.seq == 17 }?.industry == "纺织服装")
    }

    /// Round-43 notices to refuse, which were published with exit 0:
    /// - a Writer table whose 培训补贴标准 and 技能评价补贴标准 headers are swapped over their
    ///   cells (training `初级或中级：160元/人`, assessment `初级：1600元/人`, every row): the
    ///   training column's amounts below the assessment's in most rows is an error;
    /// - words run into a dash are no subsidy (a `pdftotext -layout` dump where a wrapped 备注
    ///   cell's first line, `按特种作业`, sits beside row 17's assessment `—` gave
    ///   `按特种作业—`, silently; that dump is read exactly now, see
    ///   `pdftotextDumpsOfWriterTablesAreReadAsTheirPagesPrintThem`);
    /// - a dump with page 3 pasted twice: 23 rows listed twice, every cell the same, each an error.
    @Test func swappedSubsidiesDashesRunIntoWordsAndPagesPrintedTwiceAreRefused() throws {
        let swapped = try parseFixture("reviewer-subsidy-headers-swapped.pdf")
        #expect(swapped.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("column `培训补贴标准` (training) holds smaller amounts than column `技能评价补贴标准` (assessment) in 118 of 118 rows") })
        #expect(SubsidyParser.read("按特种作业—") == .unreadable)
        let twice = try parseFixture("text/reviewer-page-printed-twice.txt")
        let repeated = twice.diagnostics.filter { $0.severity == .error && $0.message.contains("is printed twice, every cell the same") }
        #expect(repeated.count == 23)
    }

    /// Round-44 notices published wrong with exit 0, now refused:
    /// - a reportlab table whose page 3 is shifted so far right that its 培训补贴标准 column is
    ///   off the page: rows 42–61 were published with training null. A page's part of a table
    ///   lacking a column the part before has, its rows all empty there, is an error;
    /// - the code printed in columns of its levels (大类 中类 小类 细类 工种 under 职业分类代码):
    ///   codes came out in pieces, the rest of each in the name, and no word;
    /// - codes shifted a row down from row 60 (the last one alone on a line under the table):
    ///   every row after 60 had its neighbour's code. A line that is no row but holds a code is
    ///   an error, after the rows too.
    @Test func aColumnOffThePageCodesInLevelColumnsAndShiftedCodesAreRefused() throws {
        let off = try parseFixture("reviewer-column-off-page.pdf")
        #expect(off.diagnostics.contains { $0.severity == .error && $0.page == 3 && $0.message.hasPrefix("the table on this page has no training column") })
        let levels = try parseFixture("text/reviewer-code-in-level-columns.txt")
        #expect(levels.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the code is printed in columns of its levels (`大类`, `中类`, `小类`, `细类`)") })
        let shifted = try parseFixture("text/reviewer-codes-shifted-a-row.txt")
        #expect(shifted.diagnostics.contains { $0.severity == .error && $0.message == "line is not a row of the table" && $0.excerpt?.contains("4-04-04-01") == true })
    }

    /// Round-44 spellings: a header cell with its edition in brackets (`职业编码（2022版）`) and
    /// the words 职业资格名称 and 急需程度 (refused: "no header"); `圆` for `元`; `（新）` after a
    /// code (kept in the code); a subsidy's `1800/2200` wrapped onto a line of its own (taken for
    /// a page mark, `3/12`, and dropped); and a name column holding industries (a few values
    /// over many rows) beside an industry column holding names (published swapped).
    @Test func round44SpellingsAndSwappedNameColumn() throws {
        try parseExactReviewerNotice("text/reviewer-header-edition-in-brackets", ".txt")
        #expect(SubsidyParser.read("初级、中级：2160圆/人") == SubsidyParser.read("初级、中级：2160元/人"))
        #expect(CodeSyntax.splittingClassificationMark("6-11-07-01（新）")?.code == "6-11-07-01")
        #expect(CodeSyntax.normalise("Ｓ－６５０２－００１") == "S-6502-001" && CodeSyntax.normalise("S—6502—001") == "S-6502-001")
        #expect(!LineClassifier.isPageMark("1800/2200") && LineClassifier.isPageMark("3/12"))
        let industries = ["新能源及装备制造", "现代农业", "文化旅游"]
        let swapped = (1...20).map { i in
            Entry(seq: i, industry: "职业\(i)员", code: "4-01-01-0\(i % 9 + 1)", name: industries[i % 3], training: nil, assessment: nil, urgent: false)
        }
        #expect(EntryBuilder.namesLikeIndustries(swapped, columns: ColumnMap()).first?.severity == .error)
        let right = swapped.map { e in var e = e; (e.name, e.industry) = (e.industry!, e.name); return e }
        #expect(EntryBuilder.namesLikeIndustries(right, columns: ColumnMap()).isEmpty)
    }

    /// `pdftotext -layout` dumps of Writer tables (rounds 43 and 45), each exact:
    /// - `-enc GBK`: pdftotext counts a wide character's two bytes, so the cells are centred by
    ///   display columns, which fewer columns show both ways (was refused, row 1's assessment);
    /// - a wrapped 备注 cell beside row 17's `—`: text under an extra header more than under any
    ///   field's header cell is the extra column's, though it widened the assessment's column;
    /// - a page laid out afresh without its header: the merged industry empty there, every
    ///   column moved left, codes under 行业 (refused); the page's columns move with its codes;
    /// - the header printed once and row 32 cut by the break (`（电芯装配）` and `元/人` atop
    ///   the next page): the name's bracketed rest goes with the unit (was row 33's, silently);
    /// - S-codes (`S-0403-002`) in a code band the empty industry shares: codes, not industries
    ///   (refused: "the industry cell holds figures");
    /// - narrow rows over breaks: `级：2800 元/人` one empty line under its cell's lines is the
    ///   cell's (was "text outside any row"); a whole `初级、中级：1800 元/人` atop a page, above
    ///   a row's number beside a taller cell, is that row's (was joined to the row before);
    ///   `机床操作调` is cut short of `整工` (调 ends 计调 only);
    /// - merged industries at the bottom: `初级、中级、高` under the header is a cell's line, not
    ///   a header's; `现代物流` over `数字经济` are two industries;
    /// - merged industries centred: `建筑业` atop row 80 under row 79's line starts at row 80;
    ///   `数字经济` on a page's last row and `文化旅游` centred lower on the next page are two
    ///   (rows 45–73 were `数字经济文化旅游`, 15 of them silently); a centred cell a page break
    ///   cuts (its last row split by the break too) prints its text atop its first part, as
    ///   Writer sets it (8 and 7 rows guessed wrong, warned, before);
    /// - `-nopgbrk`: the pages cut again where the header is printed again (rows 73–86 had the
    ///   merged industry of the rows above, silently).
    /// Rows the layout cannot bound stay warned.
    static let writerDumps: [String: [Int]] = [
        "reviewer-pdftotext-gbk-centred": [],
        "reviewer-pdftotext-remark-beside-dash": [],
        "reviewer-pdftotext-page-laid-out-afresh": [],
        "reviewer-pdftotext-header-once-row-over-break": [],
        "reviewer-pdftotext-s-codes-industry-empty": [],
        "reviewer-pdftotext-narrow-rows-over-breaks": [15],
        "reviewer-pdftotext-merged-bottom": [91, 92, 93, 94, 95, 96, 97],
        "reviewer-pdftotext-merged-centre-s-codes": [],
        "reviewer-pdftotext-merged-value-on-last-row": [30, 114],
        "reviewer-pdftotext-no-form-feeds": [],
    ]

    @Test(arguments: writerDumps.keys.sorted())
    func pdftotextDumpsOfWriterTablesAreReadAsTheirPagesPrintThem(_ stem: String) throws {
        let guessed = Set(Self.writerDumps[stem]!)
        let parsed = try parseExactReviewerNotice("text/" + stem, ".txt", guessed: guessed)
        if stem.hasSuffix("remark-beside-dash") {
            #expect(parsed.entries.first { $0.seq == 17 }?.extra["备注"] == "按特种作业要求")
            #expect(parsed.entries.first { $0.seq == 17 }?.assessment == nil)
        }
        if stem.hasSuffix("no-form-feeds") {
            #expect(parsed.entries.filter { (73...86).contains($0.seq) }.allSatisfy { $0.industry == "新能源新材料产业" })
        }
    }
}

extension ReviewerCorpusTests {
    /// Round-45 notices to refuse, both published with exit 0 before:
    /// - a dump whose page 3 was lost: page marks `—2—` then `—4—`, rows 27 then 46. A page mark
    ///   jump where the row numbers jump too is an error (a row number that skips alone stays a
    ///   warning);
    /// - a dump whose 是否急需紧缺 header stands over 127 blank cells: every row was published
    ///   `urgent: false`. Blank in every row, the column says nothing: urgent is null, with one
    ///   warning, as for a table without the column.
    @Test func aLostPageAndAnUrgencyColumnOfBlanksAreNotPublishedAsData() throws {
        let lost = try parseFixture("text/reviewer-pdftotext-page-missing.txt")
        #expect(lost.diagnostics.contains {
            $0.severity == .error && $0.seq == 46 && $0.message == "the page marks go from 2 to 4 and the rows from 27 to 46: page 3 is missing"
        })
        let blank = try parseFixture("text/reviewer-pdftotext-urgency-cells-lost.txt")
        #expect(blank.entries.count == 127)
        #expect(blank.entries.allSatisfy { $0.urgent == nil })
        #expect(blank.diagnostics.contains { $0.severity == .warning && $0.message == "the urgency column (是否急需紧缺) is blank in every row: urgent is null for every row" })
        #expect(LineClassifier.pageNumber("—4—") == 4)
        #expect(LineClassifier.pageNumber("第3页共10页") == 3)
        #expect(LineClassifier.pageNumber("1800/2200") == nil)
    }
}

extension ReviewerCorpusTests {
    /// A round-45 scan (three pages at 200 dpi, 1 bit) whose header is printed on page 1 only.
    /// Pages are read by OCR in two parts, one per core; the second part started without the
    /// header's columns, so its ★ cells were read as Chinese (`友`, `女`) and every one of them
    /// was an error. Each part now starts with the columns the first page's header names: 35 of
    /// 36 rows exact, and the one misread name (`惠树修剪工`) is named by a warning on its cell.
    @Test func aScanWithItsHeaderOnPageOneIsReadOnEveryCoreByThatHeader() throws {
        let parsed = try parseFixture("reviewer-scan-header-once-bw200.pdf")
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let expected = try expectedRows("reviewer-scan-header-once-bw200.expected.json")
        #expect(parsed.entries.count == expected.count)
        for (entry, row) in zip(parsed.entries, expected) {
            #expect(entry.urgent == row["urgent"] as? Bool, "row \(entry.seq)")
            #expect(entry.code == row["code"] as? String, "row \(entry.seq)")
            #expect(entry.industry == row["industry"] as? String, "row \(entry.seq)")
            if entry.name != row["name"] as? String {
                #expect(parsed.diagnostics.contains { $0.seq == entry.seq && $0.message.contains("`\(entry.name)`") }, "row \(entry.seq)")
            }
        }
        #expect(parsed.entries.filter { entry in entry.name != expected.first { ($0["seq"] as? Int) == entry.seq }?["name"] as? String }.count <= 1)
    }

    /// A round-45 dump with a 备注 column: its wrapped remark (`限定本市户` / `籍`) fills the
    /// line between a training cell's lines, which is no empty line between two bands of rows:
    /// row 32's `元/人` stays row 32's (it went to row 33, with row 34's `初级、中级、高`).
    @Test func anExtraColumnsLineIsNoEmptyLineBetweenRows() throws {
        let parsed = try parseFixture("text/reviewer-pdftotext-remark-column.txt")
        let row32 = parsed.entries.first { $0.seq == 32 }?.training
        #expect(row32?.amounts.map(\.amountYuan) == [2600, 2600, 2600] && row32?.upTo == true)
        #expect(parsed.entries.first { $0.seq == 33 }?.training?.amounts.map(\.amountYuan) == [4000])
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
    }
}

extension ReviewerCorpusTests {
    /// Round 46 (张掖 dumps, 铁门关 PDFs):
    /// - three-digit row numbers wrapped in a narrow 序号 column (`10` over ` 7`, a row's middle
    ///   line between) are one number: the dump read 131 rows for 116 (rows `10` and `7`);
    /// - a count stated over two lines (`共 119 个职` / `业（工种）`) is read (a page's rows lost
    ///   and the rest renumbered was published), and a clause counting part of the rows over two
    ///   lines (`其中急需紧缺` / `职业（工种）46 个`) is no count of them all;
    /// - an urgency mark run into the code (`5-13-06-12否`, columns set one blank apart) is an
    ///   error, not a code kept as published with urgency `false`;
    /// - Calc prints a merged subsidy cut by a page break centred on its whole area, in the
    ///   margin under page 1's table: the block printing nothing before the break takes the
    ///   text of its part after it (rows 63–66 had no training subsidy, silently).
    @Test func round46WrappedNumbersStatedCountsCodesAndMarginText() throws {
        try parseExactReviewerNotice("text/reviewer-pdftotext-row-numbers-wrapped", ".txt")
        let stated = try parseFixture("text/reviewer-pdftotext-stated-count-wrapped.txt")
        #expect(stated.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the notice states 119 rows") })
        let glued = try parseFixture("text/reviewer-pdftotext-urgency-run-into-code.txt")
        #expect(glued.diagnostics.contains { $0.severity == .error && $0.seq == 108 && $0.message == "row 108: code `5-13-06-12否` ends with the urgency mark `否`: two columns run together" })
        #expect(EntryBuilder.urgencyAfterCode("6-24-03-01-*") == nil)
        #expect(EntryBuilder.urgencyAfterCode("6-24-03-01★") == "★")
        try parseExactReviewerNotice("reviewer-calc-merged-subsidy-in-margin", ".pdf")
    }
}

extension ReviewerCorpusTests {
    /// Round 46, 12 pt with rows breaking across pages: a three-digit row number wrapped over a
    /// tall row (`10`, two lines, ` 9`) and one cut by a page break (`10` at a page's foot, `5`
    /// atop the next) are one number each (read 126 rows for 115). Row 15's industry is a merged
    /// cell's guess, warned.
    @Test func rowNumbersWrappedOverTallRowsAndPageBreaksAreOneNumber() throws {
        let parsed = try parseExactReviewerNotice("text/reviewer-pdftotext-row-numbers-wrapped-over-breaks", ".txt", guessed: [15])
        #expect(parsed.entries.map(\.seq) == Array(1...115))
    }

    /// Round 46, a 备注 column last: a remark wrapped onto the line under it (`含安全生产知` /
    /// `识`), the urgency column's band reaching under it: the rest of the remark, not the
    /// urgency (`是识`, "cannot read the urgency mark").
    @Test func aRemarksWrappedLineIsTheRemarksNotTheUrgencys() throws {
        let parsed = try parseFixture("text/reviewer-pdftotext-remark-wrapped-past-urgency.txt")
        let row = parsed.entries.first { $0.seq == 1 }
        #expect(row?.extra["备注"] == "含安全生产知识")
        #expect(row?.urgent == true)
        #expect(!parsed.diagnostics.contains { $0.message.contains("cannot read the urgency mark") })
    }
}

extension ReviewerCorpusTests {
    /// Round 46, a 职业技能等级 column (kept as extra) wrapped over four lines about each row's
    /// number: its lines were given to the rows around, published silently (`级/高级工五级/初级
    /// 工、四级/中级工五级/初级` on row 43). An extra cell holding a run of four characters twice
    /// is an error naming its row and column.
    @Test func anExtraCellHoldingARunTwiceIsAnError() throws {
        let parsed = try parseFixture("text/reviewer-pdftotext-skill-levels-wrapped.txt")
        #expect(parsed.diagnostics.contains {
            $0.severity == .error && $0.seq == 12 && $0.message.hasPrefix("row 12: 职业技能等级 `五级/初级工、四级/中级工、三级/高级工五级/初级` holds `五级/初` twice")
        })
    }
}
