/// What Tesseract read in a rectangle: its symbols, with boxes and confidences, line by line.
public struct OCRText: Sendable, Hashable {
    /// One recognised character (or cluster Tesseract reports as one symbol).
    public struct Symbol: Sendable, Hashable {
        /// The symbol's text (UTF-8 from Tesseract, blanks removed).
        public var text: String
        /// Its box in image pixels: left, top, right, bottom (right and bottom exclusive).
        public var x0: Int, y0: Int, x1: Int, y1: Int
        /// Tesseract's confidence, 0…100.
        public var confidence: Double
        /// The 0-based text line it is on.
        public var line: Int

        public init(text: String, x0: Int, y0: Int, x1: Int, y1: Int, confidence: Double, line: Int) {
            self.text = text
            self.x0 = x0
            self.y0 = y0
            self.x1 = x1
            self.y1 = y1
            self.confidence = confidence
            self.line = line
        }
    }

    /// One text line's box in image pixels.
    public struct Line: Sendable, Hashable {
        public var x0: Int, y0: Int, x1: Int, y1: Int
        public init(x0: Int, y0: Int, x1: Int, y1: Int) {
            self.x0 = x0
            self.y0 = y0
            self.x1 = x1
            self.y1 = y1
        }
    }

    public var symbols: [Symbol]
    public var lines: [Line]

    public init(symbols: [Symbol] = [], lines: [Line] = []) {
        self.symbols = symbols
        self.lines = lines
    }

    /// The text, lines joined without a separator (a wrapped cell reads as one value).
    public var joined: String { symbols.map(\.text).joined() }

    /// The lowest symbol confidence (100 when nothing was read).
    public var minConfidence: Double { symbols.map(\.confidence).min() ?? 100 }
}
