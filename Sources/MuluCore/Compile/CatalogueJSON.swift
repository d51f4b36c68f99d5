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
    /// or carry a `schemaVersion` newer than ``Catalogue/currentSchemaVersion``.
    public static func decode(_ bytes: [UInt8]) throws -> Catalogue {
        let catalogue: Catalogue
        do {
            catalogue = try JSONDecoder().decode(Catalogue.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw DecodeError(description: "not a catalogue.json: " + describe(error))
        } catch {
            throw DecodeError(description: "not a catalogue.json: \(error)")
        }
        guard catalogue.schemaVersion <= Catalogue.currentSchemaVersion else {
            throw DecodeError(
                description: "schemaVersion \(catalogue.schemaVersion) is newer than this mulu reads (\(Catalogue.currentSchemaVersion))"
            )
        }
        return catalogue
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return [context.debugDescription, underlying].compactMap { $0 }.joined(separator: ": ")
                + (context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")
        @unknown default:
            return "\(error)"
        }
    }
}
