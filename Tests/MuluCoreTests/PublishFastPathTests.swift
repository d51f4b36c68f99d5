import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluOutput
@testable import MuluPipeline

/// The workbook's entries sheet written straight from the entries (``CatalogueSheetRows``) is the
/// sheet built cell by cell from the CSV read back (``PublishedTable``), byte for byte, and a
/// large one deflated in parallel segments unzips to it.
@Suite("Publish: fast paths")
struct PublishFastPathTests {
    /// The fixture with awkward cells added: markup characters, control characters, CR LF and a
    /// lone LF, a leading zero, U+FFFE, wide and narrow scripts, a missing subsidy and urgency.
    static func awkwardCatalogue() throws -> Catalogue {
        var catalogue = try CatalogueLoader.loadDetailed(path: fixture("changji-2024.txt")).catalogue
        var e = catalogue.entries[0]
        e.name = "a<b & \"c\" 'd'\u{1}\u{FFFE}ᄀက"
        e.code = "007"
        e.industry = nil
        e.urgent = nil
        e.assessment = nil
        e.training?.note = "第一行\r\n第二行很长很长很长很长很长很长很长很长很长\n短"
        catalogue.entries.append(e)
        return catalogue
    }

    @Test func entriesSheetFromTheEntriesIsTheSheetFromTheCSV() throws {
        let catalogue = try Self.awkwardCatalogue()
        let fast = XLSXWorkbook.worksheet(CatalogueWorkbook.entriesSheet(catalogue))
        let reference = XLSXWorkbook.worksheet(CatalogueWorkbook.entriesSheet(PublishedTable(catalogue: catalogue)))
        #expect(fast == reference)
        var empty = catalogue
        empty.entries = []
        #expect(XLSXWorkbook.worksheet(CatalogueWorkbook.entriesSheet(empty))
            == XLSXWorkbook.worksheet(CatalogueWorkbook.entriesSheet(PublishedTable(catalogue: empty))))
    }

    @Test func largeSheetDeflatedInSegmentsUnzipsToTheSheet() throws {
        var catalogue = try Self.awkwardCatalogue()
        let one = catalogue.entries
        while catalogue.entries.count <= CatalogueWorkbook.segmentRows { catalogue.entries += one }
        let sheet = CatalogueWorkbook.entriesSheet(catalogue)
        #expect(sheet.laterRows?.segments == 2)
        let metadata = CatalogueCompiler.defaultMetadata(for: catalogue)
        let bytes = try CatalogueWorkbook.encode(catalogue, metadata: metadata)
        #expect(try CatalogueWorkbook.encode(catalogue, metadata: metadata) == bytes)
        try withTemporaryFolder { dir in
            let archive = (dir as NSString).appendingPathComponent("large.xlsx")
            let expected = (dir as NSString).appendingPathComponent("sheet1.xml")
            try Data(bytes).write(to: URL(fileURLWithPath: archive))
            try Data(XLSXWorkbook.worksheet(sheet)).write(to: URL(fileURLWithPath: expected))
            let check = try runPython("check_zip_part.py", [archive, "xl/worksheets/sheet1.xml", expected])
            #expect(check.status == 0, "\(check.output)")
        }
    }
}
