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
        var seen: [EntryKey: Int] = [:]
        seen.reserveCapacity(entries.count)
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
            if let first = seen[e.key] {
                out.append(Diagnostic(
                    .warning, "`\(e.code) \(e.name)` is listed twice (rows \(entries[first].seq) and \(e.seq))",
                    page: page, line: line, seq: e.seq))
            } else {
                seen[e.key] = i
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
