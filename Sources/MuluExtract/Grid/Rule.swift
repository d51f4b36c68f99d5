/// A ruling line found on a page: which way it runs, where, and how long; page points, origin
/// top left.
public struct Rule: Hashable, Sendable {
    /// Which way a rule or an edge runs.
    public enum Orientation: Hashable, Sendable {
        case horizontal, vertical
    }

    public var orientation: Orientation
    /// Across the rule: y of a horizontal rule, x of a vertical one, at the rule's middle.
    public var position: Double
    /// Along the rule: where it starts (left or top end).
    public var start: Double
    /// Along the rule: where it ends (right or bottom end).
    public var end: Double
    /// How thick it is (ink area over length).
    public var thickness: Double
    /// How much `position` changes per point along the rule (0 for a straight page; a skewed scan
    /// has up to tan 1° ≈ 0.017).
    public var slope: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double, thickness: Double, slope: Double = 0) {
        self.orientation = orientation
        self.position = position
        self.start = start
        self.end = end
        self.thickness = thickness
        self.slope = slope
    }

    public var length: Double { end - start }

    /// Across the rule at `along` (follows the skew).
    public func position(at along: Double) -> Double {
        position + slope * (along - (start + end) / 2)
    }

    /// The rule's box: x0, y0, x1, y1 in page points.
    public var box: (x0: Double, y0: Double, x1: Double, y1: Double) {
        let lean = abs(slope) * length / 2 + thickness / 2
        switch orientation {
        case .horizontal: return (start, position - lean, end, position + lean)
        case .vertical: return (position - lean, start, position + lean, end)
        }
    }
}
