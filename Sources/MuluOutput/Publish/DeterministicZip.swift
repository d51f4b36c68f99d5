import MuluSupport
import MuluModel
import Foundation
import ZIPFoundation

/// Packs named files into a ZIP archive (with ZIPFoundation) so that the same files always give
/// the same bytes: entries in the order given, deflated, every one dated 1980-01-01 00:00 (the
/// earliest date a ZIP can hold; ZIPFoundation converts it in UTC) with mode 0644, and nothing
/// taken from the clock, the file system or the user.
public enum DeterministicZip {
    /// 1980-01-01T00:00:00Z, the date written on every entry.
    public static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Some of a file's bytes: an array, or a buffer written ahead (read in place, not copied).
    enum Piece {
        case bytes([UInt8])
        case buffer(OutputBuffer)

        /// Runs `body` on the piece's bytes where they lie.
        func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            switch self {
            case .bytes(let bytes): try bytes.withUnsafeBytes(body)
            case .buffer(let buffer): try buffer.withUnsafeBytes(body)
            }
        }
    }

    /// One file of the archive: its path and its bytes, in pieces one after the other.
    struct Part {
        var path: String
        var pieces: [Piece]
        init(path: String, pieces: [Piece]) {
            self.path = path
            self.pieces = pieces
        }
        init(_ path: String, _ bytes: [UInt8]) {
            self.init(path: path, pieces: [.bytes(bytes)])
        }
    }

    /// The archive holding `files` in order. Throws `MuluError` (naming `name`) if the archive
    /// cannot be built.
    public static func archive(_ files: [(path: String, bytes: [UInt8])], name: String) throws -> [UInt8] {
        try archive(files.map { Part($0.path, $0.bytes) }, name: name)
    }

    /// The archive holding `parts` in order.
    static func archive(_ parts: [Part], name: String) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let sizes = part.pieces.map { $0.withUnsafeBytes(\.count) }
                let total = sizes.reduce(0, +)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(total),
                    modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in
                        // The chunk asked for, copied from the pieces it spans.
                        var chunk = Data(capacity: size)
                        var start = Int(position), offset = 0
                        for (piece, count) in zip(part.pieces, sizes) where chunk.count < size {
                            defer { offset += count }
                            guard start < offset + count else { continue }
                            let from = start - offset, to = min(count, from + size - chunk.count)
                            piece.withUnsafeBytes { chunk.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[from..<to])) }
                            start = offset + to
                        }
                        return chunk
                    })
            }
            guard let data = archive.data else { throw MuluError(file: name, problem: "cannot build the ZIP archive") }
            return [UInt8](data)
        } catch let error as MuluError {
            throw error
        } catch {
            throw MuluError(file: name, problem: "cannot build the ZIP archive: \(error)")
        }
    }
}
