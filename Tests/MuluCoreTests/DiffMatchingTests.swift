import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// A training subsidy for `初级、中级` of `amount` yuan, as diff tests use it.
func diffTraining(_ amount: Int) -> Subsidy {
    Subsidy(levels: [.junior, .intermediate], amountYuan: amount, anyOf: false, text: "初级、中级：\(amount)元/人")
}

/// An assessment subsidy for `初级或中级` of `amount` yuan, as diff tests use it.
func diffAssessment(_ amount: Int) -> Subsidy {
    Subsidy(levels: [.junior, .intermediate], amountYuan: amount, anyOf: true, text: "初级或中级：\(amount)元/人")
}

/// A hand-built entry for diff tests; everything but the key has a usual default.
func diffEntry(
    _ seq: Int, _ code: String, _ name: String, industry: String = "制造业",
    training: Int? = 2160, assessment: Int? = 160, urgent: Bool = true
) -> Entry {
    Entry(
        seq: seq, industry: industry, code: code, name: name,
        training: training.map(diffTraining), assessment: assessment.map(diffAssessment), urgent: urgent)
}

@Suite("Diff matching")
struct DiffMatchingTests {
    @Test func identicalCataloguesAreEqual() {
        let entries = [diffEntry(1, "6-31-03-01", "化学检验员"), diffEntry(2, "6-24-03-01-*", "电线电缆检验工")]
        let diff = CatalogueDiff(old: entries, new: entries)
        #expect(diff.isEmpty)
        #expect(diff.unchangedCount == 2)
    }

    @Test func renumberingAloneIsNotAChange() {
        let old = [diffEntry(1, "6-31-03-01", "化学检验员"), diffEntry(2, "6-18-01-01", "车工")]
        let new = [diffEntry(7, "6-18-01-01", "车工"), diffEntry(9, "6-31-03-01", "化学检验员")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.isEmpty)
        #expect(diff.unchangedCount == 2)
    }

    /// Rule 1: the same (code, name) is the same entry; its other fields are compared.
    @Test func rule1SameCodeAndNameReportsChangedFields() {
        let old = [diffEntry(1, "4-01-02-07", "互联网营销师", industry: "服务业", training: 2160, urgent: true)]
        let new = [diffEntry(5, "4-01-02-07", "互联网营销师", industry: "数字产业", training: 2400, urgent: false)]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.count == 1)
        let change = diff.changed[0]
        #expect(change.match == .key)
        #expect(change.fields == [.industry, .training, .urgent])
        #expect(change.before == old[0] && change.after == new[0])
    }

    @Test func assessmentAndUnreadSubsidiesAreCompared() {
        let old = [diffEntry(1, "6-18-01-01", "车工", assessment: 160), diffEntry(2, "6-18-01-05", "镗工", training: nil)]
        let new = [diffEntry(1, "6-18-01-01", "车工", assessment: 200), diffEntry(2, "6-18-01-05", "镗工")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.changed.map(\.fields) == [[.assessment], [.training]])
    }

    /// Rule 2: the same non-wildcard code with another name is a rename.
    @Test func rule2SameCodeOtherNameIsARename() {
        let old = [diffEntry(57, "6-17-08-02-07", "三氯氢硅"), diffEntry(58, "6-17-08-02-06", "硅烷法多晶硅制取工")]
        let new = [diffEntry(58, "6-17-08-02-07", "三氯氢硅精馏工"), diffEntry(59, "6-17-08-02-06", "硅烷法多晶硅制取工")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.count == 1)
        #expect(diff.changed[0].match == .code)
        #expect(diff.changed[0].fields == [.name])
        #expect(diff.changed[0].before.name == "三氯氢硅")
        #expect(diff.changed[0].after.name == "三氯氢硅精馏工")
    }

    /// Rule 2 never applies to uncoded work types: `6-24-02-01-*` is shared, not an identity.
    @Test func rule2SkipsWildcardCodes() {
        let old = [diffEntry(1, "6-24-02-01-*", "变压器处理工")]
        let new = [diffEntry(1, "6-24-02-01-*", "变压器试验工")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.changed.isEmpty)
        #expect(diff.removed == old)
        #expect(diff.added == new)
    }

    /// Uncoded work types sharing a code are told apart by name.
    @Test func wildcardRowsMatchByName() {
        let old = [
            diffEntry(35, "6-24-02-01-*", "变压器处理工"), diffEntry(36, "6-24-02-01-*", "变压器试验工"),
            diffEntry(37, "6-24-02-01-*", "互感器试验工", training: 2160),
        ]
        let new = [
            diffEntry(40, "6-24-02-01-*", "互感器试验工", training: 2400), diffEntry(41, "6-24-02-01-*", "变压器试验工"),
            diffEntry(42, "6-24-02-01-*", "变压器处理工"),
        ]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.after.name) == ["互感器试验工"])
        #expect(diff.changed.map(\.fields) == [[.training]])
    }

    /// Rule 3: the same name with another code is a re-code.
    @Test func rule3SameNameOtherCodeIsARecode() {
        let old = [diffEntry(1, "6-24-02-01-*", "变压器处理工"), diffEntry(2, "2-02-07-13", "智能制造工程技术人员")]
        let new = [diffEntry(1, "6-24-02-01-07", "变压器处理工"), diffEntry(2, "2-02-38-01", "智能制造工程技术人员")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.match) == [.name, .name])
        #expect(diff.changed.map(\.fields) == [[.code], [.code]])
        #expect(diff.changed.map(\.before.code) == ["2-02-07-13", "6-24-02-01-*"])
    }

    /// What no rule matches is removed (old) or added (new).
    @Test func leftoversAreAddedAndRemoved() {
        let old = [diffEntry(1, "6-02-06-07", "品酒师"), diffEntry(2, "6-18-01-01", "车工")]
        let new = [diffEntry(1, "6-18-01-01", "车工"), diffEntry(2, "6-31-01-10", "工业机器人系统运维员")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.removed.map(\.name) == ["品酒师"])
        #expect(diff.added.map(\.name) == ["工业机器人系统运维员"])
        #expect(diff.changed.isEmpty)
        #expect(diff.unchangedCount == 1)
    }

    /// An exact key match wins over a rename by code, and a rename over a re-code by name.
    @Test func rulesApplyInOrder() {
        // Old A(code X) and B(code X'), new A(code X) and C(code X'): A is unchanged, B→C is a rename,
        // even though a new entry named B exists under another code.
        let old = [diffEntry(1, "6-01-01-01", "甲"), diffEntry(2, "6-01-01-02", "乙")]
        let new = [diffEntry(1, "6-01-01-01", "甲"), diffEntry(2, "6-01-01-02", "丙"), diffEntry(3, "6-01-01-03", "乙")]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.unchangedCount == 1)
        #expect(diff.changed.map(\.match) == [.code])
        #expect(diff.changed.map(\.after.name) == ["丙"])
        #expect(diff.added.map(\.name) == ["乙"])
        #expect(diff.removed.isEmpty)
    }

    /// Duplicates are matched as a multiset, in row order; the surplus is added or removed.
    @Test func duplicatesMatchAsAMultisetInRowOrder() {
        let old = [
            diffEntry(3, "6-01-01-01", "甲", training: 3000), diffEntry(1, "6-01-01-01", "甲", training: 1000),
            diffEntry(2, "6-01-01-01", "甲", training: 2000),
        ]
        let new = [diffEntry(2, "6-01-01-01", "甲", training: 2500), diffEntry(1, "6-01-01-01", "甲", training: 1000)]
        let diff = CatalogueDiff(old: old, new: new)
        // Old rows 1, 2 pair with new rows 1, 2; old row 3 is left over.
        #expect(diff.unchangedCount == 1)
        #expect(diff.changed.count == 1)
        #expect(diff.changed[0].before.seq == 2 && diff.changed[0].after.seq == 2)
        #expect(diff.removed.map(\.seq) == [3])
        #expect(diff.added.isEmpty)
        // The same input in another order gives the same result.
        #expect(CatalogueDiff(old: old.reversed(), new: new.reversed()) == diff)
    }

    @Test func reportOrderIsByCodeThenName() {
        let old = [diffEntry(1, "6-09-03-17", "民间工艺品制作工"), diffEntry(2, "4-03-02-05", "餐厅服务员")]
        let new = [
            diffEntry(1, "6-31-01-10", "工业机器人系统运维员"), diffEntry(2, "4-04-05-05", "人工智能训练师"),
            diffEntry(3, "6-09-03-17", "民间工艺品制作工", urgent: false),
        ]
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.map(\.code) == ["4-04-05-05", "6-31-01-10"])
        #expect(diff.removed.map(\.code) == ["4-03-02-05"])
        #expect(diff.changed.map(\.fields) == [[.urgent]])
    }

    @Test func seqIsNeverAReportedField() {
        #expect(!EntryField.allCases.map(\.rawValue).contains("seq"))
        #expect(EntryField.allCases.map(\.rawValue) == ["industry", "name", "code", "training", "assessment", "urgent"])
    }

    /// Keyed matching scales: 100,000 rows each side, shuffled, with some of every kind of change.
    /// A quadratic match would take many minutes here; the speed itself is `scripts/bench` (d).
    @Test(.timeLimit(.minutes(10)))
    func hundredThousandRowsDiff() {
        let (old, new) = diffSyntheticCatalogues(rows: 100_000)
        let diff = CatalogueDiff(old: old, new: new)
        #expect(diff.added.count == 1_000)
        #expect(diff.removed.count == 1_000)
        #expect(diff.changed.count == 3_000)
    }
}

/// Two large catalogues for scaling tests: `new` renumbers and shuffles `old`, renames every 100th
/// row, re-prices every 100th (offset 1), re-codes every 100th (offset 2), and replaces every 100th
/// (offset 3) with a new entry.
func diffSyntheticCatalogues(rows: Int) -> (old: [Entry], new: [Entry]) {
    var old: [Entry] = []
    var new: [Entry] = []
    old.reserveCapacity(rows)
    new.reserveCapacity(rows)
    for i in 0..<rows {
        let code = "6-\(10 + i / 10_000)-\(10 + i / 100 % 100)-\(10 + i % 100)"
        let entry = diffEntry(i + 1, code, "工种\(i)")
        old.append(entry)
        var revised = entry
        revised.seq = rows - i
        switch i % 100 {
        case 0: revised.name += "（新）"
        case 1: revised.training = diffTraining(2400)
        case 2: revised.code = "9-\(code)"
        case 3:
            revised.code = "8-\(code)"
            revised.name = "新工种\(i)"
        default: break
        }
        new.append(revised)
    }
    var generator = SplitMix(seed: 2025)
    new.shuffle(using: &generator)
    return (old, new)
}
