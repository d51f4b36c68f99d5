import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluOutput
@testable import MuluPipeline

/// The workbook's entries sheet written straight from the entries (``CatalogueSheetRows``) is the
/// sheet built cell by cell from the CSV read back (``PublishedTable``), byte for byte, with the
/// same shared strings, and a large one deflated in parallel segments unzips to it.
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

    /// A sheet's XML and its shared strings' part.
    static func sheetAndStrings(_ sheet: XLSXWorkbook.Sheet) -> (sheet: [UInt8], strings: [UInt8]) {
        var strings = SharedStrings()
        let xml = XLSXWorkbook.worksheet(sheet, strings: &strings)
        return (xml, strings.xml())
    }

    @Test func entriesSheetFromTheEntriesIsTheSheetFromTheCSV() throws {
        let catalogue = try Self.awkwardCatalogue()
        let fast = Self.sheetAndStrings(CatalogueWorkbook.entriesSheet(catalogue))
        let reference = Self.sheetAndStrings(CatalogueWorkbook.entriesSheet(PublishedTable(catalogue: catalogue)))
        #expect(fast.sheet == reference.sheet)
        #expect(fast.strings == reference.strings)
        // Industries, subsidies and 是/否 are shared; codes and names inline.
        let xml = String(decoding: fast.sheet, as: UTF8.self)
        let strings = String(decoding: fast.strings, as: UTF8.self)
        #expect(xml.contains("<c r=\"C2\" t=\"s\"><v>0</v></c>"))
        #expect(xml.contains("<c r=\"E2\" t=\"inlineStr\"><is><t>化学检验员</t></is></c>"))
        #expect(strings.contains("<si><t>否</t></si>") && strings.contains("<si><t>是</t></si>"))
        #expect(!strings.contains("化学检验员"))
        var empty = catalogue
        empty.entries = []
        #expect(Self.sheetAndStrings(CatalogueWorkbook.entriesSheet(empty))
            == Self.sheetAndStrings(CatalogueWorkbook.entriesSheet(PublishedTable(catalogue: empty))))
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
            var strings = SharedStrings()
            try Data(XLSXWorkbook.worksheet(sheet, strings: &strings)).write(to: URL(fileURLWithPath: expected))
            let check = try runPython("check_zip_part.py", [archive, "xl/worksheets/sheet1.xml", expected])
            #expect(check.status == 0, "\(check.output)")
            // The strings of the segments, gathered in parallel, in the order they first appear.
            let expectedStrings = (dir as NSString).appendingPathComponent("sharedStrings.xml")
            try Data(strings.xml()).write(to: URL(fileURLWithPath: expectedStrings))
            let checkStrings = try runPython("check_zip_part.py", [archive, "xl/sharedStrings.xml", expectedStrings])
            #expect(checkStrings.status == 0, "\(checkStrings.output)")
        }
    }
}
