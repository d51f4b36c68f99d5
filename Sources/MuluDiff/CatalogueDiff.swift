import MuluSupport
import MuluModel
import MuluOutput
/// What changed between two catalogues: entries added, removed, and changed, matched by key.
///
/// Entries are matched, never by row number, in this order:
/// 1. the same code (after the crosswalk) and the same name;
/// 2. the same code that is not a wildcard (its last segment is not `*`), another name — a rename;
/// 3. the same name, another code — a re-code;
///
/// what is left over is removed (old) or added (new). Within each rule, entries that compete for
/// the same key (duplicates) are paired in row-number order, so the result is deterministic.
/// Matched pairs report which of industry, name, code, training, assessment and urgent differ;
/// `seq` is never compared, so renumbering alone is not a change.
///
/// Matching is keyed by hash tables and the result sorted, so it runs in O(n log n).
public struct CatalogueDiff: Hashable, Sendable {
    /// Entries only in the new catalogue, ordered by (code, name, seq).
    public var added: [Entry]
    /// Entries only in the old catalogue, ordered by (code, name, seq) of the old entry.
    public var removed: [Entry]
    /// Matched pairs whose fields differ, ordered by (code, name, seq) of the new entry.
    public var changed: [EntryChange]
    /// How many matched pairs are identical apart from their row numbers.
    public var unchangedCount: Int

    /// True when the catalogues hold the same entries (row numbers aside).
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(added: [Entry], removed: [Entry], changed: [EntryChange], unchangedCount: Int) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchangedCount = unchangedCount
    }

    /// Diffs two catalogues' entries; `crosswalk` maps old codes to new before matching.
    public init(old: Catalogue, new: Catalogue, crosswalk: Crosswalk = Crosswalk()) {
        self.init(old: old.entries, new: new.entries, crosswalk: crosswalk)
    }

    /// Diffs two lists of entries; `crosswalk` maps old codes to new before matching.
    public init(old: [Entry], new: [Entry], crosswalk: Crosswalk = Crosswalk()) {
        let oldCodes = crosswalk.isEmpty ? old.map(\.code) : old.map { crosswalk.map($0.code) }
        let oldOrder = CatalogueDiff.rowOrder(old)
        let newOrder = CatalogueDiff.rowOrder(new)
        var oldTaken = [Bool](repeating: false, count: old.count)
        var newTaken = [Bool](repeating: false, count: new.count)
        var next = [Int](repeating: -1, count: old.count)
        var pairs: [(old: Int, new: Int, match: EntryChange.Match)] = []
        pairs.reserveCapacity(min(old.count, new.count))

        /// Pairs still-unmatched new entries with still-unmatched old entries sharing `key`,
        /// each key's candidates taken in row order.
        func match<Key: Hashable>(
            _ rule: EntryChange.Match, oldKey: (Int) -> Key?, newKey: (Int) -> Key?
        ) {
            // Each key's candidates form a singly linked list through `next`, earliest row first:
            // no array per key, so a 100,000-row catalogue costs one hash table, not 100,000 arrays.
            var first: [Key: Int] = [:]
            first.reserveCapacity(old.count - pairs.count)
            for index in oldOrder.reversed() where !oldTaken[index] {
                guard let key = oldKey(index) else { continue }
                next[index] = first.updateValue(index, forKey: key) ?? -1
            }
            if first.isEmpty { return }
            for index in newOrder where !newTaken[index] {
                guard let key = newKey(index), let partner = first[key] else { continue }
                if next[partner] < 0 { first[key] = nil } else { first[key] = next[partner] }
                oldTaken[partner] = true
                newTaken[index] = true
                pairs.append((partner, index, rule))
            }
        }

        match(.key, oldKey: { EntryKey(code: oldCodes[$0], name: old[$0].name) }, newKey: { new[$0].key })
        match(
            .code,
            oldKey: { CodeSyntax.isSpecific(oldCodes[$0]) ? oldCodes[$0] : nil },
            newKey: { CodeSyntax.isSpecific(new[$0].code) ? new[$0].code : nil })
        // A name that could not be read (empty) identifies nothing.
        match(
            .name, oldKey: { old[$0].name.isEmpty ? nil : old[$0].name },
            newKey: { new[$0].name.isEmpty ? nil : new[$0].name })

        var changedPairs: [(old: Int, new: Int, match: EntryChange.Match, fields: [EntryField])] = []
        var unchanged = 0
        for pair in pairs {
            let fields = EntryField.differing(old[pair.old], new[pair.new])
            if fields.isEmpty {
                unchanged += 1
            } else {
                changedPairs.append((pair.old, pair.new, pair.match, fields))
            }
        }
        // Sort indices over cached keys rather than entries themselves: moving and comparing whole
        // entries retains every string they hold, which dominates on 100,000 rows.
        let oldOrdering = ReportOrdering(old)
        let newOrdering = ReportOrdering(new)
        changedPairs.sort { a, b in
            if newOrdering.precedes(a.new, b.new) { return true }
            if newOrdering.precedes(b.new, a.new) { return false }
            return oldOrdering.precedes(a.old, b.old)
        }
        self.init(
            added: new.indices.filter { !newTaken[$0] }.sorted(by: newOrdering.precedes).map { new[$0] },
            removed: old.indices.filter { !oldTaken[$0] }.sorted(by: oldOrdering.precedes).map { old[$0] },
            changed: changedPairs.map {
                EntryChange(before: old[$0.old], after: new[$0.new], fields: $0.fields, match: $0.match)
            },
            unchangedCount: unchanged)
    }

    /// Indices of `entries` by row number, ties kept in input order.
    static func rowOrder(_ entries: [Entry]) -> [Int] {
        entries.indices.sorted { (entries[$0].seq, $0) < (entries[$1].seq, $1) }
    }

    /// Report order over the indices of a list of entries: by code, then name, then row number,
    /// then the other fields (so that even duplicates sort the same way every time), then position.
    struct ReportOrdering {
        let entries: [Entry]
        let codes: [String]
        let names: [String]
        let seqs: [Int]

        init(_ entries: [Entry]) {
            self.entries = entries
            codes = entries.map(\.code)
            names = entries.map(\.name)
            seqs = entries.map(\.seq)
        }

        func precedes(_ i: Int, _ j: Int) -> Bool {
            if codes[i] != codes[j] { return codes[i] < codes[j] }
            if names[i] != names[j] { return names[i] < names[j] }
            if seqs[i] != seqs[j] { return seqs[i] < seqs[j] }
            let (a, b) = (entries[i], entries[j])
            if a.industry != b.industry { return (a.industry ?? "") < (b.industry ?? "") }
            let (at, bt) = (a.training?.text ?? "", b.training?.text ?? "")
            if at != bt { return at < bt }
            let (aa, ba) = (a.assessment?.text ?? "", b.assessment?.text ?? "")
            if aa != ba { return aa < ba }
            if a.urgent != b.urgent { return (a.urgent.map { $0 ? 2 : 1 } ?? 0) < (b.urgent.map { $0 ? 2 : 1 } ?? 0) }
            return i < j
        }
    }
}
