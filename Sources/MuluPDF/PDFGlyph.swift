/// One character of a page's text layer and its box, in points, origin top-left.
public struct PDFGlyph: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    /// False when the drawn page shows no ink in the glyph's box: text in the layer that the page
    /// does not print (clipped by its cell, invisible, white on white). Set by `HiddenText`.
    public var inked: Bool = true
    /// True when the text layer has a line break (or the page's start) right before the glyph.
    public var breakBefore: Bool = false
    /// True when the text layer has a line break (or the page's end) right after the glyph.
    public var breakAfter: Bool = false
    /// True when the text layer gives the glyph as a line of its own: how poppler gives each
    /// glyph of text set on a slant, as a watermark is.
    public var alone: Bool { breakBefore && breakAfter }

    public init(scalar: Unicode.Scalar, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.scalar = scalar
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }
}
