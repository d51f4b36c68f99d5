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
/// new version.
public enum AtomicWriter {
    /// Writes every file into `directory` (created, with its missing parents, if it does not exist).
    ///
    /// Before anything is written it checks that `directory` is, or can be made, a folder, that
    /// each name is a plain file name, and that no target is a folder. On any failure it removes its
    /// temporary files and the folders it created, leaves existing files untouched, and throws
    /// `MuluError(file: <directory, or directory/name>, problem: "cannot write: <reason>")`.
    public static func write(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws {
        let dir = directory.isEmpty ? "." : directory
        func path(_ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }
        func fail(_ file: String, _ reason: String) -> MuluError {
            MuluError(file: file, problem: "cannot write: \(reason)")
        }

        var seen = Set<String>()
        for file in files {
            if file.name.isEmpty || file.name == "." || file.name == ".." || file.name.contains("/")
                || file.name.utf8.contains(0)
            {
                throw fail(path(file.name), "not a plain file name")
            }
            if !seen.insert(file.name).inserted { throw fail(path(file.name), "named twice") }
        }

        let created = try makeDirectory(dir, as: directory)
        var temporaries: [String] = []
        func rollBack() {
            for temporary in temporaries { unlink(temporary) }
            for folder in created.reversed() { rmdir(folder) }
        }

        // Writable? Probe with a real file: access(2) says yes to root even on a read-only mount.
        let probe = path(".mulu-\(getpid())-probe.tmp")
        let probeFD = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if probeFD < 0 {
            let reason = errorText()
            rollBack()
            throw fail(directory, reason)
        }
        close(probeFD)
        unlink(probe)

        for file in files {
            var info = stat()
            if lstat(path(file.name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                rollBack()
                throw fail(path(file.name), "is a folder")
            }
        }

        for (n, file) in files.enumerated() {
            let temporary = path(".\(file.name).mulu-\(getpid())-\(n).tmp")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                let reason = errorText()
                rollBack()
                throw fail(path(file.name), reason)
            }
            temporaries.append(temporary)
            var failure: String? = nil
            file.bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc_write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errorText()
                        return
                    }
                    offset += written
                }
            }
            if failure == nil && fsync(fd) != 0 { failure = errorText() }
            if close(fd) != 0 && failure == nil { failure = errorText() }
            if let failure {
                rollBack()
                throw fail(path(file.name), failure)
            }
        }

        for (n, file) in files.enumerated() {
            if rename(temporaries[n], path(file.name)) != 0 {
                let reason = errorText()
                temporaries.removeFirst(n)
                rollBack()
                throw fail(path(file.name), reason)
            }
        }
    }

    /// Makes `dir` and its missing parents; returns the folders it created, outermost first.
    private static func makeDirectory(_ dir: String, as given: String) throws -> [String] {
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
    private static func errorText() -> String {
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

/// `write(2)`, named apart from ``AtomicWriter/write(_:into:)``.
@inline(__always)
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
