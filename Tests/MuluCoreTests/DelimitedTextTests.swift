import Testing
@testable import MuluModel
@testable import MuluTable
@testable import MuluPipeline
@testable import MuluEntries

/// `DelimitedText`: a record that a spreadsheet or a word processor spread over lines is read as
/// one line, and what is said of it names the file line it starts on.
@Suite struct DelimitedTextTests {
    static let header = "序号,行业,职业编码,职业名称,培训补贴标准,鉴定补贴标准,是否紧缺"

    @Test func csvRecordsOnePerLineKeepTheirFileLines() throws {
        let text = "附件2\n\n\(Self.header)\n1,制造业,6-31-03-01,化学检验员,\"初级、中级：\n2,160元/人\",初级或中级：160元/人,是\n"
            + "2,制造业,6-31-01-01,\"按\"\"新\"\"职业\",初级、中级：2160元/人,初级或中级：160元/人,否\n"
        let records = try #require(DelimitedText.records(Array(text.utf8), probeLines: 400))
        let lines = String(decoding: records.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3] == "1\t制造业\t6-31-03-01\t化学检验员\t 初级、中级：2,160元/人 \t初级或中级：160元/人\t是")
        #expect(lines[4] == "2\t制造业\t6-31-01-01\t 按\"新\"职业 \t初级、中级：2160元/人\t初级或中级：160元/人\t否")
        #expect(records.lines == [1, 2, 3, 4, 6])
    }

    @Test func wordRowsSplitByACellsLineBreakAreJoined() throws {
        let header = Self.header.replacingOccurrences(of: ",", with: "\t")
        let text = "\(header)\n1\t制造业\t6-24-03-01-10\t电缆金属护套\n制造工\t初级、中级：2160元/人\t初级或中级：160元/人\t是\n"
            + "2\t电力、热力、燃气\n及水生产和供应业\t6-28-01-03\t汽轮机\n运行值班员\t初级、中级：2160元/人\t初级或中级：160元/人\t是\n"
            + "3\t制造业\t6-18-01-05\t镗工\t初级、中级：2160元/人\t初级或中级：160元/人\n"
            + "4\t制造业\t6-18-01-01\t车工\t初级、中级：2160元/人\t初级或中级：160元/人\t否\n"
        let records = try #require(DelimitedText.records(Array(text.utf8), probeLines: 400))
        let lines = String(decoding: records.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines[1] == "1\t制造业\t6-24-03-01-10\t电缆金属护套制造工\t初级、中级：2160元/人\t初级或中级：160元/人\t是")
        #expect(lines[2] == "2\t电力、热力、燃气及水生产和供应业\t6-28-01-03\t汽轮机运行值班员\t初级、中级：2160元/人\t初级或中级：160元/人\t是")
        // A row whose empty last cell was cut off is not joined to the row after it.
        #expect(lines[3] == "3\t制造业\t6-18-01-05\t镗工\t初级、中级：2160元/人\t初级或中级：160元/人")
        #expect(records.lines == [1, 2, 4, 7, 8])
    }

    /// Full-width bars and box-drawing characters are made ASCII three bytes for three (columns
    /// keep their offsets), and only when the opening lines hold one; the table then reads as a
    /// bar-separated one, its box rules as rule lines.
    @Test func boxDrawingAndFullWidthBarsAreBars() throws {
        let text = "┌──┬──┐\n│序号│行业│职业编码｜职业名称｜培训补贴标准｜\n├──┼──┤\n"
        let barred = try #require(DelimitedText.asciiBars(Array(text.utf8), probeLines: 400))
        #expect(barred.count == text.utf8.count)
        #expect(String(decoding: barred, as: UTF8.self)
            == "|  ------|  ------|  \n|  序号|  行业|  职业编码|  职业名称|  培训补贴标准|  \n|  ------|  ------|  \n")
        #expect(DelimitedText.asciiBars(Array("序号｜行业".utf8), probeLines: 0) == nil)
        #expect(DelimitedText.asciiBars(Array(Self.header.utf8), probeLines: 400) == nil)
        let records = try #require(DelimitedText.records(Array(text.utf8), probeLines: 400))
        let lines = String(decoding: records.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "")
    }

    @Test func tabTextWithNothingSpreadIsLeftAsItIs() {
        let header = Self.header.replacingOccurrences(of: ",", with: "\t")
        let text = "\(header)\n1\t制造业\t6-31-03-01\t化学检验员\t初级、中级：2160元/人\t初级或中级：160元/人\t是\n"
        #expect(DelimitedText.records(Array(text.utf8), probeLines: 400) == nil)
        // Blanks between the header's cells: not delimited, whatever commas a cell holds.
        let spaced = "序号 行业 职业编码 职业名称 培训补贴标准 鉴定补贴,标准 是否紧缺\n1 制造业 6-31-03-01 化学检验员 初级,中级：2,160元/人 初级或中级：160元/人 是\n"
        #expect(DelimitedText.records(Array(spaced.utf8), probeLines: 400) == nil)
    }

    @Test func anUnclosedQuoteIsAQuote() throws {
        let text = "\(Self.header)\n1,制造业,6-31-03-01,\"化学检验员,初级、中级：2160元/人,初级或中级：160元/人,是\n"
        let records = try #require(DelimitedText.records(Array(text.utf8), probeLines: 400))
        #expect(String(decoding: records.bytes, as: UTF8.self).split(separator: "\n")[1]
            == "1\t制造业\t6-31-03-01\t\"化学检验员\t初级、中级：2160元/人\t初级或中级：160元/人\t是")
    }

    @Test func aCellAfterAQuotedLineBreakIsNamedOnItsFileLine() throws {
        let text = "附件2\n\n\(Self.header)\n1,制造业,6-31-03-01,化学检验员,\"初级、中级：\n2,160元/人\",初级或中级：160元/人,是\n"
            + "2,制造业,6-31-01-01,\"设备\n点检员\",初级、中级：2160元/人,初级或中级：160元/人,是\n"
            + "3,制造业,6-31-01-02,钳工,初级、中级：2160元/人,初级或中级：160元/人,○\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.csv")
        #expect(parsed.entries.map(\.name) == ["化学检验员", "设备点检员", "钳工"])
        #expect(parsed.entries[0].training?.amountYuan == 2160)
        let d = try #require(parsed.diagnostics.first { $0.severity == .error })
        #expect(d.message == "row 3: cannot read the urgency mark" && d.line == 8)
    }

    /// An urgency column typed `1`/`0` (a spreadsheet's yes/no) is read 1 urgent, 0 not, with
    /// one warning for the column; a `1` or `0` in a column that also holds marks is an error on
    /// its row (a `1` beside `*` may be a footnote's number).
    @Test func urgencyWrittenOneOrZero() throws {
        let rows = ["1,制造业,6-31-03-01,化学检验员,初级、中级：2160元/人,初级或中级：160元/人,1",
                    "2,制造业,6-31-01-01,设备点检员,初级、中级：2160元/人,初级或中级：160元/人,0",
                    "3,制造业,6-31-01-02,钳工,初级、中级：2160元/人,初级或中级：160元/人,1"]
        let parsed = try NoticeParser.parseText(Array(("\(Self.header)\n" + rows.joined(separator: "\n") + "\n").utf8), path: "t.csv")
        #expect(parsed.entries.map(\.urgent) == [true, false, true])
        #expect(parsed.diagnostics.map(\.message) == ["the urgency column is written 1/0: `1` read as urgent (2 rows), `0` as not urgent (1 rows)"])
        let mixed = rows[0].dropLast() + "*\n" + rows[1] + "\n" + rows[2] + "\n"
        let p2 = try NoticeParser.parseText(Array(("\(Self.header)\n" + mixed).utf8), path: "t.csv")
        #expect(p2.diagnostics.filter { $0.severity == .error }.map(\.seq) == [2, 3])
        #expect(p2.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("whether `1` means urgent cannot be told") })
    }

    /// `&nbsp;` (and `&#160;`) copied out of a web page into a cell is a blank of the cell, in a
    /// Markdown table and in CSV alike: `电&nbsp;&nbsp;工` is `电工`, a cell of `&nbsp;` alone blank.
    @Test func noBreakSpaceEntitiesAreBlanks() throws {
        let csv = "\(Self.header)\n1,制造业,6-31-03-01,电&nbsp;&nbsp;工,初级、中级：2160元/人,初级或中级：160元/人,&NBSP;\n"
            + "2,制造业,&#160;6-31-01-01,钳工,初级、中级：2160元/人,初级或中级：160元/人,是\n"
        let parsed = try NoticeParser.parseText(Array(csv.utf8), path: "t.csv")
        #expect(parsed.entries.map(\.name) == ["电工", "钳工"])
        #expect(parsed.entries.map(\.code) == ["6-31-03-01", "6-31-01-01"])
        #expect(parsed.entries.map(\.urgent) == [false, true])
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
        let bars = "| 序号 | 行业 | 职业编码 | 职业名称 | 培训补贴标准 | 鉴定补贴标准 | 是否紧缺 |\n|---|---|---|---|---|---|---|\n"
            + "| 1 | 制造业 | 6-31-03-01 | 化学&nbsp;检验员 | 初级、中级：2160元/人 | 初级或中级：160元/人 | &nbsp; |\n"
        let p2 = try NoticeParser.parseText(Array(bars.utf8), path: "t.md")
        #expect(p2.entries.map(\.name) == ["化学检验员"] && p2.entries.map(\.urgent) == [false])
    }

    /// One 补贴标准 column holding both subsidies after their labels (`培训：…；评价：…`) gives
    /// both, whatever the order, the labels' length, the colons and the blanks; a row with one
    /// label gives that one. The table is then not said to lack an assessment column.
    @Test func oneCellWithBothSubsidiesAfterTheirLabels() throws {
        let head = "附件2\n\n序号 行业 职业编码 职业名称 补贴标准 是否紧缺\n"
        let rows = [
            "1 制造业 6-31-03-01 化学检验员 培训：初级、中级2160元/人；评价：初级或中级160元/人 *",
            "2 制造业 6-31-01-01 钳工 评价补贴:初级或中级 160元/人 ; 培训补贴: 初级、中级 2160 元/人 *",
            "3 制造业 6-31-01-03 电工 技能培训： 初级、中级2160元/人，技能评价： 初级或中级160元/人",
            "4 制造业 6-31-01-04 仪器仪表维修工 培训：2160元/人 鉴定：160元/人",
            "5 制造业 6-31-01-05 设备点检员 培训：初级、中级2160元/人",
        ]
        let parsed = try NoticeParser.parseText(Array((head + rows.joined(separator: "\n") + "\n").utf8), path: "t.txt")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entries.map { $0.training?.text } == ["初级、中级：2160元/人", "初级、中级：2160元/人", "初级、中级：2160元/人", "2160元/人", "初级、中级：2160元/人"])
        #expect(parsed.entries.map { $0.assessment?.text } == ["初级或中级：160元/人", "初级或中级：160元/人", "初级或中级：160元/人", "160元/人", nil])
        #expect(parsed.entries.map(\.name) == ["化学检验员", "钳工", "电工", "仪器仪表维修工", "设备点检员"])
        #expect(parsed.entries.map(\.urgent) == [true, true, false, false, false])
        // Tab-separated, as a spreadsheet saves it.
        let tsv = "序号\t行业\t职业编码\t职业名称\t补贴标准\t是否紧缺\n1\t制造业\t6-31-03-01\t化学检验员\t培训：初级、中级2160元/人；评价：初级或中级160元/人\t是\n"
        let p2 = try NoticeParser.parseText(Array(tsv.utf8), path: "t.tsv")
        #expect(p2.entries.first?.assessment?.amountYuan == 160 && p2.entries.first?.training?.amountYuan == 2160)
        #expect(p2.diagnostics.isEmpty)
    }

    /// A subsidy no rule reads, taken into the name with an urgency mark after it, is an error on
    /// the name (it was published as `化学检验员培训费2160元`, urgent, with no diagnostic).
    @Test func aSubsidyInTheNameBeforeAMarkIsAnError() throws {
        let text = "附件2\n\n序号 行业 职业编码 职业名称 补贴标准 是否紧缺\n1 制造业 6-31-03-01 化学检验员 培训费2160元 *\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(parsed.diagnostics.contains { $0.severity == .error && $0.message.contains("holds figures") })
    }

    /// The last row, right after the row above and numbered as the next, with a code, is a row
    /// even when a cell reads as a sentence (`，` in a subsidy no rule reads): its problem is
    /// reported, it is not left out as a numbered note. A numbered note after `注：` is a note.
    @Test func aLastRowWithACommaIsNoNote() throws {
        let text = "附件2\n序号 行业 职业编码 职业名称 补贴标准 是否紧缺\n1 制造业 6-31-03-01 化学检验员 初级、中级2160元/人 *\n"
            + "2 制造业 6-31-01-03 电工 培训费1600元，考核费160元 *\n注：\n3 6-24-03-01 电线电缆制造工 可按高级工申报。\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(parsed.entries.map(\.seq) == [1, 2])
        #expect(parsed.diagnostics.contains { $0.severity == .error && $0.seq == 2 })
        #expect(parsed.diagnostics.contains { $0.line == 6 && $0.message == "a numbered note after the table, not a row" })
    }

    /// A header word spaced out (`序 号`, `行 业`) in a CSV or a box-drawn table is one header
    /// cell. Before, the CSV was refused (exit 1) and the box table's rule lines glued onto the
    /// names, its columns shifted, with exit 0.
    @Test func aSpacedHeaderWordInACSVOrABoxTable() throws {
        let csv = "序 号,行 业,职业编码,职业名称,培训补贴标准,鉴定补贴标准,是否紧缺\n1,制造业,6-31-03-01,化学检验员,初级、中级：2160元/人,初级或中级：160元/人,是\n"
        let p1 = try NoticeParser.parseText(Array(csv.utf8), path: "t.csv")
        #expect(p1.entries.map(\.name) == ["化学检验员"] && p1.entries.map(\.industry) == ["制造业"])
        #expect(p1.diagnostics.isEmpty)
        let box = "┌──────┬────────┬────────────┬──────────┬──────────────────────┐\n"
            + "│ 序 号 │ 行业   │ 职业编码   │ 职业名称 │ 培训补贴标准         │\n"
            + "├──────┼────────┼────────────┼──────────┼──────────────────────┤\n"
            + "│ 1    │ 制造业 │ 6-31-03-01 │ 化学检验员 │ 初级、中级：2160元/人 │\n"
            + "├──────┼────────┼────────────┼──────────┼──────────────────────┤\n"
            + "│ 2    │ 制造业 │ 6-31-01-01 │ 钳工     │ 初级、中级：2160元/人 │\n"
            + "└──────┴────────┴────────────┴──────────┴──────────────────────┘\n"
        let p2 = try NoticeParser.parseText(Array(box.utf8), path: "t.txt")
        #expect(p2.entries.map(\.name) == ["化学检验员", "钳工"])
        #expect(p2.entries.map { $0.training?.amountYuan } == [2160, 2160])
    }

    /// A box-drawn table whose records each run over two lines between rule lines (a name, an
    /// amount and a header cell wrapped inside their boxes): each record is read as one, its
    /// cells joined column by column. Before, the wrapped halves were cells of their own ("33 of
    /// 40 cells are not subsidies").
    @Test func aBoxTableWithCellsWrappedInsideTheirBoxes() throws {
        let box = "┌────┬────────────┬────────────┬──────────────────┬────────────────┬──────┐\n"
            + "│ 序号 │ 职业编码   │ 职业名称   │ 培训补贴标准     │ 评价补贴标准   │ 是否 │\n"
            + "│    │            │            │                  │ （元/人）      │ 紧缺 │\n"
            + "├────┼────────────┼────────────┼──────────────────┼────────────────┼──────┤\n"
            + "│ 1  │ 6-31-01-04 │ 仪器仪表维修 │ 初级、中级：1200 │ 五级：200元；四级： │ ●    │\n"
            + "│    │            │ 工         │ 元/人（含教材费） │ 260元          │      │\n"
            + "├────┼────────────┼────────────┼──────────────────┼────────────────┼──────┤\n"
            + "│ 2  │ 6-31-01-03 │ 电工       │ 初级/中级：1200/ │ 初级：200      │      │\n"
            + "│    │            │            │ 2000元/人        │                │      │\n"
            + "└────┴────────────┴────────────┴──────────────────┴────────────────┴──────┘\n"
        let parsed = try NoticeParser.parseText(Array(box.utf8), path: "t.txt")
        #expect(!parsed.diagnostics.contains { $0.severity == .error }, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.entries.map(\.name) == ["仪器仪表维修工", "电工"])
        #expect(parsed.entries.map { $0.training?.amounts.map(\.amountYuan) } == [[1200, 1200], [1200, 2000]])
        #expect(parsed.entries.map { $0.assessment?.amounts.map(\.amountYuan) } == [[200, 260], [200]])
        #expect(parsed.entries.map(\.urgent) == [true, false])
        #expect(parsed.entries.map(\.seq) == [1, 2])
    }

    /// A Markdown (or CSV) row one cell short, whose cells read by shape would take columns past
    /// its last, is an error: which cell is missing cannot be told. Before, `紧缺` under the
    /// assessment column was read as the urgency and the assessment published null, exit 0. A
    /// tab row whose empty cells at the end were cut off is still read.
    @Test func aRowOneCellShortIsAnError() throws {
        let md = "| 序号 | 行业 | 职业编码 | 职业名称 | 培训补贴标准 | 鉴定补贴标准 | 是否紧缺 |\n|---|---|---|---|---|---|---|\n"
            + "| 1 | 制造业 | 6-31-03-01 | 化学检验员 | 初级、中级：2160元/人 | 初级或中级：160元/人 | 紧缺 |\n"
            + "| 2 | 制造业 | 6-31-01-01 | 钳工 | 初级、中级：2160元/人 | 紧缺 |\n"
        let parsed = try NoticeParser.parseText(Array(md.utf8), path: "t.md")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(errors.first?.message == "row 2 has 6 cells, the header 7: which cell is missing cannot be told")
        #expect(errors.allSatisfy { $0.line == 4 })
        let tabs = "序号\t行业\t职业编码\t职业名称\t培训补贴标准\t鉴定补贴标准\t是否紧缺\n1\t制造业\t6-31-03-01\t化学检验员\t初级、中级：2160元/人\t初级或中级：160元/人\n"
        let p2 = try NoticeParser.parseText(Array(tabs.utf8), path: "t.tsv")
        #expect(p2.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(p2.entries.map(\.urgent) == [false])
    }

    /// A numbered note after the table ending its sentence with `。` is a note even when it opens
    /// with a level's name (`2. 技师、高级技师培训补贴标准另行通知。`). Before, it was an entry (row
    /// 2 again, no code), or the notice was refused for it.
    @Test func aNumberedNoteOpeningWithALevelIsANote() throws {
        let text = "附件2\n序号 行业 职业编码 职业名称 培训补贴标准 鉴定补贴标准 是否紧缺\n"
            + "1 制造业 6-31-03-01 化学检验员 初级、中级：2160元/人 初级或中级：160元/人 *\n"
            + "2 制造业 6-31-01-01 钳工 初级、中级：2160元/人 初级或中级：160元/人 *\n"
            + "3 制造业 6-31-01-03 电工 初级、中级：2160元/人 初级或中级：160元/人 *\n\n备注：\n"
            + "1. 本目录根据全州重点产业发展需求制定，实行动态调整。\n2. 技师、高级技师培训补贴标准另行通知。\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(parsed.entries.map(\.seq) == [1, 2, 3])
        #expect(!parsed.diagnostics.contains { $0.severity == .error })
    }

    /// A training subsidy in words (`按实际发生费用`) before an assessment amount, blanks between
    /// the cells: the amount is the assessment's. Before, both went into the training cell and
    /// the row was refused ("fewer training subsidy cells than columns").
    @Test func aSubsidyInWordsBeforeAnAmount() throws {
        let text = "附件2\n序号 行业 职业编码 职业名称 培训补贴标准 评价补贴标准 是否紧缺\n1 制造业 6-31-03-01 化学检验员 按实际发生费用 350元/人次 一般\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entries.first?.training?.text == "按实际发生费用" && parsed.entries.first?.training?.amountYuan == nil)
        #expect(parsed.entries.first?.assessment?.amountYuan == 350)
        #expect(parsed.entries.first?.urgent == false)
    }

    /// An industry that is one value twice (`制造业制造业`: a neighbouring row's cell read into
    /// this one, as alignment did in a reviewer's table ruled only across) is an error.
    @Test func anIndustryPrintedTwiceIsAnError() throws {
        let text = "附件2\n序号 行业 职业编码 职业名称 培训补贴标准 鉴定补贴标准 是否紧缺\n"
            + "1 制造业制造业 6-31-03-01 化学检验员 初级、中级：2160元/人 初级或中级：160元/人 *\n"
            + "2 农业 6-31-01-01 钳工 初级、中级：2160元/人 初级或中级：160元/人 *\n"
        let parsed = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.map(\.seq) == [1])
        #expect(PrintedTwice.once("制造业制造业") == "制造业" && PrintedTwice.once("农业") == nil)
        #expect(SubsidyParser.read("初级、中级：2160元/人初级、中级：2160元/人") == .unreadable)
    }

    /// A subsidy's unit wrapped alone onto the next line (`初级、中级：2160` / `元/人`) is the end of
    /// the one subsidy cell of the row above that ends in its amount; when both end so, it is not
    /// guessed: the line is reported and both cells stay errors.
    @Test func aUnitWrappedOntoTheNextLineEndsItsAmount() throws {
        let head = "附件2\n\n序号 行业 职业编码 职业名称 培训补贴标准 鉴定补贴标准 是否紧缺\n"
        let one = head + "1 制造业 6-31-03-01 化学检验员 初级、中级：2160 初级或中级：160元/人 *\n"
            + "                                  元/人\n"
            + "2 制造业 6-31-01-01 钳工 初级、中级：2160元/人 初级或中级：160元/人 *\n"
        let parsed = try NoticeParser.parseText(Array(one.utf8), path: "t.txt")
        #expect(parsed.entries.map { $0.training?.text } == ["初级、中级：2160元/人", "初级、中级：2160元/人"])
        #expect(parsed.entries.first?.training?.amountYuan == 2160)
        #expect(parsed.diagnostics.isEmpty)
        let both = head + "1 制造业 6-31-03-01 化学检验员 初级、中级：2160 初级或中级：160 *\n"
            + "                                  元/人\n"
            + "2 制造业 6-31-01-01 钳工 初级、中级：2160元/人 初级或中级：160元/人 *\n"
        let p2 = try NoticeParser.parseText(Array(both.utf8), path: "t.txt")
        #expect(p2.diagnostics.filter { $0.severity == .error && $0.seq == 1 }.map(\.message).sorted()
            == ["row 1: cannot read the assessment subsidy", "row 1: cannot read the training subsidy"])
        #expect(p2.diagnostics.contains { $0.severity == .error && $0.line == 5 && $0.message == "line is not a row of the table" })
        #expect(p2.entries.map(\.name) == ["化学检验员", "钳工"])  // 元/人 is no rest of the name (人 ends names)
    }
}
