import MuluExtract

/// A ruling line after joining: collinear rules snapped to one position and joined where they
/// nearly touch (pdfplumber's "edges"). Page points, deskewed (see `PageGrid.skew`).
public struct Edge: Hashable, Sendable {
    public var orientation: Rule.Orientation
    /// y of a horizontal edge, x of a vertical one.
    public var position: Double
    /// Left or top end.
    public var start: Double
    /// Right or bottom end.
    public var end: Double

    public init(orientation: Rule.Orientation, position: Double, start: Double, end: Double) {
        self.orientation = orientation
        self.position = position
        self.start = start
        self.end = end
    }

    public var length: Double { end - start }
}

/// Where a horizontal and a vertical edge meet (indices into the edges they were found in).
public struct Intersection: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var horizontal: Int
    public var vertical: Int

    public init(x: Double, y: Double, horizontal: Int, vertical: Int) {
        self.x = x
        self.y = y
        self.horizontal = horizontal
        self.vertical = vertical
    }
}
