/// Normalises cell text field by field: full-width forms, dashes, blanks that extraction inserts.
public enum FieldNormaliser {
    /// Blank scalars: ASCII blanks, no-break and ideographic spaces, zero-width spaces, BOM.
    @inline(__always)
    public static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Full-width digits `０`–`９` turned into ASCII; everything else unchanged.
    public static func asciiDigits(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0xFF10...0xFF19).contains(u.value) {
                out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// A dash of any kind (hyphen-minus, full-width, en, em, minus, hyphen …).
    @inline(__always)
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0xFF0D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x2500, 0x2E3A, 0x2E3B: true
        default: false
        }
    }

    /// An asterisk of any kind: `*`, `＊`, `∗`, `﹡`, `※`.
    @inline(__always)
    static func isAsterisk(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2A, 0xFF0A, 0x2217, 0xFE61, 0x203B, 0x2731: true
        default: false
        }
    }

    /// ASCII for a full-width digit, Latin letter or hyphen-minus; other scalars unchanged.
    @inline(__always)
    static func narrow(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0D:
            Unicode.Scalar(s.value - 0xFEE0)!
        default: s
        }
    }

    /// True for an ASCII letter or digit.
    @inline(__always)
    static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// False when `raw` has no blank and no full-width form (checked on UTF-8 bytes): the
    /// common case, returned as it is.
    @inline(__always)
    static func needsNormalising(_ raw: String) -> Bool {
        var previous: UInt8 = 0
        for b in raw.utf8 {
            if b <= 0x20 || b == 0xC2 { return true }
            // U+3000 (E3 80 80), U+FF00–U+FFEF (EF BC xx, EF BD xx), U+2000–U+206F (E2 80/81 xx)
            if previous == 0xE3 && b == 0x80 { return true }
            if previous == 0xEF && (b == 0xBC || b == 0xBD || b == 0xBB) { return true }
            if previous == 0xE2 && (b == 0x80 || b == 0x81) { return true }
            previous = b
        }
        return false
    }

    /// A classification code: ASCII digits, `-` for every dash, `*` for every asterisk, no blanks.
    public static func code(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2A }) { return raw }
        var out = String.UnicodeScalarView()
        for u in raw.unicodeScalars where !isBlank(u) {
            if isDash(u) {
                out.append("-")
            } else if isAsterisk(u) {
                out.append("*")
            } else {
                out.append(narrow(u))
            }
        }
        return String(out)
    }

    /// An industry or a name: full-width digits and letters narrowed, blanks removed except one
    /// between two ASCII letters or digits (`CAD 制图员` keeps none, `AI Ops` keeps one).
    public static func text(_ raw: String) -> String {
        if !needsNormalising(raw) { return raw }
        var out = String.UnicodeScalarView()
        var pendingBlank = false
        for u0 in raw.unicodeScalars {
            if isBlank(u0) {
                pendingBlank = !out.isEmpty
                continue
            }
            let u = narrow(u0)
            if pendingBlank, let last = out.last, isASCIIAlnum(last), isASCIIAlnum(u) { out.append(" ") }
            pendingBlank = false
            out.append(u)
        }
        return String(out)
    }

    /// A row number, from ASCII or full-width digits; nil if the text is not a whole number.
    public static func seq(_ raw: String) -> Int? {
        var value = 0
        var digits = 0
        for u in raw.unicodeScalars where !isBlank(u) {
            let v = narrow(u).value
            guard (0x30...0x39).contains(v), digits < 9 else { return nil }
            value = value * 10 + Int(v - 0x30)
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    /// The urgent mark: true for `*`-like marks, `是`, `√`, `✓`; false for empty, `否`, `—`;
    /// nil for anything else.
    public static func urgentMark(_ raw: String) -> Bool? {
        if raw.isEmpty { return false }
        if raw.utf8.count == 1, raw.utf8.first == 0x2A { return true }
        let t = String(String.UnicodeScalarView(raw.unicodeScalars.filter { !isBlank($0) }))
        if t.isEmpty || t == "否" || t.unicodeScalars.allSatisfy(isDash) { return false }
        if t.unicodeScalars.allSatisfy(isAsterisk) || ["是", "√", "✓", "✔", "Y", "y"].contains(t) {
            return true
        }
        return nil
    }
}
