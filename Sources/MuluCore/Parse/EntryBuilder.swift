/// Stage 5: turns recovered rows into normalised entries, filling merged industry cells down
/// and reporting every cell it cannot read, with its place in the notice.
public enum EntryBuilder {
    /// Occupation and work-type names end in one of these; a name that does not looks cut short.
    static let nameEndings: Set<Unicode.Scalar> = ["工", "员", "师", "手", "机", "人", "长", "匠", "家", "士", "生", "官", "者"]

    /// The entries of `rows`, in order, and what was said about them.
    public static func entries(from rows: [RowRecord]) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var entries: [Entry] = []
        entries.reserveCapacity(rows.count)
        var diagnostics: [Diagnostic] = []
        var industry = ""
        // Subsidy cells repeat across a catalogue: read each distinct text once.
        var subsidies: [String: Subsidy?] = [:]
        func subsidy(_ text: String) -> Subsidy? {
            if let known = subsidies[text] { return known }
            let parsed = SubsidyParser.parse(text)
            subsidies[text] = parsed
            return parsed
        }
        for row in rows {
            func report(_ severity: Diagnostic.Severity, _ message: String, _ field: TableField?) {
                let at = field.flatMap { row.cells[$0]?.first } ?? row.anchor
                let excerpt = field.map { row.text($0) } ?? row.anchor.text
                diagnostics.append(Diagnostic(
                    severity, message, page: at.page, line: at.line, column: at.column,
                    excerpt: excerpt.isEmpty ? nil : excerpt, seq: row.seq))
            }
            let ownIndustry = FieldNormaliser.text(row.text(.industry))
            if !ownIndustry.isEmpty {
                industry = ownIndustry
            } else if industry.isEmpty {
                report(.error, "row \(row.seq) has no industry, and no row above gives one", nil)
            }
            let code = FieldNormaliser.code(row.text(.code))
            if code.isEmpty {
                report(.error, "row \(row.seq) has no code", nil)
            } else if !CodeSyntax.isWellFormed(code) {
                report(.warning, "row \(row.seq): malformed code `\(code)`", .code)
            }
            let name = FieldNormaliser.text(row.text(.name))
            if name.isEmpty {
                report(.error, "row \(row.seq) has no name", nil)
            } else if let last = name.unicodeScalars.last, !nameEndings.contains(last) {
                report(.warning, "row \(row.seq): name `\(name)` looks cut short (names end in 工, 员, 师 …)", .name)
            }
            let trainingText = row.text(.training)
            let training = subsidy(trainingText)
            if training == nil {
                report(.error, trainingText.isEmpty
                    ? "row \(row.seq) has no training subsidy"
                    : "row \(row.seq): cannot read the training subsidy", trainingText.isEmpty ? nil : .training)
            }
            let assessmentText = row.text(.assessment)
            let assessment = subsidy(assessmentText)
            if assessment == nil {
                report(.error, assessmentText.isEmpty
                    ? "row \(row.seq) has no assessment subsidy"
                    : "row \(row.seq): cannot read the assessment subsidy", assessmentText.isEmpty ? nil : .assessment)
            }
            let markText = row.text(.urgent)
            let urgent = FieldNormaliser.urgentMark(markText)
            if urgent == nil {
                report(.warning, "row \(row.seq): unexpected text in the urgent column", .urgent)
            }
            entries.append(Entry(
                seq: row.seq, industry: industry, code: code, name: name,
                training: training, assessment: assessment, urgent: urgent ?? false))
        }
        return (entries, diagnostics)
    }
}
