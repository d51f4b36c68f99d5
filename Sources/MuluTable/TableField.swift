import MuluSupport
import MuluModel
import MuluExtract
/// A column of the catalogue table, recognised by its header label.
public enum TableField: Int, CaseIterable, Hashable, Sendable, Comparable {
    case seq, industry, code, name, training, assessment, urgent

    public static func < (a: TableField, b: TableField) -> Bool { a.rawValue < b.rawValue }

    /// The label as the reference catalogue prints it.
    public var label: String {
        switch self {
        case .seq: "序号"
        case .industry: "行业"
        case .code: "职业（工种）代码"
        case .name: "职业（项目）"
        case .training: "培训补贴等级及补贴标准"
        case .assessment: "考核鉴定等级及补贴标准"
        case .urgent: "是否急需紧缺"
        }
    }

    /// The field a header cell's text names (spaces removed), or nil.
    public init?(headerLabel text: String) {
        if text.contains("序号") || text == "序" {
            self = .seq
        } else if text.contains("行业") || text.contains("产业") {
            self = .industry
        } else if text.contains("代码") || text.contains("编码") {
            self = .code
        } else if text.contains("培训") {
            self = .training
        } else if text.contains("鉴定") || text.contains("考核") || text.contains("评价") {
            self = .assessment
        } else if text.contains("急需") || text.contains("紧缺") || text.contains("是否") {
            self = .urgent
        } else if text.contains("职业") || text.contains("工种") || text.contains("项目")
            || text.contains("名称")
        {
            self = .name
        } else {
            return nil
        }
    }

    /// Every scalar that occurs in a header label: a line made only of these (and blanks)
    /// can be part of the header band.
    public static let headerVocabulary: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        let extra = "职业工种代码项目名称培训补贴等级及标准考核鉴定评价是否急需紧缺序号行业产业编码()（）/、"
        for s in (TableField.allCases.map(\.label).joined() + extra).unicodeScalars { set.insert(s) }
        return set
    }()

    /// Keywords that mark a header line; a header band holds at least three of them.
    static let headerKeywords = ["序号", "行业", "代码", "职业", "培训", "考核", "鉴定", "急需", "紧缺", "项目"]
}
