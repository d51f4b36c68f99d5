/// The rule for how occupation and work-type names end (工, 员, 师 …): a name that does not
/// looks cut short (`EntryBuilder` warns; the row stages prefer a split that avoids one).
public enum OccupationName {
    /// Occupation and work-type names end in one of these; a name that does not looks cut short.
    /// True when a name does not end like one (a bracketed remark at the end, `电工（含高压电工）`,
    /// is not its ending: the word before it is).
    public static func looksCutShort(_ name: String) -> Bool {
        guard let last = name.unicodeScalars.last else { return false }
        if last != "）" && last != ")" { return !isNameEnding(last) }
        var s = Substring(name)
        if s.hasSuffix("）") || s.hasSuffix(")"), let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > s.startIndex {
            s = s[..<open]
        }
        guard let last = s.unicodeScalars.last else { return false }
        return !isNameEnding(last)
    }

    public static func isNameEnding(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "工", "员", "师", "手", "机", "人", "长", "匠", "家", "士", "生", "官", "者": true
        default: false
        }
    }
}
