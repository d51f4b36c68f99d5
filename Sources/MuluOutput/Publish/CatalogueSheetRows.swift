#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MuluSupport
import MuluModel
/// Writes the 目录 sheet's data rows straight into XML bytes, cell by cell as
/// ``CatalogueRecord`` hands them over, and fits the columns' widths to them on the way; or,
/// in a first pass (``Pass/collecting``), gathers the texts of the shared columns instead.
///
/// The same cells ``CatalogueWorkbook/entriesSheet(_:)`` makes from a ``PublishedTable``, and
/// the same XML ``XLSXWorkbook`` writes for them (integers of a number column as number cells,
/// 是/否 for a boolean column, a shared column's text as its index in the shared strings, other
/// text inline, an empty cell left out), without a `String` or an array per cell: the sheet of a
/// catalogue of 250,000 entries is some 170 MB.
struct CatalogueSheetRows: ByteCellSink {
    /// What a pass over the rows does.
    enum Pass {
        /// Writes nothing: adds the texts of the shared columns to ``strings`` in the order
        /// they appear, and fits those columns' widths to them.
        case collecting
        /// Writes the rows, a shared column's text as its index in this table (which holds
        /// every such text), and fits the other columns' widths.
        case writing(SharedStrings)
    }

    let out: OutputBuffer
    /// False: ``Pass/collecting``.
    private let writing: Bool
    /// The texts of the shared columns, in the order they appear (``Pass/collecting``), or
    /// every shared text of the sheet (``Pass/writing(_:)``).
    private(set) var strings: SharedStrings
    /// For each text of ``strings`` (collecting), the columns (below 64) it was fitted in.
    private var fitted: [UInt64] = []
    /// How many shared-string cells were written.
    private(set) var references = 0
    /// The subsidies met lately, at most ``recentCount``, and the column each starts at.
    /// Collecting, one met again in the same columns adds no text and fits no width; writing, its
    /// cells are written again as they were written the first time (``recentCells``).
    private var recent: [Subsidy] = []
    private var recentColumns: [Int] = []
    /// Writing: how each of ``recent`` was written, to be written again without going over its
    /// cells: for each cell, its column's offset from the subsidy's first column, the length
    /// (two bytes, little-endian) of its bytes after the cell's reference, and those bytes; nil
    /// while it is being recorded, or when a cell of it was inline text (not recorded).
    private var recentCells: [[UInt8]?] = []
    /// Writing: how many shared-string cells each of ``recent`` has.
    private var recentShared: [Int] = []
    /// Writing: the index in ``recent`` of the subsidy whose cells are being recorded, or -1.
    private var recording = -1
    /// The cells recorded so far (``recentCells``' form).
    private var recorded: [UInt8] = []
    private var recordedShared = 0
    static let recentCount = 16
    private let kinds: [PublishedTable.Kind]
    /// True for a column whose text cells are shared strings.
    private let shared: [Bool]
    /// `<c r="` and each column's letters (`<c r="A<c r="B…`), the openings of the columns'
    /// cells one after the other in one array (no array a column to retain and release a cell).
    private let openings: [UInt8]
    /// Where column c's opening ends in ``openings`` (it starts where column c − 1's ends).
    private let openingEnds: [Int]
    /// Each column's fitted width in half-width character cells, from ``minimum`` up to ``maximum``.
    private(set) var widths: [Int]
    private let maximum: Int
    /// The number of the row being written (the heading is row 1).
    private(set) var row = 2
    private var column = 0
    let number = OutputBuffer(capacity: 32)
    /// The digits of ``row``, written once a row for every cell's reference.
    private let rowDigits = OutputBuffer(capacity: 32)
    /// The digits of a shared string's index.
    private let indexDigits = OutputBuffer(capacity: 32)

    init(
        columns: [PublishedTable.Column], shared: [Bool], into out: OutputBuffer, pass: Pass, firstRow: Int = 2,
        minimum: Int, maximum: Int
    ) {
        self.out = out
        row = firstRow
        switch pass {
        case .collecting:
            writing = false
            strings = SharedStrings()
        case .writing(let table):
            writing = true
            strings = table
        }
        kinds = columns.map(\.kind)
        self.shared = shared
        openings = columns.indices.flatMap { Array("<c r=\"\(XLSXWorkbook.columnName($0))".utf8) }
        var end = 0
        openingEnds = columns.indices.map { c in
            end += 6 + XLSXWorkbook.columnName(c).utf8.count
            return end
        }
        widths = Array(repeating: minimum, count: columns.count)
        self.maximum = maximum
    }

    mutating func integer(_ value: Int) {
        // Collecting, a number is neither shared nor fitted: not even its digits are needed.
        guard writing || (column < shared.count && shared[column]) else {
            column += 1
            return
        }
        number.removeAll()
        number.appendDecimal(value)
        number.withUnsafeBytes { cell($0) }
    }

    mutating func repeats(_ s: Subsidy) -> Bool {
        let c = column
        let found = recent.withUnsafeBufferPointer { recent in
            recentColumns.withUnsafeBufferPointer { columns -> Int? in
                guard let base = recent.baseAddress else { return nil }
                // By the bits first (rows of one cell text share its subsidy's storage), which
                // copies nothing; then by value.
                let bits = withUnsafePointer(to: s) { s in
                    recent.indices.first { k in columns[k] == c && SubsidyBits.same(s, base + k) }
                }
                return bits ?? recent.indices.first { k in columns[k] == c && Self.sameCells(recent[k], s) }
            }
        }
        if let k = found {
            guard writing else {
                column += 7
                return true
            }
            guard let cells = recentCells[k] else { return false }
            startRow()
            // No method of `self` called inside a closure: that would copy (retain) all of it.
            let out = self.out
            var i = 0
            while i < cells.count {
                let offset = Int(cells[i])
                let count = Int(cells[i + 1]) | Int(cells[i + 2]) << 8
                reference(c + offset)
                let start = i + 3
                cells.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[start..<(start + count)])) }
                i = start + count
            }
            references += recentShared[k]
            column += 7
            return true
        }
        if recent.count == Self.recentCount {
            recent.removeFirst()
            recentColumns.removeFirst()
            if writing {
                recentCells.removeFirst()
                recentShared.removeFirst()
            }
        }
        recent.append(s)
        recentColumns.append(c)
        if writing {
            recentCells.append(nil)
            recentShared.append(0)
            recording = recent.count - 1
            recorded.removeAll(keepingCapacity: true)
            recordedShared = 0
        }
        return false
    }

    /// Records the bytes `parts` written after the reference of a cell in column `c` of the
    /// subsidy being recorded (called only while one is).
    private mutating func record(column c: Int, _ parts: UnsafeRawBufferPointer...) {
        let count = parts.reduce(0) { $0 + $1.count }
        recorded.append(UInt8(truncatingIfNeeded: c - recentColumns[recording]))
        recorded.append(UInt8(truncatingIfNeeded: count))
        recorded.append(UInt8(truncatingIfNeeded: count >> 8))
        for part in parts { recorded.append(contentsOf: part) }
    }

    /// Ends the recording of a subsidy's cells once the column after its last is reached.
    @inline(__always)
    private mutating func endRecording() {
        guard recording >= 0, column == recentColumns[recording] + 7 else { return }
        recentCells[recording] = recorded
        recentShared[recording] = recordedShared
        recording = -1
    }

    /// True when `a` and `b` give the same cells: the same levels, amounts and flags, and texts
    /// of the same bytes (not merely canonically equivalent, as `==` on strings has it).
    private static func sameCells(_ a: Subsidy, _ b: Subsidy) -> Bool {
        // The text first: two subsidies of different texts differ, and most do.
        sameBytes(a.text, b.text) && a.levels == b.levels && a.amountYuan == b.amountYuan && a.anyOf == b.anyOf
            && a.upTo == b.upTo && a.amounts == b.amounts
            && (a.note == nil ? b.note == nil : b.note != nil && sameBytes(a.note!, b.note!))
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        ByteScan.withUTF8(a) { a in
            ByteScan.withUTF8(b) { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    mutating func empty() {
        startRow()
        column += 1
        endRecording()
    }

    mutating func endRecord() {
        startRow()
        if writing { out.append("</row>") }
        row += 1
        column = 0
    }

    @inline(__always)
    private func startRow() {
        guard writing, column == 0 else { return }
        rowDigits.removeAll()
        rowDigits.appendDecimal(row)
        out.append("<row r=\"")
        rowDigits.withUnsafeBytes { out.append($0) }
        out.append("\">")
    }

    /// One cell whose CSV text is `value`.
    mutating func cell(_ value: UnsafeRawBufferPointer) {
        startRow()
        let c = column
        column += 1
        defer { endRecording() }
        guard !value.isEmpty else { return }
        let kind = c < kinds.count ? kinds[c] : .text
        let isShared = c < shared.count && shared[c]
        if kind == .number && Self.isNumber(value) {
            guard writing else { return }
            fit(value, column: c)
            reference(c)
            let open: StaticString = "\"><v>", close: StaticString = "</v></c>"
            out.append(open)
            out.append(value)
            out.append(close)
            if recording >= 0 { record(column: c, Self.bytes(open), value, Self.bytes(close)) }
            return
        }
        var shown = value
        if kind == .boolean {
            let yes: StaticString = "是", no: StaticString = "否"
            if Self.equals(value, "true") {
                shown = UnsafeRawBufferPointer(start: yes.utf8Start, count: yes.utf8CodeUnitCount)
            } else if Self.equals(value, "false") {
                shown = UnsafeRawBufferPointer(start: no.utf8Start, count: no.utf8CodeUnitCount)
            }
        }
        if isShared {
            guard writing else { return collect(shown, column: c) }
            if let index = strings.index(of: shown) {
                references += 1
                reference(c)
                let open: StaticString = "\" t=\"s\"><v>", close: StaticString = "</v></c>"
                let digits = indexDigits
                digits.removeAll()
                digits.appendDecimal(index)
                let out = self.out
                out.append(open)
                digits.withUnsafeBytes { out.append($0) }
                out.append(close)
                if recording >= 0 {
                    recordedShared += 1
                    digits.withUnsafeBytes { digits in record(column: c, Self.bytes(open), digits, Self.bytes(close)) }
                }
                return
            }
            // Not gathered first (never so): inline, as a column that does not share.
        }
        guard writing else { return }
        // Inline text is not recorded: the subsidy is written afresh each time.
        if recording >= 0 { recording = -1 }
        fit(shown, column: c)
        reference(c)
        if MarkupBytes.needsPreserve(shown) {
            out.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
        } else {
            out.append("\" t=\"inlineStr\"><is><t>")
        }
        MarkupBytes.append(shown, to: out)
        out.append("</t></is></c>")
    }

    /// Adds shared text `text` of column `c` to ``strings`` and fits the column to it, once a
    /// column.
    private mutating func collect(_ text: UnsafeRawBufferPointer, column c: Int) {
        let (index, added) = strings.add(text)
        if added { fitted.append(0) }
        let bit: UInt64 = c < 64 ? 1 << UInt64(c) : 0
        guard bit == 0 || fitted[index] & bit == 0 else { return }
        fitted[index] |= bit
        fit(text, column: c)
    }

    /// `<c r="B7` for column `c` of this row.
    @inline(__always)
    private func reference(_ c: Int) {
        if c < openingEnds.count {
            let start = c == 0 ? 0 : openingEnds[c - 1]
            openings.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[start..<openingEnds[c]])) }
        } else {
            out.append("<c r=\"")
            out.append(utf8: XLSXWorkbook.columnName(c))
        }
        rowDigits.withUnsafeBytes { out.append($0) }
    }

    /// Widens column `c` to fit `text` as ``XLSXWorkbook/Sheet/fittingWidths(_:minimum:maximum:)``
    /// does: its longest line (split at a lone LF) in half-width cells, a scalar from U+1100
    /// counting two, plus two.
    private mutating func fit(_ text: UnsafeRawBufferPointer, column c: Int) {
        while widths.count <= c { widths.append(widths.first ?? 0) }
        // A column already at its widest needs no more measuring, nor does a text too short to
        // widen it (no character is wider than its UTF-8 bytes).
        guard widths[c] < maximum, text.count + 2 > widths[c] else { return }
        var longest = 0, line = 0
        var previous: UInt8 = 0
        for i in 0..<text.count {
            let b = text[i]
            if b == 0x0A && previous != 0x0D {
                longest = max(longest, line)
                line = 0
            } else if b < 0x80 || (b >= 0xC0 && b < 0xE1) {
                line += 1
            } else if b == 0xE1 {
                line += i + 1 < text.count && text[i + 1] < 0x84 ? 1 : 2
            } else if b >= 0xE2 {
                line += 2
            }
            previous = b
        }
        longest = max(longest, line)
        widths[c] = min(maximum, max(widths[c], longest + 2))
    }

    @inline(__always)
    private static func bytes(_ text: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// ``XLSXWorkbook/isNumber(_:)`` on bytes: an optional `-`, digits, an optional fraction,
    /// no leading zero before other digits.
    static func isNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        if bytes.first == UInt8(ascii: "-") { i = 1 }
        let start = i
        var whole = 0, fraction = -1
        var firstDigit: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                guard fraction < 0 else { return false }
                fraction = 0
            } else if b >= 0x30 && b <= 0x39 {
                if fraction < 0 {
                    if whole == 0 { firstDigit = b }
                    whole += 1
                } else {
                    fraction += 1
                }
            } else {
                return false
            }
            i += 1
        }
        guard i > start, whole > 0, fraction != 0 else { return false }
        return whole == 1 || firstDigit != UInt8(ascii: "0")
    }
}
