/// The rule for a line that states how many rows the table has, as a database client prints
/// one under its table (`(127 rows)`, `127 rows in set`): the count, which the rows read must
/// match. Chinese totals (`合计 30个`) are `TotalLine`'s.
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
}
