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
    /// The table of the notice the row is in.
    public var table = 0
    private var ranges = InlineArray<7, Range<Int>>(repeating: 0..<0)
    private var places = InlineArray<7, CellPlace?>(repeating: nil)
    /// Level sub-columns: training's five levels, then assessment's.
    private var levelRanges = InlineArray<10, Range<Int>>(repeating: 0..<0)
    /// Extra columns, by their index in the table's `ColumnMap` (at most `ColumnMap.maxExtra`).
    private var extraRanges = InlineArray<8, Range<Int>>(repeating: 0..<0)

    /// The subsidy field whose cells could not be placed: the row has fewer of them than the
    /// table has columns for (an empty cell, or an empty level sub-column), and the blanks between
    /// them do not show which are empty. Nil when every cell has its column.
    public var unplacedBlank: TableField?
    /// True when tabs told the row's cells apart: a blank inside a cell was published (an extra
    /// cell keeps it, `2024年 调整`), not a separator.
    public var byTabs = false

    public init(anchor: CellPlace) { self.anchor = anchor }

    /// The byte range of a level sub-column's cell of `field` (training or assessment).
    public subscript(field: TableField, level: Level) -> Range<Int> {
        get { levelRanges[(field == .training ? 0 : 5) + level.rank] }
        set { levelRanges[(field == .training ? 0 : 5) + level.rank] = newValue }
    }

    /// The byte range of extra column `index`'s cell.
    public subscript(extra index: Int) -> Range<Int> {
        get { extraRanges[index] }
        set { extraRanges[index] = newValue }
    }

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
    /// Adds the rows `next` read from the part of the notice that follows this one's (and may
    /// move them out of `next`).
    mutating func append(_ next: inout Self)
    /// A section heading (`一、制造业` on a line of its own): the industry of the rows below it.
    mutating func section(_ heading: String)
    /// The wrapped rest of the last row's name or industry, printed on the next line.
    mutating func continueLastRow(_ piece: String)
    /// The last segment of the last row's code, cut after its dash (`6-24-03-01-`) and printed
    /// alone on the next line (`04`).
    mutating func continueLastCode(_ piece: String)
    /// A subsidy's unit (`元/人`) printed alone on the line below the last row, whose one
    /// unreadable subsidy cell ends in its amount (`初级、中级：2160`): joined to it. False when
    /// no such cell takes it (the line is then reported, not dropped).
    mutating func continueLastSubsidy(_ unit: String) -> Bool
}
