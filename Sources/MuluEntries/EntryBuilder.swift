import MuluSupport
import MuluModel
import MuluExtract
import MuluTable
/// Stage 5: turns recovered rows into normalised entries, filling merged industry cells down
/// and reporting every cell it cannot read, with its place in the notice.
///
/// Both row readers feed it, row by row, as byte ranges: the delimited reader straight from the
/// notice's bytes through `add(seq:cells:in:)`, the geometric stages through `add(_ row:)`, which
/// lays a row's texts end to end first. Cells that repeat down a catalogue (an industry, a
/// subsidy) are read once and found again by their bytes.
public struct EntryBuilder: RowSink {
    public private(set) var entries: [Entry] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// Where each entry's row number was printed, in entry order.
    public private(set) var anchors: [CellPlace] = []

    /// The industry filled down to rows whose industry cell is empty (merged).
    private var industry = ""
    /// True once a row with an industry cell has been added.
    private var sawIndustryCell = false
    /// Rows added before any industry cell (entry index, index of its diagnostic): a builder
    /// that reads the second part of a notice leaves them for `append` to fill from the first.
    private var unfilled: [(entry: Int, diagnostic: Int)] = []
    /// Normalised industries by their cell's bytes: one string for all the rows of an industry.
    private var industries = ByteCache<String>()
    /// Read subsidies by their cell's bytes, one cache per subsidy column.
    private var trainingSubsidies = ByteCache<Subsidy?>()
    private var assessmentSubsidies = ByteCache<Subsidy?>()

    public init(expectedRows: Int = 0) {
        assert(TableField.allCases.count == 7, "Cells holds one slot per TableField")
        entries.reserveCapacity(expectedRows)
        anchors.reserveCapacity(expectedRows)
    }

    /// Adds a row recovered by the table stages: its cells' texts laid end to end in one buffer.
    public mutating func add(_ row: RowRecord) {
        var buffer: [UInt8] = []
        var cells = RowCells(anchor: CellPlace(row.anchor))
        for field in TableField.allCases where field != .seq {
            let start = buffer.count
            buffer.append(contentsOf: row.text(field).utf8)
            cells[field] = start..<buffer.count
            cells.setPlace(field, row.cells[field]?.first.map(CellPlace.init))
        }
        buffer.withUnsafeBufferPointer { add(seq: row.seq, cells: cells, in: $0) }
    }

    /// Adds a row whose cells are byte ranges of `bytes` (UTF-8).
    public mutating func add(seq: Int, cells: RowCells, in bytes: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func slice(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[r])
        }
        func report(_ severity: Diagnostic.Severity, _ message: String, _ field: TableField?) {
            let at = field.flatMap { cells.place($0) } ?? cells.anchor
            let excerpt = field.map { Self.excerpt(bytes, cells[$0]) } ?? String(seq)
            diagnostics.append(Diagnostic(
                severity, message, page: at.page, line: at.line, column: at.column,
                excerpt: excerpt.isEmpty ? nil : excerpt, seq: seq))
        }
        if !cells[.industry].isEmpty {
            let cell = slice(cells[.industry])
            industry = industries.value(cell) { FieldNormaliser.text(cell) }
            sawIndustryCell = true
        } else if industry.isEmpty {
            if !sawIndustryCell { unfilled.append((entries.count, diagnostics.count)) }
            report(.error, "row \(seq) has no industry, and no row above gives one", nil)
        }
        let code = CodeSyntax.normalise(slice(cells[.code]))
        if code.isEmpty {
            report(.error, "row \(seq) has no code", nil)
        } else if !CodeSyntax.isWellFormed(code) {
            report(.warning, "row \(seq): malformed code `\(code)`", .code)
        }
        let name = FieldNormaliser.text(slice(cells[.name]))
        if name.isEmpty {
            report(.error, "row \(seq) has no name", nil)
        } else if let last = name.unicodeScalars.last, !Self.isNameEnding(last) {
            report(.warning, "row \(seq): name `\(name)` looks cut short (names end in 工, 员, 师 …)", .name)
        }
        func reportSubsidy(_ field: TableField, _ label: String) {
            let empty = cells[field].isEmpty
            report(.error, empty ? "row \(seq) has no \(label) subsidy" : "row \(seq): cannot read the \(label) subsidy",
                   empty ? nil : field)
        }
        let trainingCell = slice(cells[.training])
        let training = trainingSubsidies.value(trainingCell) { Self.subsidy(trainingCell) }
        if training == nil { reportSubsidy(.training, "training") }
        let assessmentCell = slice(cells[.assessment])
        let assessment = assessmentSubsidies.value(assessmentCell) { Self.subsidy(assessmentCell) }
        if assessment == nil { reportSubsidy(.assessment, "assessment") }
        let urgentCell = slice(cells[.urgent])
        let urgent: Bool? = urgentCell.isEmpty ? false
            : urgentCell.count == 1 && urgentCell[0] == 0x2A ? true
            : UrgencyMark.read(String(decoding: urgentCell, as: UTF8.self))
        if urgent == nil {
            report(.warning, "row \(seq): unexpected text in the urgent column", .urgent)
        }
        entries.append(Entry(
            seq: seq, industry: industry, code: code, name: name,
            training: training, assessment: assessment, urgent: urgent ?? false))
        anchors.append(cells.anchor)
    }

    /// Adds the rows `next` built from the part of the notice that follows this one's: its
    /// first rows without an industry cell take the industry this part ends with.
    public mutating func append(_ next: EntryBuilder) {
        let entryBase = entries.count, diagnosticBase = diagnostics.count
        entries += next.entries
        anchors += next.anchors
        if !industry.isEmpty && !next.unfilled.isEmpty {
            for u in next.unfilled { entries[entryBase + u.entry].industry = industry }
            let filled = Set(next.unfilled.map(\.diagnostic))
            diagnostics += next.diagnostics.indices.lazy.filter { !filled.contains($0) }.map { next.diagnostics[$0] }
        } else {
            if !sawIndustryCell {
                unfilled += next.unfilled.map { ($0.entry + entryBase, $0.diagnostic + diagnosticBase) }
            }
            diagnostics += next.diagnostics
        }
        if next.sawIndustryCell { industry = next.industry }
        sawIndustryCell = sawIndustryCell || next.sawIndustryCell
    }

    /// A subsidy cell read (nil when empty or unreadable).
    private static func subsidy(_ cell: UnsafeBufferPointer<UInt8>) -> Subsidy? {
        cell.isEmpty ? nil : SubsidyParser.parse(String(decoding: cell, as: UTF8.self))
    }

    /// Occupation and work-type names end in one of these; a name that does not looks cut short.
    static func isNameEnding(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "工", "员", "师", "手", "机", "人", "长", "匠", "家", "士", "生", "官", "者": true
        default: false
        }
    }

    /// A cell's text for a diagnostic: its words joined by one blank, as a reader sees the cell.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        var pendingBlank = false
        while i < range.upperBound {
            let n = Blank.length(bytes, at: i, end: range.upperBound)
            if n > 0 {
                pendingBlank = !out.isEmpty
                i += n
                continue
            }
            if pendingBlank { out.append(0x20) }
            pendingBlank = false
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
