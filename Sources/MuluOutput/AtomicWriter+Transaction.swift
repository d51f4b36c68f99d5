// Hand-written, kept: see AtomicWriter.swift — the all-or-none commit of several files has no library counterpart.
import MuluSupport
import MuluModel
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicWriter {
    /// One ``AtomicWriter`` run taken apart, so files can be streamed into their temporary files
    /// as they are encoded, by several tasks at once: checks and temporary files up front
    /// (``init(names:into:)``), then ``write(_:_:)`` for each file (from any thread, each file
    /// from one), then ``commit()`` to rename them all into place, or ``rollBack()``.
    ///
    /// Errors are `MuluError(file: <directory, or directory/name>, problem: "cannot write: …")`.
    final class Transaction: @unchecked Sendable {
        private let dir: String
        private let names: [String]
        private let created: [String]
        /// The temporary files' paths and their open files, in the order of `names`, all
        /// created before any is written.
        private var temporaries: [String] = []
        private var files: [TemporaryFile] = []
        private var finished = false

        /// Checks that `directory` is, or can be made, a folder that can be written, that each
        /// name is a plain file name and no target is a folder, and creates the temporary files.
        /// On failure nothing is left behind.
        init(names: [String], into directory: String) throws {
            dir = directory.isEmpty ? "." : directory
            self.names = names

            var seen = Set<String>()
            for name in names {
                if name.isEmpty || name == "." || name == ".." || name.contains("/") || name.utf8.contains(0) {
                    throw Self.fail(Self.path(dir, name), "not a plain file name")
                }
                if !seen.insert(name).inserted { throw Self.fail(Self.path(dir, name), "named twice") }
            }

            created = try AtomicWriter.makeDirectory(dir, as: directory)

            // Writable? Probe with a real file: access(2) says yes to root even on a read-only mount.
            let probe = Self.path(dir, ".mulu-\(getpid())-probe.tmp")
            let probeFD = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if probeFD < 0 {
                let reason = AtomicWriter.errorText()
                rollBack()
                throw Self.fail(directory, reason)
            }
            close(probeFD)
            unlink(probe)

            for name in names {
                var info = stat()
                if lstat(Self.path(dir, name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                    rollBack()
                    throw Self.fail(Self.path(dir, name), "is a folder")
                }
            }

            for (n, name) in names.enumerated() {
                let temporary = Self.path(dir, ".\(name).mulu-\(getpid())-\(n).tmp")
                let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if fd < 0 {
                    let reason = AtomicWriter.errorText()
                    rollBack()
                    throw Self.fail(Self.path(dir, name), reason)
                }
                temporaries.append(temporary)
                files.append(TemporaryFile(descriptor: fd))
            }
        }

        deinit {
            if !finished { rollBack() }
        }

        /// Writes file `n` in full: `body` appends its bytes, then they are flushed to disk with
        /// `fsync` and the file closed. Throws (without rolling back) when a write failed.
        func write(_ n: Int, _ body: (TemporaryFile) -> Void) throws {
            let file = files[n]
            body(file)
            if let failure = file.finish() { throw Self.fail(Self.path(dir, names[n]), failure) }
        }

        /// Writes file `n` in full as ``write(_:_:)`` does, but without waiting for the disk:
        /// `body` appends its bytes, then the file's `fsync` and `close` start on a thread of their
        /// own and ``commit()`` waits for them. The files' flushes run side by side and alongside
        /// the encoding of the files still being written (concurrent `fsync`s on one file system
        /// share its journal commits: one wait instead of one per file). Throws (without rolling
        /// back) when a write failed.
        func append(_ n: Int, _ body: (TemporaryFile) -> Void) throws {
            let file = files[n]
            body(file)
            if let failure = file.failure { throw Self.fail(Self.path(dir, names[n]), failure) }
            file.finishInBackground()
        }

        /// Renames every temporary file over its target, in order: all of them or none; first
        /// waits for the flushes ``append(_:_:)`` started (any failure throws, nothing renamed).
        ///
        /// Each target that exists is first hard-linked aside, so that when a rename fails the
        /// targets already replaced get their old files back (and new ones are removed), the
        /// files not yet renamed are removed, and it throws. Where a target cannot be linked
        /// (a file system without hard links), a failure leaves that target replaced.
        func commit() throws {
            for (n, file) in files.enumerated() where file.isFinishing {
                if let failure = file.finish() { throw Self.fail(Self.path(dir, names[n]), failure) }
            }
            var backups: [Backup] = []
            defer { for case .aside(let backup) in backups { unlink(backup) } }
            for (n, name) in names.enumerated() {
                let backup = Self.path(dir, ".\(name).mulu-\(getpid())-\(n).old")
                unlink(backup)
                if link(Self.path(dir, name), backup) == 0 {
                    backups.append(.aside(backup))
                } else {
                    backups.append(errno == ENOENT ? .absent : .unavailable)
                }
            }
            for n in names.indices {
                if rename(temporaries[n], Self.path(dir, names[n])) != 0 {
                    let reason = AtomicWriter.errorText()
                    for m in 0..<n {
                        switch backups[m] {
                        case .aside(let backup):
                            if rename(backup, Self.path(dir, names[m])) == 0 { backups[m] = .absent }
                        case .absent:
                            unlink(Self.path(dir, names[m]))
                        case .unavailable:
                            break
                        }
                    }
                    temporaries.removeFirst(n)
                    rollBack()
                    throw Self.fail(Self.path(dir, names[n]), reason)
                }
            }
            finished = true
        }

        /// What became of a target's old file before the renames.
        private enum Backup {
            /// Hard-linked aside at this path.
            case aside(String)
            /// There was none.
            case absent
            /// It could not be linked (no hard links here): a failure leaves it replaced.
            case unavailable
        }

        /// Removes the temporary files and the folders this run created.
        func rollBack() {
            for file in files { file.abandon() }
            files = []
            for temporary in temporaries { unlink(temporary) }
            temporaries = []
            for folder in created.reversed() { rmdir(folder) }
            finished = true
        }

        private static func path(_ dir: String, _ name: String) -> String {
            dir.hasSuffix("/") ? dir + name : dir + "/" + name
        }

        private static func fail(_ file: String, _ reason: String) -> MuluError {
            MuluError(file: file, problem: "cannot write: \(reason)")
        }
    }

    /// A temporary file being written: bytes appended, the first failure kept (later appends
    /// are dropped), then `fsync` and `close`.
    ///
    /// The bytes are gathered into blocks of ``blockSize`` and each full block is written with
    /// `O_DIRECT` where the file system takes it: straight from the block to the disk, not copied
    /// into the page cache first. (On this kind of virtual machine, the kernel's copying of a
    /// large compile's outputs into the page cache cost about a fifth of its CPU time, and
    /// flushing them at the end a long wait; a direct write costs neither.) The tail that does not
    /// fill a block, and every write on a file system that refuses `O_DIRECT` (tmpfs), go through
    /// the page cache as before. The bytes in the file are the same either way.
    ///
    /// Every ``syncInterval`` bytes it starts an `fdatasync` on a thread of its own, without
    /// waiting for it: a file written through the page cache goes to disk in steps while the rest
    /// is still being encoded, and the `fsync` at the end has only the tail left to flush. (A
    /// virtual disk's cache flush costs about a millisecond per megabyte written since the last
    /// one: all at the end, it is a large wait for a large file.)
    final class TemporaryFile {
        private var fd: Int32
        private var offset = 0
        /// The first failed write, if any.
        private(set) var failure: String?
        /// Whether ``finishInBackground()`` started the flush and close, which ``finish()``
        /// waits for.
        private(set) var isFinishing = false
        /// Where the last background sync started, and the one running, if any.
        private var syncedTo = 0
        private let syncs = DispatchGroup()
        private let syncQueue = DispatchQueue(label: "mulu.fdatasync")
        /// A background sync's failure, read only after `syncs` is waited for.
        private let syncFailure = FailureSlot()
        /// The block being filled (aligned for `O_DIRECT`), allocated at the first append, and
        /// how many bytes it holds.
        private var block: UnsafeMutableRawPointer?
        private var held = 0
        /// True while the file is open with `O_DIRECT`.
        private var direct = false

        /// Where a background sync leaves its failure: written by the sync, read once `syncs`
        /// has been waited for (the group orders the two).
        private final class FailureSlot: @unchecked Sendable {
            var text: String?
        }

        /// How many bytes are written between background syncs.
        static let syncInterval = 8 << 20

        /// The size of a block written at once (a multiple of any disk's logical block size).
        static let blockSize = 1 << 20

        /// The alignment `O_DIRECT` asks of a block's address.
        private static let alignment = 4096

        fileprivate init(descriptor: Int32) {
            fd = descriptor
            #if os(Linux)
            let flags = fcntl(fd, F_GETFL)
            direct = flags >= 0 && fcntl(fd, F_SETFL, flags | directFlag) == 0
            #endif
        }

        deinit {
            block?.deallocate()
        }

        /// Appends `bytes` to the file.
        func append(_ bytes: UnsafeRawBufferPointer) {
            guard failure == nil, var next = bytes.baseAddress else { return }
            var left = bytes.count
            let block = self.block ?? {
                let made = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: Self.alignment)
                self.block = made
                return made
            }()
            while left > 0 {
                let n = min(left, Self.blockSize - held)
                (block + held).copyMemory(from: next, byteCount: n)
                held += n
                next += n
                left -= n
                if held == Self.blockSize {
                    writeHeld()
                    if failure != nil { return }
                }
            }
        }

        /// Writes the bytes held in the block, directly when they fill it and the file takes
        /// `O_DIRECT`, else through the page cache; then starts a background sync when it is due.
        private func writeHeld() {
            guard held > 0, let block else { return }
            if direct && held % Self.alignment != 0 { stopDirect() }
            var written = 0
            while written < held {
                let n = systemWrite(fd, block + written, held - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    // A file system that accepted the flag may still refuse a direct write.
                    if errno == EINVAL && direct {
                        stopDirect()
                        continue
                    }
                    failure = AtomicWriter.errorText()
                    return
                }
                written += n
                offset += n
            }
            held = 0
            if offset - syncedTo >= Self.syncInterval && syncs.wait(timeout: .now()) == .success {
                syncedTo = offset
                let (fd, slot) = (self.fd, syncFailure)
                syncQueue.async(group: syncs) {
                    // The final fsync would not see an error this one consumed: keep it.
                    if fdatasync(fd) != 0 { slot.text = AtomicWriter.errorText() }
                }
            }
        }

        /// Writes the rest of the file through the page cache.
        private func stopDirect() {
            #if os(Linux)
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~directFlag) }
            #endif
            direct = false
        }

        /// Starts flushing the file to disk (`fsync`, after any background sync still running)
        /// and closing it on its own thread, without waiting; ``finish()`` waits for it and
        /// gives its failure. Nothing may be appended after.
        fileprivate func finishInBackground() {
            guard fd >= 0, !isFinishing else { return }
            if failure == nil { writeHeld() }
            isFinishing = true
            let (fd, slot) = (self.fd, syncFailure)
            self.fd = -1
            syncQueue.async(group: syncs) {
                // The sync queue is serial: a background sync's failure is already in the slot.
                if slot.text == nil && fsync(fd) != 0 { slot.text = AtomicWriter.errorText() }
                if close(fd) != 0 && slot.text == nil { slot.text = AtomicWriter.errorText() }
            }
        }

        /// Flushes the file to disk and closes it (or waits for ``finishInBackground()`` to
        /// have done so); the first failure, if any.
        fileprivate func finish() -> String? {
            if isFinishing {
                syncs.wait()
                return failure ?? syncFailure.text
            }
            guard fd >= 0 else { return failure ?? "closed twice" }
            if failure == nil { writeHeld() }
            syncs.wait()
            if failure == nil { failure = syncFailure.text }
            if failure == nil && fsync(fd) != 0 { failure = AtomicWriter.errorText() }
            if close(fd) != 0 && failure == nil { failure = AtomicWriter.errorText() }
            fd = -1
            return failure
        }

        /// Closes the file if it is still open, without flushing it (it is about to be removed).
        fileprivate func abandon() {
            syncs.wait()
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }
}

#if os(Linux)
/// Linux's `O_DIRECT` (not exported to Swift by every Glibc module map): its value differs
/// between architectures.
#if arch(arm64) || arch(arm)
private let directFlag: Int32 = 0o200000
#else
private let directFlag: Int32 = 0o40000
#endif
#endif

/// `write(2)`, named apart from the writers' own `write` methods.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
