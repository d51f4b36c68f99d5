/// The shape of a national occupational classification code.
///
/// 1–5 segments: a one-digit major group, then two-digit segments (`6`, `6-24`, `6-24-03`,
/// `6-24-03-01` occupation, `6-24-03-01-05` work type); a fifth segment `*` is a work type the
/// catalogue lists without a code of its own. `00` segments occur (`6-30-99-00`).
public enum CodeSyntax {
    /// True when `code` (already normalised) has that shape.
    public static func isWellFormed(_ code: String) -> Bool {
        let segments = code.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...5).contains(segments.count) else { return false }
        for (i, seg) in segments.enumerated() {
            if i == 0 {
                guard seg.count == 1, seg.allSatisfy(\.isASCIIDigit) else { return false }
            } else if i == 4, seg == "*" {
                continue
            } else {
                guard seg.count == 2, seg.allSatisfy(\.isASCIIDigit) else { return false }
            }
        }
        return true
    }

    /// True for a work type listed without a code of its own (`6-24-03-01-*`).
    public static func isWildcard(_ code: String) -> Bool { code.hasSuffix("-*") }

    /// The occupation a work type belongs to (`6-24-03-01-05` → `6-24-03-01`), or nil.
    public static func parentOccupation(_ code: String) -> String? {
        let segments = code.split(separator: "-")
        guard segments.count == 5 else { return nil }
        return segments.prefix(4).joined(separator: "-")
    }

    /// True when a token looks like a code (starts with a digit, has a dash), before checking.
    static func looksLikeCode(_ token: Substring) -> Bool {
        guard let first = token.unicodeScalars.first,
            (0x30...0x39).contains(FieldNormaliser.narrow(first).value)
        else { return false }
        return token.unicodeScalars.contains(where: FieldNormaliser.isDash)
    }
}
