#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string compared and hashed by its UTF-8 bytes: a dictionary key that skips the Unicode
/// normalisation `String` does on every hash and comparison (costly for Chinese text).
public struct BytewiseString: Hashable, Sendable {
    public var string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: BytewiseString, b: BytewiseString) -> Bool { equal(a.string, b.string) }

    /// True when `a` and `b` hold the same UTF-8 bytes (a memory compare, no normalisation).
    @inline(__always)
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
    }

    public func hash(into hasher: inout Hasher) { BytewiseString.hash(string, into: &hasher) }

    /// Feeds `s`'s UTF-8 bytes to `hasher`.
    @inline(__always)
    public static func hash(_ s: String, into hasher: inout Hasher) {
        var s = s
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
