import MuluSupport
import MuluModel
/// Tells two subsidies equal by their bits, without copying either: each stored property
/// compared byte for byte (not the padding between them). The same bits in every property
/// (arrays and strings sharing their storage, as the entries of one cell's subsidy do) are
/// the same value; different bits say nothing (equal text in two strings), and the caller
/// compares the values.
enum SubsidyBits {
    /// The byte offset and size of each stored property of `Subsidy`, the text first (two
    /// subsidies mostly differ there); nil when they cannot all be told (then every comparison
    /// is by value).
    static let fields: [(offset: Int, size: Int)]? = {
        let fields: [(Int?, Int)] = [
            (MemoryLayout<Subsidy>.offset(of: \.text), MemoryLayout<String>.size),
            (MemoryLayout<Subsidy>.offset(of: \.levels), MemoryLayout<[Level]>.size),
            (MemoryLayout<Subsidy>.offset(of: \.amountYuan), MemoryLayout<Int?>.size),
            (MemoryLayout<Subsidy>.offset(of: \.anyOf), MemoryLayout<Bool>.size),
            (MemoryLayout<Subsidy>.offset(of: \.amounts), MemoryLayout<[Subsidy.LevelAmount]>.size),
            (MemoryLayout<Subsidy>.offset(of: \.upTo), MemoryLayout<Bool>.size),
            (MemoryLayout<Subsidy>.offset(of: \.note), MemoryLayout<String?>.size),
        ]
        // Every stored property listed: a property added to Subsidy and not here turns this off.
        let sample = Subsidy(levels: [], amounts: [], anyOf: false, text: "")
        guard Mirror(reflecting: sample).children.count == fields.count else { return nil }
        let known = fields.compactMap { f in f.0.map { ($0, f.1) } }
        return known.count == fields.count ? known : nil
    }()
    /// Where an entry's training and assessment subsidies are stored in it.
    static let training = fields == nil ? nil : MemoryLayout<Entry>.offset(of: \.training)
    static let assessment = fields == nil ? nil : MemoryLayout<Entry>.offset(of: \.assessment)

    /// True when the subsidies at `a` (an optional one that is not nil: its value is stored
    /// first) and `b` have the same bits in every stored property.
    static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Bool {
        guard let fields else { return false }
        return fields.withUnsafeBufferPointer { fields in
            for f in fields {
                // Eight bytes at a time, then the rest byte by byte.
                var k = f.offset
                let end = f.offset + f.size
                while k + 8 <= end {
                    if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                        return false
                    }
                    k += 8
                }
                while k < end {
                    if a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
                    k += 1
                }
            }
            return true
        }
    }
}
