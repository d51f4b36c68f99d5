import MuluTable

/// One table cell of a scanned page as OCR read it: where it is, which column, what was read
/// and how sure Tesseract was. Kept so doubtful cells can be reported once rows are assembled.
public struct ScanCell: Sendable, Hashable {
    /// 1-based page.
    public var page: Int
    /// The column's field (nil: the page had no header naming it).
    public var field: TableField?
    /// The cell's box in (deskewed) page points.
    public var x0: Double, y0: Double, x1: Double, y1: Double
    /// The reading, lines joined, blanks removed.
    public var text: String
    /// The least sure character's confidence (0…100; 100 when nothing was read).
    public var confidence: Double
    /// The cell has ink, but OCR read nothing in it.
    public var unread: Bool
    /// How the reading was chosen among several, when it was not the first (reported as a
    /// diagnostic).
    public var note: String?

    public init(page: Int, field: TableField?, x0: Double, y0: Double, x1: Double, y1: Double,
                text: String, confidence: Double, unread: Bool, note: String? = nil) {
        self.page = page
        self.field = field
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.text = text
        self.confidence = confidence
        self.unread = unread
        self.note = note
    }

    /// Whether the point (page points) is inside the cell.
    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }
}
