import MuluSupport
import MuluModel
/// The files a compiled catalogue publishes for people, beside its data: `catalogue.xlsx`
/// (``CatalogueWorkbook``) and `index.html` (``CataloguePage``), and the workbook's entry in
/// `datapackage.json`.
public enum CataloguePublication {
    /// The workbook's file name.
    public static let workbookName = "catalogue.xlsx"
    /// The page's file name.
    public static let pageName = "index.html"
    /// The media type of an `.xlsx` workbook.
    public static let workbookMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes.
    public static func workbook(_ catalogue: Catalogue, metadata: CatalogueMetadata) throws -> [UInt8] {
        try CatalogueWorkbook.encode(catalogue, metadata: metadata)
    }

    /// The workbook's bytes in pieces to be written one after the other.
    static func workbookPieces(_ catalogue: Catalogue, metadata: CatalogueMetadata) throws -> [[UInt8]] {
        try CatalogueWorkbook.encodePieces(catalogue, metadata: metadata)
    }

    /// The page's bytes, linking to `files` (the page itself left out).
    public static func page(_ catalogue: Catalogue, metadata: CatalogueMetadata, files: [String]) -> [UInt8] {
        CataloguePage.encode(catalogue, metadata: metadata, files: files.filter { $0 != pageName })
    }

    /// Appends the page to `out` (streamed to its file as it is written).
    static func page(_ catalogue: Catalogue, metadata: CatalogueMetadata, files: [String], into out: OutputBuffer) {
        CataloguePage.encode(catalogue, metadata: metadata, files: files.filter { $0 != pageName }, into: out)
    }

    /// The workbook's resource in `datapackage.json`: its path, format, media type, size, hash,
    /// and the Table Schema of its first sheet (目录) so that `frictionless validate` reads and
    /// checks it too: a field per column of `catalogue`'s CSV, named by its Chinese heading,
    /// integers as integers and booleans as 是/否.
    public static func workbookResource(
        _ catalogue: Catalogue, title: String, byteCount: Int, sha256: String
    ) -> JSONValue {
        let fields: [JSONValue] = PublishedTable.columns(of: catalogue).map { column in
            var field: [String: JSONValue] = [
                "name": .string(column.title),
                "description": .string("catalogue.csv column \(column.name)"),
            ]
            switch column.kind {
            case .number: field["type"] = "integer"
            case .boolean:
                field["type"] = "boolean"
                field["trueValues"] = ["是"]
                field["falseValues"] = ["否"]
            case .text: field["type"] = "string"
            }
            return .object(field)
        }
        return [
            "name": "catalogue-workbook",
            "title": .string(title + "（Excel 工作簿）"),
            "description": "The catalogue for Excel and WPS: sheet 目录 holds the rows of catalogue.csv under Chinese headings, 诊断 the diagnostics, 说明 the metadata.",
            "profile": "tabular-data-resource",
            "path": .string(workbookName),
            "format": "xlsx",
            "mediatype": .string(workbookMediaType),
            "bytes": .int(byteCount),
            "hash": .string("sha256:" + sha256),
            "schema": ["fields": .array(fields), "missingValues": [""]],
        ]
    }
}
