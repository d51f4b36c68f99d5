/// A rectangle drawn over a rendered page, in page points with the origin at the top left.
public struct PDFOverlay: Sendable {
    /// Left edge in points.
    public var x0: Double
    /// Top edge in points.
    public var y0: Double
    /// Right edge in points.
    public var x1: Double
    /// Bottom edge in points.
    public var y1: Double
    /// Red component, 0…1.
    public var red: Double
    /// Green component, 0…1.
    public var green: Double
    /// Blue component, 0…1.
    public var blue: Double
    /// Opacity, 0…1.
    public var alpha: Double
    /// Stroke width in page points (ignored when `filled`).
    public var lineWidth: Double
    /// Fill the rectangle instead of stroking its outline.
    public var filled: Bool
    /// Optional short text drawn just above the rectangle's top-left corner.
    public var label: String?

    /// Makes an overlay; by default a red 1-point outline without a label.
    public init(
        x0: Double, y0: Double, x1: Double, y1: Double,
        red: Double = 1, green: Double = 0, blue: Double = 0, alpha: Double = 1,
        lineWidth: Double = 1, filled: Bool = false, label: String? = nil
    ) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
        self.lineWidth = lineWidth
        self.filled = filled
        self.label = label
    }
}
