/// Turns a loaded catalogue into the files `mulu compile` writes, all in memory, so they can be
/// written together atomically.
public enum CatalogueCompiler {
    /// What to write and how.
    public struct Options: Sendable {
        /// `$schema` written into catalogue.json, e.g. `../../schemas/catalogue.schema.json`.
        public var schemaRef: String?
        /// Start the CSV with a UTF-8 byte-order mark (for Excel on Windows).
        public var byteOrderMark: Bool
        public init(schemaRef: String? = nil, byteOrderMark: Bool = false) {
            self.schemaRef = schemaRef
            self.byteOrderMark = byteOrderMark
        }
    }

    /// The files for one catalogue: `catalogue.json`, `catalogue.csv`, `datapackage.json`, and
    /// `<TypeName>.swift`, named relative to the output folder.
    public static func files(
        for loaded: CatalogueLoader.Loaded, options: Options
    ) -> [(name: String, bytes: [UInt8])] {
        let catalogue = loaded.catalogue
        let metadata = loaded.metadata ?? defaultMetadata(for: catalogue)
        let typeName = CatalogueSwiftSource.typeName(forID: metadata.id)
        // The three encodings share nothing: run them on all cores.
        let (schemaRef, bom) = (options.schemaRef, options.byteOrderMark)
        // The CSV's hash (for datapackage.json) is taken in the CSV's own task.
        let tasks: [@Sendable () -> (bytes: [UInt8], sha256: String?)] = [
            { (CatalogueJSON.encode(catalogue, schemaRef: schemaRef), nil) },
            {
                let csv = CatalogueCSV.encode(catalogue, byteOrderMark: bom)
                return (csv, SHA256.hex(csv))
            },
            { (CatalogueSwiftSource.encode(catalogue, typeName: typeName), nil) },
        ]
        let encoded = Parallel.run(tasks)
        let (json, csv, swift) = (encoded[0].bytes, encoded[1].bytes, encoded[2].bytes)
        let package = DataPackage.encode(
            catalogue: catalogue, metadata: metadata, csvName: "catalogue.csv", csvBytes: csv,
            csvSHA256: encoded[1].sha256, jsonName: "catalogue.json", byteOrderMark: options.byteOrderMark)
        return [
            ("catalogue.json", json), ("catalogue.csv", csv), ("datapackage.json", package),
            ("\(typeName).swift", swift),
        ]
    }

    /// Metadata for a bare notice: id from its file name, licence not specified.
    public static func defaultMetadata(for catalogue: Catalogue) -> CatalogueMetadata {
        let stem = catalogue.source.file.split(separator: ".").dropLast().joined(separator: ".")
        var id = ""
        for u in stem.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                id.unicodeScalars.append(u)
            } else if !id.isEmpty, id.last != "-" {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        if id.isEmpty || !(("a"..."z").contains(id.unicodeScalars.first!)) { id = "catalogue" + (id.isEmpty ? "" : "-" + id) }
        let year = stem.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { (1990...2100).contains($0) } ?? 0
        return CatalogueMetadata(
            id: id, title: catalogue.title, region: "", year: year, attachment: nil,
            notice: catalogue.source.file, source: .init(title: catalogue.source.file),
            licence: .init(name: "notspecified", title: "Licence not specified"))
    }
}
