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

/// changji-2024 against the revised changji-2025-r1: exactly the changes DESIGN.md lists, from
/// every form of the fixtures.
@Suite("Diff changji-2024 → changji-2025-r1")
struct DiffChangjiTests {
    /// The path of a fixture in `Tests/MuluCoreTests/Fixtures`.
    static func fixturePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Checks `diff` is exactly the 2025-r1 revision: two removed, two added, one renamed, five
    /// training subsidies raised to 2400, three rows no longer urgent, one row moved industry.
    static func expectRevision(_ diff: CatalogueDiff, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            diff.removed.map { "\($0.code) \($0.name)" } == ["4-03-02-05 餐厅服务员", "6-02-06-07 品酒师"],
            sourceLocation: sourceLocation)
        #expect(
            diff.added.map { "\($0.code) \($0.name)" } == ["4-04-05-05 人工智能训练师", "6-31-01-10 工业机器人系统运维员"],
            sourceLocation: sourceLocation)
        let changes = diff.changed.map { change in
            "\(change.after.code) \(change.after.name): "
                + change.fields.map {
                    "\($0.rawValue) \($0.displayValue(of: change.before)) → \($0.displayValue(of: change.after))"
                }.joined(separator: "; ")
        }
        let raised = "training 初级、中级：2160元/人 → 初级、中级：2400元/人"
        #expect(
            changes == [
                "2-02-07-13 智能制造工程技术人员: \(raised)",
                "2-02-30-11 数字化管理师: \(raised)",
                "4-01-02-02 电子商务师: \(raised)",
                "4-01-02-07 互联网营销师: \(raised)",
                "4-01-02-07-* 直播销售员: \(raised)",
                "4-13-05-04 全媒体运营师: industry 服务业-数字行业 → 数字产业",
                "6-06-03-01 手工木工: urgent 是 → 否",
                "6-06-03-02 机械木工: urgent 是 → 否",
                "6-09-03-17 民间工艺品制作工: urgent 是 → 否",
                "6-17-08-02-07 三氯氢硅精馏工: name 三氯氢硅 → 三氯氢硅精馏工",
            ], sourceLocation: sourceLocation)
        #expect(
            diff.changed.first { $0.after.name == "三氯氢硅精馏工" }?.match == .code, sourceLocation: sourceLocation)
        #expect(diff.unchangedCount == 165, sourceLocation: sourceLocation)
        #expect(
            diff.summary == "新增 2, 删除 2, 变更 10 (added 2, removed 2, changed 10)", sourceLocation: sourceLocation)
    }

    /// The diff logic on the real rows, independent of the parser: the fixture text is clean
    /// (one row per line, single spaces), so a few lines here read it.
    @Test func revisionFromFixtureRows() throws {
        let old = try Self.rows(of: "changji-2024.txt")
        let new = try Self.rows(of: "changji-2025-r1.txt")
        #expect(old.count == 177 && new.count == 177)
        Self.expectRevision(CatalogueDiff(old: old, new: new))
        #expect(CatalogueDiff(old: old, new: old).isEmpty)
    }

    /// End to end through `CatalogueLoader`: needs the text parser.
    @Test func revisionFromText() throws {
        let old = try CatalogueLoader.load(path: Self.fixturePath("changji-2024.txt"))
        let new = try CatalogueLoader.load(path: Self.fixturePath("changji-2025-r1.txt"))
        Self.expectRevision(CatalogueDiff(old: old, new: new))
    }

    /// End to end through `CatalogueLoader`: needs the PDF extractor and parser.
    @Test func revisionFromPDF() throws {
        let old = try CatalogueLoader.load(path: Self.fixturePath("changji-2024-a.pdf"))
        let new = try CatalogueLoader.load(path: Self.fixturePath("changji-2025-r1.pdf"))
        Self.expectRevision(CatalogueDiff(old: old, new: new))
    }

    /// The text notice against the PDFs of the same catalogue: no differences, exit 0.
    @Test(arguments: ["changji-2024-a.pdf", "changji-2024-b.pdf"])
    func textAgainstPDFOfTheSameCatalogueIsEqual(pdf: String) throws {
        let run = try runMulu(["diff", Self.fixturePath("changji-2024.txt"), Self.fixturePath(pdf)])
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == "无差异 (no differences)\n")
        #expect(run.status == 0)
    }

    /// The command on the real fixtures, text against PDF: exit 1 and the JSON report.
    @Test func commandReportsTheRevision() throws {
        let run = try runMulu([
            "diff", Self.fixturePath("changji-2024.txt"), Self.fixturePath("changji-2025-r1.pdf"), "--format", "json",
        ])
        #expect(run.stderr.isEmpty)
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((report?["added"] as? [Any])?.count == 2)
        #expect((report?["removed"] as? [Any])?.count == 2)
        #expect((report?["changed"] as? [Any])?.count == 10)
    }

    /// Reads the clean fixture text: `seq industry code name training assessment [*]`.
    static func rows(of fixture: String) throws -> [Entry] {
        let text = try String(contentsOfFile: fixturePath(fixture), encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).compactMap { line -> Entry? in
            let cells = line.split(separator: " ").map(String.init)
            guard cells.count >= 6, let seq = Int(cells[0]) else { return nil }
            guard cells.count <= 7 else { throw RunMuluError(message: "unexpected fixture row: \(line)") }
            return Entry(
                seq: seq, industry: cells[1], code: cells[2], name: cells[3],
                training: subsidy(cells[4]), assessment: subsidy(cells[5]), urgent: cells.count == 7 && cells[6] == "*")
        }
    }

    /// `初级、中级：2160元/人` or `初级或中级：160元/人` as a subsidy.
    static func subsidy(_ text: String) -> Subsidy? {
        let parts = text.split(separator: "：")
        guard parts.count == 2, let amount = Int(parts[1].prefix { $0.isNumber }) else { return nil }
        let anyOf = parts[0].contains("或")
        let levels = parts[0].split(whereSeparator: { $0 == "、" || $0 == "或" }).compactMap { Level(published: String($0)) }
        return Subsidy(levels: levels, amountYuan: amount, anyOf: anyOf, text: text)
    }
}
