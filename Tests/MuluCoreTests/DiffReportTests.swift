import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

@Suite("Diff reports")
struct DiffReportTests {
    /// One of each: an added, a removed, a renamed and a re-priced entry.
    static let sample = CatalogueDiff(
        old: [
            diffEntry(1, "4-03-02-05", "餐厅服务员", industry: "旅游服务业"),
            diffEntry(2, "6-17-08-02-07", "三氯氢硅"),
            diffEntry(3, "4-01-02-07", "互联网营销师", industry: "数字产业"),
        ],
        new: [
            diffEntry(1, "6-17-08-02-07", "三氯氢硅精馏工"),
            diffEntry(2, "4-01-02-07", "互联网营销师", industry: "数字产业", training: 2400),
            diffEntry(3, "4-04-05-05", "人工智能训练师", industry: "数字产业", assessment: nil, urgent: false),
        ])

    @Test func jsonBytes() throws {
        let expected = try String(contentsOfFile: fixture("golden/diff-report.json"), encoding: .utf8)
        #expect(Array(DiffFormat.json.render(Self.sample).utf8) == Array(expected.utf8))
    }

    @Test func emptyJSONReport() {
        let expected = """
            {
              "$schema": "https://mulu.example/schemas/diff.schema.json",
              "added": [],
              "changed": [],
              "removed": []
            }

            """
        #expect(DiffFormat.json.render(CatalogueDiff(old: [], new: [])) == expected)
    }

    @Test func jsonEscapesOnlyWhatItMust() {
        var json = JSONWriter()
        json.beginArray()
        json.string("a\"b\\c/元\n\u{01}\u{1F}")
        json.beginArray()
        json.endArray()
        json.beginObject()
        json.endObject()
        json.endArray()
        #expect(String(decoding: json.finish(), as: UTF8.self) == "[\n  \"a\\\"b\\\\c/元\\n\\u0001\\u001f\",\n  [],\n  {}\n]\n")
    }

    @Test func textReport() {
        let expected = """
            新增 1, 删除 1, 变更 2 (added 1, removed 1, changed 2)

            新增 (added):
            + 4-04-05-05 人工智能训练师: 行业 数字产业; 培训补贴 初级、中级：2160元/人; 鉴定补贴 —; 急需紧缺 否

            删除 (removed):
            - 4-03-02-05 餐厅服务员: 行业 旅游服务业; 培训补贴 初级、中级：2160元/人; 鉴定补贴 初级或中级：160元/人; 急需紧缺 是

            变更 (changed):
            ~ 4-01-02-07 互联网营销师: 培训补贴 初级、中级：2160元/人 → 初级、中级：2400元/人
            ~ 6-17-08-02-07 三氯氢硅精馏工: 名称 三氯氢硅 → 三氯氢硅精馏工

            """
        #expect(DiffFormat.text.render(Self.sample) == expected)
    }

    @Test func textReportListsEveryChangedField() {
        let diff = CatalogueDiff(
            old: [diffEntry(1, "4-13-05-04", "全媒体运营师", industry: "服务业-数字行业")],
            new: [diffEntry(1, "4-13-05-04", "全媒体运营师", industry: "数字产业", urgent: false)])
        #expect(
            DiffFormat.text.render(diff).hasSuffix(
                "~ 4-13-05-04 全媒体运营师: 行业 服务业-数字行业 → 数字产业; 急需紧缺 是 → 否\n"))
    }

    @Test func markdownReport() {
        let expected = """
            **新增 1, 删除 1, 变更 2 (added 1, removed 1, changed 2)**

            | 变动 | 代码 | 名称 | 行业 | 项目 | 原值 | 新值 |
            | --- | --- | --- | --- | --- | --- | --- |
            | 新增 | 4-04-05-05 | 人工智能训练师 | 数字产业 |  |  | 培训补贴 初级、中级：2160元/人；鉴定补贴 —；急需紧缺 否 |
            | 删除 | 4-03-02-05 | 餐厅服务员 | 旅游服务业 |  | 培训补贴 初级、中级：2160元/人；鉴定补贴 初级或中级：160元/人；急需紧缺 是 |  |
            | 变更 | 4-01-02-07 | 互联网营销师 | 数字产业 | 培训补贴 | 初级、中级：2160元/人 | 初级、中级：2400元/人 |
            | 变更 | 6-17-08-02-07 | 三氯氢硅精馏工 | 制造业 | 名称 | 三氯氢硅 | 三氯氢硅精馏工 |

            """
        #expect(DiffFormat.markdown.render(Self.sample) == expected)
    }

    @Test func markdownEscapesTableSyntax() {
        #expect(CatalogueDiff.markdownEscaped("6-24-02-01-*") == "6-24-02-01-\\*")
        #expect(CatalogueDiff.markdownEscaped("a|b\nc") == "a\\|b c")
    }

    @Test func equalCataloguesSayNoDifferences() {
        let same = CatalogueDiff(old: [diffEntry(1, "6-18-01-01", "车工")], new: [diffEntry(2, "6-18-01-01", "车工")])
        #expect(DiffFormat.text.render(same) == "无差异 (no differences)\n")
        #expect(DiffFormat.markdown.render(same) == "**无差异** (no differences)\n")
    }
}
