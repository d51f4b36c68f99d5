import MuluSupport
import MuluModel
/// Where ``CatalogueRecord`` hands an entry's cells, one call a cell in column order, then
/// ``endRecord()``: the CSV writes them as fields, the workbook and the page as cells.
protocol CatalogueCellSink {
    /// An integer cell, in decimal.
    mutating func integer(_ value: Int)
    /// A cell holding `value` as it is (the sink quotes or escapes it).
    mutating func text(_ value: String)
    /// A cell of these UTF-8 bytes, which never need CSV quoting (levels and amounts).
    mutating func plain(_ value: UnsafeRawBufferPointer)
    /// `true` or `false`.
    mutating func boolean(_ value: Bool)
    /// An empty cell.
    mutating func empty()
    /// The record is complete.
    mutating func endRecord()
    /// True when the sink takes subsidy `s`'s seven cells as it took the same subsidy's in the
    /// same columns before, and moves past them without being handed them; false (the default)
    /// to be handed them.
    mutating func repeats(_ s: Subsidy) -> Bool
}

extension CatalogueCellSink {
    @inline(__always)
    mutating func repeats(_ s: Subsidy) -> Bool { false }
}

/// The one definition of an entry's cells in `catalogue.csv`'s columns (``CatalogueCSV/columns``,
/// then the extra columns), shared by the CSV, the workbook and the page so that all three show
/// the same cells without reading the CSV back.
enum CatalogueRecord {
    /// Hands `e`'s cells to `sink`; `scratch` is a buffer the joined levels and amounts are
    /// built in (reused from record to record).
    @inline(__always)
    static func write<S: CatalogueCellSink>(_ e: Entry, extra: [String], scratch: OutputBuffer, to sink: inout S) {
        sink.integer(e.seq)
        sink.integer(e.table)
        if let industry = e.industry { sink.text(industry) } else { sink.empty() }
        sink.text(e.code)
        sink.text(e.name)
        subsidy(e.training, scratch: scratch, to: &sink)
        subsidy(e.assessment, scratch: scratch, to: &sink)
        if let urgent = e.urgent { sink.boolean(urgent) } else { sink.empty() }
        for header in extra {
            if let cell = e.extra[header] { sink.text(cell) } else { sink.empty() }
        }
        sink.endRecord()
    }

    /// The seven cells of a subsidy (levels, amount, amounts, any-of, up-to, note, text), all
    /// empty when it is missing.
    @inline(__always)
    private static func subsidy<S: CatalogueCellSink>(_ s: Subsidy?, scratch: OutputBuffer, to sink: inout S) {
        guard let s else {
            for _ in 0..<7 { sink.empty() }
            return
        }
        if sink.repeats(s) { return }
        // Level names hold no character that needs quoting, nor do the separators.
        scratch.removeAll()
        for i in s.levels.indices {
            if i > 0 { scratch.append(utf8: CatalogueCSV.levelSeparator) }
            scratch.append(utf8: s.levels[i].rawValue)
        }
        scratch.withUnsafeBytes { sink.plain($0) }
        if let amount = s.amountYuan { sink.integer(amount) } else { sink.empty() }
        scratch.removeAll()
        for i in s.amounts.indices {
            if i > 0 { scratch.append(utf8: CatalogueCSV.levelSeparator) }
            scratch.append(utf8: s.amounts[i].level.rawValue)
            scratch.append(utf8: CatalogueCSV.amountSeparator)
            scratch.appendDecimal(s.amounts[i].amountYuan)
        }
        scratch.withUnsafeBytes { sink.plain($0) }
        sink.boolean(s.anyOf)
        sink.boolean(s.upTo)
        if let note = s.note { sink.text(note) } else { sink.empty() }
        sink.text(s.text)
    }
}
