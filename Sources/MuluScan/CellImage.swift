import MuluPDF
import MuluOCR

/// One cell cut out of a page image, and the same cell prepared other ways for a second
/// reading: strokes thickened, smoothed, drawn smaller. Tesseract's Chinese model misreads a
/// thin, jagged 1-bit glyph of some 40 pixels that it reads right a little bolder or smaller,
/// and misreads others the other way; readings of several preparations are voted on
/// (`ScanPageReader`).
public struct CellImage: Sendable {
    /// The cell's pixels, with a white margin.
    public var bitmap: GreyBitmap
    /// Where the cut's (0, 0) was in the page image, and how many page pixels make one of
    /// `bitmap`'s (1, or more when drawn smaller): a symbol at `x` in `bitmap` is at
    /// `originX + (x - margin) * factor` in the page.
    public var originX: Int, originY: Int
    public var factor: Double
    /// The white margin around the cell, in `bitmap` pixels.
    public var margin: Int

    /// The rectangle `x, y, width, height` of `page` (clipped to it) with `margin` white pixels
    /// around it.
    public init(cutting page: GreyBitmap, x: Int, y: Int, width: Int, height: Int, margin: Int) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(page.width, x + width), y1 = min(page.height, y + height)
        let w = max(0, x1 - x0) + 2 * margin, h = max(0, y1 - y0) + 2 * margin
        var out = GreyBitmap(width: w, height: h, scale: page.scale)
        if x1 > x0 {
            for row in y0..<y1 {
                let from = row * page.width + x0
                let to = (row - y0 + margin) * w + margin
                out.pixels.replaceSubrange(to..<(to + x1 - x0), with: page.pixels[from..<(from + x1 - x0)])
            }
        }
        bitmap = out
        originX = x0
        originY = y0
        factor = 1
        self.margin = margin
    }

    /// The page pixel of `bitmap`'s pixel `(x, y)`.
    public func pagePoint(x: Int, y: Int) -> (x: Int, y: Int) {
        (originX + Int((Double(x - margin) * factor).rounded()), originY + Int((Double(y - margin) * factor).rounded()))
    }

    /// `text` read from `bitmap`, its boxes moved to page pixels.
    public func toPage(_ text: OCRText) -> OCRText {
        var out = text
        for i in out.symbols.indices {
            let a = pagePoint(x: out.symbols[i].x0, y: out.symbols[i].y0)
            let b = pagePoint(x: out.symbols[i].x1, y: out.symbols[i].y1)
            out.symbols[i].x0 = a.x; out.symbols[i].y0 = a.y; out.symbols[i].x1 = b.x; out.symbols[i].y1 = b.y
        }
        for i in out.lines.indices {
            let a = pagePoint(x: out.lines[i].x0, y: out.lines[i].y0)
            let b = pagePoint(x: out.lines[i].x1, y: out.lines[i].y1)
            out.lines[i] = OCRText.Line(x0: a.x, y0: a.y, x1: b.x, y1: b.y)
        }
        return out
    }

    /// The ways a cell is prepared, in the order they are read.
    public enum Preparation: String, Sendable, CaseIterable {
        /// Strokes a pixel bolder (3×3 minimum): the first reading of a Chinese cell.
        case bolder
        /// As scanned, smoothed (3×3 binomial).
        case smoothed
        /// Bolder, then smoothed.
        case bolderSmoothed
        /// Drawn at 3/5 of its size (each pixel the mean of the area it covers).
        case smaller
        /// Bolder, then drawn at 3/4 of its size.
        case bolderSmaller
        /// Drawn at 2/3 of its size, then through a 3×3 median (`Despeckle.median`): the
        /// specks of a page scanned coarser than it is drawn at are 2×2 and more, too big for
        /// the page's median until the cell is drawn smaller.
        case smallerMedian
        /// Smoothed, then black where darker than the ink threshold and white elsewhere
        /// (Tesseract's own threshold, on a grey cell of a few specks and a faint mark, may
        /// take the paper for ink).
        case smoothedBinarised
        /// Bolder, then black and white at the ink threshold.
        case bolderBinarised
        /// Drawn twice its size (each pixel four), smoothed: for small marks.
        case larger
        /// Bolder, then drawn twice its size, smoothed.
        case largerBolder
        /// Drawn at 2/5 of its size (glyphs of some 16 pixels): not voted with the others, but
        /// the check on a name both models read alike and surely (`ScanPageReader.voted`).
        /// Tesseract's fast Chinese models misread some rare characters at every size, each
        /// size its own way (钎 as 针 at full size, as 钙 at 2/5), where a character read right
        /// mostly reads the same. Measured: on changji-2024-scan.pdf 14 names read right are
        /// doubted so (no name read wrong was left sure before); on three scans of other
        /// layouts it doubts 2 of the 8 wrong cells no diagnostic named before.
        case probe
    }

    /// The cell prepared `way`; `threshold`: the ink threshold of the binarised ways.
    public func prepared(_ way: Preparation, threshold: UInt8 = 128) -> CellImage {
        var out = self
        switch way {
        case .bolder: out.bitmap = Self.minimum(bitmap)
        case .smoothed: out.bitmap = Self.smoothed(bitmap)
        case .bolderSmoothed: out.bitmap = Self.smoothed(Self.minimum(bitmap))
        case .smaller: out = shrunk(by: 0.6)
        case .bolderSmaller:
            var bold = self
            bold.bitmap = Self.minimum(bitmap)
            out = bold.shrunk(by: 0.75)
        case .smallerMedian:
            out = shrunk(by: 2.0 / 3)
            out.bitmap = Despeckle.median(out.bitmap)
        case .smoothedBinarised: out.bitmap = Self.binarised(Self.smoothed(bitmap), threshold)
        case .bolderBinarised: out.bitmap = Self.binarised(Self.minimum(bitmap), threshold)
        case .larger: out = doubled(bitmap)
        case .largerBolder: out = doubled(Self.minimum(bitmap))
        case .probe: out = shrunk(by: 0.4)
        }
        return out
    }

    /// The cell drawn `f` (< 1) times its size, each new pixel the mean of the old pixels its
    /// area covers (partly covered ones weighted by the part).
    func shrunk(by f: Double) -> CellImage {
        let w = max(1, Int(Double(bitmap.width) * f)), h = max(1, Int(Double(bitmap.height) * f))
        let sx = Double(bitmap.width) / Double(w), sy = Double(bitmap.height) / Double(h)
        var out = GreyBitmap(width: w, height: h, scale: bitmap.scale * f)
        bitmap.pixels.withUnsafeBufferPointer { p in
            for y in 0..<h {
                let top = Double(y) * sy, bottom = top + sy
                for x in 0..<w {
                    let left = Double(x) * sx, right = left + sx
                    var sum = 0.0, area = 0.0
                    var yy = Int(top)
                    while Double(yy) < bottom, yy < bitmap.height {
                        let hy = min(bottom, Double(yy + 1)) - max(top, Double(yy))
                        var xx = Int(left)
                        while Double(xx) < right, xx < bitmap.width {
                            let wx = min(right, Double(xx + 1)) - max(left, Double(xx))
                            sum += Double(p[yy * bitmap.width + xx]) * wx * hy
                            area += wx * hy
                            xx += 1
                        }
                        yy += 1
                    }
                    out.pixels[y * w + x] = UInt8(max(0, min(255, (sum / max(area, 1e-9)).rounded())))
                }
            }
        }
        var cell = self
        cell.bitmap = out
        cell.factor = factor / f
        cell.margin = Int((Double(margin) * f).rounded())
        return cell
    }

    /// The cell with `b` for its pixels drawn twice as large (each pixel four), smoothed.
    func doubled(_ b: GreyBitmap) -> CellImage {
        let w = b.width * 2, h = b.height * 2
        var big = GreyBitmap(width: w, height: h, scale: b.scale * 2)
        for y in 0..<h {
            for x in 0..<w { big.pixels[y * w + x] = b.pixels[(y / 2) * b.width + x / 2] }
        }
        var cell = self
        cell.bitmap = Self.smoothed(big)
        cell.factor = factor / 2
        cell.margin = margin * 2
        return cell
    }

    /// Black where darker than `threshold`, white elsewhere.
    static func binarised(_ b: GreyBitmap, _ threshold: UInt8) -> GreyBitmap {
        GreyBitmap(width: b.width, height: b.height, pixels: b.pixels.map { $0 < threshold ? 0 : 255 }, scale: b.scale)
    }

    /// Each pixel the darkest of its 3×3 neighbourhood: dark strokes a pixel bolder each side.
    static func minimum(_ b: GreyBitmap) -> GreyBitmap {
        neighbourhood(b) { p, row, x, w in
            let a = min(p[row - w + x - 1], p[row - w + x], p[row - w + x + 1])
            let b = min(p[row + x - 1], p[row + x], p[row + x + 1])
            return min(a, b, p[row + w + x - 1], p[row + w + x], p[row + w + x + 1])
        }
    }

    /// Each pixel its 3×3 neighbourhood weighted 1 2 1 across and down (sum 16).
    static func smoothed(_ b: GreyBitmap) -> GreyBitmap {
        neighbourhood(b) { p, row, x, w in
            func line(_ r: Int) -> Int { Int(p[r + x - 1]) + 2 * Int(p[r + x]) + Int(p[r + x + 1]) }
            return UInt8((line(row - w) + 2 * line(row) + line(row + w) + 8) / 16)
        }
    }

    /// `b` with every inner pixel computed by `f` from its neighbourhood (the edge kept).
    private static func neighbourhood(
        _ b: GreyBitmap, _ f: (UnsafeBufferPointer<UInt8>, Int, Int, Int) -> UInt8
    ) -> GreyBitmap {
        guard b.width > 2, b.height > 2 else { return b }
        var out = b.pixels
        let w = b.width
        b.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(b.height - 1) {
                let row = y * w
                for x in 1..<(w - 1) { out[row + x] = f(p, row, x, w) }
            }
        }
        return GreyBitmap(width: w, height: b.height, pixels: out, scale: b.scale)
    }
}
