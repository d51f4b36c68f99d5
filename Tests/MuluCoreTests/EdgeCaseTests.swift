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

/// Inputs and options at the edges: nothing dropped silently, inputs that are not files, folder ids,
/// option combinations, and package descriptions without a region.
@Suite struct EdgeCaseTests {
    @Test func textOnAPageWithoutColumnsIsReported() throws {
        let layout = [UInt8](FileManager.default.contents(atPath: fixture("text/pdftotext-layout-a.txt"))!)
        let note = Array("\u{0C}注：以上目录如有调整另行通知\n".utf8)
        let parsed = try NoticeParser.parseText(layout + note, path: "n.txt")
        #expect(parsed.entries == reference2024.entries)
        let d = try #require(parsed.diagnostics.first { $0.excerpt == "注：以上目录如有调整另行通知" })
        #expect(d.message == "text outside the table's columns" && d.page == 12)
    }

    @Test func aDeviceIsNotANotice() {
        do {
            _ = try CatalogueLoader.loadDetailed(path: "/dev/zero")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "/dev/zero: not a regular file")
        }
    }

    @Test func folderIdMustMatchItsName() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("inputs/other-name")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture("changji-2024.txt"), toPath: folder.appendingPathComponent("notice.txt").path)
        let metadata = #"{"id": "changji-2024", "title": "t", "region": "", "year": 2024, "notice": "notice.txt", "source": {"title": "s"}, "licence": {"name": "CC-BY-4.0", "title": "CC BY 4.0"}}"#
        try Data(metadata.utf8).write(to: folder.appendingPathComponent("metadata.json"))
        let out = root.appendingPathComponent("generated").path
        let run = try runMulu(["compile", root.appendingPathComponent("inputs").path, "--out", out, "-q"])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("other-name/metadata.json: id `changji-2024` must be the folder's name `other-name`\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func extractTakesOneView() throws {
        let run = try runMulu(["extract", fixture("changji-2024.txt"), "--lines", "--columns"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--lines, --columns and --rules print different views: give one"))
    }

    /// `extract --rules` prints each PDF page's rules, edges and ruled table; a text notice has none.
    @Test func extractPrintsTheRules() throws {
        let run = try runMulu(["extract", fixture("changji-2024-a.pdf"), "--rules"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("page 1\t") == true)
        #expect(lines.filter { $0.hasPrefix("page ") }.count == 10)
        #expect(lines.contains { $0.hasPrefix("  rule h ") } && lines.contains { $0.hasPrefix("  rule v ") })
        #expect(lines.contains { $0.hasPrefix("  table rows at ") })
        let text = try runMulu(["extract", fixture("changji-2024.txt"), "--rules"])
        #expect(text.status == 0 && text.stdout.isEmpty)
    }

    @Test func packageDescriptionWithoutRegionOrYear() throws {
        let catalogue = Catalogue(
            title: "目录", source: .init(file: "n.txt", sha256: "ab", format: .text),
            entries: Array(reference2024.entries.prefix(2)), diagnostics: [])
        let metadata = CatalogueCompiler.defaultMetadata(for: catalogue)
        let package = String(decoding: DataPackage.encode(
            catalogue: catalogue, metadata: metadata, csvName: "catalogue.csv", csvBytes: [],
            jsonName: "catalogue.json", byteOrderMark: false), as: UTF8.self)
        #expect(package.contains(#""description": "目录：每个职业（工种）的培训补贴与考核鉴定补贴标准，共2条。""#))
    }
}

/// One detection rule for PDFs, diff's exit status, quoted crosswalk fields, and what
/// `extract --columns` says of delimited text.
@Suite struct CommandEdgeTests {
    @Test func aPDFWithJunkBeforeItsHeaderIsAPDFWhateverItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Data(contentsOf: URL(fileURLWithPath: fixture("changji-2024-a.pdf")))
        let path = folder.appendingPathComponent("attachment.txt").path
        try (Data("junk from a mail gateway\r\n".utf8) + pdf).write(to: URL(fileURLWithPath: path))
        #expect(CatalogueLoader.isPDF(Array(Data("xx%PDF-1.7".utf8)), path: "a.txt"))
        #expect(!CatalogueLoader.isPDF(Array(Data("序号 行业".utf8)), path: "a.txt"))
        let loaded = try CatalogueLoader.loadDetailed(path: path)
        #expect(loaded.catalogue.source.format == .pdf)
        #expect(loaded.catalogue.entries == reference2024.entries)
    }

    @Test(arguments: [
        ["diff"],
        ["diff", "a.txt"],
        ["diff", "a.txt", "b.txt", "--format", "yaml"],
        ["diff", "a.txt", "b.txt", "--bogus"],
        ["diff", "a.txt", "b.txt", "--crosswalk", "/nonexistent/cw.csv"],
        ["diff", "/nonexistent/a.txt", "/nonexistent/b.txt"],
    ])
    func everyTroubleOfDiffExitsTwo(arguments: [String]) throws {
        let run = try runMulu(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test func diffHelpListsTheFormats() throws {
        let run = try runMulu(["diff", "--help"])
        #expect(run.status == 0)
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("(values: text, markdown, json, html, xlsx; default: text)"))
    }

    @Test func crosswalkFieldsMayBeQuoted() throws {
        let crosswalk = try Crosswalk(csv: "\"oldCode\",\"newCode\"\n\"6-24-03-03-05\", 6-24-09-01-05\n", file: "cw.csv")
        #expect(crosswalk.newCodeByOldCode == ["6-24-03-03-05": "6-24-09-01-05"])
        // A quoted comma stays inside its field: one field, so not a pair.
        #expect(throws: MuluError(file: "cw.csv", problem: "line 2: expected two codes \"oldCode,newCode\", found \"\"6-24-03-03-05,6-24-09-01-05\"\"")) {
            try Crosswalk(csv: "oldCode,newCode\n\"6-24-03-03-05,6-24-09-01-05\"\n", file: "cw.csv")
        }
    }

    @Test func extractColumnsShowsWhatTheDelimitedReaderDecided() throws {
        let run = try runMulu(["extract", "--columns", fixture("changji-2024.txt")])
        #expect(run.status == 0)
        // Every header cell as published (a wrapped one joined) and its field.
        #expect(run.stdout.contains("  职业（工种）代码 → code\n"))
        #expect(run.stdout.contains("  是否急需紧缺 → urgent\n"))
        #expect(run.stdout.contains("  column 3 code\ta code: a digit, then a segment separator (6-31, 6.31 …); or 无, /, a letter code\n"))
        #expect(run.stdout.contains("  column 7 urgent\t"))
    }

    @Test func diagnosticsPrintAsEditorsParseThem() throws {
        let text = try runMulu(["compile", fixture("changji-2024.txt"), "--out", FileManager.default.temporaryDirectory.appendingPathComponent("d-\(UUID().uuidString)").path])
        #expect(text.stderr.hasPrefix("changji-2024.txt:126:22: warning: row 57: name `三氯氢硅` looks cut short"))
        let pdf = try runMulu(["compile", fixture("changji-2024-a.pdf"), "--out", FileManager.default.temporaryDirectory.appendingPathComponent("d-\(UUID().uuidString)").path])
        #expect(pdf.stderr.hasPrefix("changji-2024-a.pdf:p3: warning: row 57: name `三氯氢硅` looks cut short"))
    }
}
