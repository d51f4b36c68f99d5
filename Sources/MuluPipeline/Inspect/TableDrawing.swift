import MuluSupport
import MuluModel
import MuluPDF
import MuluExtract
import MuluTable
import MuluEntries
import MuluOutput
import MuluDiff
import Foundation
import MuluPDF

/// Draws what table recovery found over the PDF's pages, one PNG a page: the ruling lines found
/// (magenta) and the grid's cells (teal; a merged cell orange, labelled with its row × column
/// span, open sides where a page break cuts it), header cells (grey), body columns (blue,
/// labelled with their field), each row's cells (green, the row number on its anchor) and text
/// that was reported instead of placed (red); on a page read by OCR, every cell a diagnostic
/// doubts (thick orange, labelled with its row and column).
public enum TableDrawing {
    /// Writes `page-N.png` into `directory` for every page; returns the paths written.
    public static func drawPages(
        _ parsed: ParsedNotice, bytes: [UInt8], path: String, password: String?,
        into directory: String, scale: Double
    ) throws -> [String] {
        guard parsed.format == .pdf, let recovery = parsed.recovery else {
            throw MuluError(file: path, problem: "--png draws PDF pages; this notice is text")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MuluError(file: directory, problem: "cannot create the folder: \(error.localizedDescription)")
        }
        let document: PDFDocument
        switch Result(catching: { () throws(PDFError) in try PDFDocument(bytes: bytes, path: path, password: password) }) {
        case .success(let d): document = d
        case .failure(let e): throw MuluError(file: path, problem: e.message)
        }
        var written: [String] = []
        for (p, page) in recovery.pages.enumerated() {
            var overlays = overlays(recovery, pageIndex: p, unplaced: recovery.unplaced)
            // Cells OCR doubted (a diagnostic each): thick orange, labelled with row and column.
            for d in parsed.doubtfulCells where d.cell.page == page.number {
                overlays.append(PDFOverlay(
                    x0: d.cell.x0, y0: d.cell.y0, x1: d.cell.x1, y1: d.cell.y1, red: 1, green: 0.45, blue: 0,
                    alpha: 0.9, lineWidth: 2, label: d.label))
            }
            let out = (directory as NSString).appendingPathComponent("page-\(page.number).png")
            switch Result(catching: { () throws(PDFError) in
                try document.renderPNG(page: page.number, scale: scale, overlays: overlays, to: out)
            }) {
            case .success: written.append(out)
            case .failure(let e): throw MuluError(file: out, problem: e.message)
            }
        }
        return written
    }

    /// The rectangles to draw on one page.
    static func overlays(_ r: TableRecovery, pageIndex p: Int, unplaced: [UnplacedFragment]) -> [PDFOverlay] {
        let page = r.pages[p]
        var out: [PDFOverlay] = []
        if p < r.grids.count {
            let grid = r.grids[p]
            for rule in grid.rules {
                let b = rule.box
                out.append(PDFOverlay(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, red: 0.85, green: 0.1, blue: 0.75, alpha: 0.7, lineWidth: 0, filled: true, label: nil))
            }
            for table in grid.tables {
                for c in table.cells {
                    if c.rowSpan > 1 || c.columnSpan > 1 {
                        out.append(PDFOverlay(x0: c.x0 + 1, y0: c.y0 + 1, x1: c.x1 - 1, y1: c.y1 - 1, red: 1, green: 0.55, blue: 0, alpha: 0.12, lineWidth: 0, filled: true, label: nil))
                        out.append(PDFOverlay(x0: c.x0 + 1, y0: c.y0 + 1, x1: c.x1 - 1, y1: c.y1 - 1, red: 1, green: 0.55, blue: 0, alpha: 0.9, lineWidth: 1.2, filled: false, label: nil))
                        let open = (c.ruledTop ? "" : " open top") + (c.ruledBottom ? "" : " open bottom")
                        out.append(PDFOverlay(x0: c.x0 + 3, y0: c.y0 + 10, x1: c.x0 + 3, y1: c.y0 + 10, red: 1, green: 0.45, blue: 0, alpha: 1, lineWidth: 0.01, filled: false, label: "\(c.rowSpan)×\(c.columnSpan)\(open)"))
                    } else {
                        out.append(PDFOverlay(x0: c.x0 + 1, y0: c.y0 + 1, x1: c.x1 - 1, y1: c.y1 - 1, red: 0, green: 0.55, blue: 0.55, alpha: 0.5, lineWidth: 0.4, filled: false, label: nil))
                    }
                }
            }
        }
        for c in r.headerCells[p] {
            out.append(PDFOverlay(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, red: 0.4, green: 0.4, blue: 0.4, alpha: 0.8, lineWidth: 0.8, filled: false, label: nil))
        }
        let body = page.lines.indices.filter { r.roles[p][$0] == .body }.map { page.lines[$0] }
        if let top = body.map(\.y0).min(), let bottom = body.map(\.y1).max() {
            for c in r.columns[p] {
                out.append(PDFOverlay(x0: c.x0, y0: top, x1: c.x1, y1: bottom, red: 0.1, green: 0.3, blue: 0.9, alpha: 0.12, lineWidth: 0, filled: true, label: nil))
                out.append(PDFOverlay(x0: c.x0, y0: top - 9, x1: c.x1, y1: top - 1, red: 0.1, green: 0.3, blue: 0.9, alpha: 1, lineWidth: 0.5, filled: false, label: "\(c.field)"))
            }
        }
        for row in r.rows {
            for (_, fragments) in row.cells {
                let here = fragments.filter { $0.page == page.number }
                guard !here.isEmpty else { continue }
                out.append(PDFOverlay(
                    x0: here.map(\.x0).min()! - 1, y0: here.map(\.y0).min()! - 1,
                    x1: here.map(\.x1).max()! + 1, y1: here.map(\.y1).max()! + 1,
                    red: 0.1, green: 0.6, blue: 0.2, alpha: 0.9, lineWidth: 0.8, filled: false, label: nil))
            }
            if row.anchor.page == page.number {
                let a = row.anchor
                out.append(PDFOverlay(x0: a.x0 - 1, y0: a.y0 - 1, x1: a.x1 + 1, y1: a.y1 + 1, red: 0.1, green: 0.6, blue: 0.2, alpha: 0.25, lineWidth: 0, filled: true, label: "\(row.seq)"))
            }
        }
        for u in unplaced where u.fragment.page == page.number {
            let f = u.fragment
            out.append(PDFOverlay(x0: f.x0 - 1, y0: f.y0 - 1, x1: f.x1 + 1, y1: f.y1 + 1, red: 0.9, green: 0.1, blue: 0.1, alpha: 0.9, lineWidth: 1.2, filled: false, label: nil))
        }
        return out
    }
}
