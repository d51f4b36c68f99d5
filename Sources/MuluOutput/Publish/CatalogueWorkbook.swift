import MuluSupport
import MuluModel
/// Builds `catalogue.xlsx`: the catalogue for Excel and WPS users.
///
/// - Sheet 目录 (entries): the CSV's columns under their Chinese headings (from the CSV's Table
///   Schema, see ``PublishedTable``), one row per entry; integers as number cells, booleans as
///   是/否, a missing cell empty. Header frozen, auto-filter on, widths fitted to the text.
/// - Sheet 诊断 (diagnostics): severity, page, line, column, row number, message and excerpt.
/// - Sheet 说明 (metadata): title, region, year, attachment, publisher, licence, the notice's
///   file name, format and SHA-256, and the counts.
public enum CatalogueWorkbook {
    /// The sheets' names, in order.
    public static let sheetNames = ["目录", "诊断", "说明"]

    /// The workbook for `catalogue`, described by `metadata`.
    public static func workbook(_ catalogue: Catalogue, metadata: CatalogueMetadata) -> XLSXWorkbook {
        XLSXWorkbook(title: catalogue.title, sheets: [
            entriesSheet(catalogue),
            diagnosticsSheet(catalogue.diagnostics),
            metadataSheet(catalogue, metadata: metadata),
        ])
    }

    /// The bytes of `catalogue.xlsx`.
    public static func encode(_ catalogue: Catalogue, metadata: CatalogueMetadata) throws -> [UInt8] {
        try workbook(catalogue, metadata: metadata).bytes(name: "catalogue.xlsx")
    }

    /// The same bytes in pieces to be written one after the other (``XLSXWorkbook/pieces(name:)``).
    static func encodePieces(_ catalogue: Catalogue, metadata: CatalogueMetadata) throws -> [[UInt8]] {
        try workbook(catalogue, metadata: metadata).pieces(name: "catalogue.xlsx")
    }

    /// The rows in a segment of a large entries sheet (``XLSXWorkbook/Sheet/LaterRows``).
    static let segmentRows = 32_768

    /// The entries sheet of `catalogue`: the same sheet as ``entriesSheet(_:)`` of its
    /// ``PublishedTable``, its data rows written straight into XML bytes from the entries
    /// (``CatalogueSheetRows``) while the archive deflates them, without encoding the CSV and
    /// reading it back. The columns' widths, which come first in the sheet, are fitted to the
    /// rows as they are written, and the sheet's head written after them
    /// (``XLSXWorkbook/Sheet/LaterRows/fitsWidths``): one pass over the entries, not two.
    public static func entriesSheet(_ catalogue: Catalogue) -> XLSXWorkbook.Sheet {
        let columns = PublishedTable.columns(of: catalogue)
        let shared = sharedColumns(columns)
        let extra = catalogue.extraHeaders
        // By index: a `for … in` would copy (retain and release) every entry's strings.
        let entries = catalogue.entries
        @Sendable func rows(
            _ range: Range<Int>, pass: CatalogueSheetRows.Pass, into out: OutputBuffer
        ) -> CatalogueSheetRows {
            var rows = CatalogueSheetRows(
                columns: columns, shared: shared, into: out, pass: pass, firstRow: 2 + range.lowerBound,
                minimum: 8, maximum: 30)
            let scratch = OutputBuffer(capacity: 256)
            // Through a buffer pointer: an element read from the captured array was copied.
            entries.withUnsafeBufferPointer { entries in
                for i in range { CatalogueRecord.write(entries[i], extra: extra, scratch: scratch, to: &rows) }
            }
            return rows
        }
        var sheet = XLSXWorkbook.Sheet(
            name: sheetNames[0], rows: [columns.map { .text($0.title, style: .header) }],
            columnWidths: [], freezeHeader: true, autoFilter: true)
        sheet.sharedColumns = shared
        // A large sheet in segments of a fixed number of rows, deflated in parallel (the same
        // segments, so the same bytes, on any number of cores); a small one in one.
        let count = entries.count
        let segments = count > XLSXWorkbook.fastDeflateRows ? (count + segmentRows - 1) / segmentRows : 1
        let perSegment = count > XLSXWorkbook.fastDeflateRows ? segmentRows : count
        @Sendable func range(_ k: Int) -> Range<Int> { min(count, k * perSegment)..<min(count, (k + 1) * perSegment) }
        sheet.laterRows = .init(count: count, segments: segments, fitsWidths: !entries.isEmpty) { k, out, strings in
            let written = rows(range(k), pass: .writing(strings), into: out)
            return (written.widths, written.references)
        }
        sheet.laterRows?.strings = { k in
            let collected = rows(range(k), pass: .collecting, into: OutputBuffer(capacity: 64))
            return (collected.strings, collected.widths)
        }
        return sheet
    }

    /// Which of `columns` are shared strings in the entries sheet: the text and boolean columns
    /// of ``CatalogueCSV/columns`` whose cells repeat from entry to entry (industry, levels,
    /// subsidies, notes, 是/否), not the code and the name, which are the entry's own, nor a
    /// notice's extra columns.
    static func sharedColumns(_ columns: [PublishedTable.Column]) -> [Bool] {
        columns.map { column in
            column.kind != .number && column.name != "code" && column.name != "name"
                && CatalogueCSV.columns.contains(column.name)
        }
    }

    /// The entries sheet of `table`, built cell by cell (the reference ``entriesSheet(_:)-catalogue``
    /// is checked against).
    public static func entriesSheet(_ table: PublishedTable) -> XLSXWorkbook.Sheet {
        var rows: [[XLSXWorkbook.Cell]] = [table.columns.map { .text($0.title, style: .header) }]
        rows.reserveCapacity(table.rows.count + 1)
        for record in table.rows {
            rows.append(record.indices.map { c in
                switch table.columns[c].kind {
                case .number: .number(record[c])
                case .boolean, .text: .text(table.display(record[c], column: c))
                }
            })
        }
        // Headings wrap, so they do not widen a column of short values beyond reason.
        let widths = XLSXWorkbook.Sheet.fittingWidths(Array(rows.dropFirst()), minimum: 8, maximum: 30)
        var sheet = XLSXWorkbook.Sheet(name: sheetNames[0], rows: rows, columnWidths: widths, freezeHeader: true, autoFilter: true)
        sheet.sharedColumns = sharedColumns(table.columns)
        return sheet
    }

    /// The diagnostics sheet: one row per diagnostic, in the catalogue's order.
    public static func diagnosticsSheet(_ diagnostics: [Diagnostic]) -> XLSXWorkbook.Sheet {
        let header = ["级别", "页", "行", "列", "序号", "说明", "原文"]
        var rows: [[XLSXWorkbook.Cell]] = [header.map { .text($0, style: .header) }]
        for d in diagnostics {
            rows.append([
                .text(d.severity == .error ? "错误" : "警告"),
                .number(d.page.map(String.init) ?? ""),
                .number(d.line.map(String.init) ?? ""),
                .number(d.column.map(String.init) ?? ""),
                .number(d.seq.map(String.init) ?? ""),
                .text(d.message, style: .wrap),
                .text(d.excerpt ?? "", style: .wrap),
            ])
        }
        return XLSXWorkbook.Sheet(
            name: sheetNames[1], rows: rows, columnWidths: [8, 6, 6, 6, 6, 60, 40], freezeHeader: true,
            autoFilter: !diagnostics.isEmpty)
    }

    /// The metadata sheet: one fact a row, label then value.
    public static func metadataSheet(_ catalogue: Catalogue, metadata: CatalogueMetadata) -> XLSXWorkbook.Sheet {
        let errors = catalogue.diagnostics.filter { $0.severity == .error }.count
        let facts: [(String, XLSXWorkbook.Cell)] = [
            ("标题", .text(catalogue.title)),
            ("地区", .text(metadata.region)),
            ("年份", metadata.year > 0 ? .number(String(metadata.year)) : .text("")),
            ("附件", .text(metadata.attachment ?? "")),
            ("来源", .text(metadata.source.title)),
            ("发布机构", .text(metadata.source.publisher ?? "")),
            ("来源链接", .text(metadata.source.path ?? "")),
            ("许可", .text(metadata.licence.title)),
            ("源文件", .text(catalogue.source.file)),
            ("源文件格式", .text(catalogue.source.format.rawValue)),
            ("源文件 SHA-256", .text(catalogue.source.sha256)),
            ("条目数", .number(String(catalogue.entries.count))),
            ("警告数", .number(String(catalogue.diagnostics.count - errors))),
            ("错误数", .number(String(errors))),
            ("数据版本（schemaVersion）", .number(String(catalogue.schemaVersion))),
            ("编制工具", .text("mulu")),
        ]
        var rows: [[XLSXWorkbook.Cell]] = [[.text("项目", style: .header), .text("内容", style: .header)]]
        for (label, value) in facts { rows.append([.text(label), value]) }
        return XLSXWorkbook.Sheet(name: sheetNames[2], rows: rows, columnWidths: [26, 72], freezeHeader: false)
    }
}
