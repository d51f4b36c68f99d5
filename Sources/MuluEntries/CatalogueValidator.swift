import MuluSupport
import MuluModel
import MuluExtract
import MuluTable
/// Checks a catalogue as a whole: numbering, duplicates, and work types whose occupation is
/// listed under another industry.
///
/// Keys are found by `ByteHash` in `IndexTable`s that hold only
/// indices into `entries` (no string is copied or retained per entry); row numbers already seen
/// are bits of a bitmap.
public enum CatalogueValidator {
    /// A catalogue of at least this many entries is checked in two passes at once.
    static let minParallelEntries = 20_000

    /// Warnings about `entries`; `places` gives each entry's page and line where known.
    ///
    /// Two independent passes — numbering and duplicates; work types under another industry
    /// than their occupation — each give (entry index, diagnostic) in entry order; they are
    /// merged so that an entry's diagnostics come in that order, as from one pass.
    /// `parallel` overrides the choice by size (tests check both ways agree).
    public static func validate(
        _ entries: [Entry], places: [(page: Int, line: Int)?] = [], parallel: Bool? = nil
    ) -> [Diagnostic] {
        let passes: [@Sendable () -> [(Int, Diagnostic)]] = [
            { numberingAndDuplicates(entries, places: places) },
            { industriesOfWorkTypes(entries, places: places) },
        ]
        let found = parallel ?? (entries.count >= minParallelEntries) ? Parallel.run(passes) : passes.map { $0() }
        var out: [Diagnostic] = []
        out.reserveCapacity(found[0].count + found[1].count)
        var j = 0
        for (i, diagnostic) in found[0] {
            while j < found[1].count, found[1][j].0 < i {
                out.append(found[1][j].1)
                j += 1
            }
            out.append(diagnostic)
        }
        out += found[1][j...].map(\.1)
        return out
    }

    @inline(__always)
    static func place(_ places: [(page: Int, line: Int)?], _ i: Int) -> (page: Int?, line: Int?) {
        guard i < places.count, let p = places[i] else { return (nil, nil) }
        return (p.page, p.line)
    }

    /// Row numbers that do not follow on, and (code, name) keys listed twice.
    static func numberingAndDuplicates(_ entries: [Entry], places: [(page: Int, line: Int)?]) -> [(Int, Diagnostic)] {
        var out: [(Int, Diagnostic)] = []
        var keys = IndexTable(expected: entries.count)
        var seen = SeqSet(expected: entries.count)
        var previous: Int?
        for i in entries.indices {
            let seq = entries[i].seq
            let (page, line) = place(places, i)
            // Numbering starts again with each table, and may with each section (`一、制造业`:
            // a row 1 under another industry than the row above).
            if i > 0, entries[i].table != entries[i - 1].table
                || (seq == 1 && entries[i].industry != entries[i - 1].industry) {
                previous = nil
                seen = SeqSet(expected: entries.count)
                if entries[i].table != entries[i - 1].table { keys = IndexTable(expected: entries.count) }
            }
            if let p = previous {
                if seq == p || seen.contains(seq) {
                    out.append((i, Diagnostic(.warning, "row number \(seq) repeats", page: page, line: line, seq: seq)))
                } else if seq != p + 1 {
                    let detail = seq > p + 1 ? "skips \(p + 1)…\(seq - 1)" : "goes back from \(p)"
                    out.append((i, Diagnostic(.warning, "row number \(seq) \(detail)", page: page, line: line, seq: seq)))
                }
            } else if seq != 1 {
                out.append((i, Diagnostic(.warning, "the first row is numbered \(seq), not 1", page: page, line: line, seq: seq)))
            }
            previous = seq
            seen.insert(seq)

            let hash = ByteHash.hash(entries[i].name, seed: ByteHash.hash(entries[i].code))
            if let first = keys.findOrInsert(hash, i, { entries[$0].key == entries[i].key }) {
                // The same row, number and every cell, printed twice (a page pasted twice, a row
                // repeated over a page break): the copy would be a second entry, an error.
                if entries[first] == entries[i] {
                    out.append((i, Diagnostic(
                        .error, "row \(seq) is printed twice, every cell the same (`\(entries[i].code) \(entries[i].name)`): a page or a row repeated?",
                        page: page, line: line, seq: seq)))
                    continue
                }
                out.append((i, Diagnostic(
                    .warning, "`\(entries[i].code) \(entries[i].name)` is listed twice (rows \(entries[first].seq) and \(seq))",
                    page: page, line: line, seq: seq)))
            }
        }
        return out
    }

    /// Work types listed under another industry than the first occupation with their parent code.
    static func industriesOfWorkTypes(_ entries: [Entry], places: [(page: Int, line: Int)?]) -> [(Int, Diagnostic)] {
        var out: [(Int, Diagnostic)] = []
        // The first occupation (not a work type, not a wildcard) listed with each code.
        var occupations = IndexTable(expected: entries.count / 4)
        for i in entries.indices where CodeSyntax.parentOccupationLength(entries[i].code) == nil {
            let code = entries[i].code
            guard !CodeSyntax.isWildcard(code) else { continue }
            _ = occupations.findOrInsert(ByteHash.hash(code), i) { ByteHash.sameBytes(entries[$0].code, code) }
        }
        for i in entries.indices {
            guard let length = CodeSyntax.parentOccupationLength(entries[i].code) else { continue }
            var code = entries[i].code
            let occupation: Int? = code.withUTF8 { bytes in
                let parent = UnsafeBufferPointer(rebasing: bytes[..<length])
                return occupations.find(ByteHash.hash(UnsafeRawBufferPointer(parent))) { j in
                    var other = entries[j].code
                    return other.withUTF8 { $0.elementsEqual(parent) }
                }
            }
            // Bytes first (equal in the common case); text that differs only in Unicode form
            // (a compatibility ideograph for its unified one) names the same industry.
            if let j = occupation, let industry = entries[i].industry, let other = entries[j].industry,
               !ByteHash.sameBytes(other, industry), other != industry {
                let parent = String(decoding: entries[i].code.utf8.prefix(length), as: UTF8.self)
                let (page, line) = place(places, i)
                out.append((i, Diagnostic(
                    .warning,
                    "work type `\(entries[i].code) \(entries[i].name)` is under \(industry), its occupation \(parent) under \(other)",
                    page: page, line: line, seq: entries[i].seq)))
            }
        }
        return out
    }

    /// Row numbers seen so far: a bitmap for the numbers a catalogue of this size uses, a set for
    /// any beyond.
    struct SeqSet {
        private var bits: [UInt64]
        private var others = Set<Int>()

        init(expected: Int) { bits = [UInt64](repeating: 0, count: (expected * 2 + 64) / 64) }

        func contains(_ seq: Int) -> Bool {
            guard seq >= 0, seq < bits.count * 64 else { return others.contains(seq) }
            return bits[seq >> 6] & (1 << UInt64(seq & 63)) != 0
        }

        mutating func insert(_ seq: Int) {
            guard seq >= 0, seq < bits.count * 64 else { others.insert(seq); return }
            bits[seq >> 6] |= 1 << UInt64(seq & 63)
        }
    }
}
