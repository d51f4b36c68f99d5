#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text notice into UTF-8, whatever encoding it really came in.
///
/// Accepted: UTF-8 with or without BOM, UTF-16 with BOM (LE or BE), GB18030 (which includes
/// GBK and GB2312). Refused, with the reason: empty files, binary data (NUL or other control
/// bytes), and bytes that are none of these encodings.
public enum TextDecoding {
    /// The encoding a notice was found to be in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    /// UTF-8 bytes without BOM, and the encoding found; throws `MuluError` naming `path`.
    public static func utf8(_ bytes: [UInt8], path: String) throws -> (bytes: [UInt8], encoding: Encoding) {
        guard !bytes.isEmpty else { throw MuluError(file: path, problem: "empty file (0 bytes)") }
        let decoded: [UInt8]
        let encoding: Encoding
        let scan: Scan
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = Array(bytes.dropFirst(3))
            scan = Scan(decoded)
            guard scan.invalidAt == nil else {
                throw MuluError(file: path, problem: "undecodable text: it starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            encoding = .utf8BOM
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let d = utf16(bytes.dropFirst(2), littleEndian: little) else {
                throw MuluError(file: path, problem: "undecodable text: it starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            decoded = d
            scan = Scan(decoded)
            encoding = little ? .utf16LE : .utf16BE
        } else {
            let raw = Scan(bytes)
            // A NUL anywhere makes the file binary, even past the first byte that is not UTF-8.
            if let nul = raw.invalidAt == nil ? raw.nulAt : bytes.firstIndex(of: 0) {
                throw MuluError(file: path, problem: "binary data (a NUL byte at offset \(nul)), not a text notice")
            }
            if raw.invalidAt == nil {
                decoded = bytes
                scan = raw
                encoding = .utf8
            } else if let d = gb18030(bytes) {
                decoded = d
                scan = Scan(decoded)
                encoding = .gb18030
            } else {
                let offset = raw.invalidAt!
                let hex = String(bytes[offset], radix: 16, uppercase: true)
                throw MuluError(
                    file: path,
                    problem: "undecodable text: not UTF-8, UTF-16 with BOM or GB18030 (byte 0x\(hex) at offset \(offset))")
            }
        }
        if scan.controls > 0 && scan.controls * 100 > decoded.count {
            throw MuluError(file: path, problem: "binary data (\(scan.controls) control bytes), not a text notice")
        }
        guard decoded.contains(where: { $0 > 0x20 && $0 != 0x7F }) else {
            throw MuluError(file: path, problem: "empty file (only blanks)")
        }
        return (decoded, encoding)
    }

    /// One pass over bytes: where UTF-8 breaks, the first NUL, and how many control bytes.
    struct Scan {
        /// The offset of the first byte that breaks UTF-8; nil when all of it is valid.
        var invalidAt: Int?
        /// The offset of the first NUL before `invalidAt`.
        var nulAt: Int?
        /// Control bytes (C0 other than tab, line ends and form feed, and DEL) before `invalidAt`.
        var controls = 0

        /// Inputs at least this long are scanned in two halves at once.
        static let minParallelBytes = 1 << 20

        /// Scans `bytes`; a long input in two halves concurrently, split at a scalar boundary.
        init(_ bytes: [UInt8]) {
            guard bytes.count >= Self.minParallelBytes else {
                self = bytes.withUnsafeBufferPointer { Scan(scanning: $0) }
                return
            }
            var middle = bytes.count / 2
            while middle < bytes.count, bytes[middle] & 0xC0 == 0x80 { middle += 1 }
            let halves = Parallel.run([0..<middle, middle..<bytes.count].map { range in
                { @Sendable in bytes.withUnsafeBufferPointer { Scan(scanning: UnsafeBufferPointer(rebasing: $0[range])) } }
            })
            guard halves[0].invalidAt == nil, halves[1].invalidAt == nil else {
                // Not UTF-8: scanned again in one piece, so the first bad byte is found as such.
                self = bytes.withUnsafeBufferPointer { Scan(scanning: $0) }
                return
            }
            nulAt = halves[0].nulAt ?? halves[1].nulAt.map { $0 + middle }
            controls = halves[0].controls + halves[1].controls
        }

        init(scanning p: UnsafeBufferPointer<UInt8>) {
            guard let raw = UnsafeRawPointer(p.baseAddress) else { return }
            let n = p.count
            let high: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time when none is below 0x20 or is 0x7F (SWAR: a byte
                // below 0x20 borrows when 0x20 is subtracted; 0x7F becomes zero when xored).
                if i + 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if x & high == 0 {
                        let below = (x &- 0x2020_2020_2020_2020) & ~x & high
                        let y = x ^ 0x7F7F_7F7F_7F7F_7F7F
                        let del = (y &- 0x0101_0101_0101_0101) & ~y & high
                        if below | del == 0 {
                            i += 8
                            continue
                        }
                    }
                }
                let b = p[i]
                if b < 0x80 {
                    if (b < 0x20 && !(0x09...0x0D).contains(b)) || b == 0x7F {
                        controls += 1
                        if b == 0 && nulAt == nil { nulAt = i }
                    }
                    i += 1
                    continue
                }
                // Three-byte scalars whose second byte has the full continuation range (CJK).
                if (0xE1...0xEC).contains(b) || b == 0xEE || b == 0xEF {
                    guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else {
                        invalidAt = i
                        return
                    }
                    i += 3
                    continue
                }
                let len: Int
                var minScalar: UInt32
                var scalar: UInt32
                switch b {
                case 0xC2...0xDF: len = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80
                case 0xE0...0xEF: len = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800
                case 0xF0...0xF4: len = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000
                default: invalidAt = i; return
                }
                guard i + len <= n else { invalidAt = i; return }
                for k in 1..<len {
                    let c = p[i + k]
                    guard c & 0xC0 == 0x80 else { invalidAt = i; return }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    invalidAt = i
                    return
                }
                i += len
            }
        }
    }

    /// The offset of the first byte that breaks UTF-8, or `bytes.count`.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int { Scan(bytes).invalidAt ?? bytes.count }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8]? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            out.append($0)
        }
        if failed { return nil }
        if out.contains(0) { return nil }
        return out
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv; nil on any error.
    static func gb18030(_ bytes: [UInt8]) -> [UInt8]? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard r != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let n = produced else { return nil }
        output.removeSubrange(n...)
        return output
    }
}
