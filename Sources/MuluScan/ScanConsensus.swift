import MuluModel
import MuluTable

/// Corrects readings of a scanned table from what the rows around them say, each correction
/// with a note: a row number that breaks a sequence the neighbours make certain takes the
/// sequence's value; a code whose major group is impossible (`0-24-03-01-09`) takes the major
/// group of a neighbour under the same subgroup (codes are hierarchical, neighbours share
/// prefixes); a value of a repeating column (industry) read once and nearly identical to one
/// read the same way many times takes that value, and one rarely read a character from such a
/// value is doubtful (reported, not changed). Pure.
public enum ScanConsensus {
    /// One correction: the row (index into the rows), the field, and why.
    public struct Correction: Sendable, Hashable {
        public var row: Int
        public var field: TableField
        public var message: String
    }

    /// `rows` corrected, and the corrections made.
    public static func corrected(_ rows: [RowRecord], settings: ScanSettings = ScanSettings()) -> (rows: [RowRecord], corrections: [Correction]) {
        var rows = rows
        var corrections: [Correction] = []
        sequence(&rows, &corrections, maxRun: settings.maxSequenceRun)
        codes(&rows, &corrections)
        consensus(&rows, &corrections, field: .industry, minCount: settings.consensusMinCount)
        return (rows, corrections)
    }

    /// Row numbers: a run of at most `maxRun` rows after row `p` whose numbers do not follow it,
    /// ended by a row numbered exactly as many past `p` as it is rows below it, is numbered in
    /// sequence.
    static func sequence(_ rows: inout [RowRecord], _ out: inout [Correction], maxRun: Int) {
        guard rows.count >= 3 else { return }
        var i = 1
        while i < rows.count - 1 {
            let before = rows[i - 1].seq
            guard rows[i].seq != before + 1 else { i += 1; continue }
            var end: Int?
            for j in (i + 1)..<min(rows.count, i + maxRun + 1) where rows[j].seq == before + (j - i + 1) {
                end = j
                break
            }
            guard let end else { i += 1; continue }
            let after = rows[end].seq
            for k in i..<end {
                let read = rows[k].anchor.text
                let value = before + (k - i + 1)
                rows[k].seq = value
                rows[k].anchor.text = String(value)
                out.append(Correction(row: k, field: .seq, message:
                    "read `\(read)`, taken as \(value): the rows around it are numbered \(before) and \(after)"))
            }
            i = end + 1
        }
    }

    /// Codes well formed but for an impossible major group take a neighbour's major group
    /// when that neighbour (the row above, else below) has the same next segment; a possible
    /// major group other than the one both neighbours share under the same next segment is
    /// doubtful (reported, not changed).
    static func codes(_ rows: inout [RowRecord], _ out: inout [Correction]) {
        func code(_ k: Int) -> String { CodeSyntax.normalise(Blank.removed(from: rows[k].text(.code))) }
        for k in rows.indices {
            let read = code(k)
            guard CodeSyntax.isWellFormed(read), let dash = read.firstIndex(of: "-") else { continue }
            if CodeSyntax.isNational(read) {
                // A possible major group that differs from the one both neighbours share under the
                // same subgroup (`5-24-03-01-*` between `6-24-03-01-05` and `6-24-03-01`): doubtful.
                let around = [k - 1, k + 1].filter { rows.indices.contains($0) }.map(code)
                let subgroup = read[dash...].prefix(3)
                let majors = Set(around.compactMap { other -> Substring? in
                    guard CodeSyntax.isNational(other), let d = other.firstIndex(of: "-"), other[d...].prefix(3) == subgroup else { return nil }
                    return other[..<d]
                })
                if around.count == 2, majors.count == 1, let major = majors.first, major != read[..<dash],
                   around.allSatisfy({ $0.hasPrefix(major + subgroup) }) {
                    out.append(Correction(row: k, field: .code, message:
                        "read `\(read)`, but the rows above and below are `\(around[0])` and `\(around[1])`: major group \(major), not \(read[..<dash])? doubtful"))
                }
                continue
            }
            let rest = read[dash...]
            let subgroup = rest.dropFirst().prefix(2)
            for n in [k - 1, k + 1] where rows.indices.contains(n) {
                let other = code(n)
                guard CodeSyntax.isNational(other), let d = other.firstIndex(of: "-"),
                      other[d...].dropFirst().prefix(2) == subgroup else { continue }
                let fixed = String(other[..<d]) + rest
                guard var first = rows[k].cells[.code]?.first else { break }
                first.text = fixed
                rows[k].cells[.code] = [first]
                out.append(Correction(row: k, field: .code, message:
                    "read `\(read)` (no major group \(read[..<dash])), taken as `\(fixed)`: the row \(n < k ? "above" : "below") is `\(other)`"))
                break
            }
        }
    }

    /// A value of `field` read only once that is within a few edits (at most 2, and at most a
    /// fifth of its length) of exactly one value read the same way `minCount` or more times
    /// takes that value.
    static func consensus(_ rows: inout [RowRecord], _ out: inout [Correction], field: TableField, minCount: Int) {
        var counts: [String: Int] = [:]
        let texts = rows.map { Blank.removed(from: $0.text(field)) }
        for t in texts where !t.isEmpty { counts[t, default: 0] += 1 }
        let common = counts.filter { $0.value >= minCount }.keys.sorted()
        guard !common.isEmpty else { return }
        for k in rows.indices where !texts[k].isEmpty && counts[texts[k]] == 1 {
            let a = Array(texts[k].unicodeScalars)
            var found: String?
            var ambiguous = false
            for c in common {
                let b = Array(c.unicodeScalars)
                let limit = min(2, b.count / 5)
                guard limit > 0, abs(a.count - b.count) <= limit,
                      ScanReview.editDistance(a, b, limit: limit) <= limit else { continue }
                if found != nil { ambiguous = true }
                found = c
            }
            guard let value = found, !ambiguous, var first = rows[k].cells[field]?.first else { continue }
            first.text = value
            rows[k].cells[field] = [first]
            out.append(Correction(row: k, field: field, message:
                "read `\(texts[k])` once, taken as `\(value)`, read so in \(counts[value] ?? 0) rows of the column"))
        }
        // Not corrected, but doubtful: a value read fewer than `minCount` times one character
        // from a value read `minCount` times or more (`一制造业` beside `制造业`: a speck read as
        // a character; too short a value to be corrected by the rule above).
        let done = Set(out.filter { $0.field == field }.map(\.row))
        for k in rows.indices where !texts[k].isEmpty && (counts[texts[k]] ?? 0) < minCount && !done.contains(k) {
            let a = Array(texts[k].unicodeScalars)
            guard let near = common.first(where: { c in
                let b = Array(c.unicodeScalars)
                return abs(a.count - b.count) <= 1 && ScanReview.editDistance(a, b, limit: 1) <= 1
            }) else { continue }
            out.append(Correction(row: k, field: field, message:
                "read `\(texts[k])` in \(counts[texts[k]] ?? 0) row(s), one character from `\(near)`, read in \(counts[near] ?? 0) rows of the column: doubtful"))
        }
    }
}
