import MuluSupport
import MuluModel
/// The entry table as people see it in the workbook and on the page: the CSV's columns and
/// cells, each column with its Chinese heading and its kind.
///
/// It is read back from the bytes ``CatalogueCSV`` writes and typed by the Table Schema that
/// ``DataPackage`` publishes for that CSV, so the workbook and the page follow both: a column
/// added to the CSV appears in them with its schema title (or its own name when the schema has
/// no such field), and the workbook holds exactly the CSV's cells.
public struct PublishedTable: Sendable {
    /// How a column's cells are written.
    public enum Kind: String, Sendable {
        /// A whole number (`integer` or `number` in the schema): a number cell.
        case number
        /// `true`/`false` (`boolean`): 是/否.
        case boolean
        /// Anything else: text as published.
        case text
    }

    /// One column of the table.
    public struct Column: Sendable, Hashable {
        /// The CSV column name, e.g. `training_text`.
        public var name: String
        /// The heading people read, e.g. `培训补贴等级及补贴标准`.
        public var title: String
        public var kind: Kind
    }

    public var columns: [Column]
    /// The data rows, each with one cell per column, as the CSV has them (empty when missing).
    public var rows: [[String]]

    /// The index of the column named `name`, if the table has one.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The table of `catalogue`, as its `catalogue.csv` holds it.
    public init(catalogue: Catalogue) {
        self.init(csv: CatalogueCSV.encode(catalogue, byteOrderMark: false))
    }

    /// The table held by CSV `bytes` with a header row (as ``CatalogueCSV`` writes).
    public init(csv bytes: [UInt8]) {
        var records = CSVRecords.parse(bytes)
        let header = records.isEmpty ? [] : records.removeFirst()
        let fields = Self.schemaFields()
        columns = header.map { name in
            let field = fields[name]
            return Column(name: name, title: field?.title ?? name, kind: field?.kind ?? .text)
        }
        let width = header.count
        rows = records.map { record in
            record.count == width ? record
                : Array(record.prefix(width)) + Array(repeating: "", count: max(0, width - record.count))
        }
    }

    /// The columns of `catalogue`'s table alone (its CSV's header, without encoding its rows).
    public static func columns(of catalogue: Catalogue) -> [Column] {
        var empty = catalogue
        empty.entries = []
        return PublishedTable(catalogue: empty).columns
    }

    /// The display text of a cell: 是/否 for a boolean, the cell itself otherwise.
    public func display(_ value: String, column: Int) -> String {
        guard columns[column].kind == .boolean else { return value }
        switch value {
        case "true": return "是"
        case "false": return "否"
        default: return value
        }
    }

    /// Title and kind of each field of the CSV's Table Schema, by name.
    static func schemaFields() -> [String: (title: String, kind: Kind)] {
        guard case .object(let schema) = DataPackage.tableSchema, case .array(let fields)? = schema["fields"] else {
            return [:]
        }
        var byName: [String: (title: String, kind: Kind)] = [:]
        for case .object(let field) in fields {
            guard case .string(let name)? = field["name"] else { continue }
            var title = name
            if case .string(let t)? = field["title"] { title = t }
            var kind = Kind.text
            if case .string(let type)? = field["type"] {
                switch type {
                case "integer", "number": kind = .number
                case "boolean": kind = .boolean
                default: kind = .text
                }
            }
            byName[name] = (title, kind)
        }
        return byName
    }
}
