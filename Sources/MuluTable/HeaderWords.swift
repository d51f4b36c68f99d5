import MuluModel
import MuluSupport

/// The rulebook for header cells: which words name which field, in one place.
///
/// Bureaus name the same column many ways (`职业（工种）代码`, `职业编码`, `工种代码`;
/// `培训补贴标准（元/人）`, `技能评价补贴标准`, `鉴定补贴`; `是否急需紧缺`, `紧缺急需`,
/// `是否紧缺` …). A header cell's text (blanks removed, a wrapped cell's lines joined) is
/// matched against these words in a fixed priority, so that `职业（工种）代码` is a code and not a
/// name, and `培训补贴等级及补贴标准` is training, not a level column. A cell that names none
/// of them is an extra column, kept as published.
public enum HeaderWords {
    /// What a header cell names.
    public enum Meaning: Hashable, Sendable {
        /// A field of the entry.
        case field(TableField)
        /// A level sub-column (`初级`, `五级/初级工` …) under a subsidy header.
        case level(Level)
        /// A column mulu has no field for (`备注`, `职业技能等级`, `说明` …).
        case extra
    }

    /// Words for each field, tried in this order (first match wins).
    public static let rules: [(field: TableField, words: [String])] = [
        (.seq, ["序号"]),
        (.code, ["代码", "编码", "编号"]),
        (.training, ["培训"]),
        (.assessment, ["鉴定", "考核", "评价", "认定", "取证"]),
        (.urgent, ["急需", "紧缺", "是否"]),
        (.industry, ["行业", "产业", "领域", "类别"]),
    ]

    /// Words that name a field fully, where the words of `rules` may name something else too
    /// (`是否新增` holds 是否, `评价方式` holds 评价, `重点产业链` holds 产业): when two header cells
    /// name one field, the one holding such a word has it (see ``strength(_:for:)``).
    public static let strongWords: [TableField: [String]] = [
        .code: ["代码", "编码"],
        .training: ["补贴", "标准", "元", "费", "金额"],
        .assessment: ["补贴", "标准", "元", "费", "金额"],
        .urgent: ["急需", "紧缺", "急缺"],
        .industry: ["行业"],
        .name: ["名称"],
    ]

    /// How fully a header cell's text names `field`: 2 when it holds one of its
    /// ``strongWords``, else 1. Of two cells naming one field, the stronger keeps it (the first
    /// when they are as strong); the other is an extra column, or the name column when it names
    /// an occupation (`培训职业（工种）`) and no other cell does.
    public static func strength(_ text: String, for field: TableField) -> Int {
        (strongWords[field] ?? []).contains { holds(text, $0) } ? 2 : 1
    }

    /// The field of a subsidy column named without 培训 or 鉴定 (`补贴标准（元/人）`, `补贴等级及标准`):
    /// training when no other header cell names training, else assessment when none names
    /// that; nil for any other header, or when both are named. `named`: the fields the table's
    /// other header cells name.
    public static func unnamedSubsidy(_ text: String, named: Set<TableField>) -> TableField? {
        guard meaning(text) == .extra, text.contains(utf8: "补贴") || text.contains(utf8: "标准") else { return nil }
        if !named.contains(.training) { return .training }
        if !named.contains(.assessment) { return .assessment }
        return nil
    }

    /// Words of a revision notice's columns: the value in force (`调整后`, `现行`, `新`) and the
    /// one it replaces (`调整前`, `原`, `旧`).
    public static let revisedWords = ["调整后", "调整为", "修订后", "现行", "现标准", "新标准", "（新）", "(新)"]
    public static let supersededWords = ["调整前", "修订前", "原标准", "原补贴", "旧标准", "（原）", "(原)", "（旧）", "(旧)"]

    /// Words of the revised value that say only "in force now" (`现行`): beside a column saying
    /// "after the revision" (`调整后`), they name the value being replaced.
    public static let currentWords = ["现行", "现标准"]

    /// Of two cells naming one field in a revision notice, which is in force: 2 for the revised
    /// value, 1 for the value in force now (`现行`, outweighed by `调整后`), -1 for the one it
    /// replaces, 0 for neither. It outweighs ``strength(_:for:)``: the replaced column is kept as
    /// an extra column, never read as the field.
    public static func revision(_ text: String) -> Int {
        if revisedWords.contains(where: { text.contains($0) }) {
            return currentWords.contains(where: { text.contains($0) }) ? 1 : 2
        }
        // One character before a subsidy's name: `原培训补贴标准`, `现培训补贴标准`, `新鉴定补贴标准`.
        if let first = text.first, "原旧现新".contains(first), text.count > 3,
           case .field(let f) = meaning(String(text.dropFirst())), f == .training || f == .assessment {
            return first == "原" || first == "旧" ? -1 : first == "现" ? 1 : 2
        }
        if supersededWords.contains(where: { text.contains($0) }) { return -1 }
        return 0
    }

    /// The year a header cell names (`2025年培训补贴标准`: 2025), 0 when none.
    public static func year(_ text: String) -> Int {
        let u = Array(FullWidth.asciiDigits(text).unicodeScalars)
        var i = 0
        while i + 4 < u.count {
            if u[i + 4] == "年", (i..<i + 4).allSatisfy({ (0x30...0x39).contains(u[$0].value) }) {
                return (i..<i + 4).reduce(0) { $0 * 10 + Int(u[$1].value - 0x30) }
            }
            i += 1
        }
        return 0
    }

    /// Words of a column that counts or says something other than money (`培训学时`, `培训期限`,
    /// `培训方式`, `鉴定地点`): an extra column even though it mentions 培训 or 鉴定, unless it
    /// names a subsidy too.
    public static let otherMeasureWords = ["学时", "课时", "时长", "期限", "天数", "人数", "名额", "周期",
                                           "方式", "形式", "地点", "对象", "内容", "要求", "条件"]

    /// Words of a column that is not a name even though it mentions 职业 (`职业技能等级`, `职业大类`).
    public static let extraWords = ["等级", "备注", "说明", "级别", "年限", "学时", "课时", "大类", "中类", "小类", "类别", "分类", "门类"]

    /// Words of the name column, tried after every other rule.
    public static let nameWords = ["职业", "工种", "名称", "项目"]

    /// The meaning of a header cell's text (blanks already removed).
    ///
    /// Memoised: the header of a table is weighed for every way its lines may be joined, the
    /// same few strings again and again (a fifth of a 10-page PDF's table recovery before).
    public static func meaning(_ text: String) -> Meaning {
        memo.value(text, make: computeMeaning)
    }

    private static let memo = SharedMemo<String, Meaning>()

    private static func computeMeaning(_ text: String) -> Meaning {
        if text == "序" || text == "编号" || text == "序列" { return .field(.seq) }
        if let level = Level(published: text) ?? Level(published: String(text.filter { $0 != "（" && $0 != "）" })) {
            return .level(level)
        }
        if let level = LevelWords.single(text) { return .level(level) }
        let holds = { (word: String) in Self.holds(text, word) }
        if otherMeasureWords.contains(where: holds), !holds("补贴"), !holds("元") { return .extra }
        // A yes/no column about something else (`是否新职业`, `是否需持证上岗`): no urgency column.
        if let r = text.firstRange(of: "是否"), text[r.upperBound...].count >= 2,
           !text.unicodeScalars.contains(where: { "急紧缺".unicodeScalars.contains($0) }) {
            return .extra
        }
        for rule in rules where rule.words.contains(where: holds) { return .field(rule.field) }
        if extraWords.contains(where: holds) { return .extra }
        if nameWords.contains(where: holds) { return .field(.name) }
        return .extra
    }

    /// Whether `text` holds `word`, compared character by character as `String`'s `==` compares
    /// (canonical equivalence): the standard library's search. Foundation's `contains`, which a
    /// plain `text.contains(word)` resolves to, goes through `NSString` and a locale-aware
    /// `CFStringFind`, about 3 ms of the 10-page PDF's table recovery on one core.
    @inline(__always)
    public static func holds(_ text: String, _ word: String) -> Bool {
        text.contains(utf8: word)
    }

    /// True when a subsidy header gives the unit of its amounts (`培训补贴标准（元/人）`).
    public static func givesUnit(_ header: String) -> Bool {
        header.contains(utf8: "元")
    }

    /// The one level a subsidy header cell names besides its field (`培训补贴标准（初级）`,
    /// `初级工培训补贴`, `五级/初级工培训补贴（元/人）`): a level sub-column printed as a header
    /// cell of its own. Nil when it names no level or several (`初级、中级培训补贴`), or only as
    /// part of `等级` (`培训补贴等级及补贴标准`).
    public static func namedLevel(_ text: String) -> Level? {
        var rest = Substring(text)
        var found: Level?
        while !rest.isEmpty {
            if let hit = LevelWords.names.first(where: { rest.hasPrefix($0.name) }) {
                if let found, found != hit.level { return nil }
                found = hit.level
                rest = rest.dropFirst(hit.name.count)
            } else {
                rest = rest.dropFirst()
            }
        }
        return found
    }

    /// The field a header cell names, or nil (a level sub-column or an extra column).
    public static func field(_ text: String) -> TableField? {
        if case .field(let f) = meaning(text) { return f }
        return nil
    }

    /// Keywords that mark a header line; a header band holds at least
    /// `TableSettings.minHeaderKeywords` of them.
    public static let keywords = ["序号", "行业", "代码", "编码", "职业", "工种", "培训", "考核", "鉴定", "评价", "急需", "紧缺", "项目", "名称"]

    /// Every scalar that occurs in a header: a line made only of these (and blanks) can be part
    /// of the header band.
    public static let vocabulary: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        var text = rules.flatMap(\.words).joined() + extraWords.joined() + nameWords.joined()
        text += TableField.allCases.map(\.label).joined() + (revisedWords + supersededWords).joined()
        text += "序号所属类别职业工种代码项目名称培训补贴等级及标准考核鉴定评价技能是否为急需紧缺行业产业编码元人次"
        text += "初中高级技师五四三二一工()（）/、・·"
        // (产业链, 职业资格名称, 急需程度.)
        text += "链资格程度"
        for s in text.unicodeScalars { set.insert(s) }
        return set
    }()
}
