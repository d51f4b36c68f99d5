import MuluSupport
/// A normalised catalogue: its entries, where they came from, and what was said about them.
public struct Catalogue: Codable, Hashable, Sendable {
    /// The version of the `catalogue.json` layout.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var title: String
    public var source: Source
    /// Every header cell as published and the field it was mapped to: how the table was read.
    public var columns: [Column]
    /// The tables of the notice (附件1, 附件2 …); `Entry.table` indexes this.
    public var tables: [Table]
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]

    public init(
        title: String, source: Source, entries: [Entry], diagnostics: [Diagnostic],
        columns: [Column] = [], tables: [Table] = [], schemaVersion: Int = Catalogue.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.title = title
        self.source = source
        self.columns = columns
        self.tables = tables
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// A header cell as published, and the field its column was read into.
    public struct Column: Codable, Hashable, Sendable {
        /// The header text, blanks removed (a wrapped header's lines joined).
        public var header: String
        /// `seq`, `industry`, `code`, `name`, `training`, `assessment`, `urgent`, or `extra`.
        public var field: String
        /// For a level sub-column of a subsidy (`初级` under 培训补贴标准), its level.
        public var level: Level?
        public init(header: String, field: String, level: Level? = nil) {
            self.header = header
            self.field = field
            self.level = level
        }
    }

    /// One table of a notice: its attachment label and title where given, and, in a notice of
    /// several tables, its own header cells (tables may differ: 备注 in one, 说明 in another).
    public struct Table: Codable, Hashable, Sendable {
        public var label: String?
        public var title: String?
        /// The table's header cells and their fields; nil in a notice of one table (`columns`).
        public var columns: [Column]?
        public init(label: String?, title: String?, columns: [Column]? = nil) {
            self.label = label
            self.title = title
            self.columns = columns
        }
    }

    /// The headers of the extra columns (no field of their own) of every table, each once: the
    /// first table's in column order, then those only later tables have, in theirs.
    public var extraHeaders: [String] {
        var out: [String] = []
        for c in columns + tables.flatMap({ $0.columns ?? [] }) where c.field == "extra" && !out.contains(c.header) {
            out.append(c.header)
        }
        return out
    }

    /// Where a catalogue was read from.
    public struct Source: Codable, Hashable, Sendable {
        /// The notice's file name, never an absolute path.
        public var file: String
        /// SHA-256 of the notice's bytes, lowercase hex.
        public var sha256: String
        /// `pdf` or `text`.
        public var format: Format

        public init(file: String, sha256: String, format: Format) {
            self.file = file
            self.sha256 = sha256
            self.format = format
        }
    }

    /// The kind of notice a catalogue was read from.
    public enum Format: String, Codable, Sendable {
        case pdf
        case text
        /// A `catalogue.json` read back.
        case json
    }
}
