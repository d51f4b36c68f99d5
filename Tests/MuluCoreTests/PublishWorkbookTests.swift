import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// `catalogue.xlsx` and the diff workbook, opened with a real reader (openpyxl, through
/// `Tests/browser/check_workbook.py` and `check_diff_workbook.py`) and compared cell by cell with
/// the CSV and the JSON report; and their bytes, the same on every compile.
@Suite("Publish: workbooks", .serialized)
struct PublishWorkbookTests {
    /// Compiles fixture `name` with the built `mulu` into a new folder inside `dir`.
    static func compile(_ name: String, into dir: String) throws -> String {
        let out = (dir as NSString).appendingPathComponent((name as NSString).deletingPathExtension)
        let run = try runMulu(["compile", fixture(name), "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    @Test(arguments: ["changji-2024.txt", "changji-2024-a.pdf", "changji-2025-r1.txt"])
    func workbookMatchesTheCSVCellByCell(_ name: String) throws {
        try withTemporaryFolder { dir in
            let out = try Self.compile(name, into: dir)
            let check = try runPython("check_workbook.py", [out])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains("177 rows x 20 columns match the CSV"), "\(check.output)")
        }
    }

    /// The check really fails: one CSV cell changed after the workbook was written.
    @Test func checkFailsWhenACellDiffers() throws {
        try withTemporaryFolder { dir in
            let out = try Self.compile("changji-2024.txt", into: dir)
            let csv = (out as NSString).appendingPathComponent("catalogue.csv")
            let text = try String(contentsOfFile: csv, encoding: .utf8)
            try text.replacingOccurrences(of: ",化学检验员,", with: ",化学检验工,").write(toFile: csv, atomically: true, encoding: .utf8)
            let check = try runPython("check_workbook.py", [out])
            #expect(check.status == 1, "\(check.output)")
            #expect(check.output.contains("E2 (name) = '化学检验员'"), "\(check.output)")
        }
    }

    @Test func twoCompilesGiveIdenticalWorkbooksAndPages() throws {
        let loaded = try CatalogueLoader.loadDetailed(path: fixture("changji-2024-a.pdf"))
        let first = try CatalogueCompiler.files(for: loaded, options: .init())
        let second = try CatalogueCompiler.files(for: loaded, options: .init())
        #expect(first.map(\.name) == CatalogueCompiler.fileNames(for: loaded))
        #expect(first.map(\.name).suffix(2) == ["catalogue.xlsx", "index.html"])
        for (a, b) in zip(first, second) { #expect(a.bytes == b.bytes, "\(a.name)") }
        // The streamed write gives the same bytes as the in-memory files, on two runs.
        try withTemporaryFolder { dir in
            for run in 0..<2 {
                let out = (dir as NSString).appendingPathComponent("run\(run)")
                try CatalogueCompiler.write(loaded, options: .init(), into: out)
                for file in first {
                    let written = try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent(file.name)))
                    #expect([UInt8](written) == file.bytes, "\(file.name)")
                }
            }
        }
        // A ZIP with every entry dated 1980-01-01 00:00 (DOS date 0x0021, time 0) in local headers.
        let xlsx = first.first { $0.name == "catalogue.xlsx" }!.bytes
        #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        var offset = 0
        var entries = 0
        while offset + 30 <= xlsx.count, xlsx[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            #expect(xlsx[offset + 10] == 0 && xlsx[offset + 11] == 0 && xlsx[offset + 12] == 0x21 && xlsx[offset + 13] == 0)
            let compressed = Int(xlsx[offset + 18]) | Int(xlsx[offset + 19]) << 8 | Int(xlsx[offset + 20]) << 16 | Int(xlsx[offset + 21]) << 24
            let nameLength = Int(xlsx[offset + 26]) | Int(xlsx[offset + 27]) << 8
            let extraLength = Int(xlsx[offset + 28]) | Int(xlsx[offset + 29]) << 8
            offset += 30 + nameLength + extraLength + compressed
            entries += 1
        }
        // Content types, two relationships, core properties, workbook, styles, three sheets and
        // the shared strings.
        #expect(entries == 10)
    }

    @Test func diffWorkbookMatchesTheJSONReport() throws {
        try withTemporaryFolder { dir in
            let (old, new) = (fixture("changji-2024.txt"), fixture("changji-2025-r1.pdf"))
            let xlsx = (dir as NSString).appendingPathComponent("diff.xlsx")
            let run = try runMulu(["diff", old, new, "--format", "xlsx", "--out", xlsx])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stdout.isEmpty && run.stderr.isEmpty)
            let json = try runMulu(["diff", old, new, "--format", "json"])
            let report = (dir as NSString).appendingPathComponent("diff.json")
            try json.stdout.write(toFile: report, atomically: true, encoding: .utf8)
            let check = try runPython("check_diff_workbook.py", [xlsx, report])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains("14 rows match the report"), "\(check.output)")
            // Twice, the same bytes.
            let again = (dir as NSString).appendingPathComponent("again.xlsx")
            _ = try runMulu(["diff", old, new, "--format", "xlsx", "--out", again])
            #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)) == Data(contentsOf: URL(fileURLWithPath: again)))
        }
    }

    @Test func diffWorkbookWithoutOutOrToABlockedPathFailsCleanly() throws {
        try withTemporaryFolder { dir in
            let (old, new) = (fixture("changji-2024.txt"), fixture("changji-2025-r1.txt"))
            let noOut = try runMulu(["diff", old, new, "--format", "xlsx"])
            #expect(noOut.status == 2)
            #expect(noOut.stdout.isEmpty)
            #expect(noOut.stderr == "--format xlsx writes a workbook: give the file to write with --out FILE\n")

            let blocker = (dir as NSString).appendingPathComponent("file")
            try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
            for format in ["xlsx", "html"] {
                let target = (blocker as NSString).appendingPathComponent("diff.\(format)")
                let run = try runMulu(["diff", old, new, "--format", format, "--out", target])
                #expect(run.status == 2, "\(format)")
                #expect(run.stdout.isEmpty)
                #expect(run.stderr.hasSuffix(": cannot write: not a folder\n") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            }
            #expect(try contents(dir) == ["file"])
        }
    }

    @Test func sheetXMLIsEscapedAndTyped() throws {
        let sheet = XLSXWorkbook.Sheet(name: "s", rows: [
            [.text("a<b & \"c\"\u{1}"), .number("007"), .number("42"), .text("")],
            [.text(" lead"), .text("trail "), .text("a\nb"), .text("中 文")],
        ])
        let xml = String(decoding: XLSXWorkbook.worksheet(sheet), as: UTF8.self)
        // xml:space="preserve" only where a reader would otherwise trim or fold: a control
        // character, a space at either end, a line break.
        #expect(xml.contains("<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&lt;b &amp; &quot;c&quot;</t></is></c>"))
        #expect(xml.contains("<c r=\"B1\" t=\"inlineStr\"><is><t>007</t></is></c>"))
        #expect(xml.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> lead</t></is></c>"))
        #expect(xml.contains("<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">trail </t></is></c>"))
        #expect(xml.contains("<c r=\"C2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a\nb</t></is></c>"))
        #expect(xml.contains("<c r=\"D2\" t=\"inlineStr\"><is><t>中 文</t></is></c>"))
        #expect(xml.contains("<c r=\"C1\"><v>42</v></c>"))
        #expect(xml.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        #expect(!xml.contains("r=\"D1\""))
        // A shared column's plain text cells are indices into the shared strings, in the order
        // the texts first appear; a heading and a number stay as they are.
        var shared = XLSXWorkbook.Sheet(name: "s", rows: [
            [.text("h", style: .header), .text("x")],
            [.text("b"), .text(" y")],
            [.text("a"), .number("3")],
            [.text("b"), .text("y")],
        ])
        shared.sharedColumns = [true, false]
        var strings = SharedStrings()
        let sharedXML = String(decoding: XLSXWorkbook.worksheet(shared, strings: &strings), as: UTF8.self)
        #expect(sharedXML.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>h</t></is></c>"))
        #expect(sharedXML.contains("<c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> y</t></is></c>"))
        #expect(sharedXML.contains("<c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\"><v>3</v></c>"))
        #expect(sharedXML.contains("<c r=\"A4\" t=\"s\"><v>0</v></c>"))
        #expect(String(decoding: strings.xml(), as: UTF8.self).hasSuffix(
            "<sst xmlns=\"\(XLSXWorkbook.mainNamespace)\" count=\"3\" uniqueCount=\"2\"><si><t>b</t></si><si><t>a</t></si></sst>"))
        #expect(XLSXWorkbook.columnName(0) == "A" && XLSXWorkbook.columnName(25) == "Z" && XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.formatWidth(12) == "12" && XLSXWorkbook.formatWidth(12.5) == "12.5" && XLSXWorkbook.formatWidth(8.05) == "8.05")
    }

    @Test func publishedTableReadsTheCSVBack() {
        let csv = Array("a,b,c\r\n1,\"x, \"\"y\"\"\",true\r\n2,,false\r\n".utf8)
        #expect(CSVRecords.parse(csv) == [["a", "b", "c"], ["1", "x, \"y\"", "true"], ["2", "", "false"]])
        #expect(CSVRecords.parse(CatalogueCSV.byteOrderMarkBytes + Array("a\n\"\"\n".utf8)) == [["a"], [""]])
        let table = PublishedTable(csv: Array("seq,note,urgent\r\n1,电工,true\r\n".utf8))
        #expect(table.columns.map(\.title) == ["序号", "note", "是否急需紧缺"])
        #expect(table.columns.map(\.kind) == [.number, .text, .boolean])
        #expect(table.display("true", column: 2) == "是")
    }
}
