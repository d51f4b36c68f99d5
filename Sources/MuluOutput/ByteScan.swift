import MuluSupport
import MuluModel
/// Finds the first byte an encoder must treat specially (escape, quote), testing eight bytes at
/// a time (SWAR) and only then byte by byte.
///
/// The word tests are exact: a word reported holds at least one such byte, and a word that holds
/// one is reported (the classic `(x - 0x01…) & ~x & 0x80…` zero-byte test, whose false
/// positives fall only in bytes above a true match, so never make a clean word look dirty).
enum ByteScan {
    /// Runs `body` on the UTF-8 of `text` where it lies (copied first only when the string is not
    /// stored as contiguous UTF-8, e.g. bridged): unlike `var copy = text; copy.withUTF8`, no
    /// retain of a string that many threads may be reading at once.
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Every byte of a word set to `byte`.
    @inline(__always)
    static func splat(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Nonzero when some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- splat(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// Nonzero when some byte of `word` equals `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ splat(byte)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The index of the first byte of `bytes` at or after `start` for which `isSpecial` holds, or
    /// `bytes.count`; `mayHoldSpecial` tells, for eight bytes read as one little-endian word,
    /// whether any of them may be special (it must never say no when one is).
    @inline(__always)
    static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        mayHoldSpecial: (UInt64) -> Bool, isSpecial: (UInt8) -> Bool
    ) -> Int {
        guard let p = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = start
        while i &+ 8 <= n {
            if mayHoldSpecial(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { break }
            i &+= 8
        }
        while i < n {
            if isSpecial(p[i]) { return i }
            i &+= 1
        }
        return n
    }
}
