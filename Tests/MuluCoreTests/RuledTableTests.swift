import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluPipeline

/// Ruled tables read by their rules (`RuledRows`): merged cells of any alignment, across pages.
@Suite struct RuledTableTests {
    /// changji-2024-c.pdf: the industry column merged and vertically centred, one merged cell
    /// running over several pages with its text on one of them; header on every page.
    @Test func changjiCIsExactInEveryField() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        #expect(c.recovery?.method == .rules)
        #expect(c.entries == reference2024.entries)
        // Every row has its industry from the rules, none by filling down.
        #expect(c.rows.allSatisfy { !$0.text(.industry).isEmpty })
        #expect(c.rows.filter { $0.text(.industry) == "制造业" }.count == 113)
    }

    /// The gaps and alignment misread four industries of changji-2024-c.pdf; the rules read
    /// them right, and each row where the two differ is reported with its cell.
    @Test func disagreementsAreReportedPerRowAndCell() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        let disagreements = c.diagnostics.filter { $0.message.contains("table's rules") }
        #expect(disagreements.map(\.seq) == [151, 165, 166, 167])
        #expect(disagreements.allSatisfy { $0.severity == .warning && $0.message.contains("行业") && $0.page != nil })
        #expect(disagreements[0].message == "row 151: 行业 read by the table's rules as `水利、环境和公共设施管理`, by its text alignment as `农、林、牧、渔业`; the rules' reading is kept")
        #expect(c.diagnostics.map(\.seq).filter { $0 != nil } == [57, 151, 165, 166, 167])
        // The rows the stream method gives are kept beside the rules' rows.
        let stream = try #require(c.recovery?.streamRows)
        #expect(stream.count == 177)
    }

    /// The grid of a page: a merged industry cell continued from the page before.
    @Test func mergedCellSpansPageBreak() throws {
        let c = try parseFixture("changji-2024-c.pdf")
        let recovery = try #require(c.recovery)
        let page2 = recovery.grids[1]
        let table = try #require(page2.tables.first)
        #expect(table.columnCount == 7)
        let industry = table.cells[table.cellAt(row: 1, column: 1)]
        #expect(industry.rowSpan == table.rowCount - 1)  // every body row of page 2
        // Rows 19 … 38 (page 2) are 制造业, printed on page 1 only.
        let page2Rows = c.rows.filter { $0.anchor.page == 2 }
        #expect(page2Rows.map(\.seq) == Array(19...38))
        #expect(page2Rows.allSatisfy { $0.text(.industry) == "制造业" && $0.cells[.industry]!.allSatisfy { $0.page == 1 } })
    }
}
