/// Reads a subsidy cell (`初级、中级：2160元/人`, `初级或中级：160 元/人`) into a `Subsidy`.
public enum SubsidyParser {
    /// The subsidy, or nil when the cell cannot be read.
    public static func parse(_ raw: String) -> Subsidy? {
        var s = String.UnicodeScalarView()
        for u in raw.unicodeScalars where !Blank.isBlank(u) {
            switch u.value {
            case 0x3A, 0xFE55, 0xFE13: s.append("：")
            case 0xFF0F: s.append("/")
            case 0xFF0C, 0xFF64: s.append(",")
            default: s.append(FullWidth.narrow(u))
            }
        }
        let text = String(s)
        guard let colon = text.firstIndex(of: "：") else { return nil }
        let levelPart = text[..<colon]
        var amountPart = text[text.index(after: colon)...]

        let anyOf = levelPart.contains("或")
        var levels: [Level] = []
        for piece in levelPart.split(whereSeparator: { "、,，和及/或与".contains($0) }) {
            var name = String(piece)
            if name.hasSuffix("者") { name.removeLast() }
            guard let level = Level(published: name) else { return nil }
            levels.append(level)
        }
        guard !levels.isEmpty else { return nil }

        var amount = 0
        var digits = 0
        while let c = amountPart.first, c.isASCIIDigit || c == "," {
            if c != "," {
                amount = amount * 10 + Int(c.asciiValue! - 48)
                digits += 1
            }
            amountPart = amountPart.dropFirst()
            if digits > Digits.maxCount { return nil }
        }
        guard digits > 0 else { return nil }
        guard ["元/人", "元", "元/人次", "元每人"].contains(String(amountPart)) else { return nil }

        let joined = levels.map(\.rawValue).joined(separator: anyOf ? "或" : "、")
        return Subsidy(levels: levels, amountYuan: amount, anyOf: anyOf, text: "\(joined)：\(amount)元/人")
    }
}
