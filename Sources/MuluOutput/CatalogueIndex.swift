import MuluSupport
import MuluModel
/// Writes the index of every generated catalogue (`generated/index.json`).
public enum CatalogueIndex {
    /// One catalogue in the index.
    public struct Item: Codable, Hashable, Sendable {
        /// The catalogue's id, its folder under `generated/`.
        public var id: String
        /// The catalogue's title.
        public var title: String
        /// The year it applies to.
        public var year: Int
        /// How many entries it has.
        public var entryCount: Int
        /// The files written for it, relative to its folder.
        public var files: [String]

        public init(id: String, title: String, year: Int, entryCount: Int, files: [String]) {
            self.id = id
            self.title = title
            self.year = year
            self.entryCount = entryCount
            self.files = files
        }
    }

    /// `{"catalogues": [...]}` with the items sorted by id and each item's files by name (UTF-8
    /// byte order), so the index does not depend on the order the catalogues were compiled in.
    public static func encode(_ items: [Item]) -> [UInt8] {
        let sorted = items.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var w = JSONWriter()
        w.beginObject()
        w.key("catalogues")
        w.beginArray()
        for item in sorted {
            w.beginObject()
            w.field("entryCount", item.entryCount)
            w.key("files")
            w.beginArray()
            for file in item.files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { w.string(file) }
            w.endArray()
            w.field("id", item.id)
            w.field("title", item.title)
            w.field("year", item.year)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
