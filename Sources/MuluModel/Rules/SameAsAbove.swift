/// The rule for a cell that says "same as above" (`同上`, `同上。`, `〃`): the value of the same
/// column in the row above, never a value of its own.
public enum SameAsAbove {
    /// The texts (blanks removed) that say "same as above".
    public static let marks: Set<String> = ["同上", "同上。", "同上.", "〃", "同前"]

    /// True when the cell's UTF-8 bytes, blanks removed, say "same as above".
    @inline(__always)
    public static func isMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every mark starts with 同 (E5 90 8C) or 〃 (E3 80 83), and is short even with blanks.
        guard p.count <= 24, let i = p.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), i + 2 < p.count,
              (p[i], p[i + 1], p[i + 2]) == (0xE5, 0x90, 0x8C) || (p[i], p[i + 1], p[i + 2]) == (0xE3, 0x80, 0x83)
        else { return false }
        return marks.contains(Blank.removed(from: String(decoding: p, as: UTF8.self)))
    }
}
