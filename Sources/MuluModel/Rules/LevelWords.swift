/// The rule for level words: the names a level is published under (`初级`, `初级工`, `五级` …).
extension Level {
    /// The level for a published name (`初级`, `五级`, `三级/高级工` …), or nil.
    public init?(published name: String) {
        switch name {
        case "初级", "初级工", "五级": self = .junior
        case "中级", "中级工", "四级": self = .intermediate
        case "高级", "高级工", "三级": self = .senior
        case "技师", "二级": self = .technician
        case "高级技师", "一级": self = .seniorTechnician
        default: return nil
        }
    }

    /// The level names a subsidy cell starts with, as UTF-8 (compared bytewise on the hot path).
    public static let publishedPrefixes: [[UInt8]] = ["初级", "中级", "高级", "技师", "五级", "四级", "三级", "二级", "一级"]
        .map { Array($0.utf8) }

    /// True when a token starts with a level name: a subsidy cell starts here.
    @inline(__always)
    public static func startsLevel(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in publishedPrefixes where p.starts(with: prefix) { return true }
        return false
    }
}
