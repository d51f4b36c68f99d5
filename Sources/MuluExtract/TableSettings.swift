/// Every tolerance the table stages use, in one place, with documented defaults.
///
/// Distances are in the source's units: points for a PDF, character cells for layout text.
/// `TableSettings.pdf(emSize:)` scales the PDF defaults by the body text's em size.
public struct TableSettings: Hashable, Sendable {
    /// Glyphs further apart than this on one line start a new fragment (PDF: 0.1 em; CJK glyphs
    /// in a word touch, a space is ~0.25 em). Text is split at every blank by `TextLayout`.
    public var wordGap: Double
    /// Glyphs whose vertical centres differ by at most this share a line. PDF: 0.3 em.
    public var lineTolerance: Double
    /// A vertical band free of body text at least this wide separates two columns.
    /// PDF: 0.35 em (cells are padded and ruled; a space inside a cell is ~0.15 em).
    /// Text: 2 character cells (`pdftotext -layout` keeps ≥ 2 blanks between columns).
    public var minGutter: Double
    /// Two fragments of one column at most this far apart vertically are lines of one cell
    /// and are never given to different rows. PDF: 0.25 em (line spacing inside a cell; rows
    /// are separated by cell padding). Text: negative — line spacing says nothing there.
    public var cellLineGap: Double
    /// Text laid out in columns only: a blank stretch at least this high (one empty line) between
    /// two lines separates bands of rows, as `cellLineGap` does in a PDF; a band holding one row
    /// number is that row, whole (a wrapped industry centred on its number stays its own, not
    /// the next row's). Negative: off (a PDF, where `cellLineGap` does this). Text: 0.5.
    public var blankLineBand: Double = -1
    /// Two units of text in an extra column (备注) at least this far apart vertically (an empty
    /// line between them) are two cells, whatever alignment would put them in one row: a remark
    /// at the foot of one row and another at the head of the row after next.
    /// PDF: 1 em. Negative: off (text, where lines are a row's whatever their spacing).
    public var cellApartGap: Double = -1
    /// A fragment further than this from its row's number (centre to centre) is not part of
    /// the row and is reported. PDF: 6 em. Text: 4 lines.
    public var maxRowDistance: Double
    /// Vertical gap inserted between the body of one page and the next when rows are laid on
    /// one continuous strip (so a row split by a page break stays contiguous). PDF: 0.3 em.
    public var pageJoinGap: Double
    /// A column with at least this many text units per row is dense (every row has a cell
    /// there): leaving one of its cells empty costs `maxRowDistance`. Sparse columns — an
    /// industry printed once in a merged cell — may be empty for free. Default 0.9.
    public var denseColumnRatio: Double = 0.9
    /// A band of body text is split at a header boundary that lies within this distance of a
    /// blank stretch in the band. PDF: 0.5 em. Text: 1 character cell (`pdftotext -layout`
    /// shifts header and body by a few cells, so a wider reach would split cells at spaces).
    public var boundaryReach: Double = 1
    /// Whether a band is also split beside an urgency column at a blank stretch lying wholly
    /// between its header label and its neighbour's, when none lies within `boundaryReach` of
    /// their midpoint. Text: on (lynx and w3m centre `是否紧缺` over `是`/`否` set flush left after
    /// names of any length: the gutter stands off the labels' midpoint). PDF: off.
    /// Two glyphs on one line whose boxes overlap by more than this share of the narrower one's
    /// width and height are printed over one another (a stamp's or watermark's words on a
    /// cell's line): neither can be read. Default 0.5 (neighbouring glyphs touch at most).
    public var overprintShare = 0.5
    public var splitBesideUrgency = false
    /// A body fragment overlapping more than this many header columns is no cell (a note, a
    /// stray line) and does not shape the columns. Default 2.
    public var maxCellColumns: Int = 2
    /// A page's header names at least this many columns, or the previous page's columns are
    /// kept (a header printed on the first page only). Default 3.
    public var minHeaderColumns: Int = 3
    /// Two alignments whose costs differ by less than this fit equally well; the first
    /// (centre, then top, then bottom) wins. Default 1e-9.
    public var costEpsilon: Double = 1e-9
    /// What a name cell that looks cut short (`OccupationName`) adds to its row's misalignment:
    /// of two splits that fit the lines equally well, the one giving whole names wins (a name's
    /// last line at the foot of a page, below its row, is not the next page's row's). Small,
    /// so it never outweighs the geometry. Default 0.25 (lines; PDF: em).
    public var cutShortNameCost: Double = 0.25
    /// A column of a table read without rules whose cells are blank in at least this share of
    /// its rows holds merged cells (`MergedCells`: each value printed once for its rows).
    /// Default 0.3.
    public var mergedBlankShare: Double = 0.3
    /// A merged cell's boundary between two different values is undecided when another choice
    /// fits its values' positions within this many lines (median fragment heights) of the best:
    /// the rows it could move are reported (a choice at the margin too).
    /// Default 2 (a text layout keeps the order of lines, not their spacing).
    public var mergedSpanMargin: Double = 2
    /// A merged cell's line at least this much narrower than the column's widest line (in
    /// characters, an ASCII one counting half) still filled its line: it wrapped, and the value
    /// goes on in the next line. Default 1.5 (a word processor moves a character down with the
    /// punctuation that may not start a line: `交通运` / `输、仓储`).
    public var mergedWrapSlack: Double = 1.5
    /// Text laid out in columns: a lone subsidy on a page where no line holds both subsidies is
    /// placed (training or assessment) by where an earlier page's lines split the two, measured
    /// from where the codes start; when it lies within this many characters of that split, its
    /// column is reported as undecided on its row (`ContentColumns`). Default 2 (a page's layout
    /// moves a column by a character or two against another page's).
    public var contentSplitMargin: Double = 2
    /// A PDF page whose text runs sideways (`PDFSource.sidewaysPages`): at least this many pairs
    /// of neighbouring glyphs (consecutive in poppler's order, centres less than two glyph sizes
    /// apart) … Default 20.
    public var sidewaysMinPairs: Int = 20
    /// … of which more than this share follow each other downwards or upwards rather than
    /// across (a line of text displayed turned a quarter). Default 0.67: a table's narrow cells
    /// printed one character a line stay a minority of a page's pairs.
    public var sidewaysShare: Double = 0.67
    /// The ruling-line stages' tolerances (`RuleFinder`, `GridBuilder`), in points.
    public var grid = GridSettings()

    /// A band of header-vocabulary lines names at least this many header keywords (序号, 代码,
    /// 职业 …), or it is not a header. Default 3.
    public static let minHeaderKeywords = 3
    /// A PDF's em size is the median height of at most this many glyphs. Default 20,000.
    public static let emSampleGlyphs = 20_000
    /// The em size, in points, of a PDF without glyphs (10) and the least it can be (1).
    public static let defaultEmSize = 10.0, minEmSize = 1.0

    public init(
        wordGap: Double, lineTolerance: Double, minGutter: Double, cellLineGap: Double,
        maxRowDistance: Double, pageJoinGap: Double
    ) {
        self.wordGap = wordGap
        self.lineTolerance = lineTolerance
        self.minGutter = minGutter
        self.cellLineGap = cellLineGap
        self.maxRowDistance = maxRowDistance
        self.pageJoinGap = pageJoinGap
    }

    /// Defaults for a PDF whose body text is `emSize` points high (the median glyph height).
    public static func pdf(emSize: Double) -> TableSettings {
        var settings = TableSettings(
            wordGap: 0.1 * emSize, lineTolerance: 0.3 * emSize, minGutter: 0.35 * emSize,
            cellLineGap: 0.25 * emSize, maxRowDistance: 6 * emSize, pageJoinGap: 0.3 * emSize)
        settings.boundaryReach = 0.5 * emSize
        settings.cutShortNameCost = 0.25 * emSize
        settings.cellApartGap = emSize
        return settings
    }

    /// Defaults for text laid out in columns, one unit per character cell and per line.
    public static let textLayout: TableSettings = {
        var settings = TableSettings(
            wordGap: 0.5, lineTolerance: 0.5, minGutter: 2, cellLineGap: -1, maxRowDistance: 4,
            pageJoinGap: 0)
        settings.blankLineBand = 0.5
        settings.splitBesideUrgency = true
        return settings
    }()
}
