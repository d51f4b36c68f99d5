/// The shape of a national occupational classification code.
///
/// 1–5 segments: a one-digit major group, then two-digit segments (`6`, `6-24`, `6-24-03`,
/// `6-24-03-01` occupation, `6-24-03-01-05` work type); a fifth segment `*` is a work type the
/// catalogue lists without a code of its own. `00` segments occur (`6-30-99-00`).
public enum CodeSyntax {
    /// True when `code` (already normalised) has that shape.
    public static func isWellFormed(_ code: String) -> Bool {
        // Bytewise: segment lengths 1, 2, 2, 2, 2 (the fifth may be `*`).
        var segment = 0
        var length = 0
        var star = false
        for b in code.utf8 {
            switch b {
            case 0x2D:
                guard length == (segment == 0 ? 1 : 2), !star else { return false }
                segment += 1
                length = 0
                guard segment <= 4 else { return false }
            case 0x30...0x39:
                guard !star else { return false }
                length += 1
            case 0x2A:
                guard segment == 4, length == 0 else { return false }
                star = true
                length = 2
            default:
                return false
            }
        }
        return length == (segment == 0 ? 1 : 2)
    }

    /// True for a work type listed without a code of its own (`6-24-03-01-*`).
    public static func isWildcard(_ code: String) -> Bool { code.hasSuffix("-*") }

    /// The occupation a work type belongs to (`6-24-03-01-05` → `6-24-03-01`), or nil.
    public static func parentOccupation(_ code: String) -> String? {
        parentOccupationLength(code).map { String(decoding: code.utf8.prefix($0), as: UTF8.self) }
    }

    /// The length in bytes of the occupation's code at the start of a work type's code (the part
    /// before the fourth dash, when there are exactly four), or nil.
    @inline(__always)
    static func parentOccupationLength(_ code: String) -> Int? {
        var dashes = 0
        var fourth = 0
        var i = 0
        for b in code.utf8 {
            if b == 0x2D {
                dashes += 1
                if dashes == 4 { fourth = i }
            }
            i += 1
        }
        return dashes == 4 ? fourth : nil
    }
}
