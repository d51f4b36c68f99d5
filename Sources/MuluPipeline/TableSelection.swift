import MuluSupport
import MuluModel

extension CatalogueLoader.Loaded {
    /// The catalogue of one table of the notice (`mulu compile --table`): `selector` is its
    /// number (1 for the first) or its label as published (`附件2`). Keeps that table's entries
    /// (their `table` now 0), its diagnostics (by where they were printed; those about the
    /// catalogue as a whole stay) and only it in `tables`. Throws when no table matches.
    public func selectingTable(_ selector: String) throws -> CatalogueLoader.Loaded {
        let tables = catalogue.tables
        let count = max(tables.count, 1)
        var index: Int?
        if let n = Int(selector), (1...count).contains(n) {
            index = n - 1
        } else {
            let wanted = Blank.removed(from: FullWidth.asciiDigits(selector))
            index = tables.firstIndex { ($0.label.map { Blank.removed(from: FullWidth.asciiDigits($0)) }) == wanted }
        }
        guard let t = index else {
            let labels = tables.enumerated().map { "\($0.offset + 1)\($0.element.label.map { " (\($0))" } ?? "")" }
            throw MuluError(
                file: catalogue.source.file,
                problem: "no table `\(selector)`: the notice has \(count) table(s)\(labels.isEmpty ? "" : ": " + labels.joined(separator: ", "))")
        }
        var out = self
        let starts = notice?.tableStarts ?? []
        let from = t < starts.count ? starts[t] : (page: 0, line: 0)
        let to = t + 1 < starts.count ? starts[t + 1] : (page: Int.max, line: Int.max)
        out.catalogue.entries = catalogue.entries.filter { $0.table == t }.map { e in
            var e = e
            e.table = 0
            return e
        }
        out.catalogue.diagnostics = catalogue.diagnostics.filter { d in
            guard let page = d.page else { return true }
            let at = (page, d.line ?? 0)
            return at >= from && at < to
        }
        if t < tables.count {
            // One table: its header cells are `columns`.
            out.catalogue.tables = [Catalogue.Table(label: tables[t].label, title: tables[t].title)]
            if let title = tables[t].title { out.catalogue.title = out.metadata?.title ?? title }
        }
        if let columns = notice?.tableColumns, t < columns.count { out.catalogue.columns = columns[t] }
        return out
    }
}
