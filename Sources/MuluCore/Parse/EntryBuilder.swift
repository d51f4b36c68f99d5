/// Stage 5: turns recovered rows into normalised entries, filling merged industry cells down
/// and reporting every cell it cannot read, with its place in the notice.
///
/// Both row readers feed it, row by row: the geometric stages through `add(_ row:)`, the
/// delimited reader through `add(seq:cells:)` straight from the bytes.
public struct EntryBuilder {
    /// Occupation and work-type names end in one of these; a name that does not looks cut short.
    static let nameEndings: Set<Unicode.Scalar> = ["工", "员", "师", "手", "机", "人", "长", "匠", "家", "士", "生", "官", "者"]

    /// Where a cell (or a row number) was printed.
    public struct Place: Hashable, Sendable {
        public var page: Int
        public var line: Int
        public var column: Int?
        public init(page: Int, line: Int, column: Int?) {
            self.page = page
            self.line = line
            self.column = column
        }
        init(_ f: Fragment) { self.init(page: f.page, line: f.line, column: f.column) }
    }

    /// A row's cells as published (raw text), and where each was printed. Stored field by
    /// field, not in arrays: one row costs no allocation of its own.
    public struct Cells {
        public var anchor: Place
        public var industry = "", code = "", name = "", training = "", assessment = "", urgent = ""
        public var industryAt: Place?, codeAt: Place?, nameAt: Place?, trainingAt: Place?, assessmentAt: Place?, urgentAt: Place?

        public init(anchor: Place) { self.anchor = anchor }

        public subscript(field: TableField) -> String {
            get {
                switch field {
                case .seq: ""
                case .industry: industry
                case .code: code
                case .name: name
                case .training: training
                case .assessment: assessment
                case .urgent: urgent
                }
            }
            set {
                switch field {
                case .seq: break
                case .industry: industry = newValue
                case .code: code = newValue
                case .name: name = newValue
                case .training: training = newValue
                case .assessment: assessment = newValue
                case .urgent: urgent = newValue
                }
            }
        }

        /// Where the cell of `field` was printed.
        public func place(_ field: TableField) -> Place? {
            switch field {
            case .seq: anchor
            case .industry: industryAt
            case .code: codeAt
            case .name: nameAt
            case .training: trainingAt
            case .assessment: assessmentAt
            case .urgent: urgentAt
            }
        }

        public mutating func setPlace(_ field: TableField, _ place: Place?) {
            switch field {
            case .seq: break
            case .industry: industryAt = place
            case .code: codeAt = place
            case .name: nameAt = place
            case .training: trainingAt = place
            case .assessment: assessmentAt = place
            case .urgent: urgentAt = place
            }
        }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// Where each entry's row number was printed, in entry order.
    public private(set) var anchors: [Place] = []

    private var industry = ""
    private var lastIndustryText = ""
    // Subsidy cells repeat across a catalogue (a few dozen distinct texts for thousands of rows):
    // each distinct text is read once; the last one of each column is checked first.
    private var lastSubsidy: [(text: String, subsidy: Subsidy?)] = [("", nil), ("", nil)]
    private var subsidies: [BytewiseString: Subsidy?] = [:]

    public init(expectedRows: Int = 0) {
        entries.reserveCapacity(expectedRows)
        anchors.reserveCapacity(expectedRows)
    }

    /// Adds a row recovered by the table stages.
    public mutating func add(_ row: RowRecord) {
        var cells = Cells(anchor: Place(row.anchor))
        for field in TableField.allCases where field != .seq {
            cells[field] = row.text(field)
            cells.setPlace(field, row.cells[field]?.first.map(Place.init))
        }
        add(seq: row.seq, cells: cells)
    }

    /// Adds a row from its cells' raw texts.
    public mutating func add(seq: Int, cells: Cells) {
        func report(_ severity: Diagnostic.Severity, _ message: String, _ field: TableField?) {
            let at = field.flatMap { cells.place($0) } ?? cells.anchor
            let excerpt = field.map { cells[$0] } ?? String(seq)
            diagnostics.append(Diagnostic(
                severity, message, page: at.page, line: at.line, column: at.column,
                excerpt: excerpt.isEmpty ? nil : excerpt, seq: seq))
        }
        let industryText = cells[.industry]
        if !industryText.isEmpty {
            if !BytewiseString.equal(industryText, lastIndustryText) {
                industry = FieldNormaliser.text(industryText)
                lastIndustryText = industryText
            }
        } else if industry.isEmpty {
            report(.error, "row \(seq) has no industry, and no row above gives one", nil)
        }
        let code = FieldNormaliser.code(cells[.code])
        if code.isEmpty {
            report(.error, "row \(seq) has no code", nil)
        } else if !CodeSyntax.isWellFormed(code) {
            report(.warning, "row \(seq): malformed code `\(code)`", .code)
        }
        let name = FieldNormaliser.text(cells[.name])
        if name.isEmpty {
            report(.error, "row \(seq) has no name", nil)
        } else if let last = name.unicodeScalars.last, !Self.nameEndings.contains(last) {
            report(.warning, "row \(seq): name `\(name)` looks cut short (names end in 工, 员, 师 …)", .name)
        }
        func subsidy(_ field: TableField, _ k: Int, _ label: String) -> Subsidy? {
            let text = cells[field]
            let subsidy: Subsidy?
            if BytewiseString.equal(text, lastSubsidy[k].text) {
                subsidy = lastSubsidy[k].subsidy
            } else {
                if let known = subsidies[BytewiseString(text)] {
                    subsidy = known
                } else {
                    subsidy = SubsidyParser.parse(text)
                    subsidies[BytewiseString(text)] = subsidy
                }
                lastSubsidy[k] = (text, subsidy)
            }
            if subsidy == nil {
                report(.error, text.isEmpty ? "row \(seq) has no \(label) subsidy" : "row \(seq): cannot read the \(label) subsidy",
                       text.isEmpty ? nil : field)
            }
            return subsidy
        }
        let training = subsidy(.training, 0, "training")
        let assessment = subsidy(.assessment, 1, "assessment")
        let urgent = FieldNormaliser.urgentMark(cells[.urgent])
        if urgent == nil {
            report(.warning, "row \(seq): unexpected text in the urgent column", .urgent)
        }
        entries.append(Entry(
            seq: seq, industry: industry, code: code, name: name,
            training: training, assessment: assessment, urgent: urgent ?? false))
        anchors.append(cells.anchor)
    }

}
