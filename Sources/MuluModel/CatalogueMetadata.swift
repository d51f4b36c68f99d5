import MuluSupport
/// The hand-edited facts about a catalogue that its notice does not state in its table:
/// `inputs/<id>/metadata.json`.
public struct CatalogueMetadata: Codable, Hashable, Sendable {
    /// Folder name and open-data identifier: lowercase ASCII, digits and `-`, e.g. `changji-2024`.
    public var id: String
    /// The catalogue's title as published.
    public var title: String
    /// The prefecture or region that publishes it, e.g. `昌吉回族自治州`.
    public var region: String
    /// The year the catalogue applies to.
    public var year: Int
    /// The attachment label on the notice, e.g. `附件2`.
    public var attachment: String?
    /// The notice file inside the folder, e.g. `notice.txt` or `notice.pdf`.
    public var notice: String
    /// Where the notice was published.
    public var source: SourceInfo
    /// Under which licence the data may be reused.
    public var licence: Licence
    /// A short description for data portals.
    public var description: String?

    /// The publisher and where the notice can be found.
    public struct SourceInfo: Codable, Hashable, Sendable {
        public var title: String
        public var publisher: String?
        public var path: String?
        public init(title: String, publisher: String? = nil, path: String? = nil) {
            self.title = title
            self.publisher = publisher
            self.path = path
        }
    }

    /// A licence by its SPDX-style name, title and where to read it.
    public struct Licence: Codable, Hashable, Sendable {
        public var name: String
        public var title: String
        public var path: String?
        public init(name: String, title: String, path: String? = nil) {
            self.name = name
            self.title = title
            self.path = path
        }
    }

    public init(
        id: String, title: String, region: String, year: Int, attachment: String?, notice: String,
        source: SourceInfo, licence: Licence, description: String? = nil
    ) {
        self.id = id
        self.title = title
        self.region = region
        self.year = year
        self.attachment = attachment
        self.notice = notice
        self.source = source
        self.licence = licence
        self.description = description
    }
}
