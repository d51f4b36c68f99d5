import MuluModel

/// Where a cell (or a row number) was printed.
public struct CellPlace: Hashable, Sendable {
    public var page: Int
    public var line: Int
    public var column: Int?
    public init(page: Int, line: Int, column: Int?) {
        self.page = page
        self.line = line
        self.column = column
    }
    public init(_ f: Fragment) { self.init(page: f.page, line: f.line, column: f.column) }
}

/// A row's cells as published: byte ranges of one UTF-8 buffer, and where each was printed.
/// Held inline, one slot per `TableField` (by its raw value; 7 cases, checked when a builder
/// is made): a row costs no allocation.
public struct RowCells: Sendable {
    public var anchor: CellPlace
    private var ranges = InlineArray<7, Range<Int>>(repeating: 0..<0)
    private var places = InlineArray<7, CellPlace?>(repeating: nil)

    public init(anchor: CellPlace) { self.anchor = anchor }

    /// The byte range of the cell of `field` (empty when the row has none; the row number
    /// is the anchor, not a cell).
    public subscript(field: TableField) -> Range<Int> {
        get { ranges[field.rawValue] }
        set { if field != .seq { ranges[field.rawValue] = newValue } }
    }

    /// Where the cell of `field` was printed (the row number: the anchor).
    public func place(_ field: TableField) -> CellPlace? {
        field == .seq ? anchor : places[field.rawValue]
    }

    public mutating func setPlace(_ field: TableField, _ place: CellPlace?) {
        if field != .seq { places[field.rawValue] = place }
    }
}

/// Where the rows a table stage reads go: `EntryBuilder` in the entry stage, one per part of a
/// notice read in parallel. The table stages name only this, never the builder.
public protocol RowSink: Sendable {
    /// Adds a row whose cells are byte ranges of `bytes` (UTF-8).
    mutating func add(seq: Int, cells: RowCells, in bytes: UnsafeBufferPointer<UInt8>)
    /// Adds the rows `next` read from the part of the notice that follows this one's.
    mutating func append(_ next: Self)
}
