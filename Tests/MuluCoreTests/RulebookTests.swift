import Foundation
import Testing
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries

/// The rulebook (`MuluModel/Rules`): each rule on its own, and its byte form against its
/// scalar form, so the scanners and the string readers cannot drift apart.
@Suite("Rulebook") struct RulebookTests {
    /// Every scalar the blank rule knows, and some it must not.
    static let blanks: [Unicode.Scalar] = [
        "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
        "\u{200A}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
        "\u{2060}", "\u{3000}", "\u{FEFF}",
    ]
    static let notBlanks: [Unicode.Scalar] = ["a", "0", "-", "\u{00}", "\u{7F}", "\u{200E}", "\u{3001}", "中", "\u{FF10}", "\u{1F600}"]

    @Test func blankScalarsAndBytesAgree() {
        for s in Self.blanks {
            #expect(Blank.isBlank(s), "U+\(String(s.value, radix: 16))")
            let bytes = Array(String(s).utf8) + [0x41]
            let n = bytes.withUnsafeBufferPointer { Blank.length($0, at: 0, end: $0.count) }
            #expect(n == bytes.count - 1, "U+\(String(s.value, radix: 16))")
        }
        for s in Self.notBlanks {
            #expect(!Blank.isBlank(s))
            let bytes = Array(String(s).utf8)
            #expect(bytes.withUnsafeBufferPointer { Blank.length($0, at: 0, end: $0.count) } == 0)
        }
        // A blank cut off at the end of the range is no blank.
        let cut = Array("\u{3000}".utf8)
        #expect(cut.withUnsafeBufferPointer { Blank.length($0, at: 0, end: 2) } == 0)
        #expect(Blank.removed(from: " 是\u{3000}") == "是")
    }

    @Test func theTokeniserSplitsAtEveryBlank() {
        for s in Self.blanks where s != "\n" && s != "\r" && s != "\u{0C}" {
            let line = Array("电工\(String(s))6-31".utf8)
            var tokens: [TextLayout.Token] = []
            line.withUnsafeBufferPointer {
                TextLayout.tokens($0, .init(start: 0, end: $0.count, page: 1, line: 1, index: 0), into: &tokens)
            }
            #expect(tokens.count == 2, "U+\(String(s.value, radix: 16))")
        }
    }

    @Test func digitsAndRowNumbers() {
        #expect(Digits.value("7") == 7 && Digits.value("\u{FF17}") == 7 && Digits.value("七") == nil)
        #expect(RowNumber.parse("57") == 57)
        #expect(RowNumber.parse(" ５７ ") == 57)
        #expect(RowNumber.parse("123456789") == 123_456_789)
        #expect(RowNumber.parse("1234567890") == nil)  // more than Digits.maxCount
        #expect(RowNumber.parse("5a") == nil && RowNumber.parse("") == nil && RowNumber.parse("-1") == nil)
        for (text, value) in [("57", 57), ("５７", 57), ("1234567890", nil), ("x", nil)] as [(String, Int?)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { RowNumber.parse($0) } == value, "\(text)")
        }
        func startsLine(_ s: String) -> Bool {
            let b = Array(s.utf8)
            return b.withUnsafeBufferPointer { RowNumber.startsLine($0, start: 0, end: $0.count) }
        }
        #expect(startsLine("57 制造业"))
        #expect(startsLine("\t57\u{3000}制造业"))
        #expect(!startsLine("57"))
        #expect(!startsLine("1234567890 x"))
        #expect(!startsLine("5-7 x"))
        #expect(!startsLine("注：x"))
        // Pointed and bracketed row numbers.
        for (text, value) in [("12.", 12), ("１２．", 12), ("（12）", 12), ("(12)", 12), ("12）", 12), ("（）", nil), ("（1", nil)] as [(String, Int?)] {
            #expect(RowNumber.parsePointed(text) == value, "\(text)")
        }
    }

    /// Subsidies in words, a yuan sign with what it is per, levels in brackets either side of
    /// their amounts, and a note that names an occupation by its code.
    /// Rules added for the third review: clauses after amounts, amounts per lesson hour, levels
    /// in figures and as alternatives, remarks after marks and names, row numbers with a letter,
    /// two codes run together, radical look-alikes.
    /// Subsidy rules of the round-34 review: nothing of a cell is left unread.
    @Test func roundThirtyFourSubsidyRules() {
        // A level given twice, even at one amount: two cells run together, no one subsidy
        // (it used to read as `初级或中级：160元/人`, the second cell dropped).
        #expect(SubsidyParser.parse("初级或中级：160元/人初级：160元/人") == nil)
        #expect(SubsidyParser.parse("初级、中级：2160元/人初级、中级：2160元/人") == nil)
        // A level without its amount, a level mulu does not know: no note after the amounts.
        #expect(SubsidyParser.parse("初级：1600元/人；中级：元/人") == nil)
        #expect(SubsidyParser.parse("初级：1600元/人；特级：2000元/人") == nil)
        // A cap on one of a cell's lines, the lines joined with no separator.
        #expect(SubsidyParser.parse("初级：1600元/人中级：最高2000元/人") == nil)
        // Still read: per-level lines joined, a clause in words.
        #expect(SubsidyParser.parse("初级：1600元/人中级：2000元/人")?.amounts.map(\.amountYuan) == [1600, 2000])
        #expect(SubsidyParser.parse("初级、中级：2160元/人，高级：不补贴")?.note == "高级：不补贴")
    }

    @Test func reviewThreeRules() {
        let clause = SubsidyParser.parse("初级、中级：2160元/人；取证后再补贴500元")
        #expect(clause?.amounts.map(\.amountYuan) == [2160, 2160])
        #expect(clause.flatMap(SubsidyParser.clause(of:)) == "取证后再补贴500元")
        #expect(SubsidyParser.parse("初级、中级：2160元/人（含教材费）").flatMap(SubsidyParser.clause(of:)) == nil)
        // A cut cell is no clause.
        #expect(SubsidyParser.parse("初级：1600元/人；中级：2000") == nil)
        let hourly = SubsidyParser.parse("20元/课时（最高2160元）")
        #expect(hourly?.amounts == [] && hourly?.text == "20元/课时（最高2160元）")
        #expect(SubsidyParser.parse("5级、4级：2160元/人")?.levels == [.junior, .intermediate])
        #expect(SubsidyParser.parse("初级、中级（任选其一）：160元/人")?.anyOf == true)
        #expect(SubsidyParser.parse("高级（含技师）3000元/人")?.levels == [.senior, .technician])
        #expect(UrgencyMark.read("是（新增）") == true && UrgencyMark.remark("是（新增）") == "新增")
        #expect(UrgencyMark.read("非急需") == false)
        #expect(OccupationName.withoutRevisionRemark("电工（新增）")?.name == "电工")
        #expect(OccupationName.withoutRevisionRemark("电工（含高压电工）") == nil)
        #expect(RowNumber.isSlip("l0", expected: 10) && !RowNumber.isSlip("l0", expected: 11) && !RowNumber.isSlip("10", expected: 10))
        #expect(CodeSyntax.holdsTwoCodes("6-24-03-01-046-24-03-01-03"))
        #expect(!CodeSyntax.holdsTwoCodes("6-24-03-01-04") && !CodeSyntax.holdsTwoCodes("6-24-03-01-*"))
        var bytes = Array("食醋制作\u{2F2F}".utf8)
        #expect(Radicals.unify(&bytes) == 1 && String(decoding: bytes, as: UTF8.self) == "食醋制作工")
        #expect(Array("#REF!".utf8).withUnsafeBufferPointer(SpreadsheetError.isValue))
        #expect(Array("绝缘子#VALUE!".utf8).withUnsafeBufferPointer(SpreadsheetError.find) == "#VALUE!")
        #expect(Array("电工#3".utf8).withUnsafeBufferPointer(SpreadsheetError.find) == nil)
        let perTime = SubsidyParser.parse("初级、中级：2160元/人（次）")
        #expect(perTime?.note == nil && perTime?.amountYuan == 2160)
        #expect(HeaderWords.unnamedSubsidy("补贴等级及标准", named: [.seq, .code]) == .training)
        #expect(HeaderWords.unnamedSubsidy("补贴标准", named: [.training]) == .assessment)
        #expect(HeaderWords.unnamedSubsidy("补贴等级", named: [.training, .assessment]) == nil)
        #expect(HeaderWords.unnamedSubsidy("备注", named: []) == nil)
    }

    @Test func subsidyWordsAndBracketedLevels() {
        for words in ["以实际为准", "另行通知", "参照自治区标准执行", "按实际发生费用", "据实结算", "免费", "待定"] {
            #expect(SubsidyParser.isWordSubsidy(words), "\(words)")
            #expect(SubsidyParser.parse(words)?.text == words && SubsidyParser.parse(words)?.amounts == [], "\(words)")
        }
        for name in ["电工", "化学检验员", "另", "评价员"] { #expect(!SubsidyParser.isWordSubsidy(name), "\(name)") }
        #expect(SubsidyParser.parse("￥160/人")?.amountYuan == 160)
        for text in ["1600元/人（初级）、2000元/人（中级）", "1600元（初级）/2000元（中级）", "初级（1600元/人）、中级（2000元/人）",
                     "1600元/人（初级）；2000元/人（中级）"] {
            #expect(SubsidyParser.parse(text)?.amounts == [.init(level: .junior, amountYuan: 1600), .init(level: .intermediate, amountYuan: 2000)], "\(text)")
        }
        // A bracket that is no level is left as it is.
        #expect(SubsidyParser.levelsAfterAmounts("2160元/人（含教材费）、160元") == "2160元/人（含教材费）、160元")
        #expect(NoteText.isPunctuatedSentence("可按高级工申报。") && !NoteText.isPunctuatedSentence("电线电缆制造工"))
        // The lines that close a notice, and cells that only look like them.
        for line in ["（此件公开发布）", "(此件主动公开)", "【打印本页】【关闭窗口】", "打印本页关闭窗口", "联系人：王某某联系电话：0994-2351234",
                     "昌吉州人力资源和社会保障局", "2024年3月15日", "二〇二四年三月十五日", "2024年03月"] {
            #expect(NoteText.closesNotice(line) && NoteText.opensNote(line), "\(line)")
        }
        for cell in ["制造业", "2024年", "（含高压电工）", "社会保障局", "3月15日", "2024年3月15日起执行", "6-24-03-01"] {
            #expect(!NoteText.closesNotice(cell), "\(cell)")
        }
        // A range is no one amount: its text kept. A date range in a note is no range.
        for text in ["1600-2000元/人", "1600～2000元/人", "1600至2000元"] {
            #expect(SubsidyParser.parse(text).map { $0.amounts.isEmpty && $0.amountYuan == nil && $0.text == text } == true, "\(text)")
        }
        #expect(SubsidyParser.parse("2160元/人（2024-2025年）")?.amountYuan == 2160)
        #expect(TotalLine.opens("合计") && TotalLine.opens("小计：") && !TotalLine.opens("化学检验员"))
        // Ten thousands of yuan, a unit in brackets after the amounts, per course (期).
        #expect(SubsidyParser.parse("初级、中级：0.216万元/人")?.amountYuan == 2160)
        #expect(SubsidyParser.parse("0.21605万元") == nil && SubsidyParser.parse("2160.5元") == nil)
        #expect(SubsidyParser.parse("初级1600、中级2000（元/人）")?.amounts == [.init(level: .junior, amountYuan: 1600), .init(level: .intermediate, amountYuan: 2000)])
        #expect(SubsidyParser.parse("初级、中级：2160元/人·期")?.amountYuan == 2160)
    }

    @Test func codes() {
        #expect(CodeSyntax.normalise("６－２４—０３–０１－＊") == "6-24-03-01-*")
        #expect(CodeSyntax.normalise("6-24-03-03- 05") == "6-24-03-03-05")
        #expect(CodeSyntax.normalise("6.31.03.01") == "6-31-03-01")
        // Not a code once rewritten: kept as published, never made to look like one.
        #expect(CodeSyntax.normalise("2002/2/7") == "2002/2/7")
        #expect(CodeSyntax.normalise("—") == "—")
        #expect(CodeSyntax.normalise("暂 无") == "暂无")
        #expect(CodeSyntax.isWellFormed("6-24-03-01-*") && !CodeSyntax.isWellFormed("6-24-03-*"))
        #expect(CodeSyntax.isWildcard("6-24-03-01-*") && !CodeSyntax.isWildcard("6-24-03-01"))
        #expect(CodeSyntax.isSpecific("6-24-03-01") && !CodeSyntax.isSpecific("6-24-03-01-*"))
        #expect(!CodeSyntax.isSpecific("6-24-03-01-＊") && !CodeSyntax.isSpecific(""))
        for (token, starts) in [("6-24", true), ("６－24", true), ("6—24", true), ("624", false), ("电工", false), ("-6", false)] {
            let b = Array(token.utf8)
            #expect(b.withUnsafeBufferPointer { CodeSyntax.startsCode($0) } == starts, "\(token)")
        }
    }

    @Test func urgencyMarks() {
        for yes in ["*", "＊", "※", "是", "√", "✓", "Y", " * "] { #expect(UrgencyMark.read(yes) == true, "\(yes)") }
        for no in ["", "否", "—", "-", " "] { #expect(UrgencyMark.read(no) == false, "\(no)") }
        for odd in ["急需x", "2160"] { #expect(UrgencyMark.read(odd) == nil, "\(odd)") }
        for (token, isMark) in [("*", true), ("是", true), ("否", false), ("初级", false), ("y", true)] {
            let b = Array(token.utf8)
            #expect(b.withUnsafeBufferPointer { UrgencyMark.isMark($0) } == isMark, "\(token)")
            #expect(b.withUnsafeBufferPointer { UrgencyMark.read($0) } == UrgencyMark.read(token))
        }
    }

    @Test func levelWords() {
        #expect(Level(published: "五级") == .junior && Level(published: "初级工") == .junior)
        #expect(Level(published: "一级") == .seniorTechnician && Level(published: "高级技师") == .seniorTechnician)
        #expect(Level(published: "特级") == nil)
        for word in ["初级", "五级", "技师", "高级技师"] {
            let b = Array((word + "：2160元/人").utf8)
            #expect(b.withUnsafeBufferPointer { Level.startsLevel($0) }, "\(word)")
        }
        let b = Array("电工".utf8)
        #expect(!b.withUnsafeBufferPointer { Level.startsLevel($0) })
    }

    @Test func fullWidthForms() {
        #expect(FullWidth.narrow("\u{FF21}") == "A" && FullWidth.narrow("中") == "中")
        #expect(FullWidth.asciiDigits("第３页") == "第3页")
        #expect(FieldNormaliser.text("ＡＩ 训练师") == "AI训练师")
    }
}
