import MuluPDF

/// Text set far larger than the page's own: a watermark (`内部资料` across every page, each
/// glyph's box a third of the page high) or a stamp's words, no cell's. Its glyphs are left out
/// of the page's lines, and reported once a page.
public enum Watermark {
    /// A glyph at least this many times the page's median glyph height. Default 4 (a title is
    /// at most about twice the body's).
    public static let scale = 4.0
    /// A page needs at least this many glyphs for its median to speak for it. Default 20.
    public static let minGlyphs = 20

    /// Whether each glyph of `page` is a watermark's; nil when none is.
    public static func mask(_ page: PDFTextPage) -> [Bool]? {
        guard page.glyphs.count >= minGlyphs else { return nil }
        var heights = page.glyphs.map { $0.y1 - $0.y0 }
        heights.sort()
        let median = heights[heights.count / 2]
        guard median > 0, let tallest = heights.last, tallest >= scale * median else { return nil }
        return page.glyphs.map { $0.y1 - $0.y0 >= scale * median }
    }

    /// The watermark's text on each page that has one, in the PDF's order.
    public static func texts(_ pages: [PDFTextPage]) -> [(page: Int, text: String)] {
        pages.compactMap { page in
            guard let mask = mask(page) else { return nil }
            let text = String(String.UnicodeScalarView(zip(page.glyphs, mask).filter(\.1).map(\.0.scalar)))
            return (page.number, text)
        }
    }
}
