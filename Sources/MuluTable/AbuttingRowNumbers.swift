import MuluModel

/// Row numbers right-aligned against the next column's text in fixed-width text (Excel's
/// "Formatted Text (*.prn)": `     1纺织服装产业`): each such number moved one column left, a
/// blank put between it and the text, so that every line keeps its length and the number is a
/// token of its own. (Hand-written: a byte pass; no library reads `.prn` text.)
public enum AbuttingRowNumbers {
    /// How many opening lines must show the pattern before any line is changed (the first row
    /// of each industry, where a merged industry is printed, is enough).
    public static let minLines = 2

    /// `bytes` with each line that opens with blanks, a number of 1–4 ASCII digits and then an
    /// ideograph (not a unit such as 元 or 级: `  2160元/人` is an amount) rewritten as
    /// `blanks-1, number, blank, rest`; nil when fewer than `minLines` of the opening
    /// `probeLines` lines so open, or their numbers do not count up.
    public static func separated(_ bytes: [UInt8], probeLines: Int) -> [UInt8]? {
        let probe = DelimitedText.lineRanges(bytes, limit: probeLines)
        var numbers: [Int] = []
        for line in probe {
            if let (n, _) = match(bytes, line) { numbers.append(n) }
        }
        guard numbers.count >= minLines, zip(numbers, numbers.dropFirst()).allSatisfy({ $1 > $0 }) else { return nil }
        var out = bytes
        for line in DelimitedText.lineRanges(bytes) {
            guard let (_, digits) = match(bytes, line) else { continue }
            // (Shift the digits one byte left into the blank before them; a blank after them.)
            for i in digits { out[i - 1] = bytes[i] }
            out[digits.upperBound - 1] = 0x20
        }
        return out
    }

    /// The number a line opens with and the range of its digits, when blanks come before it and
    /// an ideograph that is no unit right after it.
    static func match(_ bytes: [UInt8], _ line: Range<Int>) -> (Int, Range<Int>)? {
        var i = line.lowerBound
        while i < line.upperBound, bytes[i] == 0x20 { i += 1 }
        guard i > line.lowerBound else { return nil }
        let start = i
        var value = 0
        while i < line.upperBound, i - start < 5, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        guard i > start, i - start <= 4, i + 2 < line.upperBound else { return nil }
        // An ideograph (U+4E00–U+9FFF: E4 B8 80 … E9 BF BF) that is no unit.
        let b0 = bytes[i], b1 = bytes[i + 1], b2 = bytes[i + 2]
        guard b0 >= 0xE4, b0 <= 0xE9 else { return nil }
        let scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
        guard scalar >= 0x4E00, let u = Unicode.Scalar(scalar), !units.contains(Character(u)) else { return nil }
        return (value, start..<i)
    }

    /// Ideographs that follow a number as its unit or counter, never as the next cell's text.
    static let units: Set<Character> = ["元", "级", "年", "月", "日", "号", "个", "人", "项", "条", "次", "届", "期", "类", "种", "名", "位", "小", "天", "周", "岁"]
}
