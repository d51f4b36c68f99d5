extension CatalogueDiff {
    /// The URL of the JSON Schema that `jsonReport()` conforms to (`schemas/diff.schema.json`).
    public static let jsonSchemaURL = "https://mulu.example/schemas/diff.schema.json"

    /// The JSON report, as the `mulu diff` contract states:
    /// `{ "$schema", "added": [ENTRY], "changed": [{ "after", "before", "fields" }], "removed": [ENTRY] }`.
    ///
    /// Deterministic: keys sorted, entries in report order, pretty-printed with a 2-space indent,
    /// UTF-8 not escaped (nor `/`), and a trailing newline. ENTRY is the entry object of
    /// `catalogue.json`, `training`/`assessment` being `null` when unread.
    public func jsonReport() -> String {
        var json = DiffJSON()
        json.object { json in
            json.key("$schema")
            json.string(CatalogueDiff.jsonSchemaURL)
            json.key("added")
            json.array { json in
                for entry in added { json.entry(entry) }
            }
            json.key("changed")
            json.array { json in
                for change in changed {
                    json.object { json in
                        json.key("after")
                        json.entry(change.after)
                        json.key("before")
                        json.entry(change.before)
                        json.key("fields")
                        json.array { json in
                            for field in change.fields { json.string(field.rawValue) }
                        }
                    }
                }
            }
            json.key("removed")
            json.array { json in
                for entry in removed { json.entry(entry) }
            }
        }
        return json.text
    }
}
