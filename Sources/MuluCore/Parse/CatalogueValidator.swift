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
        for i in entries.indices where parents[i] == nil && !CodeSyntax.isWildcard(entries[i].code) {
            if industryOfOccupation[entries[i].code] == nil { industryOfOccupation[entries[i].code] = entries[i].industry }
        }
        // Fields are read in place (`entries[i].…`): copying whole entries costs more than the checks.
        for i in entries.indices {
            let (page, line) = place(i)
            if let p = previous {
                if entries[i].seq == p || seqSeen.contains(entries[i].seq) {
                    out.append(Diagnostic(.warning, "row number \(entries[i].seq) repeats", page: page, line: line, seq: entries[i].seq))
                } else if entries[i].seq != p + 1 {
                    let detail = entries[i].seq > p + 1 ? "skips \(p + 1)…\(entries[i].seq - 1)" : "goes back from \(p)"
                    out.append(Diagnostic(.warning, "row number \(entries[i].seq) \(detail)", page: page, line: line, seq: entries[i].seq))
                }
            } else if entries[i].seq != 1 {
                out.append(Diagnostic(.warning, "the first row is numbered \(entries[i].seq), not 1", page: page, line: line, seq: entries[i].seq))
            }
            previous = entries[i].seq
            seqSeen.insert(entries[i].seq)
            var hasher = Hasher()
            entries[i].key.hash(into: &hasher)
            let hash = hasher.finalize()
            var first: Int?
            if let j = firstByHash[hash] {
                if entries[j].key == entries[i].key {
                    first = j
                } else if let k = collided[entries[i].key] {
                    first = k
                } else {
                    collided[entries[i].key] = i
                }
            } else {
                firstByHash[hash] = i
            }
            if let first {
                out.append(Diagnostic(
                    .warning, "`\(entries[i].code) \(entries[i].name)` is listed twice (rows \(entries[first].seq) and \(entries[i].seq))",
                    page: page, line: line, seq: entries[i].seq))
            }
            let parent = parents[i]
            if let parent, let other = industryOfOccupation[parent], other != entries[i].industry {
                out.append(Diagnostic(
                    .warning,
                    "work type `\(entries[i].code) \(entries[i].name)` is under \(entries[i].industry), its occupation \(parent) under \(other)",
                    page: page, line: line, seq: entries[i].seq))
            }
        }
        return out
    }
}
