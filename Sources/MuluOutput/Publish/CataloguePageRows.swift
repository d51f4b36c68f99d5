import MuluSupport
import MuluModel
/// Writes the page's table rows straight into HTML bytes, cell by cell as ``CatalogueRecord``
/// hands them over: the same `<tr>` and `<td>` elements ``CataloguePage`` wrote from a
/// ``PublishedTable``, without a `String` per cell (a catalogue of 250,000 entries makes a page
/// of some 150 MB).
struct CataloguePageRows: ByteCellSink {
    let out: OutputBuffer
    private let columnCount: Int
    /// Per column: its opening `<td …>` tag, nil for a column the page leaves out; for a boolean
    /// column, the tag for `true` (class `yes`), `openNo` has the other.
    private let open: [[UInt8]?]
    private let openNo: [[UInt8]?]
    private let boolean: [Bool]
    private let industryColumn: Int?
    private let urgentColumn: Int?
    private var column = 0
    /// This row's cells, and its industry escaped, until the row's `<tr>` is written.
    private let cells = OutputBuffer(capacity: 4096)
    private let industry = OutputBuffer(capacity: 256)
    private var urgent = false
    let number = OutputBuffer(capacity: 32)

    init(columns: [PublishedTable.Column], shown: [Int], industryColumn: Int?, urgentColumn: Int?, into out: OutputBuffer) {
        self.out = out
        columnCount = columns.count
        self.industryColumn = industryColumn
        self.urgentColumn = urgentColumn
        boolean = columns.map { $0.kind == .boolean }
        func tag(_ column: PublishedTable.Column, yes: Bool) -> [UInt8] {
            var classes: [String] = []
            if column.name == "code" { classes.append("code") }
            if column.name == "name" { classes.append("name") }
            if column.kind == .number { classes.append("num") }
            if column.kind == .boolean { classes.append(yes ? "yes" : "no") }
            let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            return Array("<td\(classAttribute) data-label=\"\(MarkupText.html(column.title))\">".utf8)
        }
        let shownSet = Set(shown)
        open = columns.indices.map { shownSet.contains($0) ? tag(columns[$0], yes: true) : nil }
        openNo = columns.indices.map { shownSet.contains($0) ? tag(columns[$0], yes: false) : nil }
    }

    mutating func empty() { cell(UnsafeRawBufferPointer(start: nil, count: 0)) }

    mutating func endRecord() {
        out.append("<tr")
        if industryColumn != nil {
            out.append(" data-industry=\"")
            industry.withUnsafeBytes { out.append($0) }
            out.append(UInt8(ascii: "\""))
        }
        if urgentColumn != nil { out.append(urgent ? " data-urgent=\"1\"" : " data-urgent=\"0\"") }
        out.append(UInt8(ascii: ">"))
        cells.withUnsafeBytes { out.append($0) }
        out.append("</tr>\n")
        cells.removeAll()
        industry.removeAll()
        urgent = false
        column = 0
    }

    /// One cell whose CSV text is `value`.
    mutating func cell(_ value: UnsafeRawBufferPointer) {
        let c = column
        column += 1
        guard c < columnCount else { return }
        let isTrue = Self.equals(value, "true")
        if c == industryColumn { MarkupBytes.append(value, to: industry) }
        if c == urgentColumn { urgent = isTrue }
        guard let tag = boolean[c] && !isTrue ? openNo[c] : open[c] else { return }
        cells.append(tag)
        if boolean[c] && isTrue {
            cells.append("是")
        } else if boolean[c] && Self.equals(value, "false") {
            cells.append("否")
        } else {
            MarkupBytes.append(value, to: cells)
        }
        cells.append("</td>")
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
