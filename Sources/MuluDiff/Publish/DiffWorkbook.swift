import MuluSupport
import MuluModel
import MuluOutput
/// Builds the workbook of a diff (`mulu diff --format xlsx --out FILE`): sheet 变更 holds the
/// ``DiffTable`` as daff shows a table diff (a column of marks, added rows green, removed rows
/// red, changed rows blue with each changed cell yellow and `old → new`); sheet 说明 the counts
/// and the two catalogues compared.
public enum DiffWorkbook {
    /// The sheets' names, in order.
    public static let sheetNames = ["变更", "说明"]

    /// The workbook of `diff`.
    public static func workbook(_ diff: CatalogueDiff, sides: DiffSides = .unnamed) -> XLSXWorkbook {
        let table = DiffTable(diff)
        var rows: [[XLSXWorkbook.Cell]] = [DiffTable.headings.map { .text($0, style: .header) }]
        for row in table.rows {
            let style: XLSXWorkbook.Style = switch row.kind {
            case .added: .added
            case .removed: .removed
            case .changed: .changed
            }
            var cells: [XLSXWorkbook.Cell] = [.text(row.kind.mark, style: style), .number(String(row.seq), style: style)]
            for cell in row.cells {
                switch cell {
                case .value(let v): cells.append(.text(v, style: style))
                case .changed: cells.append(.text(cell.text, style: .changedCell))
                }
            }
            rows.append(cells)
        }
        var widths = XLSXWorkbook.Sheet.fittingWidths(Array(rows.dropFirst()), minimum: 8, maximum: 48)
        if widths.isEmpty { widths = Array(repeating: 12, count: DiffTable.headings.count) }
        let changes = XLSXWorkbook.Sheet(name: sheetNames[0], rows: rows, columnWidths: widths, freezeHeader: true, autoFilter: true)

        let facts: [(String, XLSXWorkbook.Cell)] = [
            ("旧", .text(sides.old.name)), ("旧标题", .text(sides.old.title)),
            ("新", .text(sides.new.name)), ("新标题", .text(sides.new.title)),
            ("新增", .number(String(diff.added.count))), ("删除", .number(String(diff.removed.count))),
            ("变更", .number(String(diff.changed.count))), ("未变", .number(String(diff.unchangedCount))),
            ("标记", .text("+++ 新增，--- 删除，→ 变更（变更的单元格为 旧值 → 新值）")),
            ("匹配", .text("按代码与名称匹配，不按序号；序号变动不算变更")),
        ]
        var about: [[XLSXWorkbook.Cell]] = [[.text("项目", style: .header), .text("内容", style: .header)]]
        for (label, value) in facts { about.append([.text(label), value]) }
        let summary = XLSXWorkbook.Sheet(name: sheetNames[1], rows: about, columnWidths: [12, 72])
        return XLSXWorkbook(title: "目录变更：\(sides.old.name) → \(sides.new.name)", sheets: [changes, summary])
    }

    /// The bytes of the workbook; `name` is the file named in an error.
    public static func encode(_ diff: CatalogueDiff, sides: DiffSides = .unnamed, name: String = "diff.xlsx") throws -> [UInt8] {
        try workbook(diff, sides: sides).bytes(name: name)
    }
}
