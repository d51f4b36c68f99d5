import MuluSupport
import MuluModel
import MuluPDF
import MuluExtract
import MuluTable
import MuluScan
import MuluEntries
import MuluOutput
import MuluDiff
/// What parsing a notice gives: entries, diagnostics, and every stage kept for inspection.
public struct ParsedNotice: Sendable {
    public var format: Catalogue.Format
    /// The title line found above the table, if any.
    public var title: String?
    public var entries: [Entry]
    /// Sorted by page, line and column.
    public var diagnostics: [Diagnostic]
    /// The lines of the notice, page by page.
    public var pages: [PageText]
    public var roles: [[LineRole]]
    /// The geometric stages, for PDF and column-laid-out text; nil for delimited text.
    public var recovery: TableRecovery?
    /// The recovered rows the entries were built from.
    public var rows: [RowRecord]
    /// For delimited text: the columns in the order the header names them, as the reader took
    /// them (nil for the geometric stages, whose columns are in `recovery`).
    public var delimitedColumns: [TableField]?
    /// The encoding a text notice was in.
    public var encoding: TextDecoding.Encoding?
    /// For a PDF with pages read by OCR: every table cell read, with its confidence.
    public var scanCells: [ScanCell] = []
    /// The 1-based pages read by OCR (empty when none was).
    public var ocrPages: [Int] = []
    /// The OCR cells a diagnostic is about, labelled with their row and column (`mulu extract
    /// --png` draws them).
    public var doubtfulCells: [(cell: ScanCell, label: String)] = []
    /// The header cells of the (first) table and the fields they were mapped to.
    public var columns: [Catalogue.Column] = []
    /// The tables of the notice.
    public var tables: [Catalogue.Table] = []
    /// The header cells of every table (`columns` is the first's).
    public var tableColumns: [[Catalogue.Column]] = []
    /// Where each table's header starts: page and line (as diagnostics count them).
    public var tableStarts: [(page: Int, line: Int)] = []
}

extension ParsedNotice {
    /// The attachment label above the table (`附件2`), if the notice has one.
    public var attachmentLabel: String? {
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .attachmentLabel {
                return FullWidth.asciiDigits(line.compactText).filter { $0 != ":" && $0 != "：" }
            }
        }
        return nil
    }
}
