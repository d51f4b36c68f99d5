import MuluPDF

/// Text turned a quarter anticlockwise, read bottom to top (a merged cell's industry set `btLr`
/// in Writer): glyphs that follow each other in the PDF's text climbing the page, one above the
/// other. Sorted top to bottom like other lines they would read backwards (`业产料材新…`).
public enum TurnedText {
    /// A glyph, or a run of turned glyphs as one piece: the glyphs' indices (in reading order)
    /// and the box around them.
    public struct Piece: Sendable {
        public var glyphs: Range<Int>
        public var x0: Double
        public var y0: Double
        public var x1: Double
        public var y1: Double
    }

    /// A run is at least this many glyphs (a lone pair may be two lines' ends in any order).
    public static let minRun = 3

    /// `glyphs` (in the PDF's text order) as pieces: each run of at least `minRun` glyphs that
    /// climbs one above the next (centres within a quarter of a glyph's width across, each the
    /// next 0.5–1.5 glyph heights above) is one piece; every other glyph is a piece of its own.
    public static func joined(_ glyphs: [PDFGlyph]) -> [Piece] {
        func climbs(_ a: PDFGlyph, _ b: PDFGlyph) -> Bool {
            let w = a.x1 - a.x0, h = a.y1 - a.y0
            guard w > 0, h > 0 else { return false }
            let rise = (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2
            return abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= 0.25 * w && rise >= 0.5 * h && rise <= 1.5 * h
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(glyphs.count)
        var i = 0
        while i < glyphs.count {
            var j = i
            while j + 1 < glyphs.count, climbs(glyphs[j], glyphs[j + 1]) { j += 1 }
            if j - i + 1 >= minRun {
                let run = glyphs[i...j]
                pieces.append(Piece(
                    glyphs: i..<(j + 1), x0: run.map(\.x0).min()!, y0: run.map(\.y0).min()!,
                    x1: run.map(\.x1).max()!, y1: run.map(\.y1).max()!))
                i = j + 1
            } else {
                let g = glyphs[i]
                pieces.append(Piece(glyphs: i..<(i + 1), x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1))
                i += 1
            }
        }
        return pieces
    }
}
