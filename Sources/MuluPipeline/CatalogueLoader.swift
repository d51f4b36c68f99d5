import MuluSupport
import MuluModel
import MuluPDF
import MuluExtract
import MuluTable
import MuluEntries
import MuluOutput
import MuluDiff
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads any input `mulu` accepts — a notice (PDF or text), a catalogue folder under `inputs/`,
/// or a `catalogue.json` — reading each file exactly once.
public enum CatalogueLoader {
    /// A loaded input: the catalogue, its folder's metadata, and the parse when it was a notice.
    public struct Loaded: Sendable {
        public var catalogue: Catalogue
        public var metadata: CatalogueMetadata?
        public var notice: ParsedNotice?
        /// The bytes of the notice, for checksums and packaging.
        public var noticeBytes: [UInt8]?
    }

    /// Loads the catalogue at `path`. Throws `MuluError` naming the file and the problem.
    public static func load(path: String, password: String? = nil) throws -> Catalogue {
        try loadDetailed(path: path, password: password).catalogue
    }

    /// Loads `path` and keeps everything learned on the way.
    /// `keepRows` keeps every recovered row of a delimited text notice (for `mulu extract`).
    public static func loadDetailed(
        path: String, password: String? = nil, keepRows: Bool = false, reading: NoticeReading = NoticeReading()
    ) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MuluError(file: path, problem: "no such file or folder")
        }
        if isDirectory.boolValue { return try loadFolder(path, password: password, keepRows: keepRows, reading: reading) }
        let bytes = try read(path)
        if isPDF(bytes, path: path) {
            return try loadNotice(bytes: bytes, path: path, password: password, metadata: nil, keepRows: keepRows, reading: reading)
        }
        if path.lowercased().hasSuffix(".json") {
            return Loaded(catalogue: try decodeJSON(bytes, path: path), metadata: nil, notice: nil, noticeBytes: nil)
        }
        return try loadNotice(bytes: bytes, path: path, password: password, metadata: nil, keepRows: keepRows)
    }

    /// A catalogue folder: `metadata.json` naming the notice, or a compiled `catalogue.json`.
    static func loadFolder(_ path: String, password: String?, keepRows: Bool, reading: NoticeReading = NoticeReading()) throws -> Loaded {
        let metadataPath = (path as NSString).appendingPathComponent("metadata.json")
        if FileManager.default.fileExists(atPath: metadataPath) {
            let metadata = try readMetadata(metadataPath)
            let noticePath = (path as NSString).appendingPathComponent(metadata.notice)
            guard FileManager.default.fileExists(atPath: noticePath) else {
                throw MuluError(file: noticePath, problem: "no such file (named as the notice in \(metadataPath))")
            }
            let bytes = try read(noticePath)
            return try loadNotice(bytes: bytes, path: noticePath, password: password, metadata: metadata, keepRows: keepRows, reading: reading)
        }
        let jsonPath = (path as NSString).appendingPathComponent("catalogue.json")
        if FileManager.default.fileExists(atPath: jsonPath) {
            return Loaded(catalogue: try decodeJSON(try read(jsonPath), path: jsonPath), metadata: nil, notice: nil, noticeBytes: nil)
        }
        throw MuluError(file: path, problem: "a folder without metadata.json or catalogue.json: not a catalogue folder")
    }

    /// Parses a notice's bytes (already read) as PDF or text.
    public static func loadNotice(
        bytes: [UInt8], path: String, password: String?, metadata: CatalogueMetadata?, keepRows: Bool = false,
        reading: NoticeReading = NoticeReading()
    ) throws -> Loaded {
        let isPDF = isPDF(bytes, path: path)
        // The checksum needs only the bytes: it is taken while the notice is parsed.
        let (sha256, notice) = try Parallel.pair({ Checksum.hex(bytes) }) {
            isPDF
                ? try NoticeParser.parsePDF(
                    bytes, path: path, password: password, scan: reading.scan, lexicon: reading.lexicon,
                    progress: reading.progress)
                : try NoticeParser.parseText(bytes, path: path, keepRows: keepRows)
        }
        let name = (path as NSString).lastPathComponent
        let catalogue = Catalogue(
            title: metadata?.title ?? notice.title ?? name,
            source: .init(file: name, sha256: sha256, format: notice.format),
            entries: notice.entries, diagnostics: notice.diagnostics, columns: notice.columns,
            tables: notice.tables.isEmpty ? [] : notice.tables.enumerated().map { i, t in
                // The first table's title and label are the notice's own when the table has none.
                i == 0 ? Catalogue.Table(label: t.label ?? metadata?.attachment ?? notice.attachmentLabel, title: t.title ?? notice.title,
                                         columns: t.columns) : t
            })
        return Loaded(catalogue: catalogue, metadata: metadata, notice: notice, noticeBytes: bytes)
    }

    /// The one rule for what is a PDF: `%PDF-` within the first 1024 bytes (junk before it is
    /// tolerated, as readers do), whatever the file is named; or a `.pdf` name, so that a file
    /// that claims to be a PDF and is not is refused as such.
    public static func isPDF(_ bytes: [UInt8], path: String) -> Bool {
        PDFDocument.hasPDFHeader(bytes) || path.lowercased().hasSuffix(".pdf")
    }

    /// A metadata file, checked.
    public static func readMetadata(_ path: String) throws -> CatalogueMetadata {
        let bytes = try read(path)
        do {
            let metadata = try JSONDecoder().decode(CatalogueMetadata.self, from: Data(bytes))
            guard !metadata.id.isEmpty,
                metadata.id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            else {
                throw MuluError(file: path, problem: "id `\(metadata.id)` must be lowercase ASCII letters, digits and -")
            }
            return metadata
        } catch let error as MuluError {
            throw error
        } catch {
            throw MuluError(file: path, problem: "not a valid metadata file: \(describe(error))")
        }
    }

    static func decodeJSON(_ bytes: [UInt8], path: String) throws -> Catalogue {
        do {
            return try CatalogueJSON.decode(bytes)
        } catch {
            throw MuluError(file: path, problem: "\(error)")
        }
    }

    /// A file's bytes, read once.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw MuluError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw MuluError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
        // A device or a pipe could stream for ever: only regular files are notices.
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw MuluError(file: path, problem: "not a regular file")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        while true {
            let got = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 20) { chunk -> Int in
                let n = readChunk(fd, chunk.baseAddress, chunk.count)
                guard n >= 0 else {
                    throw MuluError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<n]))
                return n
            }
            if got == 0 { return bytes }
        }
    }



    /// A decoding error in one line.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing `\(key.stringValue)` at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "wrong type at `\(ctx.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.dataCorrupted(let ctx):
            return ctx.debugDescription
        default:
            return "\(error)"
        }
    }
}

/// The C library's `read(2)` (the name `read` is taken inside `CatalogueLoader`).
private func readChunk(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

extension CatalogueLoader.Loaded: CompilableCatalogue {}
