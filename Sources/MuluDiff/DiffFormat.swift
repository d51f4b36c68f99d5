import MuluSupport
import MuluModel
import MuluOutput
/// The forms a diff report can take: `text` for people, `markdown` for pull requests and notices,
/// `json` for programs.
public enum DiffFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json

    /// Renders `diff` in this format; every format ends with a newline.
    public func render(_ diff: CatalogueDiff) -> String {
        switch self {
        case .text: diff.textReport()
        case .markdown: diff.markdownReport()
        case .json: diff.jsonReport()
        }
    }
}
