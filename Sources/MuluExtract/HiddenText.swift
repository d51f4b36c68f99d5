import MuluPDF

/// Text the page does not print: glyphs of the text layer with no ink under their box in the
/// drawn page. Writer clips a cell's text to a row of fixed height (`是否急需紧缺` in a repeated
/// header, its `紧缺` in the layer over the first row's cell); Calc clips a merged cell's text
/// to each page's part of the cell (on the next page the clipped glyphs sit among the header's
/// words); text in the invisible render mode or white on white is the same. Such glyphs are
/// marked (`PDFGlyph.inked`), and a fragment of them only (`Fragment.hidden`) names no header
/// cell and marks no row urgent. They stay in the text: a clipped name or subsidy is still the
/// cell's value.
///
/// Ink is looked for inside each glyph's box, a fifth of its width and height in from each side
/// (a neighbour's antialiased edge is not this glyph's ink). A page where many glyphs would be
/// marked has none marked: its boxes, not its text, are off (a font whose ascent is misread).
public enum HiddenText {
    /// A pixel at most this light is ink (0 black … 255 paper). Default 240: the lightest grey
    /// text a bureau prints, and yellow, are ink.
    public static let inkLevel: UInt8 = 240
    /// The share of a box's width and height left out on each side. Default 0.2.
    public static let inset = 0.2
    /// A page whose inkless glyphs are more than this share of its glyphs has none marked. Default 0.25.
    public static let maxShare = 0.25

    /// `page` with each glyph that `bitmap` (the page drawn) shows no ink for marked not inked.
    public static func marked(_ page: PDFTextPage, drawn bitmap: GreyBitmap) -> PDFTextPage {
        guard !page.glyphs.isEmpty, bitmap.width > 0, bitmap.height > 0 else { return page }
        let inkless = page.glyphs.map { !hasInk($0, in: bitmap) }
        let count = inkless.lazy.filter { $0 }.count
        guard count > 0, Double(count) <= maxShare * Double(page.glyphs.count) else { return page }
        var glyphs = page.glyphs
        for i in glyphs.indices where inkless[i] { glyphs[i].inked = false }
        return PDFTextPage(number: page.number, width: page.width, height: page.height, glyphs: glyphs)
    }

    /// Whether any pixel inside `glyph`'s box (inset as above; at least its middle pixel) is ink.
    static func hasInk(_ glyph: PDFGlyph, in b: GreyBitmap) -> Bool {
        let s = b.scale
        let dx = (glyph.x1 - glyph.x0) * inset, dy = (glyph.y1 - glyph.y0) * inset
        var x0 = Int(((glyph.x0 + dx) * s).rounded(.down)), x1 = Int(((glyph.x1 - dx) * s).rounded(.up))
        var y0 = Int(((glyph.y0 + dy) * s).rounded(.down)), y1 = Int(((glyph.y1 - dy) * s).rounded(.up))
        if x1 <= x0 { x1 = x0 + 1 }
        if y1 <= y0 { y1 = y0 + 1 }
        x0 = max(0, x0); y0 = max(0, y0)
        x1 = min(b.width, x1); y1 = min(b.height, y1)
        // A box off the drawn page: nothing to tell by, so the glyph counts as printed.
        guard x0 < x1, y0 < y1 else { return true }
        return b.pixels.withUnsafeBufferPointer { p in
            for y in y0..<y1 {
                let row = y * b.width
                for x in x0..<x1 where p[row + x] <= inkLevel { return true }
            }
            return false
        }
    }
}
