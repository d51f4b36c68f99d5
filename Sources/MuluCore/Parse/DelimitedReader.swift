/// Reads rows from text whose cells are separated by blanks, tabs or ideographic spaces, one row
/// per line (a table copied from a web page or a document), by the shape of each cell.
///
/// The header names the column order. Typed cells are recognised by content — the row number,
/// the code, a subsidy (it starts with a level: `初级…`), the urgent mark — and free-text cells
/// (industry, name) take the tokens between them, so an empty cell (a merged industry) is
/// recognised too.
public enum DelimitedReader {
    /// Rows and the body lines that are not rows.
    public static func rows(
        pages: [PageText], roles: [[LineRole]]
    ) -> (rows: [RowRecord], unplaced: [UnplacedFragment]) {
        let order = columnOrder(pages: pages, roles: roles)
        var rows: [RowRecord] = []
        var unplaced: [UnplacedFragment] = []
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .body {
                let tokens = line.fragments
                guard let first = tokens.first else { continue }
                guard let seq = FieldNormaliser.seq(first.text) else {
                    for f in tokens {
                        unplaced.append(UnplacedFragment(fragment: f, reason: "line is not a row of the table"))
                    }
                    continue
                }
                var cells: [TableField: [Fragment]] = [:]
                var k = 1
                for (n, field) in order.enumerated() where field != .seq {
                    let next = order[(n + 1)...].first { $0 != .industry && $0 != .name }
                    switch field {
                    case .code:
                        if k < tokens.count, CodeSyntax.looksLikeCode(tokens[k].text[...]) {
                            cells[.code] = [tokens[k]]
                            k += 1
                        }
                    case .training, .assessment:
                        guard k < tokens.count, SubsidyParser.startsSubsidy(tokens[k].text[...]) else { break }
                        var cell = [tokens[k]]
                        k += 1
                        while k < tokens.count, !SubsidyParser.startsSubsidy(tokens[k].text[...]),
                            !isMark(tokens[k].text)
                        {
                            cell.append(tokens[k])
                            k += 1
                        }
                        cells[field] = cell
                    case .urgent:
                        if k < tokens.count, isMark(tokens[k].text) {
                            cells[.urgent] = [tokens[k]]
                            k += 1
                        }
                    case .industry, .name:
                        var cell: [Fragment] = []
                        while k < tokens.count, !starts(next, tokens[k].text) {
                            cell.append(tokens[k])
                            k += 1
                        }
                        if !cell.isEmpty { cells[field] = cell }
                    case .seq:
                        break
                    }
                }
                for f in tokens[k...] {
                    unplaced.append(UnplacedFragment(fragment: f, reason: "text after the last cell of row \(seq)"))
                }
                rows.append(RowRecord(seq: seq, anchor: first, cells: cells))
            }
        }
        return (rows, unplaced)
    }

    /// The header's fields in printed order, or the reference order when the header is unclear.
    static func columnOrder(pages: [PageText], roles: [[LineRole]]) -> [TableField] {
        for (p, page) in pages.enumerated() {
            let header = page.lines.indices.filter { roles[p][$0] == .header }
            guard !header.isEmpty else { continue }
            var order: [TableField] = []
            for i in header {
                for f in page.lines[i].fragments {
                    if let field = TableField(headerLabel: f.text), !order.contains(field) { order.append(field) }
                }
            }
            if order.first == .seq, order.contains(.code), order.contains(.name) {
                for field in TableField.allCases where !order.contains(field) { order.append(field) }
                return order
            }
            break
        }
        return TableField.allCases
    }

    /// True when `text` can start a cell of the typed field `field` (nil: the end of the row).
    static func starts(_ field: TableField?, _ text: String) -> Bool {
        switch field {
        case .code: CodeSyntax.looksLikeCode(text[...])
        case .training, .assessment: SubsidyParser.startsSubsidy(text[...])
        case .urgent: isMark(text)
        case .seq: FieldNormaliser.seq(text) != nil
        case .industry, .name, nil: false
        }
    }

    static func isMark(_ text: String) -> Bool { FieldNormaliser.urgentMark(text) == true }
}
