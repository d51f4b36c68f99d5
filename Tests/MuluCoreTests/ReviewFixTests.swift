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

/// Cases found in review: nothing dropped silently, inputs that are not files, folder ids,
/// option combinations, and package descriptions without a region.
@Suite struct ReviewFixTests {
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
        #expect(run.stderr.contains("--lines and --columns print different views: give one"))
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
