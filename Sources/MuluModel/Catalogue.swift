import MuluSupport
/// A normalised catalogue: its entries, where they came from, and what was said about them.
public struct Catalogue: Codable, Hashable, Sendable {
    /// The version of the `catalogue.json` layout.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var title: String
    public var source: Source
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]

    public init(
        title: String, source: Source, entries: [Entry], diagnostics: [Diagnostic],
        schemaVersion: Int = Catalogue.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.title = title
        self.source = source
        self.entries = entries
        self.diagnostics = diagnostics
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
