import MuluSupport
import MuluModel
import CZlib

/// Packs named files into a ZIP archive so that the same files always give the same bytes:
/// entries in the order given, deflated (raw: zlib, or libdeflate for a large part), every one dated 1980-01-01 00:00 (the
/// earliest date a ZIP can hold) with mode 0644 and its name flagged UTF-8, and nothing taken
/// from the clock, the file system or the user.
///
/// The headers are those ZIPFoundation writes (made by UNIX 3.21, version 2.0 needed, no extra
/// fields, no data descriptors), and a part deflated at ``Level/standard`` gets the bytes
/// ZIPFoundation gives it; zlib is called directly so that a part can be streamed in as it is
/// written, never whole in memory, and a large part is deflated at ``Level/fastest`` by
/// libdeflate in chunks (``ChunkDeflater``).
public enum DeterministicZip {
    /// How hard a part is deflated.
    public enum Level: Int32, Sendable {
        /// zlib's default (6), as ZIPFoundation deflates.
        case standard = -1
        /// libdeflate's fastest (1), in chunks of 65,535 bytes joined into one stream
        /// (``ChunkDeflater``): many times faster than zlib's default on a large sheet (about
        /// twice zlib's fastest), a bigger file.
        case fastest = 1
    }

    /// Some of a file's bytes: given whole, or written by a closure into a buffer that is
    /// deflated chunk by chunk as it fills.
    enum Piece {
        case bytes([UInt8])
        case written((OutputBuffer) -> Void)
    }

    /// A file written in segments, each by `write(k, buffer)` for k in `0..<count`, one after
    /// the other in the file. Each is deflated on a thread of its own as a stream of its own (no
    /// match reaches back into the segment before) ended on a byte boundary by an empty stored
    /// block (zlib's sync flush, or ``ChunkDeflater``'s), the last one finished: raw deflate
    /// streams put end to end that way make one valid stream.
    ///
    /// `head`, when given, makes the bytes before the first segment once every segment has been
    /// written (they may depend on what the segments saw), deflated as a stream of its own.
    struct Segments: Sendable {
        var count: Int
        var write: @Sendable (Int, OutputBuffer) -> Void
        var head: (@Sendable () -> [UInt8])?
        init(count: Int, write: @escaping @Sendable (Int, OutputBuffer) -> Void) {
            self.count = count
            self.write = write
        }
    }

    /// One file of the archive: its path, its bytes (in pieces one after the other, or in
    /// segments deflated in parallel), its level.
    struct Part {
        var path: String
        var pieces: [Piece]
        var segments: Segments?
        var level: Level
        init(path: String, pieces: [Piece], level: Level = .standard) {
            self.path = path
            self.pieces = pieces
            self.level = level
        }
        init(path: String, segments: Segments, level: Level) {
            self.path = path
            self.pieces = []
            self.segments = segments
            self.level = level
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
        let pieces = try pieces(parts, name: name)
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
        return out
    }

    /// A part's deflated bytes larger than this stay pieces of their own in ``pieces(_:name:)``.
    static let ownPiece = 1 << 20

    /// The bytes of the archive holding `parts`, in pieces to be written one after the other: a
    /// large part's deflated streams (a large sheet's) are not copied into one array with the
    /// rest, so the archive is never whole in memory twice.
    static func pieces(_ parts: [Part], name: String) throws -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var emitted = 0
        var out: [UInt8] = []
        var central: [UInt8] = []
        for part in parts {
            let offset = emitted + out.count
            let path = Array(part.path.utf8)
            let (deflated, crc, size) = try deflate(part, level: part.level, name: name)
            var streams = deflated
            let compressed = streams.reduce(0) { $0 + $1.count }
            guard compressed <= UInt32.max, size <= UInt32.max, offset <= UInt32.max else {
                throw MuluError(file: name, problem: "cannot build the ZIP archive: \(part.path) is too large")
            }
            appendHeader(
                local: true, path: path, crc: crc, compressed: UInt32(compressed), size: UInt32(size), offset: 0,
                to: &out)
            if compressed > ownPiece {
                emitted += out.count + compressed
                pieces.append(out)
                out = []
                pieces += streams
            } else {
                out.reserveCapacity(out.count + compressed)
                // Each stream let go of once copied.
                for k in streams.indices {
                    out += streams[k]
                    streams[k] = []
                }
            }
            appendHeader(
                local: false, path: path, crc: crc, compressed: UInt32(compressed), size: UInt32(size),
                offset: UInt32(offset), to: &central)
        }
        let centralOffset = emitted + out.count
        guard centralOffset <= UInt32.max, parts.count <= UInt16.max else {
            throw MuluError(file: name, problem: "cannot build the ZIP archive: too large")
        }
        out += central
        // End of central directory: disk 0, every entry on it, no comment.
        append32(&out, 0x0605_4B50)
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, UInt16(parts.count))
        append16(&out, UInt16(parts.count))
        append32(&out, UInt32(central.count))
        append32(&out, UInt32(centralOffset))
        append16(&out, 0)
        pieces.append(out)
        return pieces
    }

    /// A local file header (`local`) or a central directory entry.
    private static func appendHeader(
        local: Bool, path: [UInt8], crc: UInt32, compressed: UInt32, size: UInt32, offset: UInt32, to out: inout [UInt8]
    ) {
        append32(&out, local ? 0x0403_4B50 : 0x0201_4B50)
        if !local { append16(&out, 0x0315) }  // made by: UNIX, 3.21
        append16(&out, 20)  // version needed: 2.0
        append16(&out, 0x0800)  // the name is UTF-8
        append16(&out, 8)  // deflated
        append16(&out, 0)  // 00:00
        append16(&out, 0x21)  // 1980-01-01
        append32(&out, crc)
        append32(&out, compressed)
        append32(&out, size)
        append16(&out, UInt16(path.count))
        append16(&out, 0)  // extra field
        if !local {
            append16(&out, 0)  // comment
            append16(&out, 0)  // disk
            append16(&out, 0)  // internal attributes
            append32(&out, 0o100644 << 16)  // a regular file, rw-r--r--
            append32(&out, offset)
        }
        out += path
    }

    /// `part` deflated: its streams' bytes, to be put end to end, and its CRC-32 and size.
    private static func deflate(_ part: Part, level: Level, name: String) throws -> ([[UInt8]], UInt32, Int) {
        var streams: [Deflated?]
        if let segments = part.segments {
            let count = segments.count
            streams = Parallel.runEach((0..<count).map { k in
                { @Sendable in
                    deflate(level: level, last: k == count - 1) { feed in
                        let buffer = OutputBuffer(chunkSize: 1 << 18, drain: feed)
                        segments.write(k, buffer)
                        buffer.flush()
                    }
                }
            })
            if let head = segments.head {
                let bytes = head()
                streams.insert(deflate(level: level, last: false) { feed in bytes.withUnsafeBytes { feed($0) } }, at: 0)
            }
        } else {
            let pieces = part.pieces
            streams = [deflate(level: level, last: true) { feed in
                for piece in pieces {
                    switch piece {
                    case .bytes(let bytes): bytes.withUnsafeBytes { feed($0) }
                    case .written(let write):
                        let buffer = OutputBuffer(chunkSize: 1 << 18, drain: feed)
                        write(buffer)
                        buffer.flush()
                    }
                }
            }]
        }
        var crc = UInt32(0)
        var size = 0
        var bytes: [[UInt8]] = []
        for stream in streams {
            guard let stream else { throw MuluError(file: name, problem: "cannot build the ZIP archive: deflate failed") }
            bytes.append(stream.bytes)
            crc = size == 0 ? stream.crc : UInt32(crc32_combine(UInt(crc), UInt(stream.crc), off_t(stream.size)))
            size += stream.size
        }
        return (bytes, crc, size)
    }

    /// One raw deflate stream: its bytes, and its input's CRC-32 and size.
    private struct Deflated: Sendable {
        var bytes: [UInt8]
        var crc: UInt32
        var size: Int
    }

    /// The bytes `write` hands to the function it is given, deflated as one stream, finished
    /// when `last`, else ended on a byte boundary by an empty stored block (zlib's sync flush);
    /// nil when zlib or libdeflate fails.
    private static func deflate(
        level: Level, last: Bool, _ write: (@escaping (UnsafeRawBufferPointer) -> Void) -> Void
    ) -> Deflated? {
        if level == .fastest {
            let t0 = PhaseTimer.now()
            let deflater = ChunkDeflater()
            write { deflater.append($0) }
            deflater.close(final: last)
            PhaseTimer.report(
                "deflate \(deflater.size) bytes in \(deflater.chunks) chunks, \(deflater.fallbacks) by zlib", t0, PhaseTimer.now())
            return deflater.ok ? Deflated(bytes: deflater.bytes, crc: deflater.crc, size: deflater.size) : nil
        }
        var stream = z_stream()
        guard deflateInit2_(
            &stream, level.rawValue, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var crc = UInt32(0)
        var size = 0
        var output = [UInt8](repeating: 0, count: 1 << 18)
        var deflated: [UInt8] = []
        var failed = false
        // Feeds `input` to zlib with `flush`, its output onto `deflated`.
        func feed(_ input: UnsafeRawBufferPointer, flush: Int32) {
            // Not for no bytes: zlib's crc32 of a null buffer is its initial value, not `crc`.
            if let base = input.baseAddress, !input.isEmpty {
                crc = UInt32(crc32(UInt(crc), base.assumingMemoryBound(to: Bytef.self), UInt32(input.count)))
            }
            size += input.count
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(input.count)
            output.withUnsafeMutableBufferPointer { buffer in
                repeat {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let result = CZlib.deflate(&stream, flush)
                    if result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR { failed = true }
                    deflated.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<(buffer.count - Int(stream.avail_out))]))
                } while stream.avail_out == 0 && !failed
            }
        }
        write { feed($0, flush: Z_NO_FLUSH) }
        feed(UnsafeRawBufferPointer(start: nil, count: 0), flush: last ? Z_FINISH : Z_SYNC_FLUSH)
        return failed ? nil : Deflated(bytes: deflated, crc: crc, size: size)
    }

    private static func append16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func append32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
