/// The rulebook for urgency marks: what in an urgency cell (or after a name) says "urgently
/// needed", and what says "not".
public enum UrgencyMarks {
    /// Cells (blanks removed) that mark a row as urgent.
    public static let yes: Set<String> = [
        "是", "√", "✓", "✔", "☑", "★", "☆", "●", "■", "▲", "◆", "Y", "y", "YES", "Yes", "yes",
        "急需", "紧缺", "急需紧缺", "紧缺急需", "是（急需紧缺）",
    ]
    /// Cells that mark a row as not urgent (blank among them).
    public static let no: Set<String> = ["", "否", "×", "✗", "N", "n", "NO", "No", "no", "/", "／", "无", "不是"]

    /// An asterisk of any kind: `*`, `＊`, `∗`, `﹡`, `※`, `✱`.
    @inline(__always)
    public static func isAsterisk(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2A, 0xFF0A, 0x2217, 0xFE61, 0x203B, 0x2731: true
        default: false
        }
    }

    /// A mark that may follow a name to say it is urgent (`化学检验员*`, `电工★`).
    @inline(__always)
    public static func isNameMark(_ s: Unicode.Scalar) -> Bool {
        isAsterisk(s) || s == "★" || s == "☆" || s == "●" || s == "▲"
    }

    /// The urgency a cell states: true, false, or nil for text that is not a mark.
    public static func read(_ raw: String) -> Bool? {
        if raw.utf8.count == 1, raw.utf8.first == 0x2A { return true }
        let t = String(String.UnicodeScalarView(raw.unicodeScalars.filter { !FieldNormaliser.isBlank($0) }))
        if no.contains(t) || t.unicodeScalars.allSatisfy(FieldNormaliser.isDash) { return false }
        if t.unicodeScalars.allSatisfy(isAsterisk) || yes.contains(t) { return true }
        return nil
    }
}
