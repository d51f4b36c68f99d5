/// One pass over bytes: where UTF-8 breaks, the first NUL, and how many control bytes.
public struct UTF8Scan: Sendable {
    /// The offset of the first byte that breaks UTF-8; nil when all of it is valid.
    public var invalidAt: Int?
    /// The offset of the first NUL before `invalidAt`.
    public var nulAt: Int?
    /// Control bytes (C0 other than tab, line ends and form feed, and DEL) before `invalidAt`.
    public var controls = 0

    /// Inputs at least this long are scanned in two halves at once.
    static let minParallelBytes = 1 << 20

    /// Scans `bytes`; a long input in two halves concurrently, split at a scalar boundary.
    public init(_ bytes: [UInt8]) {
        guard bytes.count >= Self.minParallelBytes else {
            self = bytes.withUnsafeBufferPointer { UTF8Scan(scanning: $0) }
            return
        }
        var middle = bytes.count / 2
        while middle < bytes.count, bytes[middle] & 0xC0 == 0x80 { middle += 1 }
        let halves = Parallel.run([0..<middle, middle..<bytes.count].map { range in
            { @Sendable in bytes.withUnsafeBufferPointer { UTF8Scan(scanning: UnsafeBufferPointer(rebasing: $0[range])) } }
        })
        guard halves[0].invalidAt == nil, halves[1].invalidAt == nil else {
            // Not UTF-8: scanned again in one piece, so the first bad byte is found as such.
            self = bytes.withUnsafeBufferPointer { UTF8Scan(scanning: $0) }
            return
        }
        nulAt = halves[0].nulAt ?? halves[1].nulAt.map { $0 + middle }
        controls = halves[0].controls + halves[1].controls
    }

    public init(scanning p: UnsafeBufferPointer<UInt8>) {
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

    /// The offset of the first byte that breaks UTF-8, or `bytes.count`.
    public static func firstInvalid(_ bytes: [UInt8]) -> Int { UTF8Scan(bytes).invalidAt ?? bytes.count }
}
