import MuluOCR

/// Every tolerance of reading a scanned page, with documented defaults.
public struct ScanSettings: Hashable, Sendable {
    /// When pages are read by OCR.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Pages without a text layer are read by OCR, the others through their text. The default.
        case auto
        /// Every page is read by OCR, its text layer ignored.
        case always
        /// No OCR: a PDF without a text layer is refused ("it needs OCR").
        case never
    }

    /// When pages are read by OCR. Default `.auto`.
    public var mode: Mode = .auto
    /// The Tesseract engine for Chinese cells (names, industries, subsidies, the header).
    /// Default `chi_sim`.
    public var ocr = OCRSettings()
    /// The Tesseract engine for cells of digits and marks (row numbers, codes, urgency): `eng`,
    /// whose model reads a lone `4` as a digit where `chi_sim` reads `四`. Default `eng`.
    public var digitOCR: OCRSettings = {
        var s = OCRSettings()
        s.languages = "eng"
        return s
    }()
    /// A second model for Chinese cells, nil for none: a name, and any Chinese cell whose first
    /// reading broke its grammar, is read by both models (`ScanPageReader.voted`); a name the
    /// two read differently is read every way and voted on character by character. Their
    /// mistakes differ (on changji-2024-scan.pdf `chi_sim` reads 畜 as 瘟 and 冶 as 窜 where
    /// this model reads them right), and a name they dispute is never taken silently. Default
    /// `HanS` (Tesseract's model of the simplified Han script, apt `tesseract-ocr-script-hans`).
    public var secondOCR: OCRSettings? = {
        var s = OCRSettings()
        s.languages = "HanS"
        return s
    }()
    /// A page is drawn for OCR at this many dots per inch (Tesseract reads CJK best with glyphs
    /// some 40 pixels high: a 10.5 pt glyph at 300 dpi). Default 300.
    public var dpi = 300.0
    /// A page leaning less than this (degrees, from its long horizontal rules) is read as it is;
    /// more, and the page is turned upright before the rules are found again and cells are read.
    /// Default 0.03°.
    public var minDeskewDegrees = 0.03
    /// A cell's text is read this far inside its rules (points), so no rule's ink is read as a
    /// stroke; also the margin kept around the table when the text above and below it is read.
    /// Default 1.2 pt.
    public var cellInset = 1.2
    /// A pixel darker than this (0 black … 255 white) is ink when deciding whether a cell is
    /// blank. Default 128.
    public var inkThreshold: UInt8 = 128
    /// A cell with fewer ink pixels than this (at `dpi`) is blank and not read: specks of noise
    /// are not text. Default 40.
    public var minInkPixels = 40
    /// A cell whose least sure character has a confidence below this (Tesseract's 0…100) is
    /// doubtful and reported. Default 80.
    public var minConfidence = 80.0
    /// A page with more specks than this (dark pixels with at most one dark neighbour, counted
    /// on every other row at `dpi`) goes through a 3×3 median before it is read. A clean scan
    /// has a few hundred; salt-and-pepper noise tens of thousands. Default 3000.
    public var maxSpecks = 3000

    /// An unsure or disputed Chinese cell is read again in every `CellImage.Preparation` by
    /// every model; the vote on those readings is sure only when at least this many of them
    /// voted (fewer: it stays doubtful; `ScanPageReader.vote`). Default 3.
    public var minVotes = 3

    /// At most this many rows in a run whose row numbers break the sequence are numbered from
    /// the rows around them (`ScanConsensus`). Default 5.
    public var maxSequenceRun = 5
    /// A value of a repeating column (industry) read once is taken as a near-identical value
    /// read the same way at least this many times (`ScanConsensus`). Default 3.
    public var consensusMinCount = 3

    /// The grid rows at the top of a table searched for the header. Default 2.
    public var headerRows = 2
    /// A grid row is the header when at least this many of its cells name a column. Default 3.
    public var minHeaderCells = 3
    /// A name OCR read is snapped to a lexicon name differing in at most this many characters
    /// (and to exactly one such name). Default 1.
    public var lexiconMaxEdits = 1

    public init() {}

    /// Pixels per PDF point at `dpi`.
    public var scale: Double { dpi / 72 }
}
