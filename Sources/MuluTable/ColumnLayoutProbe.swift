import MuluModel
import MuluExtract

/// Tells text laid out in columns (`pdftotext -layout`) from delimited text, by its header.
public enum ColumnLayoutProbe {
    /// True when the header is laid out in columns (labels apart by runs of at least
    /// `TableSettings.textLayout.minGutter` blanks, as `pdftotext -layout` prints it) rather than
    /// delimited by single separators.
    ///
    /// A header with a tab between its labels is delimited, whatever its gaps: `pdftotext -layout` pads with
    /// spaces only, while a table copied from a spreadsheet or a document separates its cells by
    /// tabs, and a header cell spanning several columns leaves runs of empty ones (`培训补贴标准
    /// \t\t\t是否急需紧缺` over `\t\t\t\t初级\t中级\t高级`). `tabbedLines` are the file lines
    /// (1-based) with a tab between two tokens.
    ///
    /// Labels apart by the same run of blanks everywhere (`序号  行业  职业（工种）代码  …`, two
    /// blanks between every two, as a web page copies) are delimited too: `pdftotext -layout` pads
    /// each label to its column, so its gaps differ.
    public static func isColumnLayout(_ pages: [PageText], roles: [[LineRole]], tabbedLines: Set<Int> = []) -> Bool {
        var gaps = Set<Double>()
        var count = 0
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .header {
                if tabbedLines.contains(line.line) { return false }
                // A label written with a blank between its characters (`序 号`) is one label.
                let f = ColumnDetector.joinedSingleCharacters(line.fragments).sorted { $0.x0 < $1.x0 }
                for k in f.indices.dropFirst() {
                    gaps.insert(f[k].x0 - f[k - 1].x1)
                    count += 1
                }
            }
            if roles[p].contains(.header) { break }
        }
        guard let widest = gaps.max(), widest >= TableSettings.textLayout.minGutter else { return false }
        return !(gaps.count == 1 && count >= 3)
    }
}
