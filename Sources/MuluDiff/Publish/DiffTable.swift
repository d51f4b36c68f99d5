import MuluSupport
import MuluModel
import MuluOutput
/// A diff laid out as one table the way daff shows a table diff: a first column of change marks
/// (`+++` added, `---` removed, `→` changed), then the entry's fields, a changed cell holding
/// old → new. Shared by the diff page and the diff workbook.
///
/// Rows are in the report order of each kind merged by code and name (so a renamed row sits near
/// where it was); the fields are ``EntryField``'s, in its order, after the row number.
public struct DiffTable: Sendable {
    /// What happened to a row.
    public enum Kind: String, Sendable {
        case added, removed, changed

        /// The daff-style mark of the row.
        public var mark: String {
            switch self {
            case .added: "+++"
            case .removed: "---"
            case .changed: "→"
            }
        }

        /// The word people read: 新增, 删除, 变更.
        public var label: String {
            switch self {
            case .added: "新增"
            case .removed: "删除"
            case .changed: "变更"
            }
        }
    }

    /// One cell: a value, or the old and new values of a changed field.
    public enum Cell: Sendable, Hashable {
        case value(String)
        case changed(old: String, new: String)

        /// The cell as one line of text: the value, or `old → new`.
        public var text: String {
            switch self {
            case .value(let v): v
            case .changed(let old, let new): "\(old) → \(new)"
            }
        }
    }

    /// One row of the table.
    public struct Row: Sendable, Hashable {
        public var kind: Kind
        /// The row number in the new catalogue (in the old one for a removed row).
        public var seq: Int
        /// One cell per field of ``DiffTable/fields``.
        public var cells: [Cell]
    }

    /// The fields shown, in order.
    public static let fields: [EntryField] = EntryField.allCases
    /// The column headings: the mark column `@@` (as daff heads it), 序号, then each field's label.
    public static let headings: [String] = ["@@", "序号"] + fields.map(\.label)

    public var rows: [Row]

    /// The table of `diff`.
    public init(_ diff: CatalogueDiff) {
        var rows: [(key: EntryKey, order: Int, row: Row)] = []
        for entry in diff.added {
            rows.append((entry.key, rows.count, Row(kind: .added, seq: entry.seq, cells: Self.fields.map { .value($0.displayValue(of: entry)) })))
        }
        for entry in diff.removed {
            rows.append((entry.key, rows.count, Row(kind: .removed, seq: entry.seq, cells: Self.fields.map { .value($0.displayValue(of: entry)) })))
        }
        for change in diff.changed {
            let cells: [Cell] = Self.fields.map { field in
                let (old, new) = (field.displayValue(of: change.before), field.displayValue(of: change.after))
                return change.fields.contains(field) ? .changed(old: old, new: new) : .value(new)
            }
            rows.append((change.after.key, rows.count, Row(kind: .changed, seq: change.after.seq, cells: cells)))
        }
        // By key, then in the order above (added, removed, changed, each in report order).
        rows.sort { ($0.key.code, $0.key.name, $0.order) < ($1.key.code, $1.key.name, $1.order) }
        self.rows = rows.map(\.row)
    }
}
