/// The rule for row numbers (序号): a whole number of ASCII or full-width digits (``Digits``),
/// blanks around it ignored.
public enum RowNumber {
    /// The row number `raw` holds, or nil if it is not a whole number of at most
    /// `Digits.maxCount` digits.
    public static func parse(_ raw: String) -> Int? {
        var value = 0
        var digits = 0
        for u in raw.unicodeScalars where !Blank.isBlank(u) {
            guard let d = Digits.value(u), digits < Digits.maxCount else { return nil }
            value = value * 10 + d
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// Points some bureaus write after a row number (`12.`, `12、`, `１２．`).
    public static let points: [String] = [".", "、", "．"]

    /// Brackets some bureaus write around a row number (`（12）`, `(12)`), or after it (`12）`).
    public static let brackets: [(open: String, close: String)] = [("（", "）"), ("(", ")"), ("", "）"), ("", ")")]

    /// The number a circled numeral writes (`①` 1 … `⑳` 20, `㉑` 21 … `㊿` 50), or nil.
    public static func circled(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2460...0x2473: Int(s.value - 0x2460) + 1
        case 0x3251...0x325F: Int(s.value - 0x3251) + 21
        case 0x32B1...0x32BF: Int(s.value - 0x32B1) + 36
        default: nil
        }
    }

    /// ``parse(_:)``, also of a number followed by one of ``points`` (`12.`, `１２．`), in
    /// ``brackets`` (`（12）`, `12)`), written as a decimal with a zero fraction (`12.0`, as a
    /// spreadsheet library writes a column of numbers with gaps in it), or circled (`⑫`).
    public static func parsePointed(_ raw: String) -> Int? {
        if let n = parse(raw) { return n }
        if raw.unicodeScalars.count == 1, let s = raw.unicodeScalars.first { return circled(s) }
        if raw.hasSuffix(".0"), raw.count > 2, raw.first?.isASCIIDigit == true { return parse(String(raw.dropLast(2))) }
        for point in points where raw.hasSuffix(point) && raw.count > 1 {
            return parse(String(raw.dropLast()))
        }
        for b in brackets where raw.hasPrefix(b.open) && raw.hasSuffix(b.close) && raw.count > b.open.count + b.close.count {
            return parse(String(raw.dropFirst(b.open.count).dropLast(b.close.count)))
        }
        return nil
    }

    /// ``parse(_:)`` on a token's UTF-8 bytes: ASCII digits read in place, anything else through
    /// the string rule.
    @inline(__always)
    public static func parse(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard p.count <= Digits.maxCount, !p.isEmpty else { return parse(String(decoding: p, as: UTF8.self)) }
        var value = 0
        for b in p {
            guard Digits.isASCII(b) else { return parse(String(decoding: p, as: UTF8.self)) }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    /// True when the bytes `p[start..<end]` start, after blanks, with a row number of ASCII
    /// digits followed by a blank: a row of a delimited table, never furniture or a header.
    @inline(__always)
    public static func startsLine(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var i = start
        while i < end, case let n = Blank.length(p, at: i, end: end), n > 0 { i += n }
        let first = i
        while i < end, Digits.isASCII(p[i]) { i += 1 }
        guard i > first, i - first <= Digits.maxCount, i < end else { return false }
        return Blank.length(p, at: i, end: end) > 0
    }

    /// Letters typed (or read by OCR) for digits in a row number: `l0` for 10, `1O` for 10.
    public static let slips: [Character: Int] = ["l": 1, "I": 1, "|": 1, "O": 0, "o": 0]

    /// True when `raw` is the row number `expected` with a digit slipped into a letter (`l0` for
    /// 10): ASCII digits and ``slips`` only, at least one of each.
    public static func isSlip(_ raw: String, expected: Int) -> Bool {
        guard raw.count <= Digits.maxCount, raw.contains(where: \.isASCIIDigit),
              raw.contains(where: { slips[$0] != nil }) else { return false }
        var value = 0
        for c in raw {
            guard let d = c.isASCIIDigit ? Int(c.asciiValue! - 48) : slips[c] else { return false }
            value = value * 10 + d
        }
        return value == expected
    }

    /// True for a row number in its plainest form: ASCII digits only, at most
    /// `Digits.maxCount` of them (the classifiers' fast path).
    @inline(__always)
    public static func isPlain(_ text: String) -> Bool {
        let utf8 = text.utf8
        return !utf8.isEmpty && utf8.count <= Digits.maxCount && utf8.allSatisfy(Digits.isASCII)
    }
}
