import MuluSupport
import MuluModel
/// Turns a loaded catalogue into the files `mulu compile` writes: streamed straight into their
/// folder and replaced there together (``write(_:options:into:)``), or all in memory
/// (``files(for:options:)``).
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

    /// The names of the files compiled for `loaded`, in the order they are written:
    /// `catalogue.json`, `catalogue.csv`, `datapackage.json`, `<TypeName>.swift`, and for people
    /// `catalogue.xlsx` and `index.html` (``CataloguePublication``).
    public static func fileNames(for loaded: some CompilableCatalogue) -> [String] {
        ["catalogue.json", "catalogue.csv", "datapackage.json", "\(typeName(for: loaded)).swift",
         CataloguePublication.workbookName, CataloguePublication.pageName]
    }

    /// The files for one catalogue (see ``fileNames(for:)``), named relative to the output
    /// folder, all in memory.
    public static func files(
        for loaded: some CompilableCatalogue, options: Options
    ) throws -> [(name: String, bytes: [UInt8])] {
        let catalogue = loaded.catalogue
        let typeName = typeName(for: loaded)
        let metadata = loaded.metadata ?? defaultMetadata(for: catalogue)
        let names = fileNames(for: loaded)
        // The encodings share nothing: run them on all cores.
        let (schemaRef, bom) = (options.schemaRef, options.byteOrderMark)
        let tasks: [@Sendable () -> Result<[UInt8], any Error>] = [
            { .success(CatalogueJSON.encode(catalogue, schemaRef: schemaRef)) },
            { .success(CatalogueCSV.encode(catalogue, byteOrderMark: bom)) },
            { .success(CatalogueSwiftSource.encode(catalogue, typeName: typeName)) },
            { Result { try CataloguePublication.workbook(catalogue, metadata: metadata) } },
            { .success(CataloguePublication.page(catalogue, metadata: metadata, files: names)) },
        ]
        let encoded = try Parallel.run(tasks).map { try $0.get() }
        let (json, csv, swift, workbook, page) = (encoded[0], encoded[1], encoded[2], encoded[3], encoded[4])
        let package = dataPackage(
            for: loaded, options: options, csvByteCount: csv.count, csvSHA256: Checksum.hex(csv),
            workbook: Streamed(count: workbook.count, sha256: Checksum.hex(workbook)))
        return zip(names, [json, csv, package, swift, workbook, page]).map { ($0, $1) }
    }

    /// Compiles `loaded` into `directory` (created if missing) and returns the names written.
    ///
    /// The same files as ``files(for:options:)``, but never whole in memory: the three encoders
    /// run on all cores, each streaming its bytes in chunks into its temporary file as it goes
    /// (the CSV hashed on the way, for `datapackage.json`), so that encoding, hashing and the
    /// disk's writing overlap. The files are then renamed into place together, as
    /// ``AtomicWriter/write(_:into:)`` does, with its checks and errors; on any failure nothing
    /// is left behind and existing files are untouched.
    ///
    /// `loaded` is let go of as soon as the files are encoded, on another core: given the last
    /// reference to it, its entries are freed while the files are flushed and renamed (which
    /// mostly waits on the disk), not after.
    @discardableResult
    public static func write(
        _ loaded: consuming some CompilableCatalogue, options: Options, into directory: String
    ) throws -> [String] {
        let names = fileNames(for: loaded)
        let transaction = try AtomicWriter.Transaction(names: names, into: directory)
        do {
            let (csv, workbook, schema) = try encode(loaded, options: options, names: names, into: transaction)
            let package = dataPackage(
                for: loaded, options: options, csvByteCount: csv.count, csvSHA256: csv.sha256!, workbook: workbook,
                schema: schema)
            Parallel.dropInBackground(consume loaded)
            try transaction.append(2) { file in package.withUnsafeBytes { file.append($0) } }
            try transaction.commit()
        } catch {
            transaction.rollBack()
            throw error
        }
        return names
    }

    /// Streams `catalogue.json`, `catalogue.csv`, the Swift source and the page into their
    /// temporary files in `transaction`, and writes the workbook, each on a thread of its own; the
    /// CSV's and the workbook's size and hash, and the CSV's Table Schema for `datapackage.json`
    /// (made by the page's thread once the page is written: the page is the lightest file, and
    /// the schema reads every entry, which would otherwise be done after all the files).
    private static func encode(
        _ loaded: some CompilableCatalogue, options: Options, names: [String], into transaction: AtomicWriter.Transaction
    ) throws -> (csv: Streamed, workbook: Streamed, schema: JSONValue) {
        let catalogue = loaded.catalogue
        let typeName = typeName(for: loaded)
        let metadata = loaded.metadata ?? defaultMetadata(for: catalogue)
        let (schemaRef, bom) = (options.schemaRef, options.byteOrderMark)
        // Each task writes one file; the CSV's task also hashes it.
        let schema = SchemaSlot()
        let tasks: [@Sendable () -> Result<Streamed, any Error>] = [
            { Result { try stream(into: transaction, file: 0) { CatalogueJSON.encode(catalogue, schemaRef: schemaRef, into: $0) } } },
            { Result { try stream(into: transaction, file: 1, hashing: true) { CatalogueCSV.encode(catalogue, byteOrderMark: bom, into: $0) } } },
            { Result { try stream(into: transaction, file: 3) { CatalogueSwiftSource.encode(catalogue, typeName: typeName, into: $0) } } },
            { Result { try whole(into: transaction, file: 4) { try CataloguePublication.workbookPieces(catalogue, metadata: metadata) } } },
            { Result {
                let page = try stream(into: transaction, file: 5) {
                    CataloguePublication.page(catalogue, metadata: metadata, files: names, into: $0)
                }
                schema.value = DataPackage.tableSchema(for: catalogue)
                return page
            } },
        ]
        let streamed = try Parallel.runEach(tasks).map { try $0.get() }
        return (streamed[1], streamed[3], schema.value ?? DataPackage.tableSchema(for: catalogue))
    }

    /// The CSV's Table Schema, set by one task and read once every task has ended.
    private final class SchemaSlot: @unchecked Sendable {
        var value: JSONValue?
    }

    /// Writes the bytes `encode` makes whole (in pieces, one after the other) into file `n` of
    /// `transaction`; their size and hash.
    private static func whole(
        into transaction: AtomicWriter.Transaction, file n: Int, _ encode: () throws -> [[UInt8]]
    ) throws -> Streamed {
        let t0 = PhaseTimer.now()
        let pieces = try encode()
        let t1 = PhaseTimer.now()
        // Hashed on another thread while it is written: the workbook is the last file done.
        let (sha256, _) = try Parallel.pair({
            var hasher = Checksum.Hasher()
            for piece in pieces { piece.withUnsafeBytes { hasher.update($0) } }
            return hasher.finishHex()
        }) {
            try transaction.append(n) { file in
                for piece in pieces { piece.withUnsafeBytes { file.append($0) } }
            }
        }
        PhaseTimer.report("file \(n): encoded", t0, t1)
        PhaseTimer.report("file \(n): written and hashed", t1, PhaseTimer.now())
        return Streamed(count: pieces.reduce(0) { $0 + $1.count }, sha256: sha256)
    }

    /// The chunk size of a streamed file: about a core's L2 cache, so a chunk is still in it
    /// when it is hashed and copied to the kernel, and few `write` calls.
    static let chunkSize = 1 << 20

    /// What streaming one file gave: its size, and its SHA-256 when it was asked for.
    private struct Streamed: Sendable {
        var count: Int
        var sha256: String?
    }

    /// Runs `encode` into a buffer that streams to file `n` of `transaction` in chunks, hashing
    /// them on the way when `hashing`.
    private static func stream(
        into transaction: AtomicWriter.Transaction, file n: Int, hashing: Bool = false,
        _ encode: (OutputBuffer) -> Void
    ) throws -> Streamed {
        let t0 = PhaseTimer.now()
        defer { PhaseTimer.report("file \(n): streamed", t0, PhaseTimer.now()) }
        var hasher = Checksum.Hasher()
        var count = 0
        try transaction.append(n) { file in
            let out = OutputBuffer(chunkSize: chunkSize) { chunk in
                if hashing { hasher.update(chunk) }
                file.append(chunk)
            }
            encode(out)
            out.flush()
            count = out.totalCount
        }
        return Streamed(count: count, sha256: hashing ? hasher.finishHex() : nil)
    }

    /// The Swift type name of a loaded catalogue, from its id.
    private static func typeName(for loaded: some CompilableCatalogue) -> String {
        CatalogueSwiftSource.typeName(forID: (loaded.metadata ?? defaultMetadata(for: loaded.catalogue)).id)
    }

    /// `datapackage.json` for `loaded`, given its CSV's and its workbook's size and hash.
    private static func dataPackage(
        for loaded: some CompilableCatalogue, options: Options, csvByteCount: Int, csvSHA256: String, workbook: Streamed,
        schema: JSONValue? = nil
    ) -> [UInt8] {
        let metadata = loaded.metadata ?? defaultMetadata(for: loaded.catalogue)
        return DataPackage.encode(
            catalogue: loaded.catalogue, metadata: metadata,
            csvName: "catalogue.csv", csvByteCount: csvByteCount, csvSHA256: csvSHA256,
            jsonName: "catalogue.json", byteOrderMark: options.byteOrderMark,
            otherResources: [CataloguePublication.workbookResource(
                loaded.catalogue, title: metadata.title, byteCount: workbook.count, sha256: workbook.sha256 ?? "")],
            schema: schema)
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
