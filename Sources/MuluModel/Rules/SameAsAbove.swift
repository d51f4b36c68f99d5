/// The rule for a cell that says "same as above" (`同上`, `同上。`, `〃`): the value of the same
/// column in the row above, never a value of its own.
public enum SameAsAbove {
    /// The texts (blanks removed) that say "same as above".
    public static let marks: Set<String> = ["同上", "同上。", "同上.", "〃", "同前"]

    /// True when the cell's UTF-8 bytes, blanks removed, say "same as above".
    @inline(__always)
    public static func isMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        // 同 starts E5 90 8C, 〃 E3 80 83; the longest mark with blanks is short.
        guard let b = p.first(where: { $0 != 0x20 && $0 != 0x09 }), b == 0xE5 || b == 0xE3, p.count <= 24 else { return false }
        return marks.contains(Blank.removed(from: String(decoding: p, as: UTF8.self)))
    }
}
