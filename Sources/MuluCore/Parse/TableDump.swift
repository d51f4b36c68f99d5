/// Plain-text views of a parse, for `mulu extract`.
public enum TableDump {
    /// A row a line: `p<page>\t<seq>\t<industry>\t<code>\t<name>\t<training>\t<assessment>\t<urgent>`.
    public static func rows(_ notice: ParsedNotice) -> String {
        var out = ""
        for row in notice.rows {
            var cells = ["p\(row.anchor.page)", String(row.seq)]
            for field in TableField.allCases where field != .seq { cells.append(row.text(field)) }
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Every line with its role: `p<page> l<line>\t<role>\t<text>`; body lines say which rows
    /// their fragments went to, or that they were reported.
    public static func lines(_ notice: ParsedNotice) -> String {
        var rowOf: [Fragment: Int] = [:]
        for row in notice.rows {
            rowOf[row.anchor] = row.seq
            for (_, fragments) in row.cells { for f in fragments { rowOf[f] = row.seq } }
        }
        var out = ""
        for (p, page) in notice.pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                let role = notice.roles[p][i]
                var label = "\(role)"
                if role == .body {
                    let seqs = Set(line.fragments.compactMap { rowOf[$0] }).sorted()
                    let lost = line.fragments.filter { rowOf[$0] == nil }.count
                    label = seqs.isEmpty ? "reported" : "row " + seqs.map(String.init).joined(separator: ",")
                    if lost > 0, !seqs.isEmpty { label += " +reported" }
                }
                out += "p\(page.number) l\(line.line)\t\(label)\t\(line.text)\n"
            }
        }
        return out
    }
}
