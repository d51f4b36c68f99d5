/// A grey image of a page: one byte a pixel, 0 black … 255 white, row-major, no padding.
///
/// What the rule finder reads: a PDF page drawn by poppler through cairo
/// (`PDFDocument.renderGrey`), or a scanned page image. `scale` says how many pixels make one PDF
/// point, so what is found in the image can be given in page points (origin top left).
public struct GreyBitmap: Sendable {
    /// Pixels across.
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// `width * height` bytes, row after row, 0 black … 255 white.
    public var pixels: [UInt8]
    /// Pixels per PDF point (1 = 72 dpi, 300 dpi ≈ 4.17).
    public var scale: Double

    /// Makes a bitmap; `pixels.count` must be `width * height`.
    public init(width: Int, height: Int, pixels: [UInt8], scale: Double) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "GreyBitmap: pixels must be width × height bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.scale = scale
    }

    /// A white bitmap of the given size.
    public init(width: Int, height: Int, scale: Double) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height), scale: scale)
    }

    /// The pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }
}
