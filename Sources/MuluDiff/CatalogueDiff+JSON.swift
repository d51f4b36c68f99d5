import MuluSupport
import MuluModel
import MuluOutput
extension CatalogueDiff {
    /// The URL of the JSON Schema that `jsonReport()` conforms to (`schemas/diff.schema.json`).
    public static let jsonSchemaURL = "https://mulu.example/schemas/diff.schema.json"

    /// The JSON report, as the `mulu diff` contract states:
    /// `{ "$schema", "added": [ENTRY], "changed": [{ "after", "before", "fields" }], "removed": [ENTRY] }`.
    ///
    /// Written by `JSONWriter`, like `catalogue.json`: keys sorted, entries in report order,
    /// 2-space indent, UTF-8 not escaped (nor `/`), a trailing newline. ENTRY is the entry
    /// object of `catalogue.json` (`CatalogueJSON.write`), `training`/`assessment` `null` when unread.
    public func jsonReport() -> String {
        var w = JSONWriter(reservingCapacity: 4096 + (added.count + removed.count + 2 * changed.count) * 600)
        w.beginObject()
        w.field("$schema", CatalogueDiff.jsonSchemaURL)
        w.key("added")
        w.beginArray()
        for entry in added { CatalogueJSON.write(entry, to: &w) }
        w.endArray()
        w.key("changed")
        w.beginArray()
        for change in changed {
            w.beginObject()
            w.key("after")
            CatalogueJSON.write(change.after, to: &w)
            w.key("before")
            CatalogueJSON.write(change.before, to: &w)
            w.key("fields")
            w.beginArray()
            for field in change.fields { w.string(field.rawValue) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("removed")
        w.beginArray()
        for entry in removed { CatalogueJSON.write(entry, to: &w) }
        w.endArray()
        w.endObject()
        return String(decoding: w.finish(), as: UTF8.self)
    }
}
