// Hand-written, kept: no listed library replaces several files together, all or none (write temporaries, fsync, hard-link the old files aside, rename, roll back).
import MuluSupport
import MuluModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of files into a folder so that a failed run leaves what was there untouched.
///
/// Every file is first written in full to a hidden temporary file in the same folder
/// (`.<name>.mulu-<pid>-<n>.tmp`, created exclusively, mode 0644 less the umask, flushed with
/// `fsync`); only when all of them are written are they renamed over their targets, one by one.
/// A rename within one folder is atomic, so each target is at any moment either its old or its
/// new version. ``Transaction`` does the same for files streamed as they are encoded.
public enum AtomicWriter {
    /// Writes every file into `directory` (created, with its missing parents, if it does not exist).
    ///
    /// Before anything is written it checks that `directory` is, or can be made, a folder, that
    /// each name is a plain file name, and that no target is a folder. On any failure it removes its
    /// temporary files and the folders it created, leaves existing files untouched, and throws
    /// `MuluError(file: <directory, or directory/name>, problem: "cannot write: <reason>")`.
    public static func write(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws {
        let transaction = try Transaction(names: files.map(\.name), into: directory)
        for (n, file) in files.enumerated() {
            try transaction.append(n) { temporary in
                file.bytes.withUnsafeBytes { temporary.append($0) }
            }
        }
        try transaction.commit()
    }

    /// Makes `dir` and its missing parents; returns the folders it created, outermost first.
    static func makeDirectory(_ dir: String, as given: String) throws -> [String] {
        var info = stat()
        if stat(dir, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw MuluError(file: given, problem: "cannot write: not a folder")
            }
            return []
        }
        // Walk up to the first folder that exists, then create the rest outermost first.
        var missing: [String] = []
        var current = dir
        while stat(current, &info) != 0 {
            guard errno == ENOENT else { break }
            missing.append(current)
            guard let slash = current.lastIndex(of: "/") else {
                current = "."
                continue
            }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            if current.isEmpty { current = "/" }
        }
        var created: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o755) == 0 {
                created.append(folder)
            } else if errno != EEXIST {
                let reason = errorText()
                for made in created.reversed() { rmdir(made) }
                throw MuluError(file: given, problem: "cannot write: \(reason)")
            }
        }
        return created
    }

    /// The text of the current `errno`, e.g. `Permission denied`.
    static func errorText() -> String {
        let code = errno
        switch code {
        case ENOTDIR: return "a parent is not a folder"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "read-only file system"
        case ENOSPC: return "no space left on device"
        case EISDIR: return "is a folder"
        default: return String(cString: strerror(code))
        }
    }
}
