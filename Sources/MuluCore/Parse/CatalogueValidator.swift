/// Checks a catalogue as a whole: numbering, duplicates, and work types whose occupation is
/// listed under another industry.
public enum CatalogueValidator {
    /// Warnings about `entries`; `places` gives each entry's page and line where known.
    public static func validate(_ entries: [Entry], places: [(page: Int, line: Int)?] = []) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func place(_ i: Int) -> (page: Int?, line: Int?) {
            guard i < places.count, let p = places[i] else { return (nil, nil) }
            return (p.page, p.line)
        }
        var previous: Int?
        // Duplicates by key hash first (integers: no string retained per entry); the keys
        // themselves are compared only when hashes meet.
        var firstByHash: [Int: Int] = [:]
        firstByHash.reserveCapacity(entries.count)
        var collided: [EntryKey: Int] = [:]
        var seqSeen = Set<Int>(minimumCapacity: entries.count)
        var industryOfOccupation: [String: String] = [:]
        industryOfOccupation.reserveCapacity(entries.count / 4)
        let parents = entries.map { CodeSyntax.parentOccupation($0.code) }
        for (e, parent) in zip(entries, parents) where parent == nil && !CodeSyntax.isWildcard(e.code) {
            if industryOfOccupation[e.code] == nil { industryOfOccupation[e.code] = e.industry }
        }
        for (i, e) in entries.enumerated() {
            let (page, line) = place(i)
            if let p = previous {
                if e.seq == p || seqSeen.contains(e.seq) {
                    out.append(Diagnostic(.warning, "row number \(e.seq) repeats", page: page, line: line, seq: e.seq))
                } else if e.seq != p + 1 {
                    let detail = e.seq > p + 1 ? "skips \(p + 1)…\(e.seq - 1)" : "goes back from \(p)"
                    out.append(Diagnostic(.warning, "row number \(e.seq) \(detail)", page: page, line: line, seq: e.seq))
                }
            } else if e.seq != 1 {
                out.append(Diagnostic(.warning, "the first row is numbered \(e.seq), not 1", page: page, line: line, seq: e.seq))
            }
            previous = e.seq
            seqSeen.insert(e.seq)
            var hasher = Hasher()
            e.key.hash(into: &hasher)
            let hash = hasher.finalize()
            var first: Int?
            if let j = firstByHash[hash] {
                if entries[j].key == e.key {
                    first = j
                } else if let k = collided[e.key] {
                    first = k
                } else {
                    collided[e.key] = i
                }
            } else {
                firstByHash[hash] = i
            }
            if let first {
                out.append(Diagnostic(
                    .warning, "`\(e.code) \(e.name)` is listed twice (rows \(entries[first].seq) and \(e.seq))",
                    page: page, line: line, seq: e.seq))
            }
            let parent = parents[i]
            if let parent, let other = industryOfOccupation[parent], other != e.industry {
                out.append(Diagnostic(
                    .warning,
                    "work type `\(e.code) \(e.name)` is under \(e.industry), its occupation \(parent) under \(other)",
                    page: page, line: line, seq: e.seq))
            }
        }
        return out
    }
}
