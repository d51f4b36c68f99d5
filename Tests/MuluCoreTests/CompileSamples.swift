@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// Small hand-built catalogues for the Compile tests.
enum CompileSamples {
    /// 初级、中级：2160元/人, each level paid.
    static let training2160 = Subsidy(levels: [.junior, .intermediate], amountYuan: 2160, anyOf: false, text: "初级、中级：2160元/人")
    /// 初级或中级：160元/人, either level.
    static let assessment160 = Subsidy(levels: [.junior, .intermediate], amountYuan: 160, anyOf: true, text: "初级或中级：160元/人")

    /// Two entries: one complete, one uncoded work type without a readable training subsidy,
    /// and one diagnostic.
    static let twoEntries = Catalogue(
        title: "昌吉州职业技能培训重点产业需求指导目录",
        source: .init(file: "notice.txt", sha256: String(repeating: "ab", count: 32), format: .text),
        entries: [
            Entry(seq: 1, industry: "制造业", code: "6-31-03-01", name: "化学检验员",
                  training: training2160, assessment: assessment160, urgent: true),
            Entry(seq: 2, industry: "建筑业", code: "6-24-02-01-*", name: "电焊工",
                  training: nil, assessment: assessment160, urgent: false),
        ],
        diagnostics: [Diagnostic(.warning, "cannot read the training subsidy", line: 7, excerpt: "初级 中级", seq: 2)]
    )

    /// schemaVersion 2's new parts: no industry and no urgency column, an extra column, amounts
    /// that differ per level, a cap with a note, a subsidy without an amount, two tables.
    static let version2 = Catalogue(
        title: "样例目录（二）",
        source: .init(file: "v2.txt", sha256: String(repeating: "cd", count: 32), format: .text),
        entries: [
            Entry(seq: 1, industry: nil, code: "6-31-03-01", name: "化学检验员",
                  training: Subsidy(levels: [.junior, .intermediate],
                                    amounts: [.init(level: .junior, amountYuan: 1600), .init(level: .intermediate, amountYuan: 2000)],
                                    anyOf: false, text: "初级：1600元/人；中级：2000元/人"),
                  assessment: Subsidy(levels: [.junior], amountYuan: 160, anyOf: false, text: "初级：最高160元/人（含教材费）",
                                      upTo: true, note: "含教材费"),
                  urgent: nil, extra: ["备注": "新增", "说明": "a,\"b\""]),
            Entry(seq: 1, table: 1, industry: nil, code: "S-65-001", name: "电工（含高压电工）",
                  training: Subsidy(levels: [], amounts: [], anyOf: false, text: "按实际发生费用"),
                  assessment: nil, urgent: nil),
        ],
        diagnostics: [Diagnostic(.warning, "the table has no urgency column (是否急需紧缺): urgent is null for every row")],
        columns: [.init(header: "序号", field: "seq"), .init(header: "职业编码", field: "code"),
                  .init(header: "职业（工种）名称", field: "name"), .init(header: "培训补贴标准/初级", field: "training", level: .junior),
                  .init(header: "培训补贴标准/中级", field: "training", level: .intermediate),
                  .init(header: "鉴定补贴", field: "assessment"), .init(header: "备注", field: "extra"),
                  .init(header: "说明", field: "extra")],
        tables: [.init(label: "附件1", title: "样例目录（一）"), .init(label: nil, title: nil)]
    )

    /// Entries whose text needs escaping or quoting in every format, `00` segments and wildcards.
    static let awkward = Catalogue(
        title: "目录 \"2024\", 修订版",
        source: .init(file: "notice.pdf", sha256: String(repeating: "0f", count: 32), format: .pdf),
        entries: [
            Entry(seq: 1, industry: "制造业,化工", code: "6-30-99-00", name: "工业机器人\"系统\"操作员",
                  training: Subsidy(levels: [.senior, .technician, .seniorTechnician], amountYuan: 0, anyOf: false,
                                    text: "高级、技师、高级技师：0元/人"),
                  assessment: nil, urgent: true),
            Entry(seq: 2, industry: "服务业", code: "5-02-01-00-01", name: "back\\slash / 斜杠\n换行\t制表\u{1}",
                  training: nil, assessment: nil, urgent: false),
            Entry(seq: 3, industry: "服务业", code: "6-24-02-01-*", name: "焊工", training: training2160,
                  assessment: assessment160, urgent: false),
            Entry(seq: 4, industry: "服务业", code: "6-24-02-01-*", name: "钳工", training: training2160,
                  assessment: assessment160, urgent: false),
            Entry(seq: 5, industry: "农业", code: "5", name: "农林牧渔", training: nil, assessment: nil, urgent: false),
        ],
        diagnostics: [
            Diagnostic(.error, "a \"quoted\" problem", page: 2, line: 41, column: 3),
            Diagnostic(.warning, "no location"),
        ]
    )

    /// Metadata for `twoEntries`.
    static let metadata = CatalogueMetadata(
        id: "changji-2024", title: "昌吉州职业技能培训重点产业需求指导目录", region: "昌吉回族自治州", year: 2024,
        attachment: "附件2", notice: "notice.txt",
        source: .init(title: "昌吉州人力资源和社会保障局", publisher: "昌吉州人力资源和社会保障局", path: "https://example.org/notice.html"),
        licence: .init(name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/")
    )

    /// A catalogue of `count` generated rows, for size and speed checks.
    static func many(_ count: Int) -> Catalogue {
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for i in 1...count {
            let code = "6-\(10 + i % 90)-0\(i % 10)-\(10 + i % 89)" + (i % 3 == 0 ? "-*" : "")
            entries.append(Entry(seq: i, industry: ["制造业", "建筑业", "服务业"][i % 3], code: code,
                                 name: "职业\(i)", training: i % 7 == 0 ? nil : training2160,
                                 assessment: assessment160, urgent: i % 2 == 0))
        }
        return Catalogue(title: "样例目录", source: .init(file: "notice.txt", sha256: String(repeating: "cd", count: 32), format: .text),
                         entries: entries, diagnostics: [])
    }
}
