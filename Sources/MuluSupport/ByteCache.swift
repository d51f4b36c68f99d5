#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values made once per distinct byte string and found again by the bytes: a subsidy cell read
/// once for the thousands of rows that repeat it, one industry string shared by all its rows.
///
/// Keys are copied into one arena (no allocation per key); the last value found is checked
/// first, as neighbouring rows mostly repeat a cell.
public struct ByteCache<Value> {
    private var table = IndexTable()
    private var arena: [UInt8] = []
    private var keys: [(start: Int, count: Int)] = []
    private var values: [Value] = []
    private var last = -1

    public init() {}

    /// The value for `bytes`, made by `make` the first time they are seen.
    @inline(__always)
    public mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> Value) -> Value {
        if last >= 0, equal(last, bytes) { return values[last] }
        let hash = ByteHash.hash(UnsafeRawBufferPointer(bytes))
        if let i = table.find(hash, { equal($0, bytes) }) {
            last = i
            return values[i]
        }
        let i = values.count
        keys.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        values.append(make())
        _ = table.findOrInsert(hash, i) { _ in false }
        last = i
        return values[i]
    }

    @inline(__always)
    private func equal(_ i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = keys[i]
        guard key.count == bytes.count else { return false }
        guard key.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + key.start, bytes.baseAddress!, key.count) == 0 }
    }
}

extension ByteCache: Sendable where Value: Sendable {}
