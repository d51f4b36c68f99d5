import MuluSupport
import MuluModel
/// Writes the 目录 sheet's data rows straight into XML bytes, cell by cell as
/// ``CatalogueRecord`` hands them over, and fits the columns' widths to them on the way (not
/// `writing`: only fits them).
///
/// The same cells ``CatalogueWorkbook/entriesSheet(_:)`` makes from a ``PublishedTable``, and
/// the same XML ``XLSXWorkbook`` writes for them (integers of a number column as number cells,
/// 是/否 for a boolean column, other text inline, an empty cell left out), without a `String`
/// or an array per cell: the sheet of a catalogue of 250,000 entries is some 200 MB.
struct CatalogueSheetRows: ByteCellSink {
    let out: OutputBuffer
    /// False: only measure the widths, write nothing.
    private let writing: Bool
    private let kinds: [PublishedTable.Kind]
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
        columns: [PublishedTable.Column], into out: OutputBuffer, writing: Bool = true, firstRow: Int = 2,
        minimum: Int, maximum: Int
    ) {
        self.out = out
        row = firstRow
        self.writing = writing
        kinds = columns.map(\.kind)
        openings = columns.indices.flatMap { Array("<c r=\"\(XLSXWorkbook.columnName($0))".utf8) }
        var end = 0
        openingEnds = columns.indices.map { c in
            end += 6 + XLSXWorkbook.columnName(c).utf8.count
            return end
        }
        widths = Array(repeating: minimum, count: columns.count)
        self.maximum = maximum
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
        if kind == .number && Self.isNumber(value) {
            fit(value, column: c)
            guard writing else { return }
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
        fit(shown, column: c)
        guard writing else { return }
        reference(c)
        if MarkupBytes.needsPreserve(shown) {
            out.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
        } else {
            out.append("\" t=\"inlineStr\"><is><t>")
        }
        MarkupBytes.append(shown, to: out)
        out.append("</t></is></c>")
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
