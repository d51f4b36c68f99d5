import MuluModel
import MuluExtract

/// Tells text laid out in columns (`pdftotext -layout`) from delimited text, by its header.
public enum ColumnLayoutProbe {
    /// True when the header is laid out in columns (labels apart by runs of at least
    /// `TableSettings.textLayout.minGutter` blanks, as `pdftotext -layout` prints it) rather than
    /// delimited by single separators.
    public static func isColumnLayout(_ pages: [PageText], roles: [[LineRole]]) -> Bool {
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .header {
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
