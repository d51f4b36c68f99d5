import MuluSupport
import MuluModel
import MuluOutput
/// A field of an entry that a diff compares, in the fixed order reports list them.
///
/// `seq` is deliberately absent: a row that is only renumbered has not changed.
public enum EntryField: String, CaseIterable, Codable, Comparable, Sendable {
    case industry
    case name
    case code
    case training
    case assessment
    case urgent

    /// The label bureau staff read in text and Markdown reports: 行业, 名称, 代码 ….
    public var label: String {
        switch self {
        case .industry: "行业"
        case .name: "名称"
        case .code: "代码"
        case .training: "培训补贴"
        case .assessment: "鉴定补贴"
        case .urgent: "急需紧缺"
        }
    }

    /// Position in the fixed report order: industry, name, code, training, assessment, urgent.
    public var rank: Int { EntryField.allCases.firstIndex(of: self)! }

    public static func < (lhs: EntryField, rhs: EntryField) -> Bool { lhs.rank < rhs.rank }

    /// The fields whose values differ between `before` and `after`, in report order.
    public static func differing(_ before: Entry, _ after: Entry) -> [EntryField] {
        var fields: [EntryField] = []
        if before.industry != after.industry { fields.append(.industry) }
        if before.name != after.name { fields.append(.name) }
        if before.code != after.code { fields.append(.code) }
        if before.training != after.training { fields.append(.training) }
        if before.assessment != after.assessment { fields.append(.assessment) }
        if before.urgent != after.urgent { fields.append(.urgent) }
        return fields
    }

    /// The field's value in `entry` as a report shows it: the subsidy's text, `是`/`否` for urgent,
    /// `—` for a subsidy that could not be read.
    public func displayValue(of entry: Entry) -> String {
        switch self {
        case .industry: entry.industry ?? "—"
        case .name: entry.name
        case .code: entry.code
        case .training: entry.training?.text ?? "—"
        case .assessment: entry.assessment?.text ?? "—"
        case .urgent: entry.urgent.map { $0 ? "是" : "否" } ?? "—"
        }
    }

    /// For a subsidy field, the levels whose amount changed, e.g. `中级 2000→2400`, or `初级 新增`
    /// (a level now paid) and `高级 取消` (no longer paid); empty for other fields.
    public func amountChanges(_ before: Entry, _ after: Entry) -> [String] {
        let (old, new): (Subsidy?, Subsidy?)
        switch self {
        case .training: (old, new) = (before.training, after.training)
        case .assessment: (old, new) = (before.assessment, after.assessment)
        default: return []
        }
        var out: [String] = []
        for level in Level.allCases {
            let a = old?.amount(for: level), b = new?.amount(for: level)
            switch (a, b) {
            case let (a?, b?) where a != b: out.append("\(level.rawValue) \(a)→\(b)")
            case (nil, let b?) where old != nil: out.append("\(level.rawValue) 新增 \(b)")
            case (let a?, nil) where new != nil: out.append("\(level.rawValue) 取消 \(a)")
            default: break
            }
        }
        return out
    }
}
