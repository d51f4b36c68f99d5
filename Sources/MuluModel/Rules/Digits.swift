/// The rule for whole numbers in a notice (row numbers, amounts): ASCII or full-width digits,
/// at most ``maxCount`` of them.
public enum Digits {
    /// A whole number has at most this many digits: 9 (any such number fits an `Int`; a longer
    /// run of digits is no row number or amount but data gone wrong).
    public static let maxCount = 9

    /// The value of an ASCII or full-width digit, or nil.
    @inline(__always)
    public static func value(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)
        default: nil
        }
    }

    /// True for an ASCII digit byte.
    @inline(__always)
    public static func isASCII(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension Character {
    /// `0`–`9` only (the ASCII digits of the `Digits` rule).
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
