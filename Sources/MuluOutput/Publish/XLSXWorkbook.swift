import MuluSupport
import MuluModel
/// A small Office Open XML spreadsheet (`.xlsx`) writer: sheets of typed cells, each with its
/// column widths, an optional frozen header row and auto-filter, written as deterministic bytes.
///
/// The parts are the minimum Excel, WPS, LibreOffice and openpyxl all read: content types,
/// package and workbook relationships, `docProps/core.xml` (title only, no dates), the workbook,
/// one fixed style sheet (``Style``), one worksheet per sheet, and the shared strings when a sheet
/// shares any. Strings are inline (`inlineStr`), but for the plain text cells of a sheet's
/// ``Sheet/sharedColumns``, which are indices into `xl/sharedStrings.xml` (``SharedStrings``,
/// in the order the texts first appear); either is marked `xml:space="preserve"` only when it
/// needs it (``MarkupBytes/needsPreserve(_:)``). Numbers are number cells. The ZIP is
/// ``DeterministicZip``.
public struct XLSXWorkbook: Sendable {
    /// The fixed cell styles, by their index in `styles.xml`.
    public enum Style: Int, Sendable {
        /// No formatting.
        case plain = 0
        /// A heading: bold on grey, wrapped.
        case header = 1
        /// Text wrapped in its cell (long subsidies, messages).
        case wrap = 2
        /// An added row: light green.
        case added = 3
        /// A removed row: light red.
        case removed = 4
        /// A changed row: light blue.
        case changed = 5
        /// A changed cell (old → new): yellow, bold.
        case changedCell = 6
    }

    /// One cell's value.
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        /// A number, written as given (digits, an optional sign and decimal point).
        case number(String)
    }

    /// One cell: its value and style.
    public struct Cell: Sendable, Hashable {
        public var value: Value
        public var style: Style
        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }
        /// A text cell (empty text is an empty cell).
        public static func text(_ text: String, style: Style = .plain) -> Cell {
            Cell(text.isEmpty ? .empty : .text(text), style: style)
        }
        /// A number cell when `text` is a decimal number, else a text cell.
        public static func number(_ text: String, style: Style = .plain) -> Cell {
            Cell(XLSXWorkbook.isNumber(text) ? .number(text) : (text.isEmpty ? .empty : .text(text)), style: style)
        }
    }

    /// One worksheet.
    public struct Sheet: Sendable {
        /// The sheet's tab name (at most 31 characters, none of `\ / ? * [ ] :`).
        public var name: String
        public var rows: [[Cell]]
        /// Each column's width in characters; columns past the end get the default width.
        public var columnWidths: [Double]
        /// Keep the first row in view while scrolling.
        public var freezeHeader: Bool
        /// Put an auto-filter on the first row over every row.
        public var autoFilter: Bool
        /// Rows after ``rows`` written as `<row>` XML straight into the archive as it is
        /// deflated (a large sheet's data rows, see ``CatalogueSheetRows``); nil: none.
        var laterRows: LaterRows?
        /// True for a column whose plain text cells are shared strings (texts that repeat from
        /// row to row); a column past the end is not.
        var sharedColumns: [Bool] = []

        /// True when a text cell of `style` in column `c` is a shared string.
        @inline(__always)
        func shares(column c: Int, style: Style) -> Bool {
            style == .plain && c < sharedColumns.count && sharedColumns[c]
        }

        /// Rows written as XML while the sheet is deflated: how many, in how many segments, and
        /// how to write segment k (segments are deflated in parallel, see
        /// ``DeterministicZip/Segments``), which gives the widths its cells fit in.
        ///
        /// A sheet with shared columns is gone over twice: first `strings` gives each segment's
        /// shared texts in the order they appear (and the widths they fit in), all segments at
        /// once; once these are added to the workbook's table in segment order, `write` writes
        /// each segment with the table's indices.
        struct LaterRows: Sendable {
            var count: Int
            var segments: Int = 1
            /// True: the sheet's ``Sheet/columnWidths`` are the widest the segments give, column
            /// by column (the head that holds them is written after the rows); false: the
            /// widths `write` and `strings` give are ignored.
            var fitsWidths = false
            /// Segment k's shared texts in the order they first appear, and the widths those
            /// cells fit in; nil: the rows share none.
            var strings: (@Sendable (Int) -> (SharedStrings, [Int]))?
            /// Writes segment k with the workbook's shared strings (which hold every text
            /// `strings` gave), giving the widths its other cells fit in and how many of its
            /// cells are shared strings.
            var write: @Sendable (Int, OutputBuffer, SharedStrings) -> (widths: [Int], references: Int)

            /// Adds every segment's shared texts to `table`, in segment order (the segments
            /// gone over in parallel when `parallel`); the widths they fit in, segment by segment.
            func collectStrings(into table: inout SharedStrings, parallel: Bool) -> [[Int]] {
                guard let strings else { return [] }
                let found = parallel
                    ? Parallel.run((0..<segments).map { k in { @Sendable in strings(k) } })
                    : (0..<segments).map { strings($0) }
                for (segment, _) in found { table.add(contentsOf: segment) }
                return found.map(\.1)
            }

            /// The widths fitted to every segment's cells: each column's widest.
            static func widest(_ widths: [[Int]]) -> [Int] {
                var widest: [Int] = []
                for segment in widths {
                    for (c, width) in segment.enumerated() {
                        if c < widest.count { widest[c] = max(widest[c], width) } else { widest.append(width) }
                    }
                }
                return widest
            }
        }

        /// The number of rows, ``rows`` and any written later.
        var rowCount: Int { rows.count + (laterRows?.count ?? 0) }

        public init(name: String, rows: [[Cell]], columnWidths: [Double] = [], freezeHeader: Bool = false, autoFilter: Bool = false) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
            self.freezeHeader = freezeHeader
            self.autoFilter = autoFilter
        }

        /// Widths that fit the cells' text (a CJK character counts two), between `minimum` and `maximum`.
        public static func fittingWidths(_ rows: [[Cell]], minimum: Double = 6, maximum: Double = 50) -> [Double] {
            var widths: [Double] = []
            for row in rows {
                for (i, cell) in row.enumerated() {
                    if widths.count <= i { widths.append(minimum) }
                    let text: String
                    switch cell.value {
                    case .empty: continue
                    case .text(let t): text = t
                    case .number(let n): text = n
                    }
                    // The longest line of the cell, in half-width character cells, plus padding.
                    let width = text.split(separator: "\n").map { line in
                        line.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x1100 ? 2.0 : 1.0) }
                    }.max() ?? 0
                    widths[i] = min(maximum, max(widths[i], width + 2))
                }
            }
            return widths
        }
    }

    /// The workbook's title (`docProps/core.xml`).
    public var title: String
    public var sheets: [Sheet]

    public init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }

    /// The `.xlsx` file's bytes; the same workbook always gives the same bytes. `name` is the
    /// file named in an error.
    public func bytes(name: String = "workbook.xlsx") throws -> [UInt8] {
        try DeterministicZip.archive(parts(), name: name)
    }

    /// ``bytes(name:)`` in pieces to be written one after the other (``DeterministicZip/pieces(_:name:)``):
    /// a large sheet's deflated bytes are not copied into one array with the rest.
    func pieces(name: String = "workbook.xlsx") throws -> [[UInt8]] {
        try DeterministicZip.pieces(parts(), name: name)
    }

    /// The archive's parts: the package's small files, each sheet, then the shared strings
    /// (when a sheet shares any).
    private func parts() -> [DeterministicZip.Part] {
        var strings = SharedStrings()
        var sheetParts: [DeterministicZip.Part] = []
        // What the segments of each sheet written later found, read once they are written.
        var written: [SegmentSlots] = []
        for (n, sheet) in sheets.enumerated() {
            let path = "xl/worksheets/sheet\(n + 1).xml"
            let (head, tail) = Self.worksheetParts(sheet, strings: &strings)
            guard let later = sheet.laterRows else {
                sheetParts.append(DeterministicZip.Part(path, head + tail))
                continue
            }
            // The shared texts first, all segments in parallel, so that every segment is written
            // with the indices of the whole table.
            let stringWidths = later.collectStrings(into: &strings, parallel: later.segments > 1)
            let table = strings
            // A large sheet's rows are deflated as they are written, never whole in memory, the
            // tail with the last segment; the head, which holds the columns' widths, once every
            // segment has been written and its widths are known.
            let last = later.segments - 1
            let widths = SegmentSlots(count: later.segments)
            var segments = DeterministicZip.Segments(count: later.segments) { k, out in
                let written = later.write(k, out, table)
                widths.store(written.widths, references: written.references, at: k)
                if k == last { out.append(tail) }
            }
            written.append(widths)
            if later.fitsWidths {
                segments.head = {
                    var fitted = sheet
                    fitted.columnWidths = Sheet.LaterRows.widest(widths.values + stringWidths).map(Double.init)
                    var same = table
                    return Self.worksheetParts(fitted, strings: &same).head
                }
            } else {
                segments.head = { head }
            }
            sheetParts.append(DeterministicZip.Part(
                path: path, segments: segments, level: later.count > Self.fastDeflateRows ? .fastest : .standard))
        }
        let shared = strings.count > 0
        var parts: [DeterministicZip.Part] = [
            .init("[Content_Types].xml", Array(contentTypes(sharedStrings: shared).utf8)),
            .init("_rels/.rels", Array(Self.packageRelationships.utf8)),
            .init("docProps/core.xml", Array(coreProperties().utf8)),
            .init("xl/workbook.xml", Array(workbook().utf8)),
            .init("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sharedStrings: shared).utf8)),
            .init("xl/styles.xml", Array(Self.styles.utf8)),
        ]
        parts += sheetParts
        if shared {
            // Written after the sheets, whose segments count the cells that refer to the texts.
            let table = strings
            parts.append(.init(path: "xl/sharedStrings.xml", pieces: [.written { out in
                var counted = table
                counted.references += written.reduce(0) { $0 + $1.references }
                out.append(counted.xml())
            }]))
        }
        return parts
    }

    /// A sheet of more rows than this is deflated at ``DeterministicZip/Level/fastest``: a
    /// catalogue of 250,000 entries makes a sheet of some 300 MB, which zlib's default level
    /// takes seconds over. Smaller sheets keep the default (and their bytes).
    static let fastDeflateRows = 20_000

    // MARK: Parts

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `[Content_Types].xml`; `sharedStrings`: the workbook has `xl/sharedStrings.xml`.
    func contentTypes(sharedStrings: Bool = false) -> String {
        var s = Self.declaration
        s += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for n in sheets.indices {
            s += "<Override PartName=\"/xl/worksheets/sheet\(n + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if sharedStrings {
            s += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        s += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        s += "</Types>"
        return s
    }

    static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    func coreProperties() -> String {
        Self.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(MarkupText.xml(title))</dc:title><dc:creator>mulu</dc:creator>"
            + "</cp:coreProperties>"
    }

    func workbook() -> String {
        var s = Self.declaration
        s += "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        s += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (n, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(MarkupText.xml(sheet.name))\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }
        s += "</sheets>"
        // Excel keeps an auto-filter's range as this hidden name too.
        let filtered = sheets.enumerated().filter { $0.element.autoFilter && !$0.element.rows.isEmpty }
        if !filtered.isEmpty {
            s += "<definedNames>"
            for (n, sheet) in filtered {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                let range = Self.absoluteRange(Self.filterRange(sheet))
                s += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(n)\" hidden=\"1\">\(MarkupText.xml(quoted))!\(range)</definedName>"
            }
            s += "</definedNames>"
        }
        s += "</workbook>"
        return s
    }

    /// `xl/_rels/workbook.xml.rels`; `sharedStrings`: the workbook has `xl/sharedStrings.xml`.
    func workbookRelationships(sharedStrings: Bool = false) -> String {
        var s = Self.declaration
        s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in sheets.indices {
            s += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(n + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            s += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(Self.relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        s += "</Relationships>"
        return s
    }

    /// Fonts: 0 regular, 1 bold. Fills: 0 none, 1 gray125 (both required), 2 header grey,
    /// 3 green, 4 red, 5 blue, 6 yellow. Cell formats in the order of ``Style``.
    static let styles: String =
        declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"7\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + ["FFE7E6E6", "FFE2EFDA", "FFFCE4E4", "FFDDEBF7", "FFFFF2CC"].map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\($0)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }.joined()
        + "</fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"4\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"5\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"6\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// One worksheet's XML, its shared texts added to a table of its own.
    static func worksheet(_ sheet: Sheet) -> [UInt8] {
        var strings = SharedStrings()
        return worksheet(sheet, strings: &strings)
    }

    /// One worksheet's XML, its shared texts added to `strings` (as the archive's parts add them).
    static func worksheet(_ sheet: Sheet, strings: inout SharedStrings) -> [UInt8] {
        guard let later = sheet.laterRows else {
            let (head, tail) = worksheetParts(sheet, strings: &strings)
            return head + tail
        }
        _ = worksheetParts(sheet, strings: &strings)
        let stringWidths = later.collectStrings(into: &strings, parallel: false)
        let rows = OutputBuffer(capacity: 4096)
        let table = strings
        let segments = (0..<later.segments).map { later.write($0, rows, table) }
        let widths = segments.map(\.widths)
        strings.references += segments.reduce(0) { $0 + $1.references }
        var fitted = sheet
        if later.fitsWidths { fitted.columnWidths = Sheet.LaterRows.widest(widths + stringWidths).map(Double.init) }
        // The same rows again: their texts are in `strings` already, and counted.
        var same = strings
        let (head, tail) = worksheetParts(fitted, strings: &same)
        var bytes = head
        rows.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return bytes + tail
    }

    /// Each segment's widths and shared cells, stored by the thread that wrote it, read once all
    /// have ended.
    private final class SegmentSlots: @unchecked Sendable {
        private var slots: [[Int]]
        private var counts: [Int]
        init(count: Int) {
            slots = Array(repeating: [], count: count)
            counts = Array(repeating: 0, count: count)
        }
        /// Stores segment `k`'s widths and its number of shared cells (each segment from one
        /// thread, into its own slot).
        func store(_ widths: [Int], references: Int, at k: Int) {
            slots.withUnsafeMutableBufferPointer { $0[k] = widths }
            counts.withUnsafeMutableBufferPointer { $0[k] = references }
        }
        var values: [[Int]] { slots }
        /// The shared cells of every segment.
        var references: Int { counts.reduce(0, +) }
    }

    /// One worksheet's XML before and after its rows written ahead (``Sheet/laterRows``), the
    /// texts of its shared cells in ``Sheet/rows`` added to `strings`.
    static func worksheetParts(_ sheet: Sheet, strings: inout SharedStrings) -> (head: [UInt8], tail: [UInt8]) {
        var s = declaration
        s.reserveCapacity(4096 + sheet.rows.count * 400)
        s += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        // Printed landscape, every column on the page's width.
        s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let columnCount = sheet.rows.map(\.count).max() ?? 0
        if columnCount > 0 && !sheet.rows.isEmpty {
            s += "<dimension ref=\"A1:\(columnName(columnCount - 1))\(sheet.rowCount)\"/>"
        }
        s += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.freezeHeader && sheet.rowCount > 1 {
            s += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        s += "</sheetView></sheetViews>"
        s += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            s += "<cols>"
            for (i, width) in sheet.columnWidths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(formatWidth(width))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            // A heading row is two lines high: long headings wrap.
            let tall = r == 0 && row.contains { $0.style == .header }
            s += tall ? "<row r=\"1\" ht=\"32\" customHeight=\"1\">" : "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(columnName(c))\(r + 1)"
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .empty:
                    if cell.style != .plain { s += "<c r=\"\(ref)\"\(style)/>" }
                case .number(let n):
                    s += "<c r=\"\(ref)\"\(style)><v>\(n)</v></c>"
                case .text(let t) where sheet.shares(column: c, style: cell.style):
                    let index = ByteScan.withUTF8(t) { bytes in
                        strings.references += 1
                        return strings.add(UnsafeRawBufferPointer(bytes)).index
                    }
                    s += "<c r=\"\(ref)\"\(style) t=\"s\"><v>\(index)</v></c>"
                case .text(let t):
                    let space = MarkupBytes.needsPreserve(t) ? " xml:space=\"preserve\"" : ""
                    s += "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t\(space)>\(MarkupText.xml(t))</t></is></c>"
                }
            }
            s += "</row>"
        }
        let head = Array(s.utf8)
        s = "</sheetData>"
        if sheet.autoFilter && !sheet.rows.isEmpty {
            s += "<autoFilter ref=\"\(filterRange(sheet))\"/>"
        }
        s += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        s += "</worksheet>"
        return (head, Array(s.utf8))
    }

    /// The range an auto-filter covers: the header row and every row below, over every column.
    static func filterRange(_ sheet: Sheet) -> String {
        let columnCount = max(1, sheet.rows.map(\.count).max() ?? 1)
        return "A1:\(columnName(columnCount - 1))\(sheet.rowCount)"
    }

    /// `A1:M178` as `$A$1:$M$178`.
    static func absoluteRange(_ range: String) -> String {
        range.split(separator: ":").map { ref in
            let letters = ref.prefix { $0.isLetter }
            return "$\(letters)$\(ref.dropFirst(letters.count))"
        }.joined(separator: ":")
    }

    /// The letters of column `index` (0 → A, 25 → Z, 26 → AA).
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A width with at most two decimals, without trailing zeros (`12`, `12.5`).
    static func formatWidth(_ width: Double) -> String {
        let hundredths = Int((width * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// True for a plain decimal number: an optional `-`, digits, an optional fraction.
    static func isNumber(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        let parts = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }) else {
            return false
        }
        // A leading zero would be lost (a code, not a number): `0` itself and `0.5` are numbers.
        return parts[0].count == 1 || parts[0].first != UInt8(ascii: "0")
    }
}
