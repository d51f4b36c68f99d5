import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// The catalogue-wide checks, on a catalogue large enough to be checked in two passes at once.
@Suite struct ValidatorTests {
    /// 30,000 rows: occupations with two work types each, with faults seeded at known rows.
    static func catalogue() -> [Entry] {
        let subsidy = Subsidy(levels: [.junior], amountYuan: 100, anyOf: false, text: "初级：100元/人")
        var entries: [Entry] = []
        for k in 0..<10_000 {
            let occupation = "6-\(10 + k / 10_000 % 90)-\(10 + k / 100 % 90)-\(10 + k % 100)"
            let industry = k % 2 == 0 ? "制造业" : "服务业"
            for (n, suffix) in ["", "-01", "-*"].enumerated() {
                entries.append(Entry(
                    seq: entries.count + 1, industry: industry, code: occupation + suffix, name: "工种\(k)-\(n)工",
                    training: subsidy, assessment: subsidy, urgent: false))
            }
        }
        entries[100].name = entries[99].name                 // not a duplicate: other code
        entries[200] = entries[12_000]                       // a duplicate (later row), and numbering
        entries[200].seq = 201
        entries[25_001].industry = "农业"                    // a wildcard under another industry
        entries[25_002].industry = "农业"                    // an occupation: its work types now differ
        entries[29_999].seq = 29_000                         // goes back, repeats
        entries[15_000].seq = 15_005                         // skips
        return entries
    }

    @Test func parallelAndSequentialPassesAgreeExactly() {
        let entries = Self.catalogue()
        let places = entries.indices.map { Optional((page: 1 + $0 / 50, line: 1 + $0 % 50)) }
        let sequential = CatalogueValidator.validate(entries, places: places, parallel: false)
        let parallel = CatalogueValidator.validate(entries, places: places, parallel: true)
        #expect(parallel == sequential)
        #expect(sequential.map(\.message) == [
            "`6-10-50-10 工种4000-0工` is listed twice (rows 201 and 12001)",
            "row number 15005 skips 15001…15004",
            "row number 15002 goes back from 15005",
            "row number 15005 repeats",
            "work type `6-10-93-43-* 工种8333-2工` is under 农业, its occupation 6-10-93-43 under 服务业",
            "work type `6-10-93-44-01 工种8334-1工` is under 制造业, its occupation 6-10-93-44 under 农业",
            "work type `6-10-93-44-* 工种8334-2工` is under 制造业, its occupation 6-10-93-44 under 农业",
            "row number 29000 repeats",
        ])
    }

    /// An industry written with a compatibility ideograph (U+F90A for 金) is the same industry.
    @Test func canonicallyEqualIndustriesAgree() {
        let subsidy = Subsidy(levels: [.junior], amountYuan: 100, anyOf: false, text: "初级：100元/人")
        let entries = [
            Entry(seq: 1, industry: "制金业", code: "6-31-03-01", name: "化学检验员", training: subsidy, assessment: subsidy, urgent: true),
            Entry(seq: 2, industry: "制\u{F90A}业", code: "6-31-03-01-02", name: "化学检验工", training: subsidy, assessment: subsidy, urgent: true),
            Entry(seq: 3, industry: "制造业", code: "6-31-03-01-03", name: "化学分析工", training: subsidy, assessment: subsidy, urgent: true),
        ]
        #expect(CatalogueValidator.validate(entries).map(\.message) == [
            "work type `6-31-03-01-03 化学分析工` is under 制造业, its occupation 6-31-03-01 under 制金业",
        ])
    }
}
