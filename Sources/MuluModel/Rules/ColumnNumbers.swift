/// The rule for a line that numbers the table's columns under its header, as statistical tables
/// print one (`（1） （2） （3）…`, `甲 乙 1 2 3`, `A B C`, `① ② ③`): page furniture, not a row.
public enum ColumnNumbers {
    /// Labels that count columns before or instead of digits (`甲 乙 1 2`: the columns that hold
    /// no figures get the heavenly stems).
    public static let stems = "甲乙丙丁戊己庚辛壬癸"

    /// True when the line's cells (`cells`, each split at its blanks) are all column labels, at
    /// least three of them, their numbered ones counting up by one from where they start (1, 2, 3
    /// or （3） （4） （5）), as a column-number line's are; a row always holds a name, which no
    /// label is.
    public static func isLine(_ cells: [String]) -> Bool {
        var labels: [Substring] = []
        for cell in cells {
            labels += cell.split(whereSeparator: { $0.unicodeScalars.allSatisfy(Blank.isBlank) })
        }
        guard labels.count >= 3 else { return false }
        var previous: Int?
        var letter: Unicode.Scalar?
        for label in labels {
            if label.count == 1, let c = label.first, stems.contains(c) { continue }
            if let n = number(label) {
                if let p = previous, n != p + 1 { return false }
                previous = n
                continue
            }
            // Capital letters in order (`A B C`).
            if label.unicodeScalars.count == 1, let s = label.unicodeScalars.first, (0x41...0x5A).contains(s.value) {
                if let l = letter, s.value != l.value + 1 { return false }
                letter = s
                continue
            }
            return false
        }
        return true
    }

    /// The column number `label` writes: digits (`3`, `３`), in brackets (`（3）`, `(3)`), or a
    /// circled number (`③`); nil for anything else.
    static func number(_ label: Substring) -> Int? {
        var t = label
        if (t.hasPrefix("（") && t.hasSuffix("）")) || (t.hasPrefix("(") && t.hasSuffix(")")), t.count > 2 {
            t = t.dropFirst().dropLast()
        }
        if t.count <= 2, let n = RowNumber.parse(String(t)) { return n }
        if t.unicodeScalars.count == 1, let s = t.unicodeScalars.first { return RowNumber.circled(s) }
        return nil
    }
}
