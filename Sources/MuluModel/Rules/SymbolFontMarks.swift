/// The rule for marks printed from Word's symbol fonts: a glyph of Wingdings or Symbol that the
/// PDF maps to a private-use code point (U+F0xx, the font's byte plus F000) instead of the mark
/// it prints, read as that mark.
///
/// Only code points that name the same mark in the symbol fonts a notice is typed in are read:
/// Wingdings' ✓ (F0FC, Word's "Insert Symbol" check) and ☑ (F0FE), Symbol's √ (F0D6). Others
/// (Wingdings' ★ F0AB is Symbol's ↔) depend on the font and stay unmapped.
public enum SymbolFontMarks {
    /// The mark a private-use scalar prints, or nil.
    @inline(__always)
    public static func mark(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xF0FC: "✓"
        case 0xF0FE: "☑"
        case 0xF0D6: "√"
        default: nil
        }
    }
}
