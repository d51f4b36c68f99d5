/// The rule for level words: the names a level is published under (`初级`, `初级工`, `五级` …).
extension Level {
    /// The level for a published name (`初级`, `五级`, `三级/高级工` …), or nil.
    public init?(published name: String) {
        switch name {
        case "初级", "初级工", "五级", "5级": self = .junior
        case "中级", "中级工", "四级", "4级": self = .intermediate
        case "高级", "高级工", "三级", "3级": self = .senior
        case "技师", "二级", "2级": self = .technician
        case "高级技师", "一级", "1级": self = .seniorTechnician
        default: return nil
        }
    }

    /// The level names a subsidy cell starts with, as UTF-8 (compared bytewise on the hot path).
    public static let publishedPrefixes: [[UInt8]] = ["初级", "中级", "高级", "技师", "五级", "四级", "三级", "二级", "一级"]
        .map { Array($0.utf8) }

    /// True when a token starts with a level name: a subsidy cell starts here.
    @inline(__always)
    public static func startsLevel(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in publishedPrefixes where p.starts(with: prefix) { return true }
        return false
    }
}

/// The rulebook for level words: `初级`, `五级`, `初级工`, `初级（五级）`, `五级/初级工`,
/// and the abbreviations `初、中级` (初级 and 中级) — one place that says what names a level.
public enum LevelWords {
    /// Each level's names, longest first within a level so that `高级技师` is not read as `高级`.
    public static let names: [(name: String, level: Level)] = [
        ("高级技师", .seniorTechnician), ("一级", .seniorTechnician),
        ("技师", .technician), ("二级", .technician),
        ("初级工", .junior), ("初级", .junior), ("五级", .junior),
        ("中级工", .intermediate), ("中级", .intermediate), ("四级", .intermediate),
        ("高级工", .senior), ("高级", .senior), ("三级", .senior),
        ("5级", .junior), ("4级", .intermediate), ("3级", .senior), ("2级", .technician), ("1级", .seniorTechnician),
    ]

    /// Words after a list of levels that make them alternatives (`初级、中级（任选其一）`,
    /// `初、中、高级任一级`): one of the levels is paid, as `或` says.
    public static let choiceWords = ["（任选其一）", "(任选其一)", "（任选一级）", "(任选一级)", "任选其一", "任选一级", "任一等级", "任一级", "其中之一"]

    /// The single level `text` names, allowing a second name for the same level in brackets or
    /// after a slash (`初级（五级）`, `五级/初级工`); nil when it names none or several.
    public static func single(_ text: String) -> Level? {
        var rest = Substring(text)
        var found: Level?
        while !rest.isEmpty {
            if let c = rest.first, "（）()/／·・ ".contains(c) {
                rest = rest.dropFirst()
                continue
            }
            guard let hit = names.first(where: { rest.hasPrefix($0.name) }) else { return nil }
            if let found, found != hit.level { return nil }
            found = hit.level
            rest = rest.dropFirst(hit.name.count)
        }
        return found
    }

    /// The levels a level part of a subsidy names (`初级、中级`, `初、中级`, `初级或中级`,
    /// `初级（五级）`, `五级/初级工`), in published order without repeats; nil when some piece is
    /// not a level. Ranges name every level between their ends, both included, as 以上 and 以下
    /// include their own level in Chinese usage: `中级及以上` / `中级以上` is 中级 to 高级技师 (the
    /// top of the national five-level scale), `高级及以下` 初级 to 高级, `初级至高级` / `初级-高级`
    /// 初级, 中级 and 高级.
    public static func list(_ text: String) -> [Level]? {
        var levels: [Level] = []
        func add(_ l: Level) { if !levels.contains(l) { levels.append(l) } }
        // 初、中级 / 初中级: a bare 初/中/高 before a separator shares the 级 of the last piece.
        var s = text
        // `X及以上`, `X或以上`: one piece, not `X` and `以上`.
        for (long, short) in [("及以上", "以上"), ("或以上", "以上"), ("和以上", "以上"), ("及以下", "以下"), ("或以下", "以下")] {
            s = s.replacingOccurrences(of: long, with: short)
        }
        for (short, full) in [("初、中、高级", "初级、中级、高级"), ("初、中级", "初级、中级"), ("中、高级", "中级、高级"),
                              ("初中级", "初级、中级"), ("中高级", "中级、高级"), ("初中高级", "初级、中级、高级")] {
            s = s.replacingOccurrences(of: short, with: full)
        }
        // A bracketed or slashed second name of one level is the same level.
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for c in s {
            switch c {
            case "（", "(": depth += 1; current.append(c)
            case "）", ")": depth -= 1; current.append(c)
            case "、", ",", "，", "和", "及", "或", "与", "；", ";":
                if depth > 0 { current.append(c) } else { pieces.append(current); current = "" }
            default: current.append(c)
            }
        }
        pieces.append(current)
        for piece in pieces where !piece.isEmpty {
            var p = piece
            if p.hasSuffix("者") { p.removeLast() }
            if let range = range(p) {
                range.forEach(add)
            } else if let both = including(p) {
                both.forEach(add)
            } else if let one = single(p) {
                add(one)
            } else {
                // `五级/初级工` is one level; `初级/中级` two.
                let parts = p.split(whereSeparator: { $0 == "/" || $0 == "／" }).map(String.init)
                guard parts.count > 1 else { return nil }
                for part in parts {
                    guard let l = single(part) else { return nil }
                    add(l)
                }
            }
        }
        return levels.isEmpty ? nil : levels
    }

    /// `高级（含技师）`: the level and the levels its bracket says it includes; nil otherwise.
    static func including(_ text: String) -> [Level]? {
        guard text.hasSuffix("）") || text.hasSuffix(")"),
              let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard inner.hasPrefix("含"), let first = single(String(text[..<open])),
              let rest = list(String(inner.dropFirst())) else { return nil }
        return [first] + rest.filter { $0 != first }
    }

    /// The words that join the two ends of a range of levels (`初级至高级`, `初级-高级`).
    static let rangeJoiners: [String] = ["至", "到", "~", "～", "—", "－", "-", "–"]

    /// The levels a range names, lowest first: `中级以上` (中级 to 高级技师), `高级以下` (初级 to
    /// 高级), `初级至高级`; nil when `text` is not a range of levels.
    static func range(_ text: String) -> [Level]? {
        if text.hasSuffix("以上"), let low = single(String(text.dropLast(2))) {
            return Level.allCases.filter { $0 >= low }
        }
        if text.hasSuffix("以下"), let high = single(String(text.dropLast(2))) {
            return Level.allCases.filter { $0 <= high }
        }
        for joiner in rangeJoiners {
            let ends = text.components(separatedBy: joiner)
            guard ends.count == 2, let low = single(ends[0]), let high = single(ends[1]), low < high else { continue }
            return Level.allCases.filter { $0 >= low && $0 <= high }
        }
        return nil
    }
}
