/// The rule for how an industry name ends: `…业` (制造业, 农、林、牧、渔业), `…服务`, `…领域`.
///
/// Used to tell a complete industry from the first line of a wrapped one: a section heading in
/// delimited text (`DelimitedReader`), a wrapped industry's rest (`EntryBuilder`), a merged
/// industry cell's lines in a table without rules (`MergedCells`).
public enum IndustryName {
    /// True when `text` (blanks removed) ends as an industry name does.
    public static func endsLikeOne<S: StringProtocol>(_ text: S) -> Bool {
        text.hasSuffix("业") || text.hasSuffix("服务") || text.hasSuffix("领域")
    }
}
