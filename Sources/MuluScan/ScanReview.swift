import MuluModel
import MuluTable

/// Checks the rows read from scanned pages cell by cell, after they were assembled: every
/// reading that breaks its column's grammar, every cell OCR was unsure of or could not read is
/// a diagnostic naming its page, row and column; names nearly matching a lexicon name are
/// snapped to it, with a note. Pure.
public enum ScanReview {
    /// What the review gave: the rows (names snapped) and the diagnostics.
    public struct Result: Sendable {
        public var rows: [RowRecord]
        public var diagnostics: [Diagnostic]
        /// The cells each diagnostic is about, labelled `row N, column`, for drawing.
        public var doubtful: [(cell: ScanCell, label: String)]
    }

    /// Reviews `rows` against the OCR `cells` they were read from. `lexicon`: known names (the
    /// previous catalogue's), empty for none.
    public static func review(
        _ rows: [RowRecord], cells: [ScanCell], lexicon: Set<String> = [], settings: ScanSettings = ScanSettings()
    ) -> Result {
        var byPage: [Int: [ScanCell]] = [:]
        for c in cells { byPage[c.page, default: []].append(c) }
        var out: [RowRecord] = []
        var diagnostics: [Diagnostic] = []
        var doubtful: [(cell: ScanCell, label: String)] = []
        let sortedLexicon = lexicon.sorted()
        let (rows, corrections) = ScanConsensus.corrected(rows, settings: settings)
        var corrected: [Int: [TableField: String]] = [:]
        for c in corrections { corrected[c.row, default: [:]][c.field] = c.message }
        for (index, var row) in rows.enumerated() {
            for field in TableField.allCases {
                let fragments = field == .seq ? [row.anchor] : row.cells[field] ?? []
                guard let first = fragments.first else {
                    // No text in the cell: an error when OCR found ink there but read nothing.
                    let a = row.anchor, y = (a.y0 + a.y1) / 2
                    if let empty = (byPage[a.page] ?? []).first(where: { $0.field == field && $0.unread && $0.y0 <= y && y <= $0.y1 }) {
                        diagnostics.append(Diagnostic(
                            .error, "row \(row.seq), column \(field.label) (OCR): the cell has ink, but OCR read nothing in it",
                            page: a.page, line: a.line, column: nil, excerpt: nil, seq: row.seq))
                        doubtful.append((empty, "\(row.seq) \(field)"))
                    }
                    continue
                }
                var read: [ScanCell] = []
                for f in fragments {
                    let x = (f.x0 + f.x1) / 2, y = (f.y0 + f.y1) / 2
                    for c in byPage[f.page] ?? [] where c.contains(x: x, y: y) && !read.contains(c) { read.append(c) }
                }
                guard !read.isEmpty else { continue }
                let text = field == .seq ? first.text : Blank.removed(from: row.text(field))
                let column = "column \(field.label)"
                func report(_ severity: Diagnostic.Severity, _ message: String) {
                    diagnostics.append(Diagnostic(
                        severity, "row \(row.seq), \(column) (OCR): \(message)", page: first.page,
                        line: first.line, column: nil, excerpt: text.isEmpty ? nil : text, seq: row.seq))
                    for c in read { doubtful.append((c, "\(row.seq) \(field)")) }
                }
                if let message = corrected[index]?[field] {
                    report(.warning, message)
                    continue
                }
                if field == .name, !sortedLexicon.isEmpty, !text.isEmpty, !lexicon.contains(text),
                   let known = snap(text, sortedLexicon, maxEdits: settings.lexiconMaxEdits) {
                    var replaced = first
                    replaced.text = known
                    row.cells[.name] = [replaced]
                    report(.warning, "read `\(text)`, snapped to `\(known)` from the lexicon")
                    continue
                }
                if let why = ColumnGrammar(field).problem(text) {
                    report(.error, "read `\(text)`, which breaks the column's grammar: \(why)")
                } else if read.contains(where: \.unread) {
                    report(.error, "the cell has ink, but OCR read nothing in it")
                } else if let low = read.map(\.confidence).min(), low < settings.minConfidence {
                    let note = read.compactMap(\.note).first.map { ": \($0)" } ?? ""
                    report(.warning, "OCR is unsure of `\(text)` (confidence \(Int(low.rounded())) < \(Int(settings.minConfidence)))\(note)")
                } else if let note = read.compactMap(\.note).first {
                    report(.warning, note)
                } else if field == .industry, !IndustryName.endsLikeOne(text) {
                    // A misread or cut industry (`焕气`, `…及水生产`) that still fits the grammar.
                    report(.warning, "read `\(text)`, which does not end as an industry name does (…业, …服务, …管理)")
                } else if field == .industry, let section = nearSection(text) {
                    report(.warning, "read `\(text)`, near the national industry `\(section)` (GB/T 4754) but not it: doubtful")
                }
            }
            out.append(row)
        }
        return Result(rows: out, diagnostics: diagnostics, doubtful: doubtful)
    }

    /// The one lexicon name within `maxEdits` edits (insertions, deletions, substitutions) of
    /// `name`, or nil when none or several are.
    static func snap(_ name: String, _ lexicon: [String], maxEdits: Int) -> String? {
        let a = Array(name.unicodeScalars)
        var found: String?
        for candidate in lexicon {
            let b = Array(candidate.unicodeScalars)
            guard abs(a.count - b.count) <= maxEdits, editDistance(a, b, limit: maxEdits) <= maxEdits else { continue }
            if found != nil { return nil }
            found = candidate
        }
        return found
    }

    /// The national industry section (`IndustryName.sections`) `text` is nearly but not: one
    /// edit from it (two for a section of ten characters or more: not `数字产业` for `房地产业`), or
    /// its end cut off from the start (`输、仓储和邮政业`); nil when it is one, or near none.
    static func nearSection(_ text: String) -> String? {
        guard !IndustryName.sections.contains(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        return IndustryName.sections.first { section in
            let target = Array(section.unicodeScalars)
            let allowed = target.count >= 10 ? 2 : 1
            return section.hasSuffix(text) && scalars.count >= 4 || editDistance(scalars, target, limit: allowed) <= allowed
        }
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit` (then `limit + 1`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            var best = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
