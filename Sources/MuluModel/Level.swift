import MuluSupport
/// A skill level of the national vocational qualification system, in its normalised name.
///
/// `五级` … `一级` are the same levels under their newer names and normalise to these.
public enum Level: String, Codable, CaseIterable, Sendable, Comparable {
    case junior = "初级"
    case intermediate = "中级"
    case senior = "高级"
    case technician = "技师"
    case seniorTechnician = "高级技师"

    /// Position from 初级 (0) to 高级技师 (4).
    public var rank: Int { Level.allCases.firstIndex(of: self)! }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}
