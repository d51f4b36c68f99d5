/// The rule for a line that totals the rows above it (`小计 制造业 22个`, `合计 30个职业（工种）`):
/// a count, not a catalogue row.
public enum TotalLine {
    /// Words that open a total line.
    public static let words = ["合计", "小计", "总计", "共计"]

    /// True when `text` (a line's first token, blanks removed) opens a total line: one of
    /// ``words``, alone or before a colon or what it counts (`合计：30个`), or after the industry
    /// it totals (`制造业小计`).
    public static func opens(_ text: String) -> Bool {
        words.contains { text.hasPrefix($0) || (text.hasSuffix($0) && text.count <= 32 && IndustryName.endsLikeOne(text.dropLast($0.count))) }
    }
}
