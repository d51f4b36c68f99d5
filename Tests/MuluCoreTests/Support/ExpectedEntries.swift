import Foundation
import Testing
@testable import MuluModel
@testable import MuluOutput

/// A variant's `<name>.expected.json` (made by `scripts/make-variant-fixtures`): its class, its
/// entries as catalogue.json writes them, the refusal a refused variant must give, and texts its
/// warnings must hold (a row whose cell was placed by its column's other cells).
struct ExpectedEntries {
    var json: [String: Any]

    init(variant name: String) throws {
        json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: fixture("variants/\(name).expected.json")))) as! [String: Any]
    }

    var refusal: String? { json["refused"] as? String }

    /// Texts each of which some warning of the catalogue must hold.
    var warnings: [String] { json["warnings"] as? [String] ?? [] }

    /// Records an issue for the first entry of `catalogue` that differs from the expected one in
    /// any field, when the counts differ, and for each expected warning no warning holds.
    func check(_ catalogue: Catalogue, label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let said = catalogue.diagnostics.filter { $0.severity == .warning }.map(\.message)
        for text in warnings where !said.contains(where: { $0.contains(text) }) {
            Issue.record("\(label): no warning holds `\(text)`", sourceLocation: sourceLocation)
        }
        let encoded = try JSONSerialization.jsonObject(with: Data(CatalogueJSON.encode(catalogue, schemaRef: nil))) as! [String: Any]
        let got = encoded["entries"] as! [Any]
        let want = json["entries"] as! [Any]
        #expect(got.count == want.count, sourceLocation: sourceLocation)
        for (g, w) in zip(got, want) {
            let a = try JSONSerialization.data(withJSONObject: g, options: [.sortedKeys])
            let b = try JSONSerialization.data(withJSONObject: w, options: [.sortedKeys])
            if a != b {
                Issue.record("\(label): \(String(decoding: a, as: UTF8.self))\n  expected \(String(decoding: b, as: UTF8.self))",
                             sourceLocation: sourceLocation)
                break
            }
        }
    }
}

/// The stems of the files in `folder` that end with `suffix`, sorted.
func fixtureStems(_ folder: String, suffix: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
}
