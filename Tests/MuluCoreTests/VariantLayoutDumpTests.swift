import Foundation
import Testing
@testable import MuluModel
@testable import MuluOutput
@testable import MuluPipeline

/// The variant PDFs as `pdftotext -layout` prints them (`Fixtures/variants-layout`, made by
/// `scripts/make-variant-fixtures --dumps`): text laid out in columns, with page breaks, repeated
/// headers and cells cut by a page break. Each dump gives exactly its variant's entries with no
/// error, or is refused (an error: nothing published) — never published wrong.
@Suite struct VariantLayoutDumpTests {
    static let folder = fixture("variants-layout")

    static let names = fixtureStems(folder, suffix: ".txt")

    /// Dumps refused today (none): a refused dump is not wrong, but every one is read now.
    static let refused: Set<String> = []

    @Test func everyVariantPDFHasItsDump() {
        let pdfs = fixtureStems(fixture("variants"), suffix: ".pdf")
        #expect(pdfs.count >= 40)
        #expect(Self.names == pdfs)
    }

    @Test(arguments: names)
    func dumpGivesItsEntriesOrIsRefused(_ name: String) throws {
        let expected = try ExpectedEntries(variant: name)
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/\(name).txt")
        let errors = catalogue.diagnostics.filter { $0.severity == .error }
        if Self.refused.contains(name) || expected.refusal != nil {
            #expect(!errors.isEmpty)
            return
        }
        #expect(errors.isEmpty, "\(errors.map { "\($0.line ?? 0): \($0.message)" })")
        try expected.check(catalogue, label: name)
    }

    /// An industry cut by a page break (`电力、热力、燃气及水生产` / page 2: `和供应业`) goes back to
    /// its row, with a warning naming it; the next row keeps only its own two lines.
    @Test func cellCutByAPageBreakGoesBackToItsRow() throws {
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/words-set-a.txt")
        let industry = "电力、热力、燃气及水生产和供应业"
        #expect(catalogue.entries.first { $0.seq == 26 }?.industry == industry)
        #expect(catalogue.entries.first { $0.seq == 27 }?.industry == industry)
        let warning = try #require(catalogue.diagnostics.first { $0.seq == 26 })
        #expect(warning.severity == .warning && warning.page == 2 && warning.excerpt == "和供应业")
        #expect(warning.message.hasPrefix("row 26: its 行业 goes on at the top of page 2 with `和供应业`"))
    }

    /// A row's cell made only of header characters (`业`) just below a repeated header is the
    /// row's, not the header's.
    @Test func headerCharactersBelowARepeatedHeaderAreARowsCell() throws {
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/mix-absent-assessment.txt")
        #expect(catalogue.entries.first { $0.seq == 26 }?.industry == "电力、热力、燃气及水生产和供应业")
        #expect(catalogue.diagnostics.contains { $0.seq == 26 && $0.excerpt == "业" })
    }
}
