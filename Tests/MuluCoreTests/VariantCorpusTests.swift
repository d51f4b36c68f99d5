import Foundation
import Testing
@testable import MuluModel
@testable import MuluOutput
@testable import MuluPipeline

/// The variants corpus (`Fixtures/variants`, made by `scripts/make-variant-fixtures`): notices
/// derived from changji-2024.txt the way bureaus really write them. Every variant, as text and
/// (for some) as a PDF, must give exactly its expected entries — every field of every entry —
/// with no error; the variants made to be unreadable (class `refused`) must have an error (exit 2:
/// nothing published), never be published wrong.
@Suite struct VariantCorpusTests {
    static let folder = fixture("variants")

    /// The variants' names (the stems of their expected files).
    static let names = fixtureStems(folder, suffix: ".expected.json")

    /// Every variant's notices: the text, and the PDF where one was rendered.
    static let notices: [String] = names.flatMap { name in
        ["txt", "pdf"].map { "\(name).\($0)" }.filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
    }

    @Test func corpusCoversEveryClass() throws {
        #expect(Self.names.count >= 50)
        #expect(Self.notices.filter { $0.hasSuffix(".pdf") }.count >= 10)
        var classes = Set<String>()
        for name in Self.names {
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name).expected.json"))) as! [String: Any]
            classes.insert(expected["class"] as! String)
        }
        #expect(classes == ["order", "header words", "level sub-columns", "extra columns", "absent columns", "urgency marks",
                            "subsidies", "codes", "names", "table shape", "refused"])
    }

    @Test(arguments: notices)
    func variantGivesItsEntries(_ notice: String) throws {
        let stem = notice.split(separator: ".").dropLast().joined(separator: ".")
        let expected = try ExpectedEntries(variant: stem)
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/\(notice)")
        let errors = catalogue.diagnostics.filter { $0.severity == .error }
        if let refusal = expected.refusal {
            #expect(errors.contains { $0.message.contains(refusal) }, "\(errors.map(\.message))")
            return
        }
        #expect(errors.isEmpty, "\(errors.map { "\($0.line ?? 0): \($0.message)" })")
        try expected.check(catalogue, label: notice)
    }
}
