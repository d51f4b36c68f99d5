/// An open-addressing table from a 64-bit hash to indices into the caller's own array.
///
/// The caller keeps the keys (entries, byte ranges) and says, through `matches`, whether the item
/// at an index is the one looked for; the table stores only hashes and indices, so a lookup
/// allocates nothing and a key is never copied. Linear probing; the capacity doubles at half load.
public struct IndexTable: Sendable {
    private var hashes: [UInt64]
    private var indices: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// A table sized for about `expected` items without growing.
    public init(expected: Int = 8) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        hashes = [UInt64](repeating: 0, count: capacity)
        indices = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The index stored with `hash` for which `matches` is true, or nil. Callers store each key
    /// once (`findOrInsert`), so at most one stored index matches.
    @inline(__always)
    public func find(_ hash: UInt64, _ matches: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = indices[slot]
            if index < 0 { return nil }
            if hashes[slot] == hash, matches(Int(index)) { return Int(index) }
            slot = (slot + 1) & mask
        }
    }

    /// The index already stored for an item that `matches`, or nil after storing `index` for it.
    @inline(__always)
    public mutating func findOrInsert(_ hash: UInt64, _ index: Int, _ matches: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = indices[slot]
            if stored < 0 { break }
            if hashes[slot] == hash, matches(Int(stored)) { return Int(stored) }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        indices[slot] = Int32(truncatingIfNeeded: index)
        count += 1
        if count * 2 > indices.count { grow() }
        return nil
    }

    private mutating func grow() {
        let oldHashes = hashes, oldIndices = indices
        let capacity = indices.count * 2
        hashes = [UInt64](repeating: 0, count: capacity)
        indices = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for k in oldIndices.indices where oldIndices[k] >= 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[k]) & mask
            while indices[slot] >= 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[k]
            indices[slot] = oldIndices[k]
        }
    }
}
