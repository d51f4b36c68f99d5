import MuluModel
import MuluTable
/// Plain-text views of a parse, for `mulu extract`.
public enum TableDump {
    /// A row a line: `p<page>\t<seq>\t<industry>\t<code>\t<name>\t<training>\t<assessment>\t<urgent>`.
    public static func rows(_ notice: ParsedNotice) -> String {
        var out = ""
        for row in notice.rows {
            var cells = ["p\(row.anchor.page)", String(row.seq)]
            for field in TableField.allCases where field != .seq { cells.append(row.text(field)) }
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Every line with its role: `p<page> l<line>\t<role>\t<text>`; body lines say which rows
    /// their fragments went to, or that they were reported.
    public static func lines(_ notice: ParsedNotice) -> String {
        var rowOf: [Fragment: Int] = [:]
        for row in notice.rows {
            rowOf[row.anchor] = row.seq
            for (_, fragments) in row.cells { for f in fragments { rowOf[f] = row.seq } }
        }
        var out = ""
        for (p, page) in notice.pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                let role = notice.roles[p][i]
                var label = "\(role)"
                if role == .body {
                    let seqs = Set(line.fragments.compactMap { rowOf[$0] }).sorted()
                    let lost = line.fragments.filter { rowOf[$0] == nil }.count
                    label = seqs.isEmpty ? "reported" : "row " + seqs.map(String.init).joined(separator: ",")
                    if lost > 0, !seqs.isEmpty { label += " +reported" }
                }
                out += "p\(page.number) l\(line.line)\t\(label)\t\(line.text)\n"
            }
        }
        return out
    }

    /// Every header cell as published and the field it was mapped to (or "kept as extra"), table
    /// by table; then, per page, the header cells (label, field, x-extent) and the body columns
    /// found (PDF and column-laid-out text), or the delimited reader's columns.
    public static func columns(_ notice: ParsedNotice) -> String {
        var out = headerCells(notice)
        guard let recovery = notice.recovery else { return out + delimitedColumns(notice) }
        out += recovery.grids.isEmpty ? "" : "rows read by \(recovery.method == .rules ? "the table's rules" : "gaps and alignment")\n"
        for (p, page) in recovery.pages.enumerated() {
            out += "page \(page.number)\n"
            if p < recovery.grids.count {
                let grid = recovery.grids[p]
                for t in grid.tables {
                    let merged = t.cells.filter { $0.rowSpan > 1 || $0.columnSpan > 1 }.count
                    out += "  grid \(t.rowCount)×\(t.columnCount)\t\(format1(t.x0))–\(format1(t.x1)) × \(format1(t.y0))–\(format1(t.y1))\t\(t.cells.count) cells, \(merged) merged\t\(grid.rules.count) rules\n"
                }
            }
            for c in recovery.headerCells[p] {
                out += "  header \(c.field.map { "\($0)" } ?? "?")\t\(format1(c.x0))–\(format1(c.x1))\t\(c.text)\n"
            }
            for c in recovery.columns[p] {
                out += "  column \(c.field)\t\(format1(c.x0))–\(format1(c.x1))\n"
            }
        }
        return out
    }

    /// Every stage of each page's grid, as text: the rules found (`h y x0–x1 thickness`, `v x
    /// y0–y1 thickness`), the edges joined from them, and each table's row and column lines
    /// with its merged cells (`row r col c: r×c`). Page points, origin top left.
    public static func rules(_ notice: ParsedNotice) -> String {
        guard let recovery = notice.recovery else { return "" }
        var out = ""
        for grid in recovery.grids {
            out += "page \(grid.page)\t\(grid.rules.count) rules, \(grid.edges.count) edges, \(grid.tables.count) table(s)\n"
            for r in grid.rules {
                out += "  rule \(r.orientation == .horizontal ? "h" : "v") \(format1(r.position))\t\(format1(r.start))–\(format1(r.end))\tthick \(format1(r.thickness))\n"
            }
            for e in grid.edges {
                out += "  edge \(e.orientation == .horizontal ? "h" : "v") \(format1(e.position))\t\(format1(e.start))–\(format1(e.end))\n"
            }
            for t in grid.tables {
                out += "  table rows at \(t.ys.map(format1).joined(separator: " "))\n"
                out += "  table columns at \(t.xs.map(format1).joined(separator: " "))\n"
                for (r, c) in t.cells.enumerated().map({ ($0.offset, $0.element) }).map({ ($1, $0) }) where r.rowSpan > 1 || r.columnSpan > 1 {
                    out += "  cell \(c) row \(r.row) col \(r.column): \(r.rowSpan)×\(r.columnSpan)\n"
                }
            }
        }
        return out
    }

    /// The header cells of each table as published, and what each was mapped to:
    /// `  职业（工种）代码 → code`, `  备注 → kept as extra`, `  培训补贴标准/初级 → training (初级)`.
    public static func headerCells(_ notice: ParsedNotice) -> String {
        var out = ""
        let tables = notice.tableColumns.isEmpty ? [notice.columns] : notice.tableColumns
        for (t, columns) in tables.enumerated() {
            let table = t < notice.tables.count ? notice.tables[t] : nil
            let name = [table?.label, table?.title].compactMap { $0 }.joined(separator: " ")
            out += "table \(t + 1)\(name.isEmpty ? "" : " (" + name + ")"): header cells as published → field\n"
            for c in columns {
                let field = c.field == "extra" ? "kept as extra" : c.field + (c.level.map { " (\($0.rawValue))" } ?? "")
                out += "  \(c.header) → \(field)\n"
            }
        }
        return out
    }

    /// What the delimited reader decided: the columns in the order it reads them and how it tells
    /// each cell apart.
    static func delimitedColumns(_ notice: ParsedNotice) -> String {
        var out = "delimited text: one row per line; cells told apart by their shape, in the header's order\n"
        for (k, field) in (notice.delimitedColumns ?? TableField.allCases).enumerated() {
            out += "  column \(k + 1) \(field)\t\(shapeDescription(field))\n"
        }
        if let fields = notice.delimitedColumns, !fields.contains(.seq) {
            out += "  (no 序号 column: rows are numbered as they come)\n"
        }
        return out
    }

    /// How the delimited reader recognises a cell of `field`.
    static func shapeDescription(_ field: TableField) -> String {
        switch field {
        case .seq: "a row number: digits (where the header has 序号)"
        case .code: "a code: a digit, then a segment separator (6-31, 6.31 …); or 无, /, a letter code"
        case .training, .assessment: "a subsidy: a level word (初级, 五级, 初、中级 …), an amount, a cap, or none (—, /, 无)"
        case .urgent: "an urgency mark (*, ＊, 是, √, ★, 急需 …) or its absence (否, —)"
        case .industry, .name: "free text: the words up to the next cell with a shape"
        }
    }

    static func format1(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
