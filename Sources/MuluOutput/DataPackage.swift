import MuluSupport
import MuluModel
/// Writes `datapackage.json`: a Frictionless Data Package (v1, `tabular-data-package` profile)
/// describing `catalogue.csv` with a Table Schema, so `frictionless validate` can check the CSV.
///
/// - `name` is the catalogue's id, `title`, `description`, `licenses` and `sources` come from its
///   metadata; the source entry also carries the notice's file name and SHA-256 (`file`, `sha256`).
/// - One resource, `catalogue`: the CSV with its `bytes`, `hash` (`sha256:<hex>`), `encoding`
///   (`utf-8`, or `utf-8-sig` when it starts with a byte-order mark), CSV `dialect` and `schema`.
/// - The schema types every column (integer, string, boolean), marks what every row has as
///   required, constrains codes (``codePattern``), levels (``levelsPattern``) and amounts
///   (minimum 0), and keys rows by `seq`: the code alone is not unique (uncoded work types share
///   `…-*`), nor is (code, name) guaranteed to be.
/// - `mulu` (a custom property) names the `catalogue.json` beside it and its schema version.
public enum DataPackage {
    /// A code of 1–5 segments as published: a digit, then two-digit segments (`00` included), and a
    /// last segment that may be `*` (a work type without a code of its own).
    public static let codePattern = #"^[0-9](-[0-9]{2}){0,3}(-([0-9]{2}|\*))?$"#

    /// One or more normalised levels joined with `|`.
    public static let levelsPattern: String = {
        let level = "(" + Level.allCases.map(\.rawValue).joined(separator: "|") + ")"
        return "^" + level + #"(\|"# + level + ")*$"
    }()

    /// The bytes of `datapackage.json` for a catalogue whose CSV (`csvBytes`, to be written as
    /// `csvName`) and JSON (`jsonName`) lie beside it. `csvSHA256` is the CSV's hash when the
    /// caller has it already (taken alongside the other encodings); otherwise it is computed.
    public static func encode(
        catalogue: Catalogue, metadata: CatalogueMetadata, csvName: String, csvBytes: [UInt8],
        csvSHA256: String? = nil,
        jsonName: String, byteOrderMark: Bool
    ) -> [UInt8] {
        encode(
            catalogue: catalogue, metadata: metadata, csvName: csvName, csvByteCount: csvBytes.count,
            csvSHA256: csvSHA256 ?? Checksum.hex(csvBytes), jsonName: jsonName, byteOrderMark: byteOrderMark)
    }

    /// ``encode(catalogue:metadata:csvName:csvBytes:csvSHA256:jsonName:byteOrderMark:)`` for a CSV
    /// known by its size and SHA-256 alone (hashed while it was streamed to disk).
    /// `otherResources` follow the CSV's resource (the workbook, see ``CataloguePublication``).
    /// `schema`, when given, is the CSV's ``tableSchema(for:)`` made beforehand (it reads every
    /// entry: the compiler makes it while the files are encoded).
    public static func encode(
        catalogue: Catalogue, metadata: CatalogueMetadata, csvName: String, csvByteCount: Int,
        csvSHA256: String, jsonName: String, byteOrderMark: Bool, otherResources: [JSONValue] = [],
        schema: JSONValue? = nil
    ) -> [UInt8] {
        var licence: [String: JSONValue] = ["name": .string(metadata.licence.name), "title": .string(metadata.licence.title)]
        if let path = metadata.licence.path { licence["path"] = .string(path) }

        var source: [String: JSONValue] = [
            "title": .string(metadata.source.title),
            "file": .string(catalogue.source.file),
            "sha256": .string(catalogue.source.sha256),
        ]
        if let path = metadata.source.path { source["path"] = .string(path) }
        if let publisher = metadata.source.publisher { source["publisher"] = .string(publisher) }

        // Region and year only where the metadata gives them (a bare notice has neither).
        let facts = [metadata.region, metadata.year > 0 ? "\(metadata.year)年" : ""].filter { !$0.isEmpty }
        let description = metadata.description
            ?? "\(metadata.title)\(facts.isEmpty ? "" : "（" + facts.joined(separator: "，") + "）")：每个职业（工种）的培训补贴与考核鉴定补贴标准，共\(catalogue.entries.count)条。"

        let resource: JSONValue = [
            "name": "catalogue",
            "title": .string(metadata.title),
            "profile": "tabular-data-resource",
            "path": .string(csvName),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": byteOrderMark ? "utf-8-sig" : "utf-8",
            "bytes": .int(csvByteCount),
            "hash": .string("sha256:" + csvSHA256),
            "dialect": [
                "delimiter": ",",
                "doubleQuote": true,
                "header": true,
                "lineTerminator": .string(CatalogueCSV.lineTerminator),
                "quoteChar": "\"",
            ],
            "schema": schema ?? tableSchema(for: catalogue),
        ]

        let package: JSONValue = [
            "profile": "tabular-data-package",
            "name": .string(metadata.id),
            "title": .string(metadata.title),
            "description": .string(description),
            "licenses": [.object(licence)],
            "sources": [.object(source)],
            "resources": .array([resource] + otherResources),
            "mulu": [
                "catalogue": .string(jsonName),
                "schemaVersion": .int(catalogue.schemaVersion),
            ],
        ]
        return package.encoded()
    }

    /// The Table Schema of a `catalogue.csv` without extra columns.
    public static var tableSchema: JSONValue { tableSchema(extraHeaders: [], nationalCodes: true, primaryKey: ["seq"]) }

    /// The Table Schema of `catalogue`'s CSV: the fixed columns and its extra columns.
    public static func tableSchema(for catalogue: Catalogue) -> JSONValue {
        // Read in place through a buffer pointer: no entry is copied (a retain and release of
        // each of its strings) to read its code.
        let nationalCodes = catalogue.entries.withUnsafeBufferPointer { entries in
            entries.indices.allSatisfy { CodeSyntax.isWellFormed(entries[$0].code) }
        }
        return tableSchema(extraHeaders: catalogue.extraHeaders, nationalCodes: nationalCodes, primaryKey: primaryKey(catalogue))
    }

    /// The columns that key the rows: `seq`, or `table, seq` when the notice holds several
    /// tables; `table, industry, seq` when the industries come from section headings (no
    /// industry column) and the numbering restarts with each. A row number that repeats
    /// otherwise stays a key violation, for the validators to find.
    static func primaryKey(_ catalogue: Catalogue) -> [String] {
        let base = catalogue.tables.count > 1 ? ["table", "seq"] : ["seq"]
        // Two integers a key, not an array each: a large catalogue has hundreds of thousands.
        struct Pair: Hashable {
            var table: Int
            var seq: Int
        }
        // Pairs that only ever increase (the usual numbering) are all different: no set needed.
        let unique = catalogue.entries.withUnsafeBufferPointer { entries -> Bool in
            if entries.indices.dropFirst().allSatisfy({
                (entries[$0 - 1].table, entries[$0 - 1].seq) < (entries[$0].table, entries[$0].seq)
            }) {
                return true
            }
            var pairs = Set<Pair>(minimumCapacity: entries.count)
            return entries.indices.allSatisfy { pairs.insert(Pair(table: entries[$0].table, seq: entries[$0].seq)).inserted }
        }
        if unique { return base }
        let sections = !catalogue.columns.isEmpty && !catalogue.columns.contains { $0.field == "industry" }
        var triples = Set<String>()
        if sections, catalogue.entries.allSatisfy({ triples.insert("\($0.table)\u{1F}\($0.industry ?? "")\u{1F}\($0.seq)").inserted }) {
            return ["table", "industry", "seq"]
        }
        return base
    }

    /// The Table Schema of a CSV with these extra columns after the fixed ones; codes are
    /// constrained to the national pattern when every code has it (`nationalCodes`).
    static func tableSchema(extraHeaders: [String], nationalCodes: Bool, primaryKey: [String]) -> JSONValue {
        func field(
            _ name: String, _ type: String, _ title: String, _ description: String,
            _ constraints: [String: JSONValue] = [:]
        ) -> JSONValue {
            var f: [String: JSONValue] = [
                "name": .string(name), "type": .string(type), "title": .string(title),
                "description": .string(description),
            ]
            if type == "boolean" {
                f["trueValues"] = ["true"]
                f["falseValues"] = ["false"]
            }
            if !constraints.isEmpty { f["constraints"] = .object(constraints) }
            return .object(f)
        }
        func subsidy(_ prefix: String, _ title: String) -> [JSONValue] {
            [
                field("\(prefix)_levels", "string", "\(title)等级",
                      "Levels subsidised, joined with |; empty when the subsidy could not be read.",
                      ["pattern": .string(levelsPattern)]),
                field("\(prefix)_amount_yuan", "integer", "\(title)标准（元/人）",
                      "Amount in yuan per person when every level has the same one; empty when they differ or none is given.",
                      ["minimum": 0]),
                field("\(prefix)_amounts", "string", "\(title)分等级标准",
                      "The amount per level, level:amount joined with |, e.g. 初级:1600|中级:2000.",
                      ["pattern": .string(amountsPattern)]),
                field("\(prefix)_any_of", "boolean", "\(title)等级任选其一",
                      "true when the levels are alternatives (或), false when each is paid (、)."),
                field("\(prefix)_up_to", "boolean", "\(title)为最高限额",
                      "true when the amount is a cap (最高, 不超过)."),
                field("\(prefix)_note", "string", "\(title)备注", "A parenthesised note after the amount (含教材费)."),
                field("\(prefix)_text", "string", "\(title)等级及补贴标准", "The subsidy's normalised text."),
            ]
        }
        let fields: [JSONValue] =
            [
                field("seq", "integer", "序号", "Row number as published.", ["required": true, "minimum": 1]),
                field("table", "integer", "表", "The table of the notice the row is in (0 for the first; see catalogue.json tables).",
                      ["required": true, "minimum": 0]),
                field("industry", "string", "行业", "Industry the row is listed under; empty when the catalogue gives none."),
                field("code", "string", "职业（工种）代码",
                      "National occupational classification code as published; a last segment * marks a work type without a code of its own."
                          + (nationalCodes ? "" : " Codes outside the national pattern are kept as published."),
                      nationalCodes ? ["required": true, "pattern": .string(codePattern)] : ["required": true]),
                field("name", "string", "职业（项目）", "Occupation or work type as published.", ["required": true]),
            ]
            + subsidy("training", "培训补贴")
            + subsidy("assessment", "考核鉴定补贴")
            + [field("urgent", "boolean", "是否急需紧缺", "Marked as urgently needed; empty when the catalogue has no urgency column.")]
            + extraHeaders.map { field($0, "string", $0, "A column of the notice with no field of its own, as published.") }
        var schema: [String: JSONValue] = ["fields": .array(fields), "missingValues": [""]]
        if !primaryKey.isEmpty { schema["primaryKey"] = .array(primaryKey.map { .string($0) }) }
        return .object(schema)
    }

    /// Per-level amounts: `level:amount` items joined with `|`.
    public static let amountsPattern: String = {
        let level = "(" + Level.allCases.map(\.rawValue).joined(separator: "|") + ")"
        return "^" + level + ":[0-9]+" + #"(\|"# + level + ":[0-9]+)*$"
    }()
}
