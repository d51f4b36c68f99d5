/// The rule for how an industry name ends: `…业` (制造业, 农、林、牧、渔业), `…服务`, `…领域`, and
/// the sections of the national industry classification (GB/T 4754) that do not end in 业 —
/// 教育, 卫生和社会工作, 公共管理、社会保障和社会组织 — or that catalogues print without it
/// (`水利、环境和公共设施管理`).
///
/// Used to tell a complete industry from the first line of a wrapped one: a section heading in
/// delimited text (`DelimitedReader`), a wrapped industry's rest (`EntryBuilder`), a merged
/// industry cell's lines in a table without rules (`MergedCells`).
public enum IndustryName {
    /// True when `text` (blanks removed) ends as an industry name does.
    public static func endsLikeOne<S: StringProtocol>(_ text: S) -> Bool {
        text.hasSuffix("业") || text.hasSuffix("服务") || text.hasSuffix("领域") || text.hasSuffix("管理")
            || text.hasSuffix("教育") || text.hasSuffix("工作") || text.hasSuffix("组织")
    }

    /// True when `text` ends as the key industries of the catalogues (重点产业) end without 业:
    /// 数字经济, 现代物流, 文化旅游, 健康养老, 能源化工, 生物医药, 高端装备 …. (Weaker than
    /// ``endsLikeOne(_:)``: `新能源` and `新材料` are the lines of `新能源新材料产业` too.)
    public static func endsLikeSector<S: StringProtocol>(_ text: S) -> Bool {
        sectorEndings.contains { text.hasSuffix($0) }
    }

    static let sectorEndings = ["经济", "物流", "旅游", "养老", "化工", "能源", "材料", "医药", "装备", "贸易", "商贸", "服装", "文旅", "康养", "健康"]

    /// True when `text` ends as an industry name does, or as one with a note in brackets after
    /// it (`现代服务业（含养老、托育、家政）`): a merged cell's value complete. (Not for headings:
    /// `其他职业（工种）` ends with 业 inside its brackets and heads no industry.)
    public static func endsLikeOneWithNote<S: StringProtocol>(_ text: S) -> Bool {
        if endsLikeOne(text) { return true }
        // The note's opening bracket, the one the last closing bracket closes.
        guard text.hasSuffix("）") || text.hasSuffix(")") else { return false }
        var depth = 0
        for i in text.indices.reversed() {
            let c = text[i]
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" {
                depth -= 1
                if depth == 0 { return i > text.startIndex && endsLikeOne(text[..<i]) }
            }
        }
        return false
    }

    /// The sections (门类) of the national industry classification, GB/T 4754-2017, as
    /// catalogues print them (水利… also without its 业).
    public static let sections: [String] = [
        "农、林、牧、渔业", "采矿业", "制造业", "电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业",
        "交通运输、仓储和邮政业", "住宿和餐饮业", "信息传输、软件和信息技术服务业", "金融业", "房地产业",
        "租赁和商务服务业", "科学研究和技术服务业", "水利、环境和公共设施管理业", "水利、环境和公共设施管理",
        "居民服务、修理和其他服务业", "教育", "卫生和社会工作", "文化、体育和娱乐业", "公共管理、社会保障和社会组织",
        "国际组织",
    ]
}
