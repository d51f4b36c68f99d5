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
    public static func isColumnLayout(_ pages: [PageText], roles: [[LineRole]], tabbedLines: Set<Int> = []) -> Bool {
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .header {
                if tabbedLines.contains(line.line) { return false }
                let f = line.fragments
                for k in f.indices.dropFirst() where f[k].x0 - f[k - 1].x1 >= TableSettings.textLayout.minGutter {
                    return true
                }
            }
            if roles[p].contains(.header) { return false }
        }
        return false
    }
}
