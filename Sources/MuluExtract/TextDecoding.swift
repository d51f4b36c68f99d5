import MuluSupport
import MuluModel
import MuluPDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text notice into UTF-8, whatever encoding it really came in.
///
/// Accepted: UTF-8 with or without BOM, UTF-16 (LE or BE; with a BOM, or without one where its
/// NUL bytes and line feeds say so), GB18030 (which includes
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
        let scan: UTF8Scan
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = Array(bytes.dropFirst(3))
            scan = UTF8Scan(decoded)
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
            scan = UTF8Scan(decoded)
            encoding = little ? .utf16LE : .utf16BE
        } else if let little = bomlessUTF16(bytes), let d = utf16(bytes[...], littleEndian: little) {
            decoded = d
            scan = UTF8Scan(decoded)
            encoding = little ? .utf16LE : .utf16BE
        } else {
            let raw = UTF8Scan(bytes)
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
                scan = UTF8Scan(decoded)
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
        // Radical look-alikes copied from a PDF (`⼯` for `工`) read as their ideographs.
        var unified = consume decoded
        Radicals.unify(&unified)
        return (unified, encoding)
    }

    /// Whether bytes without a byte-order mark are UTF-16, and which end first (true: little):
    /// an even count whose line feeds are all whole code units (`0A 00` or `00 0A` at an even
    /// offset) and whose NUL bytes, one code unit in ten or more, stand on one side (the other
    /// holds a tenth as many at most: `一` is U+4E00), as ASCII text saved as UTF-16 puts them.
    /// Binary data has its NULs on both sides.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var nul = (even: 0, odd: 0), feeds = (little: 0, big: 0)
        var i = 0
        while i < bytes.count {
            let a = bytes[i], b = bytes[i + 1]
            if a == 0 { nul.even += 1 }
            if b == 0 { nul.odd += 1 }
            if a == 0x0A && b == 0 { feeds.little += 1 }
            if a == 0 && b == 0x0A { feeds.big += 1 }
            i += 2
        }
        let units = bytes.count / 2
        if nul.odd * 10 >= units, nul.even * 10 <= nul.odd, feeds.little > 0, feeds.big == 0 { return true }
        if nul.even * 10 >= units, nul.odd * 10 <= nul.even, feeds.big > 0, feeds.little == 0 { return false }
        return nil
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
