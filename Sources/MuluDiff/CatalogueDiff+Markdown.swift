import MuluSupport
import MuluModel
import MuluOutput
extension CatalogueDiff {
    /// A Markdown report to paste into a pull request or a notice: the counts in bold, then a
    /// table with one row per added or removed entry and one row per changed field.
    public func markdownReport() -> String {
        if isEmpty { return "**无差异** (no differences)\n" }
        var out = "**\(summary)**\n\n"
        out += "| 变动 | 代码 | 名称 | 行业 | 项目 | 原值 | 新值 |\n"
        out += "| --- | --- | --- | --- | --- | --- | --- |\n"
        func row(_ cells: [String]) {
            out += "| " + cells.map(CatalogueDiff.markdownEscaped).joined(separator: " | ") + " |\n"
        }
        for entry in added {
            row(["新增", entry.code, entry.name, entry.industry ?? "", "", "", CatalogueDiff.describe(entry, separator: "；", industry: false)])
        }
        for entry in removed {
            row(["删除", entry.code, entry.name, entry.industry ?? "", "", CatalogueDiff.describe(entry, separator: "；", industry: false), ""])
        }
        for change in changed {
            for field in change.fields {
                row([
                    "变更", change.after.code, change.after.name, change.after.industry ?? "", field.label,
                    field.displayValue(of: change.before),
                    field.displayValue(of: change.after) + CatalogueDiff.perLevel(field, change),
                ])
            }
        }
        return out
    }

    /// `text` safe inside a Markdown table cell: one line, with `|` and emphasis marks escaped.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "<", ">", "[", "]": out += "\\\(character)"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
