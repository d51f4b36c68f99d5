/// The rule for blanks: what separates words and cells and is never part of a value.
///
/// ASCII blanks (tab, line feed, vertical tab, form feed, carriage return, space), NEL, no-break
/// and ideographic spaces, the Unicode spaces U+2000–U+200A, zero-width space, non-joiner and
/// joiner, line and paragraph separators, narrow no-break and medium mathematical spaces, word
/// joiner, and the byte-order mark. Every stage asks here: the text tokeniser, the PDF glyph
/// filter, field normalisation, the delimited reader and the line classifier.
public enum Blank {
    /// True for a blank scalar.
    @inline(__always)
    public static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060,
            0x3000, 0xFEFF:
            true
        default: false
        }
    }

    /// True when `p[start..<end]` holds only vertical bars (`|`, `｜`, `│`, `┃`, `¦`), or bars
    /// with the `-`, `:`, `+`, `=` of a rule line (`|---|:--:|`): the rule between two cells of a
    /// table typed as text (`1 | 制造业 | …`), read as a blank.
    @inline(__always)
    public static func isCellRule(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let b0 = p[start]
        guard b0 == 0x7C || b0 == 0xEF || b0 == 0xE2 || b0 == 0xC2 || b0 == 0x2D || b0 == 0x3A || b0 == 0x2B else { return false }
        var i = start
        var bars = 0
        while i < end {
            if p[i] == 0x7C { i += 1; bars += 1; continue }
            if p[i] == 0x2D || p[i] == 0x3A || p[i] == 0x2B || p[i] == 0x3D { i += 1; continue }
            guard i + 1 < end else { return false }
            if p[i] == 0xC2, p[i + 1] == 0xA6 { i += 2; bars += 1; continue }  // ¦
            guard i + 2 < end else { return false }
            let c = (p[i], p[i + 1], p[i + 2])
            if c == (0xEF, 0xBD, 0x9C) || c == (0xE2, 0x94, 0x82) || c == (0xE2, 0x94, 0x83) { i += 3; bars += 1; continue }  // ｜ │ ┃
            return false
        }
        return bars > 0
    }

    /// The byte length of the blank scalar that starts at `p[i]` (UTF-8), or 0 when it is not
    /// blank: ``isBlank(_:)`` on bytes, for the scanners.
    @inline(__always)
    public static func length(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) ? 1 : 0 }
        switch b {
        case 0xC2:
            guard i + 1 < end else { return 0 }
            return p[i + 1] == 0xA0 || p[i + 1] == 0x85 ? 2 : 0
        case 0xE1:
            guard i + 2 < end else { return 0 }
            return p[i + 1] == 0x9A && p[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < end else { return 0 }
            let c1 = p[i + 1], c2 = p[i + 2]
            if c1 == 0x80 { return c2 <= 0x8D || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF ? 3 : 0 }
            if c1 == 0x81 { return c2 == 0x9F || c2 == 0xA0 ? 3 : 0 }
            return 0
        case 0xE3:
            guard i + 2 < end else { return 0 }
            return p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0
        case 0xEF:
            guard i + 2 < end else { return 0 }
            return p[i + 1] == 0xBB && p[i + 2] == 0xBF ? 3 : 0
        default:
            return 0
        }
    }

    /// `text` without any blank.
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isBlank) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isBlank($0) }))
    }
}
