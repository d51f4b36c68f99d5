import Foundation

/// Reads and writes `catalogue.json`, the catalogue's canonical open-data form.
///
/// The bytes are written by ``JSONWriter`` (keys sorted by UTF-8 bytes, two-space indentation,
/// UTF-8 unescaped, trailing newline), so the same catalogue always gives the same bytes.
/// A missing subsidy is `null`; a diagnostic's unknown page, line, column, excerpt or row number
/// is left out.
public enum CatalogueJSON {
    /// The bytes of `catalogue.json` for `catalogue`, with `"$schema": schemaRef` when given
    /// (e.g. `../../schemas/catalogue.schema.json` for a file under `generated/<id>/`).
    public static func encode(_ catalogue: Catalogue, schemaRef: String?) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1024 + catalogue.entries.count * 900)
        w.beginObject()
        if let schemaRef { w.field("$schema", schemaRef) }
        w.key("diagnostics")
        w.beginArray()
        for d in catalogue.diagnostics { write(d, to: &w) }
        w.endArray()
        w.key("entries")
        w.beginArray()
        for e in catalogue.entries { write(e, to: &w) }
        w.endArray()
        w.field("schemaVersion", catalogue.schemaVersion)
        w.key("source")
        w.beginObject()
        w.field("file", catalogue.source.file)
        w.field("format", catalogue.source.format.rawValue)
        w.field("sha256", catalogue.source.sha256)
        w.endObject()
        w.field("title", catalogue.title)
        w.endObject()
        return w.finish()
    }

    /// Writes one entry as `catalogue.json` has it (also the `ENTRY` of the diff report).
    public static func write(_ e: Entry, to w: inout JSONWriter) {
        w.beginObject()
        w.key("assessment")
        write(e.assessment, to: &w)
        w.field("code", e.code)
        w.field("industry", e.industry)
        w.field("name", e.name)
        w.field("seq", e.seq)
        w.key("training")
        write(e.training, to: &w)
        w.field("urgent", e.urgent)
        w.endObject()
    }

    /// Writes a subsidy object, or `null`.
    public static func write(_ s: Subsidy?, to w: inout JSONWriter) {
        guard let s else {
            w.null()
            return
        }
        w.beginObject()
        w.field("amountYuan", s.amountYuan)
        w.field("anyOf", s.anyOf)
        w.key("levels")
        w.beginArray()
        for level in s.levels { w.string(level.rawValue) }
        w.endArray()
        w.field("text", s.text)
        w.endObject()
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
    /// or carry a `schemaVersion` newer than ``Catalogue/currentSchemaVersion``. Parsed by
    /// ``JSONReader`` on bytes.
    public static func decode(_ bytes: [UInt8]) throws -> Catalogue {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw DecodeError(description: "not a catalogue.json: not JSON: \(error)")
        }
        do {
            let top = try Field.object(root, "top level")
            let version = try Field.int(top, "schemaVersion", "top level")
            guard version <= Catalogue.currentSchemaVersion else {
                throw DecodeError(
                    description: "schemaVersion \(version) is newer than this mulu reads (\(Catalogue.currentSchemaVersion))")
            }
            let source = try Field.object(Field.required(top, "source", "top level"), "source")
            let formatName = try Field.string(source, "format", "source")
            guard let format = Catalogue.Format(rawValue: formatName) else {
                throw Field.failure("source.format `\(formatName)` is not pdf, text or json")
            }
            var entries: [Entry] = []
            let entryValues = try Field.array(Field.required(top, "entries", "top level"), "entries")
            entries.reserveCapacity(entryValues.count)
            for (k, value) in entryValues.enumerated() {
                let at = "entries[\(k)]"
                let e = try Field.object(value, at)
                entries.append(Entry(
                    seq: try Field.int(e, "seq", at), industry: try Field.string(e, "industry", at),
                    code: try Field.string(e, "code", at), name: try Field.string(e, "name", at),
                    training: try subsidy(e["training"], "\(at).training"),
                    assessment: try subsidy(e["assessment"], "\(at).assessment"),
                    urgent: try Field.bool(e, "urgent", at)))
            }
            var diagnostics: [Diagnostic] = []
            for (k, value) in try Field.array(top["diagnostics"] ?? .array([]), "diagnostics").enumerated() {
                let at = "diagnostics[\(k)]"
                let d = try Field.object(value, at)
                let severityName = try Field.string(d, "severity", at)
                guard let severity = Diagnostic.Severity(rawValue: severityName) else {
                    throw Field.failure("\(at).severity `\(severityName)` is not error or warning")
                }
                diagnostics.append(Diagnostic(
                    severity, try Field.string(d, "message", at), page: try Field.optionalInt(d, "page", at),
                    line: try Field.optionalInt(d, "line", at), column: try Field.optionalInt(d, "column", at),
                    excerpt: try Field.optionalString(d, "excerpt", at), seq: try Field.optionalInt(d, "seq", at)))
            }
            return Catalogue(
                title: try Field.string(top, "title", "top level"),
                source: .init(
                    file: try Field.string(source, "file", "source"), sha256: try Field.string(source, "sha256", "source"),
                    format: format),
                entries: entries, diagnostics: diagnostics, schemaVersion: version)
        } catch let error as DecodeError {
            throw error
        }
    }

    /// A subsidy object, or nil for `null`/absent.
    private static func subsidy(_ value: JSONValue?, _ at: String) throws -> Subsidy? {
        guard let value, value != .null else { return nil }
        let s = try Field.object(value, at)
        var levels: [Level] = []
        for (k, level) in try Field.array(Field.required(s, "levels", at), "\(at).levels").enumerated() {
            guard case .string(let name) = level, let l = Level(rawValue: name) else {
                throw Field.failure("\(at).levels[\(k)] is not one of 初级, 中级, 高级, 技师, 高级技师")
            }
            levels.append(l)
        }
        return Subsidy(
            levels: levels, amountYuan: try Field.int(s, "amountYuan", at), anyOf: try Field.bool(s, "anyOf", at),
            text: try Field.string(s, "text", at))
    }

    /// Typed access to a parsed object, failing with the field's path.
    private enum Field {
        static func failure(_ reason: String) -> DecodeError { DecodeError(description: "not a catalogue.json: " + reason) }
        static func required(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> JSONValue {
            guard let v = o[key] else { throw failure("missing \"\(key)\" at \(at)") }
            return v
        }
        static func object(_ v: JSONValue, _ at: String) throws -> [String: JSONValue] {
            guard case .object(let o) = v else { throw failure("\(at) is not an object") }
            return o
        }
        static func array(_ v: JSONValue, _ at: String) throws -> [JSONValue] {
            guard case .array(let a) = v else { throw failure("\(at) is not an array") }
            return a
        }
        static func string(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> String {
            guard case .string(let s) = try required(o, key, at) else { throw failure("\(at).\(key) is not a string") }
            return s
        }
        static func int(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> Int {
            guard case .int(let n) = try required(o, key, at) else { throw failure("\(at).\(key) is not a whole number") }
            return n
        }
        static func bool(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> Bool {
            guard case .bool(let b) = try required(o, key, at) else { throw failure("\(at).\(key) is not true or false") }
            return b
        }
        static func optionalInt(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> Int? {
            guard let v = o[key], v != .null else { return nil }
            guard case .int(let n) = v else { throw failure("\(at).\(key) is not a whole number") }
            return n
        }
        static func optionalString(_ o: [String: JSONValue], _ key: String, _ at: String) throws -> String? {
            guard let v = o[key], v != .null else { return nil }
            guard case .string(let s) = v else { throw failure("\(at).\(key) is not a string") }
            return s
        }
    }
}
