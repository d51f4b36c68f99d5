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
}
