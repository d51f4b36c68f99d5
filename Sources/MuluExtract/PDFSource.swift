import MuluSupport
import MuluModel
import MuluPDF

/// Turns a PDF's glyph boxes (from poppler-glib, through MuluPDF) into lines of fragments.
public enum PDFSource {
    /// The pages as lines of fragments, and the body text's em size (median glyph height).
    public static func pages(_ bytes: [UInt8], path: String, password: String?) throws -> (pages: [PageText], emSize: Double) {
        let result = Result { () throws(PDFError) -> [PDFTextPage] in
            let document = try PDFDocument(bytes: bytes, path: path, password: password)
            return try document.textPages()
        }
        let textPages: [PDFTextPage]
        switch result {
        case .success(let pages): textPages = pages
        case .failure(let error): throw MuluError(file: path, problem: error.message)
        }
        var heights: [Double] = []
        for page in textPages {
            for g in page.glyphs where heights.count < TableSettings.emSampleGlyphs { heights.append(g.y1 - g.y0) }
        }
        heights.sort()
        let em = heights.isEmpty ? TableSettings.defaultEmSize : max(heights[heights.count / 2], TableSettings.minEmSize)
        let settings = TableSettings.pdf(emSize: em)
        return (textPages.map { lines(of: $0, settings: settings) }, em)
    }

    /// Glyphs clustered into lines (vertical centres within `lineTolerance`), each line split
    /// into fragments where glyphs are more than `wordGap` apart.
    static func lines(of page: PDFTextPage, settings: TableSettings) -> PageText {
        let glyphs = page.glyphs.sorted { ($0.y0 + $0.y1, $0.x0) < ($1.y0 + $1.y1, $1.x0) }
        var groups: [[PDFGlyph]] = []
        var center = -Double.infinity
        for g in glyphs {
            let c = (g.y0 + g.y1) / 2
            if groups.isEmpty || c - center > settings.lineTolerance {
                groups.append([g])
                center = c
            } else {
                groups[groups.count - 1].append(g)
            }
        }
        var lines: [TextLine] = []
        lines.reserveCapacity(groups.count)
        for (index, group) in groups.enumerated() {
            let row = group.sorted { $0.x0 < $1.x0 }
            var fragments: [Fragment] = []
            var scalars = String.UnicodeScalarView()
            var box = (x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0)
            func flush() {
                guard !scalars.isEmpty else { return }
                fragments.append(Fragment(
                    text: String(scalars), x0: box.x0, x1: box.x1, y0: box.y0, y1: box.y1,
                    page: page.number, line: index + 1))
                scalars = String.UnicodeScalarView()
            }
            for g in row {
                if !scalars.isEmpty, g.x0 - box.x1 > settings.wordGap { flush() }
                if scalars.isEmpty {
                    box = (g.x0, g.x1, g.y0, g.y1)
                } else {
                    box.x1 = max(box.x1, g.x1)
                    box.y0 = min(box.y0, g.y0)
                    box.y1 = max(box.y1, g.y1)
                }
                scalars.append(g.scalar)
            }
            flush()
            lines.append(TextLine(page: page.number, line: index + 1, fragments: fragments))
        }
        return PageText(number: page.number, width: page.width, height: page.height, lines: lines)
    }
}
