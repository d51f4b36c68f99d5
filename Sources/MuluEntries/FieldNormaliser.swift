import MuluModel

/// Normalises the free-text cells, industries and names: full-width forms narrowed, blanks that
/// extraction inserts removed. Codes, row numbers, marks and subsidies have their own rules in
/// `MuluModel/Rules`.
public enum FieldNormaliser {
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
                continue
            }
            if Blank.length(p, at: i, end: n) > 0 || FullWidth.isNarrowable(p, at: i, end: n) { return true }
            i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        return false
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

    /// A cell whose blanks were published (a tab-separated extra cell, `2024年 调整`): full-width
    /// forms narrowed as in `text`, each run of blanks inside it one blank.
    public static func publishedText(_ p: UnsafeBufferPointer<UInt8>) -> String {
        let raw = String(decoding: p, as: UTF8.self)
        return needsNormalising(p) ? normalisedText(raw, keepBlanks: true) : raw
    }

    private static func normalisedText(_ raw: String, keepBlanks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var pendingBlank = false
        for u0 in raw.unicodeScalars {
            if Blank.isBlank(u0) {
                pendingBlank = !out.isEmpty
                continue
            }
            let u = FullWidth.narrow(u0)
            if pendingBlank, let last = out.last, keepBlanks || (isASCIIAlnum(last) && isASCIIAlnum(u)) { out.append(" ") }
            pendingBlank = false
            out.append(u)
        }
        return String(out)
    }
}
