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
    /// Collecting: the subsidies gathered lately (a subsidy seen again in the same columns adds
    /// no text and fits no width), at most ``recentCount``, and the column each starts at.
    private var recent: [Subsidy] = []
    private var recentColumns: [Int] = []
    static let recentCount = 8
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
        guard !writing else { return false }
        let c = column
        let found = recent.withUnsafeBufferPointer { recent in
            recentColumns.withUnsafeBufferPointer { columns in
                recent.indices.contains { k in columns[k] == c && Self.sameCells(recent[k], s) }
            }
        }
        if found {
            column += 7
            return true
        }
        if recent.count == Self.recentCount {
            recent.removeFirst()
            recentColumns.removeFirst()
        }
        recent.append(s)
        recentColumns.append(c)
        return false
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
        guard !value.isEmpty else { return }
        let kind = c < kinds.count ? kinds[c] : .text
        let isShared = c < shared.count && shared[c]
        if kind == .number && Self.isNumber(value) {
            guard writing else { return }
            fit(value, column: c)
            reference(c)
            out.append("\"><v>")
            out.append(value)
            out.append("</v></c>")
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
                out.append("\" t=\"s\"><v>")
                out.appendDecimal(index)
                out.append("</v></c>")
                return
            }
            // Not gathered first (never so): inline, as a column that does not share.
        }
        guard writing else { return }
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
