import MuluSupport
import MuluModel
import MuluOutput
/// The forms a diff report can take: `text` for people, `markdown` for pull requests and notices,
/// `json` for programs, `html` a page and `xlsx` a workbook (``DiffPage``, ``DiffWorkbook``).
public enum DiffFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
    case html
    case xlsx

    /// True for a format that is not text (a workbook): it is written to a file, not printed.
    public var isBinary: Bool { self == .xlsx }

    /// Renders `diff` in a text format; every text format ends with a newline. For `xlsx`, use
    /// ``encode(_:sides:)``: this returns its bytes decoded as UTF-8, which is not text.
    public func render(_ diff: CatalogueDiff, sides: DiffSides = .unnamed) -> String {
        switch self {
        case .text: diff.textReport()
        case .markdown: diff.markdownReport()
        case .json: diff.jsonReport()
        case .html: DiffPage.html(diff, sides: sides)
        case .xlsx: String(decoding: (try? DiffWorkbook.encode(diff, sides: sides)) ?? [], as: UTF8.self)
        }
    }

    /// The bytes of the report on `diff` in this format. Throws `MuluError` naming `name` when a
    /// workbook cannot be built.
    public func encode(_ diff: CatalogueDiff, sides: DiffSides = .unnamed, name: String = "diff.xlsx") throws -> [UInt8] {
        switch self {
        case .xlsx: try DiffWorkbook.encode(diff, sides: sides, name: name)
        default: Array(render(diff, sides: sides).utf8)
        }
    }
}
