import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// The contract of issue 11: a catalogue with an error is never published by default (exit 2,
/// every output untouched, one line saying so); a column whose cells do not fit it is one error
/// naming the column; `--table` picks one table; `extract --columns` shows how the header was read.
@Suite struct ErrorContractTests {
    typealias Workspace = BadInputTests.Workspace

    static let header = "序号 行业 职业（工种）代码 职业（项目） 培训补贴等级及补贴标准 考核鉴定等级及补贴标准 是否急需紧缺\n"
    static func row(_ n: Int, _ code: String = "6-31-03-01", _ name: String = "化学检验员", assessment: String = "初级或中级：160元/人") -> String {
        "\(n) 制造业 \(code) \(name) 初级、中级：2160元/人 \(assessment) *\n"
    }

    /// Codes written `6.31.03.01` under a header naming no code column: one error blaming the
    /// column mapping, not one per row.
    static let codesMappedWrong: String = {
        let header = "序号 行业 职业（工种） 培训补贴等级及补贴标准 考核鉴定等级及补贴标准 是否急需紧缺\n"
        return header + (1...5).map { "\($0) 制造业 6.31.03.0\($0) 化学检验员 初级、中级：2160元/人 初级或中级：160元/人 *\n" }.joined()
    }()

    @Test func errorsMeanExitTwoAndNothingWritten() throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("notice.txt", Array((Self.header + Self.row(1) + Self.row(2, "6-31-01-04", "仪器仪表维修工", assessment: "初级或中级：很多")).utf8))
        let run = try runMulu(["compile", input, "--out", w.out, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        // --quiet hides warnings, never the errors nor the summary.
        #expect(lines.first == "notice.txt:3:40: error: row 2: cannot read the assessment subsidy")
        #expect(lines.last == "\(input): 2 entries, 0 warnings, 1 error; nothing written; --allow-errors writes it anyway (first: notice.txt:3: row 2: cannot read the assessment subsidy)")
        w.expectOutUntouched()

        let allowed = try runMulu(["compile", input, "--out", w.out, "--allow-errors"])
        #expect(allowed.status == 0)
        #expect(allowed.stderr.hasSuffix("compiled 2 entries, 0 warnings, 1 error from \(input) into \(w.out)\n"))
        let json = try CatalogueJSON.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: w.out + "/catalogue.json"))))
        #expect(json.diagnostics.filter { $0.severity == .error }.map(\.message) == ["row 2: cannot read the assessment subsidy"])
        #expect(json.entries[1].assessment == nil && json.entries[1].training?.amountYuan == 2160)
    }

    @Test func aColumnMappedWronglyIsOneError() throws {
        let p = try NoticeParser.parseText(Array(Self.codesMappedWrong.utf8), path: "t.txt")
        let errors = p.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == [
            "column `职业（工种）` (name): 5 of 5 cells are not name cells (they hold figures), e.g. `6.31.03.01 化学检验员`, `6.31.03.02 化学检验员`, `6.31.03.03 化学检验员`: the columns were mapped wrongly",
        ])
    }

    @Test func oneOddCellDoesNotShiftItsNeighbours() throws {
        let text = Self.header + Self.row(1) + Self.row(2, assessment: "初级或中级：很多") + Self.row(3)
        let p = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
        #expect(p.entries[1].training?.text == "初级、中级：2160元/人")
        #expect(p.entries[1].assessment == nil && p.entries[1].urgent == true)
        #expect(p.diagnostics.filter { $0.severity == .error }.map(\.message) == ["row 2: cannot read the assessment subsidy"])
    }

    @Test func tablePicksOneTable() throws {
        let w = try Workspace()
        defer { w.remove() }
        let path = fixture("variants/two-tables.txt")
        let run = try runMulu(["compile", path, "--out", w.path("t2"), "--table", "附件2"])
        #expect(run.status == 0, "\(run.stderr)")
        let c = try CatalogueJSON.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: w.path("t2") + "/catalogue.json"))))
        #expect(c.entries.count == 20 && c.entries.allSatisfy { $0.table == 0 } && c.entries.first?.seq == 1)
        #expect(c.tables == [Catalogue.Table(label: "附件2", title: "昌吉州职业技能培训重点产业需求指导目录")])
        let all = try CatalogueLoader.load(path: path)
        #expect(all.tables.map(\.label) == ["附件1", "附件2"])
        #expect(all.entries.filter { $0.table == 1 }.map(\.name) == c.entries.map(\.name))
        let bad = try runMulu(["compile", path, "--out", w.path("t3"), "--table", "3"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "two-tables.txt: no table `3`: the notice has 2 table(s): 1 (附件1), 2 (附件2)\n")
    }

    @Test func extractColumnsShowsEveryHeaderCell() throws {
        let run = try runMulu(["extract", fixture("variants/extra-skill-level-middle.txt"), "--columns"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("""
            table 1 (附件2 昌吉州职业技能培训重点产业需求指导目录): header cells as published → field
              序号 → seq
              行业 → industry
              职业（工种）代码 → code
              职业（项目） → name
              职业技能等级 → kept as extra
              培训补贴等级及补贴标准 → training
              考核鉴定等级及补贴标准 → assessment
              是否急需紧缺 → urgent

            """))
    }

    @Test func refusalsTellTheTruth() throws {
        // The header words are there, the line holds other text too: the message says so.
        let text = "关于印发目录的通知：序号、代码、职业、培训补贴见下表\n1 制造业\n"
        do {
            _ = try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
            Issue.record("parsed a notice without a header")
        } catch let error as MuluError {
            #expect(!error.problem.contains("no header with 序号, 代码, 职业"))
            #expect(error.problem.hasSuffix("the nearest, p1:1, names 序号、代码、职业、培训 among other text"))
        }
        // Enough header words, and a few characters no header word has (figures): named.
        let years = "序号 行业 职业（工种）代码 职业（项目） 2024培训补贴标准 2025培训补贴标准 是否急需紧缺\n"
            + "1 制造业 6-31-03-01 化学检验员 初级、中级：2000元/人 初级、中级：2160元/人 *\n"
        do {
            _ = try NoticeParser.parseText(Array(years.utf8), path: "t.txt")
            Issue.record("parsed a header of years")
        } catch let error as MuluError {
            #expect(error.problem.hasSuffix("the nearest, p1:1, names 序号、行业、代码、职业、工种、培训、急需、紧缺、项目 but also holds "
                + "`2` `0` `4` `5`, which no header word has (a header line holds header words only)"))
        }
        // Years (`2024年…`, `2025年…`) are header words: of two columns naming one subsidy, the
        // later year's is in force, the other kept as extra.
        let dated = years.replacingOccurrences(of: "2024培训", with: "2024年培训").replacingOccurrences(of: "2025培训", with: "2025年培训")
        let read = try NoticeParser.parseText(Array(dated.utf8), path: "t.txt")
        #expect(read.entries.first?.training?.amountYuan == 2160)
        #expect(read.entries.first?.extra == ["2024年培训补贴标准": "初级、中级：2000元/人"])
        // A table flattened into one paragraph: the line is far longer than a header, and the
        // message says how long.
        let row = " 1 制造业 6-31-03-01 化学检验员 初级、中级：2160元/人 初级或中级：160元/人 *"
        let flat = "序号 行业 职业（工种）代码 职业（项目） 培训补贴等级及补贴标准 考核鉴定等级及补贴标准 是否急需紧缺"
            + String(repeating: row, count: 8) + "\n"
        do {
            _ = try NoticeParser.parseText(Array(flat.utf8), path: "t.txt")
            Issue.record("parsed a notice flattened into one line")
        } catch let error as MuluError {
            #expect(error.problem.hasSuffix("characters on that line: the whole table on one line, or markup?)"), "\(error.problem)")
        }
    }

    /// catalogue.json of schemaVersion 1 (no amounts, urgent always boolean) is read, and a diff
    /// against version 2 reports per-level amount changes.
    @Test func diffReadsVersionOneAndTwo() throws {
        let v1 = #"""
            {"schemaVersion": 1, "title": "t", "source": {"file": "a.txt", "sha256": "00", "format": "text"}, "diagnostics": [],
             "entries": [{"seq": 1, "industry": "制造业", "code": "6-31-03-01", "name": "化学检验员", "urgent": true,
               "training": {"levels": ["初级", "中级"], "amountYuan": 2160, "anyOf": false, "text": "初级、中级：2160元/人"},
               "assessment": null}]}
            """#
        let old = try CatalogueJSON.decode(Array(v1.utf8))
        #expect(old.schemaVersion == 1)
        #expect(old.entries[0].training?.amounts == [.init(level: .junior, amountYuan: 2160), .init(level: .intermediate, amountYuan: 2160)])
        #expect(old.entries[0].table == 0 && old.entries[0].extra.isEmpty)
        var newer = old
        newer.schemaVersion = 2
        newer.entries[0].training = SubsidyParser.parse("初级：2160元/人；中级：2400元/人")
        let reread = try CatalogueJSON.decode(CatalogueJSON.encode(newer, schemaRef: nil))
        #expect(reread.entries == newer.entries)
        let diff = CatalogueDiff(old: old, new: reread)
        #expect(diff.changed.map(\.fields) == [[.training]])
        #expect(diff.textReport().contains("~ 6-31-03-01 化学检验员: 培训补贴 初级、中级：2160元/人 → 初级：2160元/人；中级：2400元/人 (中级 2160→2400)"))
        // The same catalogue as version 1 and as version 2: no differences.
        var same = old
        same.schemaVersion = 2
        #expect(CatalogueDiff(old: old, new: try CatalogueJSON.decode(CatalogueJSON.encode(same, schemaRef: nil))).isEmpty)
    }

    @Test func subsidyGrammar() {
        func t(_ s: String) -> String? { SubsidyParser.parse(s)?.text }
        #expect(t("初级：1600元/人；中级：2000元/人") == "初级：1600元/人；中级：2000元/人")
        #expect(SubsidyParser.parse("初级：1600元/人；中级：2000元/人")?.amountYuan == nil)
        #expect(t("初级2160元/人、中级2160元/人") == "初级、中级：2160元/人")
        #expect(SubsidyParser.parse("五级/初级工：2160元/人")?.levels == [.junior])
        #expect(SubsidyParser.parse("初级（五级）、中级（四级）：2160元/人")?.levels == [.junior, .intermediate])
        #expect(t("初、中级 2,160.00元/人次") == "初级、中级：2160元/人")
        #expect(SubsidyParser.parse("初级、中级：最高2160元/人（含教材费）").map { ($0.upTo, $0.note) } ?? (false, nil) == (true, "含教材费"))
        #expect(SubsidyParser.parse("按实际发生费用").map { ($0.text, $0.amounts.isEmpty) } ?? ("", false) == ("按实际发生费用", true))
        for none in ["—", "/", "无", "", "－"] { #expect(SubsidyParser.read(none) == .none, "\(none)") }
        #expect(SubsidyParser.read("初级、中级") == .unreadable)
        #expect(SubsidyParser.read("初级、中级：2160") == .unreadable)
    }
}
