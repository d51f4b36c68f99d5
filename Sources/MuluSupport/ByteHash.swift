#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast, deterministic 64-bit hash of a byte range, eight bytes at a time.
///
/// The parser's tables key rows by their UTF-8 bytes; `Hasher` (SipHash, randomly seeded) costs
/// more than the rest of a lookup. This is a multiply–xorshift mix in the style of wyhash and
/// SplitMix64: not resistant to crafted collisions (a notice is a local file; a collision costs
/// time, never a wrong answer, as every table compares the bytes too), but well spread.
public enum ByteHash {
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of `bytes`, continuing from `seed` (hash a second range with the first's result).
    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h = seed ^ (UInt64(truncatingIfNeeded: bytes.count) &* multiplier)
        guard let base = bytes.baseAddress else { return finish(h) }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return finish(h)
    }

    /// The hash of a string's UTF-8 bytes.
    @inline(__always)
    public static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var s = string
        return s.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: multiplier)
        return m.high ^ m.low
    }

    @inline(__always)
    static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ByteHash {
    /// True when `a` and `b` hold the same UTF-8 bytes: a memory compare, without the Unicode
    /// normalisation `String ==` does (costly for Chinese text). Catalogue data is compared as
    /// published.
    @inline(__always)
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
    }

    /// Feeds `s`'s UTF-8 bytes to `hasher` (the `Hashable` counterpart of ``sameBytes(_:_:)``).
    @inline(__always)
    public static func combine(_ s: String, into hasher: inout Hasher) {
        var s = s
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
