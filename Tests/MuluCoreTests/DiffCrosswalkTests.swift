import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

@Suite("Diff crosswalk")
struct DiffCrosswalkTests {
    @Test func parsesHeaderPairsCommentsBOMAndCRLF() throws {
        let csv = "\u{FEFF}oldCode,newCode\r\n# renumbered in 2025\r\n6-24-03-03-05, 6-24-09-01-05\r\n\r\n\"6-24-02-01-*\",\"6-24-09-02-*\"\r\n"
        let crosswalk = try Crosswalk(csv: csv, file: "cw.csv")
        #expect(crosswalk.newCodeByOldCode == ["6-24-03-03-05": "6-24-09-01-05", "6-24-02-01-*": "6-24-09-02-*"])
        #expect(crosswalk.map("6-24-03-03-05") == "6-24-09-01-05")
        #expect(crosswalk.map("6-18-01-01") == "6-18-01-01")
    }

    @Test func rejectsMalformedFiles() {
        #expect(throws: MuluError(file: "cw.csv", problem: "line 1: missing header line \"oldCode,newCode\"")) {
            try Crosswalk(csv: "6-01-01-01,6-01-01-02\n", file: "cw.csv")
        }
        #expect(throws: MuluError(file: "cw.csv", problem: "empty crosswalk: expected a header line \"oldCode,newCode\"")) {
            try Crosswalk(csv: "\n\n", file: "cw.csv")
        }
        #expect(throws: MuluError(file: "cw.csv", problem: "line 2: expected two codes \"oldCode,newCode\", found \"6-01-01-01\"")) {
            try Crosswalk(csv: "oldCode,newCode\n6-01-01-01\n", file: "cw.csv")
        }
        #expect(throws: MuluError(file: "cw.csv", problem: "line 2: \"车工\" is not a classification code")) {
            try Crosswalk(csv: "oldCode,newCode\n车工,6-01-01-01\n", file: "cw.csv")
        }
        #expect(throws: MuluError(file: "cw.csv", problem: "line 3: 6-01-01-01 is mapped both to 6-01-01-02 and to 6-01-01-03")) {
            try Crosswalk(csv: "oldCode,newCode\n6-01-01-01,6-01-01-02\n6-01-01-01,6-01-01-03\n", file: "cw.csv")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: MuluError(file: "/nonexistent/cw.csv", problem: "no such file")) {
            try Crosswalk.load(path: "/nonexistent/cw.csv")
        }
    }

    /// With a crosswalk, a renumbered occupation matches by key; its code is still reported as changed,
    /// with the codes as published on each side.
    @Test func mapsOldCodesBeforeMatching() {
        let old = [diffEntry(1, "6-24-03-03-05", "热缩材料制造工"), diffEntry(2, "6-24-03-03-04", "绝缘套管制造工")]
        let new = [diffEntry(1, "6-24-09-01-05", "热缩材料制造工"), diffEntry(2, "6-24-09-01-04", "绝缘套管制品工")]
        let crosswalk = Crosswalk(["6-24-03-03-05": "6-24-09-01-05", "6-24-03-03-04": "6-24-09-01-04"])

        let mapped = CatalogueDiff(old: old, new: new, crosswalk: crosswalk)
        #expect(mapped.added.isEmpty && mapped.removed.isEmpty)
        #expect(mapped.changed.map(\.match) == [.code, .key])
        #expect(mapped.changed.map(\.fields) == [[.name, .code], [.code]])
        #expect(mapped.changed.map(\.before.code) == ["6-24-03-03-04", "6-24-03-03-05"])

        // Without it, the renamed and renumbered row cannot be matched.
        let inferred = CatalogueDiff(old: old, new: new)
        #expect(inferred.changed.map(\.match) == [.name])
        #expect(inferred.removed.map(\.name) == ["绝缘套管制造工"])
        #expect(inferred.added.map(\.name) == ["绝缘套管制品工"])
    }

    /// A crosswalk maps exactly: it does not chain, and it cannot make two old rows collide silently.
    @Test func mappingsDoNotChain() {
        let old = [diffEntry(1, "6-01-01-01", "甲")]
        let new = [diffEntry(1, "6-01-01-03", "甲")]
        let crosswalk = Crosswalk(["6-01-01-01": "6-01-01-02", "6-01-01-02": "6-01-01-03"])
        let diff = CatalogueDiff(old: old, new: new, crosswalk: crosswalk)
        // Mapped to 6-01-01-02, not 6-01-01-03: matched only by name (a re-code).
        #expect(diff.changed.map(\.match) == [.name])
    }
}
