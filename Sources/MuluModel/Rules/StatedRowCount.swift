/// The rule for a line that states how many rows the table has, as a database client prints
/// one under its table (`(127 rows)`, `127 rows in set`): the count, which the rows read must
/// match; and a notice's sentence that states it (`共140个职业（工种）`). Chinese total lines
/// (`合计 30个`) are `TotalLine`'s.
public enum StatedRowCount {
    /// The count a line states (blanks removed), or nil when it states none.
    public static func count(_ text: String) -> Int? {
        var t = Substring(text.lowercased())
        if t.hasPrefix("("), t.hasSuffix(")") { t = t.dropFirst().dropLast() }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 7, let n = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard rest == "rows" || rest == "row" || rest.hasPrefix("rowsinset") || rest.hasPrefix("rowinset") else { return nil }
        return n
    }

    /// The row count a sentence of the notice states (blanks removed): the one number before
    /// `个` that counts 职业 or 工种 (`本目录共收录职业（工种）140个` counts too, the number
    /// after them), or nil when the text states none, or more than one (`30个职业、107个工种`:
    /// which sum is meant cannot be told). A clause (between `，`, `。`, `；`) counting part of the
    /// rows (`其中急需紧缺职业（工种）61个`, `新增12个`, `制造业小计22个`) states no row count.
    public static func statedInText(_ text: String) -> Int? {
        var counts: [Int] = []
        for clause in text.split(whereSeparator: { "，。；,;".contains($0) }) {
            guard !partWords.contains(where: { clause.contains($0) }) else { continue }
            counts += rowCounts(Array(clause.unicodeScalars))
        }
        return counts.count == 1 ? counts[0] : nil
    }

    /// Words of a clause that counts part of the rows.
    static let partWords = ["其中", "急需", "紧缺", "新增", "调整", "删除", "减少", "增加", "保留", "较", "小计", "合计"]

    /// The numbers before `个` in `scalars` that count 职业 or 工种.
    static func rowCounts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var counts: [Int] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].isASCII, scalars[i].properties.numericType == .decimal else { i += 1; continue }
            var j = i, n = 0
            while j < scalars.count, scalars[j].isASCII, let d = Int(String(scalars[j])) { n = n * 10 + d; j += 1 }
            defer { i = j }
            guard j - i <= 6, j < scalars.count, scalars[j] == "个" else { continue }
            let after = String(String.UnicodeScalarView(scalars[(j + 1)...].prefix(3)))
            let before = String(String.UnicodeScalarView(scalars[..<i].suffix(8)))
            let names = ["职业", "工种"].contains { after.hasPrefix($0) }
            let named = ["职业（工种）", "职业(工种)", "工种", "职业"].contains { before.hasSuffix($0) }
            if names || named { counts.append(n) }
        }
        return counts
    }
}
