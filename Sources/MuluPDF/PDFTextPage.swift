/// One page's size and its glyphs (whitespace dropped), in points with the origin at the top left.
public struct PDFTextPage: Sendable {
    /// The page number, 1-based.
    public let number: Int
    /// The page width in points.
    public let width: Double
    /// The page height in points.
    public let height: Double
    /// The page's glyphs in poppler's reading order, without whitespace.
    public let glyphs: [PDFGlyph]

    /// Makes a page from its number, size and glyphs.
    public init(number: Int, width: Double, height: Double, glyphs: [PDFGlyph]) {
        self.number = number
        self.width = width
        self.height = height
        self.glyphs = glyphs
    }
}
