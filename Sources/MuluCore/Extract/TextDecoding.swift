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
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = Array(bytes.dropFirst(3))
            guard validUTF8(decoded) else {
                throw MuluError(file: path, problem: "undecodable text: it starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            encoding = .utf8BOM
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let d = utf16(bytes.dropFirst(2), littleEndian: little) else {
                throw MuluError(file: path, problem: "undecodable text: it starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            decoded = d
            encoding = little ? .utf16LE : .utf16BE
        } else if let nul = bytes.firstIndex(of: 0) {
            throw MuluError(file: path, problem: "binary data (a NUL byte at offset \(nul)), not a text notice")
        } else if validUTF8(bytes) {
            decoded = bytes
            encoding = .utf8
        } else if let d = gb18030(bytes) {
            decoded = d
            encoding = .gb18030
        } else {
            let offset = firstInvalidUTF8(bytes)
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            throw MuluError(
                file: path,
                problem: "undecodable text: not UTF-8, UTF-16 with BOM or GB18030 (byte 0x\(hex) at offset \(offset))")
        }
        var controls = 0
        var content = false
        decoded.withUnsafeBufferPointer { p in
            let raw = UnsafeRawPointer(p.baseAddress)
            var i = 0
            while i < p.count {
                // Eight bytes at a time when none is below 0x20 or is 0x7F (SWAR: a byte below
                // 0x20 borrows when 0x20 is subtracted; 0x7F becomes zero when xored).
                if i + 8 <= p.count, let raw {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let below = (x &- 0x2020_2020_2020_2020) & ~x & high
                    let y = x ^ 0x7F7F_7F7F_7F7F_7F7F
                    let del = (y &- 0x0101_0101_0101_0101) & ~y & high
                    if below | del == 0 {
                        i += 8
                        continue
                    }
                }
                switch p[i] {
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: break
                case 0x00...0x1F, 0x7F: controls += 1
                default: break
                }
                i += 1
            }
            content = p.contains { $0 > 0x20 && $0 != 0x7F }
        }
        if controls > 0 && controls * 100 > decoded.count {
            throw MuluError(file: path, problem: "binary data (\(controls) control bytes), not a text notice")
        }
        guard content else { throw MuluError(file: path, problem: "empty file (only blanks)") }
        return (decoded, encoding)
    }

    static func validUTF8(_ bytes: [UInt8]) -> Bool { firstInvalidUTF8(bytes) == bytes.count }

    /// The offset of the first byte that breaks UTF-8, or `bytes.count`.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        let n = bytes.count
        return bytes.withUnsafeBufferPointer { p -> Int in
            let raw = UnsafeRawPointer(p.baseAddress)
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n, let raw, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                var minScalar: UInt32
                var scalar: UInt32
                switch b {
                case 0xC2...0xDF: len = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80
                case 0xE0...0xEF: len = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800
                case 0xF0...0xF4: len = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000
                default: return i
                }
                guard i + len <= n else { return i }
                for k in 1..<len {
                    let c = p[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += len
            }
            return n
        }
    }

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
