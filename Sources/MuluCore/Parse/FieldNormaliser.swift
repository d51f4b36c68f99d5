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

    /// False when the UTF-8 bytes hold no blank and no full-width form that `text` changes: the
    /// common case, taken as it is.
    @inline(__always)
    static func needsNormalising(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b <= 0x20 { return true }
                i += 1
            } else if b < 0xE0 {
                if b == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { return true }  // U+00A0
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n else { return true }
                let c1 = p[i + 1], c2 = p[i + 2]
                switch b {
                case 0xE1: if c1 == 0x9A && c2 == 0x80 { return true }  // U+1680
                case 0xE2:  // U+2000–U+200B, U+202F, U+205F
                    if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) || (c1 == 0x81 && c2 == 0x9F) { return true }
                case 0xE3: if c1 == 0x80 && c2 == 0x80 { return true }  // U+3000
                case 0xEF:  // U+FEFF; full-width hyphen, digits, letters
                    if c1 == 0xBB && c2 == 0xBF { return true }
                    if c1 == 0xBC && (c2 == 0x8D || (0x90...0x99).contains(c2) || (0xA1...0xBA).contains(c2)) { return true }
                    if c1 == 0xBD && (0x81...0x9A).contains(c2) { return true }
                default: break
                }
                i += 3
            } else {
                i += 4
            }
        }
        return false
    }

    /// A classification code: ASCII digits, `-` for every dash or other segment separator (when
    /// the code starts with a digit), `*` for every asterisk, no blanks.
    public static func code(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2A }) { return raw }
        var out = String.UnicodeScalarView()
        let numeric = raw.unicodeScalars.first { !isBlank($0) }.map { (0x30...0x39).contains(narrow($0).value) } ?? false
        for u in raw.unicodeScalars where !isBlank(u) {
            if isDash(u) || (numeric && isCodeSeparator(u)) {
                out.append("-")
            } else if isAsterisk(u) {
                out.append("*")
            } else {
                out.append(narrow(u))
            }
        }
        return String(out)
    }

    /// A classification code from a cell's UTF-8 bytes (see `code(_: String)`).
    @inline(__always)
    public static func code(_ p: UnsafeBufferPointer<UInt8>) -> String {
        if p.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2A }) {
            return String(decoding: p, as: UTF8.self)
        }
        return code(String(decoding: p, as: UTF8.self))
    }

    /// An industry or a name from a cell's UTF-8 bytes (see `text(_: String)`).
    @inline(__always)
    public static func text(_ p: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: p, as: UTF8.self)
        return needsNormalising(p) ? normalisedText(raw) : raw
    }

    /// An industry or a name: full-width digits and letters narrowed, blanks removed except one
    /// between two ASCII letters or digits (`CAD 制图员` keeps none, `AI Ops` keeps one).
    public static func text(_ raw: String) -> String {
        var raw = raw
        return raw.withUTF8(needsNormalising) ? normalisedText(raw) : raw
    }

    private static func normalisedText(_ raw: String) -> String {
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

    /// The urgent mark (see `UrgencyMarks`): true, false, or nil for anything else.
    public static func urgentMark(_ raw: String) -> Bool? { UrgencyMarks.read(raw) }

    /// A separator between a code's segments as bureaus write them (`6.31.03.01`, `6．31．03．01`,
    /// `6·31·03·01`, `6_31_03_01`, `6—31`): read as `-`.
    @inline(__always)
    static func isCodeSeparator(_ s: Unicode.Scalar) -> Bool {
        isDash(s) || s == "." || s == "．" || s == "·" || s == "・" || s == "_" || s == "。"
    }
}
