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

    /// Dumps refused today: a refused dump is not wrong. `revision-grouped-subcolumns`: four
    /// narrow sub-columns (`调整前 调整后` under each subsidy) whose amounts and wrapped units run
    /// into each other in the dump ("36 of 40 cells are not subsidies"); its PDF is read exactly.
    /// `extra-training-mode-and-body-tabs`: nine narrow columns; row 30's wrapped subsidies are cut
    /// by the page break, their rests below the repeated header ("cannot read the training
    /// subsidy"); its PDF is read exactly. `subsidy-labelled-pair-one-column`: one 补贴标准 column
    /// holding both subsidies after their labels, wrapped over two or three lines and cut mid-word
    /// (`…;培训:初` / `级、中级 2160 元/人`); a wrapped line between two rows is taken as the next
    /// row's ("cannot read the training subsidy"); its PDF and its text are read exactly.
    static let refused: Set<String> = ["revision-grouped-subcolumns", "extra-training-mode-and-body-tabs", "subsidy-labelled-pair-one-column"]

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
    /// its row, the next row keeping only its own two lines. The name column shows that the top
    /// of page 2 continues row 26 (its cut name reads whole only so), and the industry follows
    /// it there (`RowAssembler`: shaped columns first). Before, the industry was carried back
    /// afterwards, with a warning of a doubt.
    @Test func cellCutByAPageBreakGoesBackToItsRow() throws {
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/words-set-a.txt")
        let industry = "电力、热力、燃气及水生产和供应业"
        #expect(catalogue.entries.first { $0.seq == 26 }?.industry == industry)
        #expect(catalogue.entries.first { $0.seq == 27 }?.industry == industry)
        #expect(catalogue.entries.first { $0.seq == 25 }?.industry != industry)
        #expect(catalogue.diagnostics.isEmpty)
    }

    /// A row's cell made only of header characters (`业`) just below a repeated header is the
    /// row's, not the header's.
    @Test func headerCharactersBelowARepeatedHeaderAreARowsCell() throws {
        let catalogue = try CatalogueLoader.load(path: "\(Self.folder)/mix-absent-assessment.txt")
        #expect(catalogue.entries.first { $0.seq == 26 }?.industry == "电力、热力、燃气及水生产和供应业")
        #expect(catalogue.entries.first { $0.seq == 27 }?.industry == "电力、热力、燃气及水生产和供应业")
        #expect(!catalogue.diagnostics.contains { $0.severity == .error })
    }

    /// Level sub-columns (`培训补贴标准` over `初级 | 中级 | 高级`) are read by the rules in the PDF
    /// and by the header's lower line in its dump, the same: no disagreement, each level a column.
    @Test(arguments: ["variants/levels-both-subcolumns.pdf", "variants-layout/levels-both-subcolumns.txt"])
    func levelSubColumns(_ path: String) throws {
        let catalogue = try CatalogueLoader.load(path: fixture(path))
        #expect(catalogue.diagnostics.isEmpty, "\(catalogue.diagnostics.map(\.message))")
        #expect(catalogue.columns.filter { $0.level != nil }.map { "\($0.field)/\($0.level!.rawValue)" }
            == ["training/初级", "training/中级", "training/高级", "assessment/初级", "assessment/中级", "assessment/高级"])
        let second = try #require(catalogue.entries.first { $0.seq == 2 })
        #expect(second.training?.amounts.map(\.amountYuan) == [2160, 2160, 3600])
        #expect(second.assessment?.amounts.map(\.amountYuan) == [160, 160, 260])
    }
}
