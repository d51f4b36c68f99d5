import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// Parses a fixture by its path under Fixtures/, reading it once.
func parseFixture(_ name: String, password: String? = nil) throws -> ParsedNotice {
    let path = fixture(name)
    let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
    return name.hasSuffix(".pdf")
        ? try NoticeParser.parsePDF(bytes, path: path, password: password)
        : try NoticeParser.parseText(bytes, path: path)
}

/// The reference: the 2024 catalogue as published in text.
let reference2024 = try! parseFixture("changji-2024.txt")
let reference2025 = try! parseFixture("changji-2025-r1.txt")

@Suite struct ReferenceTextTests {
    @Test func all177RowsWithRealValues() throws {
        let e = reference2024.entries
        #expect(e.count == 177)
        #expect(e.map(\.seq) == Array(1...177))
        let standard = Subsidy(levels: [.junior, .intermediate], amountYuan: 2160, anyOf: false, text: "初级、中级：2160元/人")
        let assessment = Subsidy(levels: [.junior, .intermediate], amountYuan: 160, anyOf: true, text: "初级或中级：160元/人")
        #expect(e[0] == Entry(seq: 1, industry: "制造业", code: "6-31-03-01", name: "化学检验员", training: standard, assessment: assessment, urgent: true))
        #expect(e[4].code == "6-30-99-00" && e[4].name == "工业机器人系统操作员")
        #expect(e[20].code == "6-24-03-01-*" && e[20].name == "电线电缆检验工")
        #expect(e[34...36].map(\.code) == ["6-24-02-01-*", "6-24-02-01-*", "6-24-02-01-*"])
        #expect(e[56].name == "三氯氢硅" && e[56].code == "6-17-08-02-07")
        #expect(e[142].code == "5-02-01-00-01" && e[142].name == "林木育种工")
        #expect(e[171].industry == "服务业-数字行业" && e[171].name == "全媒体运营师")
        #expect(e[176] == Entry(seq: 177, industry: "数字产业", code: "2-02-07-13", name: "智能制造工程技术人员", training: standard, assessment: assessment, urgent: true))
        #expect(e.allSatisfy { $0.training == standard && $0.assessment == assessment && $0.urgent == true })
        var industries: [String: Int] = [:]
        for entry in e { industries[entry.industry ?? "", default: 0] += 1 }
        #expect(industries == ["制造业": 113, "电力、热力、燃气及水生产和供应业": 14, "农、林、牧、渔业": 23,
                               "水利、环境和公共设施管理": 3, "交通运输、仓储和邮政业": 11, "旅游服务业": 7,
                               "服务业-数字行业": 1, "数字产业": 5])
        #expect(reference2024.title == "昌吉州职业技能培训重点产业需求指导目录")
    }

    @Test func row57IsWarnedAndKeepsItsName() {
        #expect(reference2024.diagnostics.count == 1)
        let d = reference2024.diagnostics[0]
        #expect(d.severity == .warning && d.seq == 57 && d.line == 126 && d.excerpt == "三氯氢硅")
        #expect(d.message.contains("looks cut short"))
    }

    @Test func everyLineIsAccountedFor() {
        // Each line: blank, furniture, or part of a row (no diagnostics besides row 57).
        let roles = reference2024.roles.flatMap { $0 }
        #expect(roles.count == 378)
        #expect(roles.filter { $0 == .body }.count == 177)
        #expect(roles.filter { $0 == .header }.count == 3)
        #expect(roles.contains(.attachmentLabel) && roles.contains(.title))
        #expect(!roles.contains(.preamble))
    }

    @Test func revisionHas177Rows() {
        #expect(reference2025.entries.count == 177)
        #expect(reference2025.diagnostics.isEmpty)
        #expect(reference2025.entries[92].urgent == false && reference2025.entries[92].name == "民间工艺品制作工")
    }
}

@Suite struct VariantTests {
    /// Every text shape the reference arrives in gives exactly the reference entries.
    @Test(arguments: [
        "text/gb18030.txt", "text/utf16le-bom.txt", "text/utf16be-bom.txt", "text/utf8-bom.txt",
        // UTF-16 saved without a byte-order mark: known by its NUL bytes and line feeds.
        "text/utf16le-no-bom.txt", "text/utf16be-no-bom.txt",
        "text/crlf.txt", "text/cr.txt", "text/fullwidth.txt", "text/ideographic-space.txt",
        "text/tabs.txt", "text/padded.txt", "text/repeated-header.txt", "text/pdftotext-layout-a.txt",
        // pdftotext -layout of narrow ruled columns (cells run into their neighbours with one
        // blank, header words elsewhere than the body's columns), of a table without rules and of
        // one ruled only horizontally: columns split by what the cells hold (ContentColumns).
        "text/pdftotext-layout-narrow.txt", "text/pdftotext-layout-no-rules.txt", "text/pdftotext-layout-hrules.txt",
        "text/pdftotext-layout-header-once.txt",
    ])
    func textVariant(_ name: String) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.entries == reference2024.entries)
        #expect(parsed.diagnostics.map(\.seq) == [57])
    }

    /// Every PDF layout gives exactly its text twin's entries.
    @Test(arguments: ["changji-2024-a.pdf", "changji-2024-b.pdf", "layout-narrow.pdf", "layout-header-once.pdf"])
    func pdfLayout(_ name: String) throws {
        let parsed = try parseFixture(name)
        #expect(parsed.format == .pdf)
        #expect(parsed.entries == reference2024.entries)
        #expect(parsed.diagnostics.map(\.seq) == [57])
        #expect(parsed.diagnostics.first?.page != nil)
    }

    @Test func revisionPDF() throws {
        let parsed = try parseFixture("changji-2025-r1.pdf")
        #expect(parsed.entries == reference2025.entries)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func encodingsAreReported() throws {
        #expect(try parseFixture("text/gb18030.txt").encoding == .gb18030)
        #expect(try parseFixture("text/utf16be-bom.txt").encoding == .utf16BE)
        #expect(try parseFixture("text/utf16le-no-bom.txt").encoding == .utf16LE)
        #expect(try parseFixture("text/utf16be-no-bom.txt").encoding == .utf16BE)
        #expect(reference2024.encoding == .utf8)
    }

    @Test func pageMarksAndRepeatedHeadersAreFurniture() throws {
        let parsed = try parseFixture("text/repeated-header.txt")
        let roles = parsed.roles.flatMap { $0 }
        #expect(parsed.pages.count == 5)
        #expect(roles.filter { $0 == .pageMark }.count == 5)
        #expect(roles.filter { $0 == .header }.count == 15)
    }

    @Test func splitRowsAndMergedIndustryInPDF() throws {
        // Row 38 of layout a starts on page 2 and ends on page 3; layout b prints 制造业 once, in
        // a cell merged down over five pages: the rules give it to every row it spans.
        let a = try parseFixture("changji-2024-a.pdf")
        let row38 = a.rows.first { $0.seq == 38 }!
        #expect(Set(row38.cells[.training]!.map(\.page)) == [2, 3])
        let b = try parseFixture("changji-2024-b.pdf")
        #expect(b.recovery?.method == .rules)
        #expect(b.rows.filter { !$0.text(.industry).isEmpty }.count == 177)
        #expect(b.rows.filter { $0.text(.industry) == "制造业" }.count == 113)
        #expect(b.rows.first { $0.seq == 154 }!.text(.industry) == "交通运输、仓储和邮政业")
    }
}

@Suite struct DiagnosticTests {
    func parse(_ text: String) throws -> ParsedNotice {
        try NoticeParser.parseText(Array(text.utf8), path: "t.txt")
    }
    let header = "序号 行业 职业（工种）代码 职业（项目） 培训补贴等级及补贴标准 考核鉴定等级及补贴标准 是否急需紧缺\n"
    let row = { (n: Int, code: String, name: String) in "\(n) 制造业 \(code) \(name) 初级、中级：2160元/人 初级或中级：160元/人 *\n" }

    /// Three level words under two subsidy columns: which subsidy has which levels cannot be
    /// told, so the catalogue is refused with that said first, never read one way by guess.
    @Test func levelLineThatDoesNotDivideIsAnError() throws {
        let text = "序号 行业 职业编码 职业名称 培训补贴标准（元/人） 技能评价补贴标准（元/人） 紧缺急需\n初级 中级 高级\n"
            + "1 制造业 6-31-03-01 化学检验员 1600 2000 2600 160 *\n2 制造业 6-31-01-04 仪器仪表维修工 1600 2000 2600 160 *\n"
        let p = try parse(text)
        let first = try #require(p.diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.message == "the header's level line `初级 中级 高级` does not divide among the subsidy columns "
            + "`培训补贴标准（元/人）` and `技能评价补贴标准（元/人）`: which subsidy each level belongs to cannot be told")
    }

    @Test func strayLineIsReportedWithItsLine() throws {
        let p = try parse(header + row(1, "6-31-03-01", "化学检验员") + "注：以上为急需工种\n" + row(2, "6-31-01-04", "仪器仪表维修工"))
        #expect(p.entries.count == 2)
        let d = try #require(p.diagnostics.first)
        #expect(d.line == 3 && d.excerpt == "注：以上为急需工种" && d.message == "a note after the table, not a row")
    }

    @Test func numberingDuplicatesCodesAndSubsidies() throws {
        let text = header + row(1, "6-31-03-01", "化学检验员") + row(3, "6-31-03-01", "化学检验员")
            + row(3, "6-31-0x-01", "电工") + "4 制造业 6-31-01-01 设备点检员 初级：很多 初级或中级：160元/人 *\n"
        let p = try parse(text)
        let messages = p.diagnostics.map(\.message)
        #expect(messages.contains("row number 3 skips 2…2"))
        #expect(messages.contains("row number 3 repeats"))
        #expect(messages.contains("`6-31-03-01 化学检验员` is listed twice (rows 1 and 3)"))
        #expect(messages.contains("row 3: code `6-31-0x-01` is not a national classification code; kept as published"))
        #expect(messages.contains("row 4: cannot read the training subsidy"))
        #expect(p.entries[3].training == nil && p.entries[3].assessment?.amountYuan == 160)
    }

    @Test func workTypeUnderAnotherIndustry() throws {
        let text = header + row(1, "6-31-03-01", "化学检验员")
            + "2 数字产业 6-31-03-01-02 化学检验工 初级、中级：2160元/人 初级或中级：160元/人 *\n"
        let p = try parse(text)
        #expect(p.diagnostics.map(\.message) == ["work type `6-31-03-01-02 化学检验工` is under 数字产业, its occupation 6-31-03-01 under 制造业"])
    }

    @Test(arguments: [
        ("", "t.txt: empty file (0 bytes)"),
        ("  \n\t\n", "t.txt: empty file (only blanks)"),
        ("PK\u{03}\u{04}\u{00}\u{00}", "t.txt: binary data (a NUL byte at offset 4), not a text notice"),
        ("just some words\nand more\n", "t.txt: no catalogue table: found no header line naming at least 3 of 序号、行业、代码、编码、职业、工种、培训、考核、鉴定、评价、急需、紧缺、项目、名称 (no line names any of them)"),
        ("\u{0C}\u{0C}序号 行业 代码\n注 x", "t.txt: no catalogue rows: a header but no numbered row under it"),
    ])
    func badText(_ input: String, _ message: String) {
        #expect(throws: MuluError.self) { try parse(input) }
        do { _ = try parse(input) } catch { #expect("\(error)" == message) }
    }

    @Test func undecodableBytes() {
        let bytes: [UInt8] = [0xE5, 0xBA, 0x8F, 0xFF, 0xFF, 0x80, 0x0A]
        do {
            _ = try NoticeParser.parseText(bytes, path: "x.txt")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "x.txt: undecodable text: not UTF-8, UTF-16 with BOM or GB18030 (byte 0xFF at offset 3)")
        }
    }
}

@Suite struct FieldTests {
    @Test func subsidies() {
        #expect(SubsidyParser.parse("初级或中级：160 元/人") == Subsidy(levels: [.junior, .intermediate], amountYuan: 160, anyOf: true, text: "初级或中级：160元/人"))
        #expect(SubsidyParser.parse("五级、四级:２１６０元／人")?.text == "初级、中级：2160元/人")
        #expect(SubsidyParser.parse("高级、技师、高级技师：3,600元/人")?.levels == [.senior, .technician, .seniorTechnician])
        #expect(SubsidyParser.parse("初级、中级：2160") == nil)
        #expect(SubsidyParser.parse("元/人") == nil)
        #expect(SubsidyParser.parse("特级：100元/人") == nil)
        // Two cells' amounts run together are not one amount of 16,002,000 yuan.
        #expect(SubsidyParser.read("1600 2000") == .unreadable)
        #expect(SubsidyParser.read("初级：1600 2000元/人") == .unreadable)
        #expect(SubsidyParser.parse("初级、中级： 2160 元/人")?.amountYuan == 2160)
    }

    /// 以上 and 以下 include their own level; a range names every level between its ends.
    @Test func levelRanges() {
        let all: [Level] = [.junior, .intermediate, .senior, .technician, .seniorTechnician]
        let above = SubsidyParser.parse("初级及以上：2160元/人")
        #expect(above?.levels == all && above?.amountYuan == 2160 && above?.amounts.count == 5)
        #expect(above?.text == "初级、中级、高级、技师、高级技师：2160元/人")
        #expect(SubsidyParser.parse("中级以上2000元/人")?.levels == [.intermediate, .senior, .technician, .seniorTechnician])
        #expect(SubsidyParser.parse("四级（中级）及以上：2000元/人")?.levels == [.intermediate, .senior, .technician, .seniorTechnician])
        #expect(SubsidyParser.parse("高级及以下：160元/人")?.levels == [.junior, .intermediate, .senior])
        #expect(SubsidyParser.parse("初级至高级：160元/人")?.levels == [.junior, .intermediate, .senior])
        #expect(SubsidyParser.parse("初级-高级：160元/人")?.levels == [.junior, .intermediate, .senior])
        #expect(SubsidyParser.parse("技师或以上：3000元/人")?.levels == [.technician, .seniorTechnician])
        // A range the wrong way round, or to a word that is not a level, is not read.
        #expect(SubsidyParser.parse("高级至初级：160元/人") == nil)
        #expect(SubsidyParser.parse("特级以上：160元/人") == nil)
        #expect(SubsidyParser.parse("以上：160元/人") == nil)
    }

    @Test func codes() {
        #expect(CodeSyntax.normalise("６－２４—０３–０１－＊") == "6-24-03-01-*")
        #expect(CodeSyntax.normalise("6-24-03-03- 05") == "6-24-03-03-05")
        for good in ["6", "6-24", "6-24-03", "6-30-99-00", "5-02-01-00-01", "6-24-03-01-*"] { #expect(CodeSyntax.isWellFormed(good)) }
        for bad in ["", "66-24", "6-2", "6-24-03-*", "6-24-03-01-05-01", "6--03"] { #expect(!CodeSyntax.isWellFormed(bad)) }
        #expect(CodeSyntax.parentOccupation("6-24-03-01-05") == "6-24-03-01")
    }

    @Test func pageMarks() {
        for mark in ["—3—", "-3-", "–12–", "－3－", "一3一", "第3页", "第3页共10页", "第3页，共10页", "3/10", "Page3of10"] { #expect(LineClassifier.isPageMark(mark)) }
        for other in ["3", "6-24-03", "第三页x", "-", "第页", "第页页", "第3页共页", "第3页7页", "—" + String(repeating: "3", count: 70) + "—", "1 制造业 6-24-03-01", "2405-—"] { #expect(!LineClassifier.isPageMark(other)) }
        // A browser's header (date, time, title) and footer (address, page of pages).
        for furniture in ["12/7/26,1:37AM 附件2", "2026/12/7 09:15 附件2", "2026-12-07, 9:15", "file:///tmp/notice.html 1/6", "https://rsj.cj.gov.cn/a.html 2/6"] {
            #expect(LineClassifier.isBrowserFurniture(furniture), "\(furniture)")
        }
        for row in ["1 制造业 6-24-03-01", "6-24-03-01", "12/7", "2024/3/15", "3/10", "12/7/26 附件2", "1:30"] {
            #expect(!LineClassifier.isBrowserFurniture(row), "\(row)")
        }
    }

    @Test func namesAndMarks() {
        #expect(FieldNormaliser.text("电线电缆 金属导体挤 制工") == "电线电缆金属导体挤制工")
        #expect(FieldNormaliser.text("AI  训练师") == "AI训练师")
        #expect(FieldNormaliser.text("CAD 3D 设计员") == "CAD 3D设计员")
        #expect(UrgencyMark.read("＊") == true)
        #expect(UrgencyMark.read("") == false)
        #expect(UrgencyMark.read("maybe") == nil)
    }
}
