import MuluSupport
import MuluModel
import Foundation

/// Reads and writes `catalogue.json`, the catalogue's canonical open-data form.
///
/// The bytes are written by ``JSONWriter`` (keys sorted by UTF-8 bytes, two-space indentation,
/// UTF-8 unescaped, trailing newline), so the same catalogue always gives the same bytes; except
/// that each entry and each diagnostic is one line of its own, without whitespace, as a compact
/// writer has it (``JSONWriter/isCompact``): a large catalogue's file is less than half the size
/// (the entries are nearly all of it, and their indentation was more than half of them), and
/// still one entry a line for a line-based diff. The entries are written by ``EntryLayout``,
/// which writes a compact writer's bytes from a layout made once.
///
/// That layout, in Python: the top-level object as
/// `json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)`, but the items of
/// `entries` and `diagnostics` each as `json.dumps(item, ensure_ascii=False, sort_keys=True,
/// separators=(",", ":"))` on a line indented by four spaces.
/// A missing subsidy is `null`; a diagnostic's unknown page, line, column, excerpt or row number
/// is left out.
public enum CatalogueJSON {
    /// The bytes of `catalogue.json` for `catalogue`, with `"$schema": schemaRef` when given
    /// (e.g. `../../schemas/catalogue.schema.json` for a file under `generated/<id>/`).
    public static func encode(_ catalogue: Catalogue, schemaRef: String?) -> [UInt8] {
        let out = OutputBuffer(capacity: 1024 + catalogue.entries.count * 600)
        encode(catalogue, schemaRef: schemaRef, into: out)
        return out.bytes
    }

    /// Appends `catalogue.json` for `catalogue` to `out`.
    static func encode(_ catalogue: Catalogue, schemaRef: String?, into out: OutputBuffer) {
        var w = JSONWriter(into: out)
        w.beginObject()
        if let schemaRef { w.field("$schema", schemaRef) }
        w.key("columns")
        write(catalogue.columns, to: &w)
        w.key("diagnostics")
        w.beginArray()
        for d in catalogue.diagnostics {
            var line = JSONWriter(into: w.rawValue().out, compact: true)
            write(d, to: &line)
        }
        w.endArray()
        w.key("entries")
        w.beginArray()
        let layout = EntryLayout.compact
        // Through a buffer pointer, by index: a `for … in`, or an element read from the array,
        // would copy (retain and release) every entry's strings.
        catalogue.entries.withUnsafeBufferPointer { entries in
            for i in entries.indices { layout.write(entries[i], to: w.rawValue().out) }
        }
        w.endArray()
        w.field("schemaVersion", catalogue.schemaVersion)
        w.key("source")
        w.beginObject()
        w.field("file", catalogue.source.file)
        w.field("format", catalogue.source.format.rawValue)
        w.field("sha256", catalogue.source.sha256)
        w.endObject()
        w.key("tables")
        w.beginArray()
        for t in catalogue.tables {
            w.beginObject()
            if let columns = t.columns {
                w.key("columns")
                write(columns, to: &w)
            }
            w.key("label")
            if let label = t.label { w.string(label) } else { w.null() }
            w.key("title")
            if let title = t.title { w.string(title) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.field("title", catalogue.title)
        w.endObject()
        w.end()
    }

    /// Writes header cells and their fields (`columns`, a table's `columns`).
    static func write(_ columns: [Catalogue.Column], to w: inout JSONWriter) {
        w.beginArray()
        for c in columns {
            w.beginObject()
            w.field("field", c.field)
            w.field("header", c.header)
            if let level = c.level { w.field("level", level.rawValue) }
            w.endObject()
        }
        w.endArray()
    }

    /// Writes one entry as `catalogue.json` has it (also the `ENTRY` of the diff report).
    public static func write(_ e: Entry, to w: inout JSONWriter) {
        let (out, depth) = w.rawValue()
        (w.isCompact ? EntryLayout.compact : EntryLayout.at(depth: depth)).write(e, to: out)
    }

    /// Writes a diagnostic, leaving out the fields it does not know.
    public static func write(_ d: Diagnostic, to w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("column", d.column)
        w.fieldIfPresent("excerpt", d.excerpt)
        w.fieldIfPresent("line", d.line)
        w.field("message", d.message)
        w.fieldIfPresent("page", d.page)
        w.fieldIfPresent("seq", d.seq)
        w.field("severity", d.severity.rawValue)
        w.endObject()
    }

    /// Why bytes could not be read as a `catalogue.json`, in one line.
    public struct DecodeError: Error, CustomStringConvertible, Equatable, Sendable {
        public var description: String
    }

    /// Reads a `catalogue.json` (any key order; `$schema` and unknown keys are ignored).
    ///
    /// Throws ``DecodeError`` with a one-line reason for bytes that are not JSON, miss a field,
    /// or carry a `schemaVersion` newer than ``Catalogue/currentSchemaVersion``. Read by
    /// ``JSONScanner`` straight into the model.
    public static func decode(_ bytes: [UInt8]) throws -> Catalogue {
        do {
            return try JSONScanner.scan(bytes) { s in try catalogue(&s) }
        } catch let error as DecodeError {
            throw error
        } catch {
            throw DecodeError(description: "not a catalogue.json: \(error)")
        }
    }

    private static func missing(_ key: String, _ at: @autoclosure () -> String) -> DecodeError {
        DecodeError(description: "not a catalogue.json: missing \"\(key)\" at \(at())")
    }

    private static func catalogue(_ s: inout JSONScanner) throws -> Catalogue {
        var version: Int?, title: String?, source: Catalogue.Source?
        var entries: [Entry]?, diagnostics: [Diagnostic] = []
        var columns: [Catalogue.Column] = [], tables: [Catalogue.Table] = []
        try s.beginObject("the top level")
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "schemaVersion":
                let v = try s.int("schemaVersion")
                guard v <= Catalogue.currentSchemaVersion else {
                    throw DecodeError(description: "schemaVersion \(v) is newer than this mulu reads (\(Catalogue.currentSchemaVersion))")
                }
                version = v
            case "title": title = try s.string("title")
            case "source": source = try self.source(&s)
            case "entries":
                var list: [Entry] = []
                try s.beginArray("entries")
                var firstEntry = true
                while try s.nextElement(&firstEntry) { list.append(try entry(&s, "entries[\(list.count)]")) }
                entries = list
            case "columns":
                try s.beginArray("columns")
                var firstItem = true
                while try s.nextElement(&firstItem) { columns.append(try column(&s, "columns[\(columns.count)]")) }
            case "tables":
                try s.beginArray("tables")
                var firstItem = true
                while try s.nextElement(&firstItem) { tables.append(try table(&s, "tables[\(tables.count)]")) }
            case "diagnostics":
                try s.beginArray("diagnostics")
                var firstItem = true
                while try s.nextElement(&firstItem) { diagnostics.append(try diagnostic(&s, "diagnostics[\(diagnostics.count)]")) }
            default: try s.skipValue()
            }
        }
        guard let version else { throw missing("schemaVersion", "the top level") }
        guard let title else { throw missing("title", "the top level") }
        guard let source else { throw missing("source", "the top level") }
        guard let entries else { throw missing("entries", "the top level") }
        return Catalogue(
            title: title, source: source, entries: entries, diagnostics: diagnostics, columns: columns, tables: tables,
            schemaVersion: version)
    }

    private static func column(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Catalogue.Column {
        var header: String?, field: String?, level: Level?
        try s.beginObject(at())
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "header": header = try s.string("\(at()).header")
            case "field": field = try s.string("\(at()).field")
            case "level": level = s.null() ? nil : try self.level(&s, "\(at()).level")
            default: try s.skipValue()
            }
        }
        guard let header else { throw missing("header", at()) }
        guard let field else { throw missing("field", at()) }
        return .init(header: header, field: field, level: level)
    }

    private static func table(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Catalogue.Table {
        var label: String?, title: String?, columns: [Catalogue.Column]?
        try s.beginObject(at())
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "columns":
                try s.beginArray("\(at()).columns")
                var firstItem = true
                var list: [Catalogue.Column] = []
                while try s.nextElement(&firstItem) { list.append(try column(&s, "\(at()).columns[\(list.count)]")) }
                columns = list
            case "label": label = s.null() ? nil : try s.string("\(at()).label")
            case "title": title = s.null() ? nil : try s.string("\(at()).title")
            default: try s.skipValue()
            }
        }
        return .init(label: label, title: title, columns: columns)
    }

    private static func level(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Level {
        let name = try s.string(at())
        guard let level = Level(rawValue: name) else {
            throw DecodeError(description: "not a catalogue.json: \(at()) `\(name)` is not one of 初级, 中级, 高级, 技师, 高级技师")
        }
        return level
    }

    private static func source(_ s: inout JSONScanner) throws -> Catalogue.Source {
        var file: String?, sha: String?, format: Catalogue.Format?
        try s.beginObject("source")
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "file": file = try s.string("source.file")
            case "sha256": sha = try s.string("source.sha256")
            case "format":
                let name = try s.string("source.format")
                guard let f = Catalogue.Format(rawValue: name) else {
                    throw DecodeError(description: "not a catalogue.json: source.format `\(name)` is not pdf, text or json")
                }
                format = f
            default: try s.skipValue()
            }
        }
        guard let file else { throw missing("file", "source") }
        guard let sha else { throw missing("sha256", "source") }
        guard let format else { throw missing("format", "source") }
        return .init(file: file, sha256: sha, format: format)
    }

    private static func entry(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Entry {
        var seq: Int?, industry: String?, code: String?, name: String?, urgent: Bool?
        var training: Subsidy?, assessment: Subsidy?, table = 0, extra: [String: String] = [:]
        var seen = (training: false, assessment: false, industry: false, urgent: false)
        try s.beginObject(at())
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "seq": seq = try s.int("\(at()).seq")
            case "industry":
                industry = s.null() ? nil : try s.string("\(at()).industry")
                seen.industry = true
            case "table": table = try s.int("\(at()).table")
            case "extra":
                try s.beginObject("\(at()).extra")
                var firstCell = true
                while let header = try s.nextKey(&firstCell) { extra[header] = try s.string("\(at()).extra.\(header)") }
            case "code": code = try s.string("\(at()).code")
            case "name": name = try s.string("\(at()).name")
            case "urgent":
                urgent = s.null() ? nil : try s.bool("\(at()).urgent")
                seen.urgent = true
            case "training":
                training = try subsidy(&s, "\(at()).training")
                seen.training = true
            case "assessment":
                assessment = try subsidy(&s, "\(at()).assessment")
                seen.assessment = true
            default: try s.skipValue()
            }
        }
        guard let seq else { throw missing("seq", at()) }
        guard seen.industry else { throw missing("industry", at()) }
        guard let code else { throw missing("code", at()) }
        guard let name else { throw missing("name", at()) }
        guard seen.urgent else { throw missing("urgent", at()) }
        guard seen.training else { throw missing("training", at()) }
        guard seen.assessment else { throw missing("assessment", at()) }
        return Entry(
            seq: seq, table: table, industry: industry, code: code, name: name, training: training,
            assessment: assessment, urgent: urgent, extra: extra)
    }

    private static func subsidy(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Subsidy? {
        if s.null() { return nil }
        var levels: [Level]?, amount: Int?, anyOf: Bool?, text: String?, amountSeen = false
        var amounts: [Subsidy.LevelAmount]?, upTo = false, note: String?
        try s.beginObject(at())
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "levels":
                var list: [Level] = []
                try s.beginArray("\(at()).levels")
                var firstLevel = true
                while try s.nextElement(&firstLevel) {
                    let name = try s.string("\(at()).levels[\(list.count)]")
                    guard let level = Level(rawValue: name) else {
                        throw DecodeError(description: "not a catalogue.json: \(at()).levels[\(list.count)] `\(name)` is not one of 初级, 中级, 高级, 技师, 高级技师")
                    }
                    list.append(level)
                }
                levels = list
            case "amountYuan":
                amount = s.null() ? nil : try s.int("\(at()).amountYuan")
                amountSeen = true
            case "amounts":
                var list: [Subsidy.LevelAmount] = []
                try s.beginArray("\(at()).amounts")
                var firstItem = true
                while try s.nextElement(&firstItem) {
                    let here = "\(at()).amounts[\(list.count)]"
                    var level: Level?, yuan: Int?
                    try s.beginObject(here)
                    var firstKey = true
                    while let key = try s.nextKey(&firstKey) {
                        switch key {
                        case "level": level = try self.level(&s, "\(here).level")
                        case "amountYuan": yuan = try s.int("\(here).amountYuan")
                        default: try s.skipValue()
                        }
                    }
                    guard let level else { throw missing("level", here) }
                    guard let yuan else { throw missing("amountYuan", here) }
                    list.append(.init(level: level, amountYuan: yuan))
                }
                amounts = list
            case "upTo": upTo = try s.bool("\(at()).upTo")
            case "note": note = s.null() ? nil : try s.string("\(at()).note")
            case "anyOf": anyOf = try s.bool("\(at()).anyOf")
            case "text": text = try s.string("\(at()).text")
            default: try s.skipValue()
            }
        }
        guard let levels else { throw missing("levels", at()) }
        guard amountSeen else { throw missing("amountYuan", at()) }
        guard let anyOf else { throw missing("anyOf", at()) }
        guard let text else { throw missing("text", at()) }
        // schemaVersion 1 has no `amounts`: its one amount is every level's.
        if let amounts {
            return Subsidy(levels: levels, amounts: amounts, anyOf: anyOf, text: text, upTo: upTo, note: note)
        }
        guard let amount else { throw missing("amounts", at()) }
        return Subsidy(levels: levels, amountYuan: amount, anyOf: anyOf, text: text, upTo: upTo, note: note)
    }

    private static func diagnostic(_ s: inout JSONScanner, _ at: @autoclosure () -> String) throws -> Diagnostic {
        var severity: Diagnostic.Severity?, message: String?
        var page: Int?, line: Int?, column: Int?, excerpt: String?, seq: Int?
        try s.beginObject(at())
        var first = true
        while let key = try s.nextKey(&first) {
            switch key {
            case "severity":
                let name = try s.string("\(at()).severity")
                guard let v = Diagnostic.Severity(rawValue: name) else {
                    throw DecodeError(description: "not a catalogue.json: \(at()).severity `\(name)` is not error or warning")
                }
                severity = v
            case "message": message = try s.string("\(at()).message")
            case "page": page = s.null() ? nil : try s.int("\(at()).page")
            case "line": line = s.null() ? nil : try s.int("\(at()).line")
            case "column": column = s.null() ? nil : try s.int("\(at()).column")
            case "excerpt": excerpt = s.null() ? nil : try s.string("\(at()).excerpt")
            case "seq": seq = s.null() ? nil : try s.int("\(at()).seq")
            default: try s.skipValue()
            }
        }
        guard let severity else { throw missing("severity", at()) }
        guard let message else { throw missing("message", at()) }
        return Diagnostic(severity, message, page: page, line: line, column: column, excerpt: excerpt, seq: seq)
    }
}
