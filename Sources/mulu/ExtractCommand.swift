import ArgumentParser
import Foundation
import MuluSupport
import MuluModel
import MuluOutput
import MuluDiff
import MuluPipeline
import MuluScan

/// `mulu extract NOTICE`: prints the recovered table, a row a line, and can draw it.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the table recovered from a notice: a row a line, cells tab-separated.",
        discussion: """
            Each row is printed as: page, row number, then the raw text of each cell (industry, \
            code, name, training, assessment, urgent), tab-separated. With --lines, every line of \
            the notice is printed with its role instead (header, title, page mark, row, or \
            reported). With --rules (PDF), each page's ruling lines, edges and ruled tables. With --png DIR (PDF only), one PNG per page is written with the detected \
            columns (blue), rows (green) and unplaced text (red) drawn over the page.
            """)

    @Argument(help: "A notice: .pdf or text.")
    var notice: String

    @OptionGroup var options: NoticeOptions

    @Flag(help: "Print every line of the notice with its role instead of the rows.")
    var lines = false

    @Flag(help: "Print the header cells and body columns found on each page instead of the rows.")
    var columns = false

    @Flag(help: "Print each page's ruling lines, the edges joined from them and each ruled table's row and column lines (PDF only) instead of the rows.")
    var rules = false

    @Option(help: "Write page-N.png with the recovered columns, rows and cells drawn into this folder (PDF only).")
    var png: String?

    @Option(help: "Scale of the PNG pages (1 = 72 dpi).")
    var scale: Double = 1.5

    func validate() throws {
        if [lines, columns, rules].filter({ $0 }).count > 1 { throw ValidationError("--lines, --columns and --rules print different views: give one") }
        guard scale > 0, scale <= 20 else { throw ValidationError("--scale must be above 0 and at most 20") }
    }

    func run() throws {
        let loaded: CatalogueLoader.Loaded
        do {
            loaded = try CatalogueLoader.loadDetailed(
                path: notice, password: options.password, keepRows: true, reading: try options.reading())
        } catch let error as MuluError {
            printError(error.description)
            throw ExitCode(1)
        }
        guard let parsed = loaded.notice else {
            printError("\(notice): not a notice (extract reads PDF or text notices)")
            throw ExitCode(1)
        }
        var out = ""
        if columns {
            out = TableDump.columns(parsed)
        } else if rules {
            out = TableDump.rules(parsed)
        } else if lines {
            out = TableDump.lines(parsed)
        } else {
            out = TableDump.rows(parsed)
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if let png {
            do {
                let written = try TableDrawing.drawPages(
                    parsed, bytes: loaded.noticeBytes ?? [], path: notice, password: options.password,
                    into: png, scale: scale)
                printError("wrote \(written.count) page image(s) into \(png)")
            } catch let error as MuluError {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

extension ExtractCommand: ReadsNotices {
    var noticeInputs: [String] { [notice] + (options.lexicon.map { [$0] } ?? []) }
    var mayRunOCR: Bool { options.ocr != .never }
}
