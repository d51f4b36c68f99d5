/// Every tolerance of the ruling-line stages (`RuleFinder`, `GridBuilder`), in PDF points.
///
/// Kept in `TableSettings.grid`. Defaults suit a Word/WPS/LibreOffice table printed to PDF and a
/// scan of one at 150–300 dpi.
public struct GridSettings: Hashable, Sendable {
    /// A pixel darker than this (0 black … 255 white) is ink. Default 160.
    public var darkThreshold: UInt8 = 160
    /// A line one or two pixels thick whose pixels together are at least this dark (0 white …
    /// 255 black, the darkness of the pair summed), darker than the pixels beside it, is ink
    /// though no pixel of it is darker than `darkThreshold`: a rule thinner than a pixel drawn
    /// as a filled rectangle (MS Word prints a 0.5 pt border as a 0.48 pt `re f`; at 72 dpi it
    /// lands as two pixels of #C2C2C2, or one 0.25 pt as #BFBFBF). 0 turns this off. Default 48.
    public var thinLineDarkness: UInt8 = 48
    /// Ink gaps up to this long inside a run are bridged (a broken line in a scan, anti-aliasing).
    /// Default 1 pt.
    public var runGap: Double = 1
    /// A run of ink on one pixel row (column) at least this long may be part of a rule; shorter
    /// ones are glyph strokes or noise. Default 6 pt (a 1 px line leaning 1° runs ~57 px on one
    /// row: 14 pt at 300 dpi; most strokes of a 10 pt glyph are shorter, and fewer runs to chain).
    public var minRun: Double = 6
    /// A rule is at least this long. Glyph strokes are shorter than an em (a CJK glyph is ~10 pt);
    /// a rule bounds a cell at least this wide or high. Default 14 pt.
    public var minRuleLength: Double = 14
    /// A rule is at most this thick (ink area over length); a thicker dark shape is a filled
    /// area, not a rule, and is outlined (`FillOutliner`) — unless it is a solid band at most
    /// `maxSolidRuleThickness` thick. Default 3 pt (a 2.5 pt rule is drawn 2–3 px wide at 72 dpi).
    public var maxRuleThickness: Double = 3
    /// A shape thicker than `maxRuleThickness`, not a double rule, whose median cross-section is
    /// at most this thick is a rule all the same (its long runs, when glyphs touch it): Chromium
    /// and Writer draw a 3 pt border 4 px wide at 72 dpi. Default 4.5 pt (a shaded cell is at
    /// least a line of text high).
    public var maxSolidRuleThickness: Double = 4.5
    /// A shape thickened or tilted by glyphs touching it is a rule when its long runs (at least
    /// `minRuleLength`) hold at least this share of its ink. Default 0.75 (a rule with text set
    /// against it; glyph strokes run together hold less).
    public var ruleCoreShare: Double = 0.75
    /// Inside a filled area (`FillOutliner`), a pixel at least this much darker than the fill
    /// (0 black … 255 white) is a rule drawn over it; the rest of the fill is paper, its outline
    /// ink. Default 48 (a black rule over a #808080 fill).
    public var fillContrast: UInt8 = 48
    /// A rule may lean this much from the horizontal or vertical (a scan fed askew). Default 1°.
    public var maxSkewDegrees: Double = 1
    /// Rules whose positions differ by at most this are one line (pdfplumber's snap tolerance).
    /// Default 2 pt.
    public var snapTolerance: Double = 2
    /// Two parallel rules at most this far apart, side by side over at least half the shorter
    /// one, are one double rule (Word's 双线: two 0.5–1 pt strokes about 3 pt apart, under a
    /// header, between groups, or framing the table), snapped to their middle: no row or column
    /// of a table is so thin that it holds no line of text. Default 4.5 pt.
    public var doubleRuleGap: Double = 4.5
    /// Collinear rules whose ends are at most this far apart are joined into one edge
    /// (pdfplumber's join tolerance). Default 3 pt.
    public var joinTolerance: Double = 3
    /// A horizontal and a vertical edge intersect when each reaches within this of the other's
    /// line (pdfplumber's intersection tolerance). Default 3 pt.
    public var intersectionTolerance: Double = 3
    /// A side of a grid box is ruled when edges cover at least this share of it. Default 0.8.
    public var sideCoverage: Double = 0.8
    /// A table has at least this many horizontal and this many vertical edges. Default 2.
    public var minEdgesPerAxis: Int = 2
    /// Pixels per point at which a PDF page is drawn to find its rules. Default 1 (72 dpi): a
    /// 0.5 pt rule is still a run of dark pixels (poppler draws hairlines at least a pixel wide),
    /// positions come to within a point, and drawing and scanning a page cost a quarter of 2 px/pt
    /// (every fixture reads the same at 1 and 2).
    public var renderScale: Double = 1
    /// A glyph fragment is in a cell when its centre is inside the cell's box grown by this.
    /// Default 0.5 pt.
    public var cellSlack: Double = 0.5
    /// A merged cell's text that runs on over a page break (LibreOffice flows it) ends within
    /// this of the bottom of the cell's part on one page and starts within this of the top of
    /// its part on the next. Default 6 pt (cell padding and a line's leading).
    public var flowSlack: Double = 6
    /// A table a page break cut with its last row open (a browser prints a row split by the
    /// break with no rule under its first part, and none over its rest): when the table's
    /// outermost vertical edges both run at least this far below its last horizontal edge, the
    /// row is closed where they end; when they both start this far above its first, where they
    /// start.
    /// Default 6 pt (more than a rule's overshoot, less than a line of text).
    public var openEndReach: Double = 6
    /// Whether the PDF's producer leaves a cell that runs over a page break open at the break
    /// (Chromium's Skia slices it: no rule under its first part, none above the rest), so that
    /// two parts ruled at the break are two cells. Default false: LibreOffice and Word close every
    /// cell at a break, and two parts ruled there may be one merged cell (read as one, in doubt).
    public var cellsOpenAtPageBreaks = false
    /// Whether the PDF's producer centres a merged cell's text on the whole cell, clipping it to
    /// each page's part (a spreadsheet: LibreOffice Calc), so that text centred on its own part
    /// of a cell cut by a page break, the other part empty, is a cell of its own. Default false:
    /// Writer prints the text in the cell's first part.
    public var mergedTextOnWholeCell = false

    public init() {}
}
