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

    /// The archive holding `files` in order. Throws `MuluError` (naming `name`) if the archive
    /// cannot be built.
    public static func archive(_ files: [(path: String, bytes: [UInt8])], name: String) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for file in files {
                let data = Data(file.bytes)
                try archive.addEntry(
                    with: file.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return data.subdata(in: start..<min(start + size, data.count))
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
