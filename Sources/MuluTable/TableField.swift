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

    /// The field a header cell's text names (spaces removed), or nil: see `HeaderWords`.
    public init?(headerLabel text: String) {
        guard let field = HeaderWords.field(text) else { return nil }
        self = field
    }

    /// Every scalar that occurs in a header label (see `HeaderWords.vocabulary`).
    public static var headerVocabulary: Set<Unicode.Scalar> { HeaderWords.vocabulary }

    /// Keywords that mark a header line (see `HeaderWords.keywords`).
    static var headerKeywords: [String] { HeaderWords.keywords }
}
