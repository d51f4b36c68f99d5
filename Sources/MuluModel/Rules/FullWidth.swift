/// The rule for full-width forms: full-width digits, Latin letters and the hyphen-minus read as
/// their ASCII forms in every field.
public enum FullWidth {
    /// ASCII for a full-width digit, Latin letter or hyphen-minus; other scalars unchanged.
    @inline(__always)
    public static func narrow(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0D:
            Unicode.Scalar(s.value - 0xFEE0)!
        default: s
        }
    }

    /// True when the three UTF-8 bytes at `p[i]` are a full-width form that ``narrow(_:)``
    /// changes.
    @inline(__always)
    public static func isNarrowable(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        guard p[i] == 0xEF, i + 2 < end else { return false }
        let c1 = p[i + 1], c2 = p[i + 2]
        return (c1 == 0xBC && (c2 == 0x8D || (0x90...0x99).contains(c2) || (0xA1...0xBA).contains(c2)))
            || (c1 == 0xBD && (0x81...0x9A).contains(c2))
    }

    /// Full-width digits `０`–`９` turned into ASCII; everything else unchanged.
    public static func asciiDigits(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            out.append((0xFF10...0xFF19).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u)
        }
        return String(out)
    }
}
