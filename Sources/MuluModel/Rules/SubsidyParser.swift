import MuluSupport
/// Reads a subsidy cell into a `Subsidy`: `初级、中级：2160元/人`, `初级或中级：160 元/人`,
/// `初级：1600元/人；中级：2000元/人`, `初级2160元/人、中级2160元/人`, `初、中级 2,160元`,
/// `最高2160.00元/人次（含教材费）`, `2160元/人/次`, `￥2160`, `按实际发生费用` (text kept, no amount); `—`, `/`, `无` and
/// blank are no subsidy.
public enum SubsidyParser {
    /// What a subsidy cell holds.
    public enum Reading: Hashable, Sendable {
        /// No subsidy at all (`—`, `/`, `无`, blank).
        case none
        case subsidy(Subsidy)
        /// Text that is not a subsidy.
        case unreadable
    }

    /// The subsidy, or nil when the cell is empty, says none, or cannot be read.
    public static func parse(_ raw: String) -> Subsidy? {
        if case .subsidy(let s) = read(raw) { return s }
        return nil
    }

    /// Cells that say "no subsidy", blanks removed (`--` and `---`: a dash as plain text writes
    /// one, pandoc's Markdown among them).
    public static let noneMarks: Set<String> = [
        "", "-", "--", "---", "—", "——", "–", "－", "/", "／", "\\", "无", "否", "不补贴", "暂无", "×",
        "无补贴", "暂不补贴", "不予补贴", "不享受", "不享受补贴",
    ]

    /// The cell's text with blanks removed, colons, slashes and commas in one form, full-width
    /// digits narrowed.
    static func compact(_ raw: String) -> String {
        var s = String.UnicodeScalarView()
        for u in raw.unicodeScalars where !Blank.isBlank(u) {
            switch u.value {
            case 0x3A, 0xFE55, 0xFE13, 0x2236: s.append("：")  // (U+2236 ∶ RATIO, typed for a colon)
            case 0xFF0F: s.append("/")
            case 0xFF0C, 0xFF64: s.append(",")
            case 0xFF1B: s.append(";")
            case 0xFF0E: s.append(".")
            case 0xA5: s.append("￥")
            case 0x5706: s.append("元")  // 圆, the formal yuan
            default: s.append(FullWidth.narrow(u))
            }
        }
        return String(s)
    }

    /// How a subsidy given in words, with no amount, opens (`按实际发生费用`, `据实结算`,
    /// `以实际为准`, `参照自治区标准执行`, `另行通知`) or ends (`…费用`, `…为准`, `…执行`); and the
    /// whole cells `免费`, `待定`. A name never opens or ends so.
    public static let wordOpenings = ["按", "据实", "以实际", "参照", "参考", "依据", "根据", "另行", "由"]
    public static let wordEndings = ["费用", "为准", "执行", "通知", "结算", "核定", "确定"]
    public static let wordCells: Set<String> = ["免费", "待定"]

    /// True when a cell's text (blanks removed) is a subsidy given in words (see `wordOpenings`).
    public static func isWordSubsidy(_ text: String) -> Bool {
        wordCells.contains(text) || (text.count >= 2
            && (wordOpenings.contains { text.hasPrefix($0) } || wordEndings.contains { text.hasSuffix($0) }))
    }

    /// What stands between the two amounts of a range (`1600-2000元/人`, `1600～2000元`, `1600至2000元`).
    public static let rangeMarks: Set<Character> = ["-", "－", "～", "~", "—", "–", "至", "到"]

    /// True when `text` (compacted) holds a range of amounts in yuan, outside brackets (a note
    /// `（2024-2025年）` is no range): a subsidy with no one amount, its text kept.
    static func holdsRange(_ text: String) -> Bool {
        guard text.contains(utf8: "元") else { return false }
        let chars = Array(text.prefix { $0 != "（" && $0 != "(" })
        return chars.indices.dropFirst().dropLast().contains { i in
            rangeMarks.contains(chars[i]) && chars[i - 1].isASCIIDigit && chars[i + 1].isASCIIDigit
        }
    }

    /// Words that cap a subsidy (`最高2160元/人`), longest first.
    public static let capWords = ["最高不超过", "不超过", "不高于", "最高", "最多", "上限", "封顶", "≤"]

    /// The units an amount may carry, longest first.
    public static let units = ["元/人/次", "元/人·次", "元/人・次", "元/人/期", "元/人·期", "元/人・期", "元/人次", "元/次/人",
                               "元/人", "元每人", "元/期", "元"]

    /// Reads a subsidy cell. `unitInHeader`: the column's header gives the unit (`培训补贴标准
    /// （元/人）`), so an amount after a level needs none in the cell (`初级、中级：2160`).
    ///
    /// A clause after the amounts (`初级、中级：2160元/人，高级：不补贴`, `…；取证后再补贴500元`)
    /// is kept as the subsidy's `note` and in its text; the amounts are the ones before it
    /// (see `clause(of:)`).
    public static func read(_ raw: String, unitInHeader: Bool = false) -> Reading {
        let whole = readCell(raw, unitInHeader: unitInHeader)
        guard whole == .unreadable else { return whole }
        return readWithClause(compact(raw), unitInHeader: unitInHeader) ?? whole
    }

    /// True when, of the pieces of `text` (compacted) that hold an amount, some are capped
    /// (`最高`, `不超过` …) and some are not.
    static func capsSomeAmountsOnly(_ text: String) -> Bool {
        guard capWords.contains(where: { text.contains($0) }) else { return false }
        let capped = amountPieces(text, afterUnits: true).map { p in capWords.contains { p.contains($0) } }
        return capped.contains(true) && capped.contains(false)
    }

    /// True when some pieces with an amount make their levels alternatives (`或`) and some do
    /// not (`初级或中级：160元/人，高级：200元/人`): one flag cannot say which.
    static func alternativesSomeAmountsOnly(_ text: String) -> Bool {
        guard text.contains(utf8: "或") else { return false }
        let alternatives = amountPieces(text).map { $0.contains(utf8: "或") }
        return alternatives.contains(true) && alternatives.contains(false)
    }

    /// The pieces of `text` (compacted) apart by `；` `、` `,` (not a thousands comma), and with
    /// `afterUnits` after each unit `元/人`, that hold an amount.
    static func amountPieces(_ text: String, afterUnits: Bool = false) -> [String] {
        let chars = Array(text)
        var pieces: [String] = []
        var current = ""
        for (i, c) in chars.enumerated() {
            let digitComma = c == "," && i > 0 && i + 1 < chars.count && chars[i - 1].isASCIIDigit && chars[i + 1].isASCIIDigit
            if "；;、,".contains(c) && !digitComma {
                pieces.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        // With `afterUnits`, a unit ends its piece, also without a separator after it (a cell's
        // lines joined: `初级：1600元/人` / `中级：最高2000元/人`).
        pieces = pieces.flatMap { piece -> [String] in
            guard afterUnits, piece.contains(utf8: "元/") else { return [piece] }
            var out: [String] = []
            var rest = Substring(piece)
            while let r = rest.range(of: "元/人"), r.upperBound < rest.endIndex {
                out.append(String(rest[..<r.upperBound]))
                rest = rest[r.upperBound...]
            }
            out.append(String(rest))
            return out
        }
        return pieces.filter { $0.contains(where: \.isASCIIDigit) }
    }

    /// Separators a clause follows (as `compact` writes them), and how they are published.
    static let clauseSeparators: [Character: String] = [",": "，", ";": "；", "。": "。"]

    /// Characters of level lists, not of a clause's words.
    static let levelListCharacters: Set<Character> = Set("初中高级技师一二三四五六、或和及至")

    /// `head，clause`: the longest head that reads as a subsidy with amounts, and a clause after it
    /// that holds words of its own (two or more Han characters besides level names and units), so
    /// that a cut cell (`初级：1600元/人；中级：2000`) is no clause.
    static func readWithClause(_ text: String, unitInHeader: Bool) -> Reading? {
        let chars = Array(text)
        for i in chars.indices.reversed() where clauseSeparators[chars[i]] != nil && i > 0 && i + 1 < chars.count {
            let clause = String(chars[(i + 1)...])
            // (A unit is no word: `中级：元/人` is a level without its amount, `特级：2000元/人` an
            // amount for no level mulu knows.)
            let words = clause.unicodeScalars.filter {
                $0.properties.isIdeographic && !levelListCharacters.contains(Character($0)) && !"元人次".unicodeScalars.contains($0)
            }
            guard words.count >= 2 else { continue }
            // A clause that gives levels their amounts is no note: the cell gives a level twice,
            // or two cells' subsidies ran together (`高级1,600元无`).
            if clause.contains(where: \.isASCIIDigit), LevelWords.names.contains(where: { clause.contains($0.name) }) {
                return nil
            }
            guard case .subsidy(var s) = readCell(String(chars[..<i]), unitInHeader: unitInHeader),
                  !s.amounts.isEmpty || s.amountYuan != nil, s.note == nil else { continue }
            let published = String(clause.map { c in clauseSeparators[c].map(Character.init) ?? c })
            s.text += clauseSeparators[chars[i]]! + published
            s.note = published
            return .subsidy(s)
        }
        return nil
    }

    /// The clause after a subsidy's amounts (`取证后再补贴500元` of `初级、中级：2160元/人；取证后再
    /// 补贴500元`), kept as its note and at the end of its text, unbracketed; nil when there is none.
    public static func clause(of s: Subsidy) -> String? {
        guard let note = s.note, s.text.hasSuffix(note), !s.text.hasSuffix("（\(note)）") else { return nil }
        return note
    }

    /// Units an amount may be paid per that are not a person (`20元/课时`): such a subsidy keeps
    /// its text and has no amount per person.
    public static let otherUnits = ["元/课时", "元/学时", "元/小时", "元/节", "元/天", "元/日", "元/月", "元/人/天", "元/人·天", "元/人/日", "元/人·日", "元/人/课时", "元/人·课时"]

    /// The same units written before the amount (`每课时20元`).
    public static let perOtherUnit = ["每课时", "每学时", "每小时", "每节", "每天", "每日", "每月"]

    /// True when an amount in `text` (compacted) is paid per something other than a person.
    static func paysPerOtherUnit(_ text: String) -> Bool {
        // The unit said before the amount (`按每课时20元计`).
        for per in perOtherUnit {
            var rest = Substring(text)
            while let r = rest.range(of: per) {
                if text[r.upperBound...].first?.isASCIIDigit == true { return true }
                rest = rest[r.upperBound...]
            }
        }
        guard text.contains(utf8: "元/") else { return false }
        return otherUnits.contains { unit in
            var rest = Substring(text)
            while let r = rest.range(of: unit) {
                if r.lowerBound > text.startIndex, text[text.index(before: r.lowerBound)].isASCIIDigit { return true }
                rest = rest[r.upperBound...]
            }
            return false
        }
    }

    /// Reads one subsidy cell, with no clause after it.
    static func readCell(_ raw: String, unitInHeader: Bool) -> Reading {
        // Two numbers with only blanks between them (`1600 2000`, two cells' amounts run
        // together) are not one amount.
        if amountsRunTogether(raw) { return .unreadable }
        var text = compact(raw)
        if noneMarks.contains(text) { return .none }
        // One subsidy twice: two rows' cells read into one, a neighbour's lost.
        if PrintedTwice.once(text) != nil { return .unreadable }
        // A range (`1600-2000元/人`): no one amount; the text kept.
        // Or an amount per hour or per day (`20元/课时（最高2160元）`): none per person; the text kept.
        if holdsRange(text) || paysPerOtherUnit(text) {
            return .subsidy(Subsidy(levels: [], amounts: [], anyOf: false, text: text, upTo: false, note: nil))
        }
        // A note in brackets after another bracket that ends the amounts (`1600元（初级）、2100元
        // （中级）（含考试费）`, `…（元/人）（含考试费）`): taken off first, the brackets before it read.
        var endNote: String?
        if text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }),
           open > text.startIndex, "）)".contains(text[text.index(before: open)]) {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if !inner.isEmpty, LevelWords.list(inner) == nil, LevelWords.single(inner) == nil,
               !inner.contains(where: \.isASCIIDigit), !["元/人", "元", "次"].contains(inner) {
                endNote = inner
                text = String(text[..<open])
            }
        }
        // The unit after the amounts, in brackets (`初级1600、中级2000（元/人）`), as a header gives it.
        var unitInHeader = unitInHeader
        for u in ["（元/人）", "(元/人)", "（元）", "(元)"] where text.hasSuffix(u) && text.dropLast(u.count).last?.isASCIIDigit == true {
            text.removeLast(u.count)
            unitInHeader = true
            break
        }
        // The unit in brackets after amounts that have theirs (`初级1600元，中级2000元（元/人）`).
        for u in ["（元/人）", "(元/人)"] where text.hasSuffix(u) && text.dropLast(u.count).last == "元" {
            text.removeLast(u.count)
            break
        }
        // `初级、中级（任选其一）`: the levels are alternatives.
        var choice = false
        for word in LevelWords.choiceWords where text.contains(word) {
            text = text.replacingOccurrences(of: word, with: "")
            choice = true
        }
        // `元/人（次）`: per person-time, a unit, not a note.
        for bracketed in ["元/人（次）", "元/人(次)"] where text.contains(bracketed) {
            text = text.replacingOccurrences(of: bracketed, with: "元/人次")
        }
        // Levels in brackets after each amount: `1600元/人（初级）；2000元/人（中级）`.
        text = levelsAfterAmounts(text)
        // A parenthesised note at the end (not a level's other name: `初级（五级）`).
        var note: String? = endNote
        if endNote == nil, text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if LevelWords.list(inner) != nil, !text[..<open].contains(where: { LevelWords.single(String($0)) != nil || "级师".contains($0) }) {
                // The levels after the amount: `2160元/人（初级、中级）`.
                text = inner + "：" + String(text[..<open])
            } else if LevelWords.single(inner) == nil, !inner.isEmpty,
                      !(inner.contains(where: \.isASCIIDigit) && LevelWords.names.contains { inner.contains($0.name) }) {
                // (Not levels with amounts, `（中级2000元/人）`: that is no note.)
                note = inner
                text = String(text[..<open])
            }
        }
        var upTo = false
        // A cap written as a note (`2160元/人（最高）`) is a cap.
        if let n = note, capWords.contains(n) || n == "最高限额" || n == "封顶" {
            upTo = true
            note = nil
        }
        // A cap on some amounts only (`初级：1600元/人；中级：最高2000元/人`): one flag cannot say
        // which, and spreading it would state a cap the notice does not.
        if capsSomeAmountsOnly(text) || alternativesSomeAmountsOnly(text) { return .unreadable }
        // A cap in brackets after the last of several amounts (`…；高级：3000元/人（最高）`): on the
        // last, or on all? Cannot be told.
        if upTo, amountPieces(text).count > 1 { return .unreadable }
        for cap in capWords where text.contains(cap) {
            upTo = true
            text = text.replacingOccurrences(of: cap, with: "")
        }
        if text.hasSuffix("以内") { upTo = true; text.removeLast(2) }
        // `每人2160元`, `初级、中级：每人次160元`: the amount per person, said before it; `初级、中级
        // 各2160元/人`, `均为160元/人`: each level that amount.
        for word in ["每人每次", "每人次", "每人", "均为", "各", "均", "补贴"] {
            while let r = text.range(of: word), text[r.upperBound...].first?.isASCIIDigit == true {
                text.removeSubrange(r)
            }
        }
        // A label before the levels (`培训补贴：初级1800元，中级2200元`).
        var labelled = false
        for label in subsidyLabels where text.hasPrefix(label) && text.count > label.count {
            text.removeFirst(label.count)
            labelled = true
            break
        }
        // Or which subsidy it is (`培训：初级、中级2160元/人`, `评价：160元/人`).
        if !labelled, let open = SubsidyLabel.opening(Substring(text)), !open.rest.isEmpty { text = String(open.rest) }
        // `初级、中级、高级分别补贴1800元、2200元、2800元`, `初级/中级/高级：1800/2200/2800元/人`:
        // the levels and their amounts in two parallel lists.
        if let paired = parallelLists(text) { text = paired }

        var unitless = 0
        var lastHasUnit = false
        // Pieces: level text, then an amount and its unit; repeated.
        var pieces: [(levels: String, amount: Int)] = []
        let chars = Array(text)
        var i = 0
        var levelText = ""
        while i < chars.count {
            let c = chars[i]
            // A yen sign before an amount is its unit (`￥2160`, `￥160元/人`).
            var yen = false
            if c == "￥", i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                yen = true
                i += 1
            }
            // A level in figures (`5级`, `4级`) is level text, not an amount.
            guard yen || (c.isASCIIDigit && !(i + 1 < chars.count && chars[i + 1] == "级")) else {
                levelText.append(c)
                i += 1
                continue
            }
            // An amount: digits, thousands commas, an optional `.00`.
            var amount = 0, digits = 0
            while i < chars.count, chars[i].isASCIIDigit || (chars[i] == "," && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
                if chars[i] != "," {
                    amount = amount * 10 + Int(chars[i].asciiValue! - 48)
                    digits += 1
                    if digits > Digits.maxCount { return .unreadable }
                }
                i += 1
            }
            var fraction = 0, fractionDigits = 0, scale = 1
            if i < chars.count, chars[i] == "." {
                var j = i + 1
                guard j < chars.count, chars[j].isASCIIDigit else { return .unreadable }
                while j < chars.count, chars[j].isASCIIDigit {
                    fraction = fraction * 10 + Int(chars[j].asciiValue! - 48)
                    fractionDigits += 1
                    scale *= 10
                    guard fractionDigits <= 4 else { return .unreadable }
                    j += 1
                }
                i = j
            }
            var rest = String(chars[i...])
            // Ten thousands of yuan (`0.216万元/人`): the amount in yuan, when that is whole.
            if rest.hasPrefix("万"), units.contains(where: { rest.dropFirst().hasPrefix($0) }) {
                let yuan = (amount * scale + fraction) * 10000
                guard yuan % scale == 0 else { return .unreadable }
                amount = yuan / scale
                fraction = 0
                i += 1
                rest.removeFirst()
            }
            // An amount in yuan is whole (`2160.00`).
            guard fraction == 0 else { return .unreadable }
            // The unit: 元/人/次, 元/人·次, 元/人次, 元/人, 元每人, 元; a yen sign before the amount.
            var unit = ""
            for u in units where rest.hasPrefix(u) { unit = u; break }
            i += unit.count
            if unit.isEmpty, yen {
                // After the yuan sign, what the amount is per (`￥160/人`, `￥160/人次`).
                unit = "￥"
                for per in ["/人/次", "/人次", "/人"] where rest.hasPrefix(per) { i += per.count; break }
            }
            var lv = levelText
            while let l = lv.last, "：:;,、".contains(l) { lv.removeLast() }
            while let f = lv.first, "：:;,、".contains(f) { lv.removeFirst() }
            // A level written with an amount needs its unit (`初级：2160` alone is a cut cell),
            // or the last amount's (`初级1800、中级2200元/人`: one unit for all).
            if unit.isEmpty, !lv.isEmpty, !unitInHeader { unitless += 1 }
            lastHasUnit = !unit.isEmpty
            pieces.append((lv, amount))
            levelText = ""
        }
        if unitless > 0, !lastHasUnit || pieces.count < 2 { return .unreadable }
        var trailing = levelText
        while let l = trailing.last, "：:;,、。".contains(l) { trailing.removeLast() }
        if pieces.isEmpty {
            // No amount: a subsidy described in words (`按实际发生费用`) keeps its text; levels alone
            // (`初级、中级`) or a bare word are not a subsidy.
            // `待定`: the amount is still to be set.
            // (Nor are words run into a dash, the mark of none: `按特种作业—`, a neighbour's wrapped
            // line set beside this cell's `—`.)
            guard LevelWords.list(trailing) == nil, !trailing.contains(where: { "—–―".contains($0) }),
                  trailing.contains(where: { "费用补贴实际标准按".contains($0) }) || isWordSubsidy(trailing) else {
                return .unreadable
            }
            return .subsidy(Subsidy(levels: [], amounts: [], anyOf: false, text: compact(raw), upTo: upTo, note: nil))
        }
        guard trailing.isEmpty else { return .unreadable }
        var levels: [Level] = []
        var amounts: [Subsidy.LevelAmount] = []
        var anyOf = choice
        for piece in pieces {
            if piece.levels.isEmpty {
                guard pieces.count == 1 else { return .unreadable }
                break
            }
            guard let named = LevelWords.list(piece.levels) else { return .unreadable }
            if piece.levels.contains(utf8: "或") { anyOf = true }
            for l in named {
                // A level given twice (two cells' subsidies run together:
                // `初级、中级：2160元/人初级或中级：160元/人`, `初级或中级：160元/人初级：160元/人`)
                // is no one subsidy, whatever the amounts.
                if amounts.contains(where: { $0.level == l }) { return .unreadable }
                levels.append(l)
                amounts.append(.init(level: l, amountYuan: piece.amount))
            }
        }
        // Levels in the order of the scale, whatever order the cell names them in
        // (`中级：2000元/人；初级：1600元/人`).
        levels.sort { $0.rank < $1.rank }
        amounts.sort { $0.level.rank < $1.level.rank }
        if pieces.count == 1, levels.isEmpty {
            // A bare amount: every level of its column (`Subsidy.amountYuan` alone).
            let s = Subsidy(levels: [], amountYuan: pieces[0].amount, anyOf: false,
                            text: normalisedText(levels: [], amounts: [], amount: pieces[0].amount, anyOf: false, upTo: upTo, note: note),
                            upTo: upTo, note: note)
            return .subsidy(s)
        }
        let uniform = Set(amounts.map(\.amountYuan)).count == 1
        let normal = normalisedText(levels: levels, amounts: amounts, amount: uniform ? amounts[0].amountYuan : nil,
                                    anyOf: anyOf, upTo: upTo, note: note)
        return .subsidy(Subsidy(levels: levels, amounts: amounts, anyOf: anyOf, text: normal, upTo: upTo, note: note))
    }

    /// A bare amount (`2160`) given the levels a column of its own names for its row (a
    /// `补贴等级` column: `初级、中级`, `初级或中级`); nil when `s` has levels already or
    /// `levelText` names none.
    public static func withLevels(_ s: Subsidy, levelText: String) -> Subsidy? {
        guard s.levels.isEmpty, let amount = s.amountYuan, let levels = LevelWords.list(compact(levelText)) else { return nil }
        let anyOf = levelText.contains(utf8: "或")
        let amounts = levels.map { Subsidy.LevelAmount(level: $0, amountYuan: amount) }
        let text = normalisedText(levels: levels, amounts: amounts, amount: amount, anyOf: anyOf, upTo: s.upTo, note: s.note)
        return Subsidy(levels: levels, amounts: amounts, anyOf: anyOf, text: text, upTo: s.upTo, note: s.note)
    }

    /// Labels a cell may open with before its levels (`培训补贴：`).
    static let subsidyLabels = ["培训补贴标准：", "培训补贴：", "鉴定补贴：", "评价补贴：", "考核补贴：", "补贴标准：", "补贴：", "标准："]

    /// `初级、中级分别1800元、2200元` or `初级/中级：1800/2200元/人` as `初级：1800元；中级：2200元/人`:
    /// two lists as long as each other, the levels and then the amounts; nil otherwise.
    static func parallelLists(_ text: String) -> String? {
        let levelPart: Substring, amountPart: Substring
        var slashed: Bool
        if let r = text.range(of: "分别") {
            levelPart = text[..<r.lowerBound]
            amountPart = text[r.upperBound...].drop { !$0.isASCIIDigit }
            slashed = false
        } else if let colon = text.firstIndex(of: "："), text[text.index(after: colon)...].first?.isASCIIDigit == true {
            levelPart = text[..<colon]
            amountPart = text[text.index(after: colon)...]
            slashed = true
        } else {
            return nil
        }
        // The levels, a shared 级 spelled out (`初、中、高级`).
        let levels = (LevelWords.list(String(levelPart.map { $0 == "/" || $0 == "／" ? "、" : $0 })) ?? [])
            .map(\.rawValue)
        guard levels.count >= 2,
              levelPart.split(whereSeparator: { "、/,，和及".contains($0) }).count == levels.count else { return nil }
        // The amounts, each with its unit or none; the unit after the last is everyone's.
        var unit = ""
        var body = String(amountPart)
        for u in units where body.hasSuffix(u) { unit = u; body.removeLast(u.count); break }
        // After a colon, amounts apart by `、` (`1800元、2200元`) when there is one, else by `/`.
        if slashed, body.contains(utf8: "、") { slashed = false }
        // Apart by `/` (`1800/2200`), or after `分别` by `、` or a comma after a unit (`1800元,2200元`;
        // a comma between digits is a thousands separator: `2,160`).
        var amounts: [String] = [""]
        var previous: Character = " "
        for c in body {
            if slashed ? c == "/" : (c == "、" || (c == "," && !previous.isASCIIDigit)) {
                amounts.append("")
            } else if c.isASCIIDigit || (c == "." && previous.isASCIIDigit) {
                amounts[amounts.count - 1].append(c)
            } else if c != "," || !previous.isASCIIDigit {
                // A unit after an amount (`1800元`) is dropped; anything else spoils the list.
                guard "元/人次".contains(c) else { return nil }
            }
            previous = c
        }
        // Decimals of whole yuan (`1200.00`) dropped; any other fraction spoils the list.
        for k in amounts.indices where amounts[k].contains(".") {
            let parts = amounts[k].split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].allSatisfy({ $0 == "0" }) else { return nil }
            amounts[k] = String(parts[0])
        }
        guard levels.count == amounts.count,
              amounts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let u = unit.isEmpty ? "元" : unit
        return zip(levels, amounts).map { "\($0)：\($1)\(u)" }.joined(separator: "；")
    }

    /// `1600元/人（初级）；2000元/人（中级）` as `初级：1600元/人；中级：2000元/人`: each piece whose
    /// brackets name levels, written with its levels first; other text as it is.
    static func levelsAfterAmounts(_ text: String) -> String {
        guard text.contains(utf8: "（") || text.contains(utf8: "(") else { return text }
        // Pieces apart by `；` `、` `，`, or by a slash after a closing bracket (`…（初级）/2000元…`).
        var pieces: [Substring] = []
        var start = text.startIndex
        var previous: Character = " "
        for i in text.indices {
            let c = text[i]
            // (A comma between digits is a thousands separator: `2,000元`.)
            let digitComma = c == "," && previous.isASCIIDigit && text.index(after: i) < text.endIndex && text[text.index(after: i)].isASCIIDigit
            if ("；;、，,".contains(c) && !digitComma) || ("/／".contains(c) && "）)".contains(previous)) {
                pieces.append(text[start..<i])
                start = text.index(after: i)
            }
            previous = c
        }
        pieces.append(text[start...])
        guard pieces.count > 1 else { return text }
        var out: [String] = []
        var changed = false
        for piece in pieces {
            guard piece.hasSuffix("）") || piece.hasSuffix(")"),
                  let open = piece.lastIndex(where: { $0 == "（" || $0 == "(" }) else { out.append(String(piece)); continue }
            let inner = String(piece[piece.index(after: open)..<piece.index(before: piece.endIndex)])
            let before = String(piece[..<open])
            if before.first?.isASCIIDigit == true, LevelWords.list(inner) != nil {
                out.append(inner + "：" + before)  // `1600元/人（初级）`
                changed = true
            } else if inner.first?.isASCIIDigit == true, LevelWords.list(before) != nil {
                out.append(before + "：" + inner)  // `初级（1600元/人）`
                changed = true
            } else {
                out.append(String(piece))
            }
        }
        return changed ? out.joined(separator: "；") : text
    }

    /// True when a digit is followed, after one or more blanks, by another digit; not when
    /// the blank groups an amount's thousands (`2 160元/人`, `12 000元`: one or two digits, a
    /// blank, then three digits and no more).
    static func amountsRunTogether(_ raw: String) -> Bool {
        let u = Array(raw.unicodeScalars)
        var run = 0  // digits in the run before the blanks
        var i = 0
        while i < u.count {
            if Digits.value(u[i]) != nil {
                run += 1
                i += 1
                continue
            }
            if run > 0, Blank.isBlank(u[i]) {
                var j = i
                while j < u.count, Blank.isBlank(u[j]) { j += 1 }
                if j < u.count, Digits.value(u[j]) != nil {
                    var k = j
                    while k < u.count, Digits.value(u[k]) != nil { k += 1 }
                    guard run <= 2, k - j == 3, j - i == 1 else { return true }
                    run = 0
                    i = k
                    continue
                }
            }
            run = 0
            i += 1
        }
        return false
    }

    /// A subsidy from level sub-columns: each level's cell read as an amount (`2160`, `2160元`,
    /// `2,160.00元/人`); nil when a cell is not an amount. Levels whose cell says none are left out.
    /// One cell filled with a subsidy in words and the others empty is a cell merged over the
    /// levels (a spreadsheet keeps its text in the first): that subsidy.
    public static func fromLevelCells(_ cells: [(level: Level, raw: String)]) -> Reading {
        // One cell merged over the levels, its text in one of them and no amount in it
        // (`按实际发生费用` over 初级 | 中级 | 高级): the subsidy is that text.
        let filled = cells.filter { !Blank.removed(from: $0.raw).isEmpty }
        if filled.count == 1, case .subsidy(let s) = read(filled[0].raw), s.amountYuan == nil, s.amounts.isEmpty, s.levels.isEmpty {
            return .subsidy(s)
        }
        var amounts: [Subsidy.LevelAmount] = []
        var upTo = false
        for cell in cells {
            switch read(cell.raw) {
            case .none: continue
            case .unreadable: return .unreadable
            case .subsidy(let s):
                guard s.levels.isEmpty || s.levels == [cell.level], let amount = s.amountYuan else { return .unreadable }
                upTo = upTo || s.upTo
                amounts.append(.init(level: cell.level, amountYuan: amount))
            }
        }
        guard !amounts.isEmpty else { return .none }
        let levels = amounts.map(\.level)
        let uniform = Set(amounts.map(\.amountYuan)).count == 1
        let text = normalisedText(levels: levels, amounts: amounts, amount: uniform ? amounts[0].amountYuan : nil,
                                  anyOf: false, upTo: upTo, note: nil)
        return .subsidy(Subsidy(levels: levels, amounts: amounts, anyOf: false, text: text, upTo: upTo, note: nil))
    }

    /// `初级、中级：2160元/人`, `初级：1600元/人；中级：2000元/人`, `最高2160元/人（含教材费）`.
    static func normalisedText(
        levels: [Level], amounts: [Subsidy.LevelAmount], amount: Int?, anyOf: Bool, upTo: Bool, note: String?
    ) -> String {
        let cap = upTo ? "最高" : ""
        var text: String
        if let amount {
            let joined = levels.map(\.rawValue).joined(separator: anyOf ? "或" : "、")
            text = (joined.isEmpty ? "" : joined + "：") + "\(cap)\(amount)元/人"
        } else {
            text = levels.compactMap { l in amounts.first { $0.level == l }.map { "\(l.rawValue)：\(cap)\($0.amountYuan)元/人" } }
                .joined(separator: "；")
        }
        if let note { text += "（\(note)）" }
        return text
    }

    /// The level names a subsidy starts with, as UTF-8 (compared bytewise on the hot path).
    public static let levelPrefixes: [[UInt8]] = ["初级", "中级", "高级", "技师", "五级", "四级", "三级", "二级", "一级", "初、", "初中", "中、", "最高", "不超过", "不高于", "每人",
                                                  "5级", "4级", "3级", "2级", "1级", "培训补贴：", "鉴定补贴：", "评价补贴：", "考核补贴：", "补贴标准："]
        .map { Array($0.utf8) }

    /// The text is a whole subsidy on its own: it reads as one with an amount and ends in its
    /// unit (`初级：1600元/人`), not in a separator or mid-amount (`初级：1600元/人；`,
    /// `初级、中级：2160`). Such a text over one starting with a level (`startsWithLevel`) in a
    /// column without rules is two cells, not one cell wrapped (`MergedCells`).
    public static func standsAlone(_ raw: String) -> Bool {
        let text = compact(raw)
        guard units.contains(where: { text.hasSuffix($0) }) || text.hasSuffix("元/人）") else { return false }
        guard case .subsidy(let s) = read(raw) else { return false }
        return !s.amounts.isEmpty
    }

    /// The levels `raw` names come in the order of the scale (`初级…中级…高级`, a name repeated
    /// as `初级（五级）` allowed). A cell may name them in another order, but lines of two cells
    /// run together usually do not (`三级：2300元/人` over `初级、中级：1600元/人`): the rows'
    /// assembly prefers cells whose lines keep the order.
    public static func levelsInScaleOrder(_ raw: String) -> Bool {
        var rest = Substring(compact(raw))
        var rank = -1
        while !rest.isEmpty {
            if let hit = LevelWords.names.first(where: { rest.hasPrefix($0.name) }) {
                guard hit.level.rank >= rank else { return false }
                rank = hit.level.rank
                rest = rest.dropFirst(hit.name.count)
            } else {
                rest = rest.dropFirst()
            }
        }
        return true
    }

    /// The text starts as a subsidy does, with a level or a cap (`中级、高级：3000`).
    public static func startsWithLevel(_ raw: String) -> Bool {
        let bytes = Array(compact(raw).utf8)
        return levelPrefixes.contains { bytes.starts(with: $0) } || bytes.withUnsafeBufferPointer(SubsidyLabel.opens)
    }
}
