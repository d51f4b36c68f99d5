import MuluSupport
/// A run of text on one line of a page, with its box: the unit every table stage works on.
///
/// For a PDF the box is in points (origin top-left), built from poppler's glyph rectangles.
/// For a text file laid out in columns (`pdftotext -layout`) the box is in character cells:
/// x is the 0-based character column, y the line index on its page, each line one unit high.
public struct Fragment: Hashable, Sendable {
    public var text: String
    public var x0: Double
    public var x1: Double
    public var y0: Double
    public var y1: Double
    /// 1-based page.
    public var page: Int
    /// 1-based line: on its page for a PDF, in the file for text.
    public var line: Int
    /// 1-based character column in the source line (text), or nil (PDF).
    public var column: Int?
    /// True when the page does not print any of the fragment's glyphs (a PDF's text clipped by
    /// its cell, or invisible): text of the layer that no reader of the page sees.
    public var hidden: Bool
    /// The pairs of glyphs printed over one another (a stamp's or a watermark's words set on a
    /// cell's line, at the body's size) that the fragment's glyphs are in, by number on their
    /// page. A cell holding both glyphs of a pair cannot be read.
    public var overprints: [Int] = []

    public init(
        text: String, x0: Double, x1: Double, y0: Double, y1: Double, page: Int, line: Int,
        column: Int? = nil, hidden: Bool = false
    ) {
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.y0 = y0
        self.y1 = y1
        self.page = page
        self.line = line
        self.column = column
        self.hidden = hidden
    }

    /// Whether `a` comes before `b` in reading order: by page, then line, then left to right.
    ///
    /// By line rather than by the boxes' tops: on one line a CJK glyph's box and a digit's can
    /// start a hair apart (a page stored turned, `/Rotate 90`, gives tops that differ in the
    /// last bits), which must not put a line's last word before its first.
    @inline(__always)
    public static func inReadingOrder(_ a: Fragment, _ b: Fragment) -> Bool {
        (a.page, a.line, a.x0) < (b.page, b.line, b.x0)
    }

    /// How far the horizontal extents of two boxes overlap (negative: the gap between them).
    public func horizontalOverlap(_ lo: Double, _ hi: Double) -> Double {
        min(x1, hi) - max(x0, lo)
    }
}

/// One visual line: its fragments left to right, and where it sits.
public struct TextLine: Hashable, Sendable {
    public var page: Int
    public var line: Int
    public var fragments: [Fragment]

    public init(page: Int, line: Int, fragments: [Fragment]) {
        self.page = page
        self.line = line
        self.fragments = fragments
    }

    public var y0: Double { fragments.map(\.y0).min() ?? 0 }
    public var y1: Double { fragments.map(\.y1).max() ?? 0 }
    /// The fragments' texts joined by one space: what furniture patterns are matched against.
    public var text: String { fragments.map(\.text).joined(separator: " ") }
    /// The text with every space removed.
    public var compactText: String { fragments.map(\.text).joined() }
}

/// The lines of one page, top to bottom.
public struct PageText: Hashable, Sendable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [TextLine]

    public init(number: Int, width: Double, height: Double, lines: [TextLine]) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
    }
}
