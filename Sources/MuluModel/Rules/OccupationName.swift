/// The rule for how occupation and work-type names end (工, 员, 师 …): a name that does not
/// looks cut short (`EntryBuilder` warns; the row stages prefer a split that avoids one).
public enum OccupationName {
    /// Occupation and work-type names end in one of these (导游, 向导, 领队 and 计调 too); a name that
    /// does not looks cut short.
    /// True when a name does not end like one (a bracketed remark at the end, `电工（含高压电工）`,
    /// is not its ending: the word before it is).
    public static func looksCutShort(_ name: String) -> Bool {
        guard let last = name.unicodeScalars.last else { return false }
        if last != "）" && last != ")" { return !endsLikeName(Substring(name)) }
        var s = Substring(name)
        if s.hasSuffix("）") || s.hasSuffix(")"), let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > s.startIndex {
            s = s[..<open]
        }
        return !s.isEmpty && !endsLikeName(s)
    }

    /// Names ending in 游, 队 or 调 end with these words (`机床操作调` is cut short of 整工).
    static let wordEndings: [Unicode.Scalar: String] = ["游": "导游", "队": "领队", "调": "计调"]

    static func endsLikeName(_ s: Substring) -> Bool {
        guard let last = s.unicodeScalars.last, isNameEnding(last) else { return false }
        return wordEndings[last].map { s.hasSuffix($0) } ?? true
    }

    /// Remarks a revision notice puts after a name (`电工（新增）`): what changed, not the name.
    public static let revisionRemarks: Set<String> = ["新增", "新", "新增职业", "新增工种", "调整", "新调整", "本年新增", "今年新增"]

    /// The name without a revision remark in brackets at its end, and the remark (`（新增）`);
    /// nil when it has none.
    public static func withoutRevisionRemark(_ name: String) -> (name: String, remark: String)? {
        // `）` (EF BC 89) or `)` last, checked on the bytes: most names end otherwise.
        let bytes = name.utf8
        guard let last = bytes.last, last == 0x29 || (last == 0x89 && bytes.count >= 3 && bytes.suffix(3).elementsEqual([0xEF, 0xBC, 0x89])),
              let open = name.lastIndex(where: { $0 == "（" || $0 == "(" }), open > name.startIndex else { return nil }
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        guard revisionRemarks.contains(inner) else { return nil }
        return (String(name[..<open]), String(name[open...]))
    }

    public static func isNameEnding(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "工", "员", "师", "手", "机", "人", "长", "匠", "家", "士", "生", "官", "者", "游", "导", "队", "调": true
        default: false
        }
    }
}
