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

/// `mulu diff` as a user runs it: the built executable, its output and its exit status.
@Suite("Diff command")
struct DiffCommandTests {
    /// A temporary folder holding `old.json` and `new.json` catalogues, removed when done.
    struct Workspace {
        let folder: URL
        var old: String { folder.appendingPathComponent("old.json").path }
        var new: String { folder.appendingPathComponent("new.json").path }

        init(old: [Entry], new: [Entry]) throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("diff-command-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.write(old, to: self.old)
            try Self.write(new, to: self.new)
        }

        static func write(_ entries: [Entry], to path: String) throws {
            let catalogue = Catalogue(
                title: "测试目录", source: .init(file: "notice.txt", sha256: String(repeating: "0", count: 64), format: .text),
                entries: entries, diagnostics: [])
            try JSONEncoder().encode(catalogue).write(to: URL(fileURLWithPath: path))
        }

        func file(_ name: String, _ contents: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(contents.utf8).write(to: url)
            return url.path
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let old = [diffEntry(1, "6-17-08-02-07", "三氯氢硅"), diffEntry(2, "6-02-06-07", "品酒师")]
    static let new = [diffEntry(1, "6-17-08-02-07", "三氯氢硅精馏工"), diffEntry(2, "6-31-01-10", "工业机器人系统运维员")]

    @Test func equalCataloguesExitZero() throws {
        let workspace = try Workspace(old: Self.old, new: Self.old.map { var e = $0; e.seq += 10; return e })
        defer { workspace.remove() }
        let run = try runMulu(["diff", workspace.old, workspace.new])
        #expect(run.status == 0)
        #expect(run.stdout == "无差异 (no differences)\n")
        #expect(run.stderr.isEmpty)

        let json = try runMulu(["diff", workspace.old, workspace.new, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == DiffFormat.json.render(CatalogueDiff(old: [], new: [])))
    }

    @Test func differentCataloguesExitOneInEveryFormat() throws {
        let workspace = try Workspace(old: Self.old, new: Self.new)
        defer { workspace.remove() }
        let diff = CatalogueDiff(old: Self.old, new: Self.new)
        let sides = DiffSides(old: .init(name: "old.json", title: "测试目录"), new: .init(name: "new.json", title: "测试目录"))
        for format in DiffFormat.allCases where !format.isBinary {
            let run = try runMulu(["diff", workspace.old, workspace.new, "--format", format.rawValue])
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout == format.render(diff, sides: sides), "\(format)")
            #expect(run.stderr.isEmpty, "\(format)")
        }
        let byDefault = try runMulu(["diff", workspace.old, workspace.new])
        #expect(byDefault.stdout == DiffFormat.text.render(diff))
        #expect(byDefault.stdout.hasPrefix("新增 1, 删除 1, 变更 1 (added 1, removed 1, changed 1)\n"))
    }

    @Test func missingInputExitsTwoWithOneLine() throws {
        let workspace = try Workspace(old: Self.old, new: Self.new)
        defer { workspace.remove() }
        let missing = workspace.folder.appendingPathComponent("nope.json").path
        for arguments in [[missing, workspace.new], [workspace.old, missing]] {
            try expectError(["diff"] + arguments, naming: missing)
        }
    }

    /// `mulu <arguments>` exits 2 with nothing on stdout and one line on stderr naming `file`.
    func expectError(_ arguments: [String], naming file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try runMulu(arguments)
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("\(file): "), sourceLocation: sourceLocation)
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
    }

    @Test func notACatalogueExitsTwo() throws {
        let workspace = try Workspace(old: Self.old, new: Self.new)
        defer { workspace.remove() }
        let garbage = try workspace.file("garbage.json", "{\"hello\": 1}")
        try expectError(["diff", garbage, workspace.new], naming: garbage)
    }

    @Test func unknownFormatExitsTwo() throws {
        let workspace = try Workspace(old: Self.old, new: Self.new)
        defer { workspace.remove() }
        let run = try runMulu(["diff", workspace.old, workspace.new, "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        // One line naming the option, the value and the values it takes (ArgumentParser's words).
        #expect(run.stderr == "The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'markdown', 'json', 'html' or 'xlsx'.\n")
    }

    @Test func crosswalkIsApplied() throws {
        let old = [diffEntry(1, "6-24-03-03-04", "绝缘套管制造工")]
        let new = [diffEntry(1, "6-24-09-01-04", "绝缘套管制品工")]
        let workspace = try Workspace(old: old, new: new)
        defer { workspace.remove() }
        let crosswalk = try workspace.file("cw.csv", "oldCode,newCode\n6-24-03-03-04,6-24-09-01-04\n")
        let run = try runMulu(["diff", workspace.old, workspace.new, "--crosswalk", crosswalk])
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                新增 0, 删除 0, 变更 1 (added 0, removed 0, changed 1)

                变更 (changed):
                ~ 6-24-09-01-04 绝缘套管制品工: 名称 绝缘套管制造工 → 绝缘套管制品工; 代码 6-24-03-03-04 → 6-24-09-01-04

                """)
    }

    @Test func badCrosswalkExitsTwo() throws {
        let workspace = try Workspace(old: Self.old, new: Self.new)
        defer { workspace.remove() }
        let noHeader = try workspace.file("cw.csv", "6-01-01-01,6-01-01-02\n")
        let missing = workspace.folder.appendingPathComponent("none.csv").path
        let expectations = [
            noHeader: "\(noHeader): line 1: missing header line \"oldCode,newCode\"\n",
            missing: "\(missing): no such file\n",
            workspace.folder.path: "\(workspace.folder.path): is a folder, not a crosswalk CSV file\n",
        ]
        for (path, stderr) in expectations {
            let run = try runMulu(["diff", workspace.old, workspace.new, "--crosswalk", path])
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == stderr)
        }
    }

    @Test func helpDocumentsTheCrosswalkFormat() throws {
        let run = try runMulu(["diff", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("oldCode,newCode"))
        #expect(run.stdout.contains("--format"))
    }
}
