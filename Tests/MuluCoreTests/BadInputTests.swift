import Foundation
import Testing

/// Bad input given to the built `mulu` executable, as a user would: every class in DESIGN.md
/// ("Bad input … gets one clear line on stderr naming the file and what is wrong, a non-zero exit,
/// no crash and no partial output") and a few more.
///
/// Each case runs `mulu compile INPUT --out OUT` where OUT already holds a `catalogue.json` with
/// known bytes, and checks: exit status 1; stderr is exactly one line, `INPUT: problem`, with the
/// problem's exact words; OUT still holds that one file, byte for byte, and nothing else (no
/// half-written or temporary files).
@Suite("Bad input")
struct BadInputTests {
    /// A temporary folder with `out/catalogue.json` holding known bytes; removed when done.
    struct Workspace {
        static let sentinel = Array("{\"sentinel\": \"an earlier compile\"}\n".utf8)
        let folder: URL
        var out: String { folder.appendingPathComponent("out").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("bad-input-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(
                atPath: folder.appendingPathComponent("out").path, withIntermediateDirectories: true)
            try Data(Self.sentinel).write(to: URL(fileURLWithPath: out).appendingPathComponent("catalogue.json"))
        }

        /// Writes `bytes` to `name` in the workspace and returns its path.
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// The out folder holds exactly the pre-existing `catalogue.json`, unchanged.
        func expectOutUntouched(sourceLocation: SourceLocation = #_sourceLocation) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            #expect(names == ["catalogue.json"], "out folder: \(names)", sourceLocation: sourceLocation)
            let bytes = FileManager.default.contents(atPath: out + "/catalogue.json").map { [UInt8]($0) }
            #expect(bytes == Self.sentinel, "catalogue.json was changed", sourceLocation: sourceLocation)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `mulu compile input --out <workspace out> extra…` and checks the bad-input contract:
    /// status 1, stderr exactly `input: problem\n`, the out folder untouched.
    func expectRejected(
        _ input: String, _ problem: String, extra: [String] = [], in workspace: Workspace,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let run = try runMulu(["compile", input, "--out", workspace.out] + extra)
        #expect(run.status == 1, "exit status", sourceLocation: sourceLocation)
        #expect(run.stderr == "\(input): \(problem)\n", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        workspace.expectOutUntouched(sourceLocation: sourceLocation)
    }

    /// The first `count` rows of changji-2024.txt with its title and header: a clean catalogue
    /// (no warnings), for the cases where only the output folder is wrong.
    static func cleanNotice(rows count: Int) throws -> [UInt8] {
        let text = try String(contentsOfFile: fixture("changji-2024.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.prefix { !($0.first?.isNumber ?? false) }
        let rows = lines.filter { $0.first?.isNumber ?? false }.prefix(count)
        return Array((header + rows).joined(separator: "\n").utf8) + [0x0A]
    }

    // MARK: PDF

    /// Bad PDFs kept as fixtures (how each was made: Fixtures/README.md), each with the exact
    /// problem mulu reports.
    static let badPDFs: [(fixture: String, problem: String)] = [
        ("bad/truncated.pdf", "damaged PDF: PDF document is damaged"),
        ("bad/random-with-header.pdf", "damaged PDF: PDF document is damaged"),
        ("bad/not-a-pdf.pdf", "not a PDF (no %PDF- header)"),
        ("bad/empty.pdf", "empty file (0 bytes)"),
        ("bad/encrypted.pdf", "encrypted PDF: give the password with --password"),
        ("bad/no-table.pdf", "no catalogue table: found no header line naming at least 3 of 序号、行业、代码、编码、职业、工种、培训、考核、鉴定、评价、急需、紧缺、项目、名称; the nearest, p1:1, names 职业、培训 among other text"),
        ("bad/no-unicode-map.pdf",
         "28 of 28 glyphs have no Unicode mapping (fonts without ToUnicode): the text cannot be read; it needs OCR or a better PDF export"),
    ]

    @Test(arguments: badPDFs)
    func badPDF(_ name: String, _ problem: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        try expectRejected(fixture(name), problem, in: w)
    }

    @Test func randomBytesNamedPDF() throws {
        let w = try Workspace()
        defer { w.remove() }
        var generator = SplitMix(seed: 0x6d75_6c75)
        let bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let input = try w.file("random.pdf", bytes)
        try expectRejected(input, "not a PDF (no %PDF- header)", in: w)
    }

    /// Poppler 22.12 crashes on a wrong password through `new_from_bytes`; MuluPDF works around it.
    /// A password of 128 or more UTF-8 bytes smashed poppler's stack in its AES-256 (R6) password
    /// check (`PDFDoc::checkEncryption`); PDF 2.0 says such a password is cut to 127 bytes.
    @Test(arguments: ["wrong", "", "mulu ", String(repeating: "x", count: 127), String(repeating: "x", count: 128),
                      String(repeating: "密", count: 200)])
    func encryptedPDFWithWrongPassword(password: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        try expectRejected(
            fixture("bad/encrypted.pdf"), "encrypted PDF: the password given does not open it",
            extra: ["--password", password], in: w)
    }

    /// The control: the right password opens it and compiles all 177 rows.
    @Test func encryptedPDFWithPassword() throws {
        let w = try Workspace()
        defer { w.remove() }
        let run = try runMulu(["compile", fixture("bad/encrypted.pdf"), "--out", w.out, "--password", "mulu", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stderr == "compiled 177 entries, 1 warning, 0 errors from \(fixture("bad/encrypted.pdf")) into \(w.out)\n")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: w.out + "/catalogue.json")))
        #expect(((json as? [String: Any])?["entries"] as? [Any])?.count == 177)
    }

    // MARK: Text

    @Test func emptyText() throws {
        let w = try Workspace()
        defer { w.remove() }
        try expectRejected(try w.file("empty.txt", []), "empty file (0 bytes)", in: w)
    }

    /// A table copied cell by cell whose second row lost its code's line: which cell is missing
    /// cannot be told, and that is said (the row's first line), not read shifted.
    @Test func cellPerLineRowMissingALine() throws {
        let w = try Workspace()
        defer { w.remove() }
        let header = ["序号", "行业", "职业（工种）代码", "职业（项目）", "培训补贴等级及补贴标准", "考核鉴定等级及补贴标准", "是否急需紧缺"]
        let rows = [["1", "制造业", "6-31-03-01", "化学检验员", "初级、中级：2160元/人", "初级或中级：160元/人", "是"],
                    ["2", "制造业", "绝缘子制造工", "初级、中级：2160元/人", "初级或中级：160元/人", "是"],
                    ["3", "制造业", "6-24-03-01-05", "电线电缆绞制工", "初级、中级：2160元/人", "初级或中级：160元/人", "否"]]
        let text = (["附件2", "", "昌吉州职业技能培训重点产业需求指导目录", ""] + header + rows.flatMap { $0 }).joined(separator: "\n") + "\n"
        let input = try w.file("cells.txt", Array(text.utf8))
        try expectRejected(
            input, "line 19: the table is printed one cell per line (a web page's table copied cell by cell), and the row "
                + "there does not have 7 lines as the header has cells: which cell is missing cannot be told", in: w)
    }

    @Test func binaryText() throws {
        let w = try Workspace()
        defer { w.remove() }
        var bytes = Array("附件2\n".utf8) + [UInt8](repeating: 0x41, count: 100)
        bytes += [0x00, 0x01, 0x02, 0xFF, 0x00]
        try expectRejected(
            try w.file("binary.txt", bytes), "binary data (a NUL byte at offset 108), not a text notice", in: w)
    }

    /// Data whose NUL bytes stand on both sides of its byte pairs is no UTF-16 saved without a
    /// byte-order mark, line feeds or not.
    @Test func binaryWithNULsOnBothSidesIsNoUTF16() throws {
        let w = try Workspace()
        defer { w.remove() }
        let bytes = [UInt8](repeating: 0x41, count: 40) + [0x0A, 0x00, 0x00, 0x41, 0x41, 0x00, 0x00, 0x42]
        try expectRejected(
            try w.file("pairs.txt", bytes), "binary data (a NUL byte at offset 41), not a text notice", in: w)
    }

    @Test func invalidUTF8Text() throws {
        let w = try Workspace()
        defer { w.remove() }
        // Neither UTF-8 (0xFF never occurs) nor GB18030 (0xFF is not a lead byte), no UTF-16 BOM.
        let bytes = Array("序号 行业".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array(" 代码\n".utf8)
        try expectRejected(
            try w.file("invalid.txt", bytes),
            "undecodable text: not UTF-8, UTF-16 with BOM or GB18030 (byte 0xFF at offset 13)", in: w)
    }

    @Test func textWithoutATable() throws {
        let w = try Workspace()
        defer { w.remove() }
        let notice = "关于做好2024年职业技能培训工作的通知\n各县市人社局：\n现将有关事项通知如下，请遵照执行。\n\n昌吉州人力资源和社会保障局\n2024年3月1日\n"
        try expectRejected(
            try w.file("notice.txt", Array(notice.utf8)),
            "no catalogue table: found no header line naming at least 3 of 序号、行业、代码、编码、职业、工种、培训、考核、鉴定、评价、急需、紧缺、项目、名称; the nearest, p1:1, names 职业、培训 among other text", in: w)
    }

    @Test func headerWithoutRows() throws {
        let w = try Workspace()
        defer { w.remove() }
        let text = "附件2\n昌吉州职业技能培训重点产业需求指导目录\n序号 行业 职业（工种）代码 职业（项目） 培训补贴等级及补贴标准 考核鉴定等级及补贴标准 是否急需紧缺\n"
        try expectRejected(
            try w.file("header-only.txt", Array(text.utf8)), "no catalogue rows: a header but no numbered row under it", in: w)
    }

    /// One 8 MB line (catalogue rows run together, no header, no line break): rejected, quickly.
    @Test(.timeLimit(.minutes(10)))
    func singleEightMegabyteLine() throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("one-line.txt", Self.rowsOnOneLine(bytes: 8 << 20, header: false))
        try expectRejected(input, "no catalogue table: found no header line naming at least 3 of 序号、行业、代码、编码、职业、工种、培训、考核、鉴定、评价、急需、紧缺、项目、名称; the nearest, p1:1, names 行业 among other text", in: w)
    }

    /// A title and header, then 8 MB of rows on one line (their line breaks lost). Whatever mulu
    /// makes of it, it must finish in seconds (an earlier build took 322 s: time grew with the
    /// square of the line) and stderr must stay a few short lines (it once echoed the whole line).
    @Test(.timeLimit(.minutes(10)))
    func headerThenEightMegabyteLineOfRows() throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("rows-one-line.txt", Self.rowsOnOneLine(bytes: 8 << 20, header: true))
        let run = try runMulu(["compile", input, "--out", w.path("fresh")])
        // 2: text after the first row's last cell went nowhere, an error: nothing written.
        #expect(run.status == 0 || run.status == 1 || run.status == 2)
        if run.status == 2 { #expect(!FileManager.default.fileExists(atPath: w.path("fresh"))) }
        #expect(run.stderr.utf8.count < 16_384, "stderr is \(run.stderr.utf8.count) bytes")
        let longest = run.stderr.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(longest <= 1_000, "longest stderr line: \(longest) bytes")
    }

    /// changji-2024.txt's rows joined by spaces and repeated up to `bytes` bytes, on one line
    /// (cut at a character boundary), optionally after the fixture's title and header lines.
    static func rowsOnOneLine(bytes: Int, header: Bool) throws -> [UInt8] {
        let text = try String(contentsOfFile: fixture("changji-2024.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = header ? Array((lines.prefix { !($0.first?.isNumber ?? false) }.joined(separator: "\n") + "\n").utf8) : []
        let rows = Array((lines.filter { $0.first?.isNumber ?? false }.joined(separator: " ") + " ").utf8)
        var out = top
        out.reserveCapacity(top.count + bytes + rows.count)
        while out.count - top.count < bytes { out += rows }
        out.removeLast(out.count - top.count - bytes)
        while let last = out.last, last & 0xC0 == 0x80 || last >= 0xC0 { out.removeLast() }  // no cut character
        return out
    }

    // MARK: Paths and output

    @Test func folderWithoutCatalogue() throws {
        let w = try Workspace()
        defer { w.remove() }
        let folder = w.path("empty-folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try expectRejected(
            folder, "a folder with no catalogue in it (no metadata.json here or in its subfolders)", in: w)
    }

    @Test func missingPath() throws {
        let w = try Workspace()
        defer { w.remove() }
        try expectRejected(w.path("no-such-notice.pdf"), "no such file or folder", in: w)
    }

    /// `--out` under a regular file (`blocker/out`), or naming one (`blocker`): the file is
    /// left as it was. (Tests run as root, so permissions stop nothing: a file in the way does.)
    @Test(arguments: [("/out", "a parent is not a folder"), ("", "not a folder")])
    func outBlockedByARegularFile(_ suffix: String, _ problem: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("notice.txt", try Self.cleanNotice(rows: 40))
        let blocker = try w.file("blocker", Array("not a folder\n".utf8))
        let out = blocker + suffix
        let run = try runMulu(["compile", input, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr == "\(out): cannot write: \(problem)\n")
        #expect(FileManager.default.contents(atPath: blocker) == Data("not a folder\n".utf8))
    }

    /// One target cannot be written (`catalogue.csv` is a folder): nothing else is written either.
    @Test func oneTargetUnwritableWritesNothing() throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("notice.txt", try Self.cleanNotice(rows: 40))
        try FileManager.default.createDirectory(atPath: w.out + "/catalogue.csv", withIntermediateDirectories: false)
        let run = try runMulu(["compile", input, "--out", w.out])
        #expect(run.status == 1)
        #expect(run.stderr == "\(w.out)/catalogue.csv: cannot write: is a folder\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: w.out).sorted()
        #expect(names == ["catalogue.csv", "catalogue.json"])
        #expect(FileManager.default.contents(atPath: w.out + "/catalogue.json") == Data(Workspace.sentinel))
    }

    /// The control for the output cases: the clean notice compiles, without a word on stderr.
    @Test func cleanNoticeCompiles() throws {
        let w = try Workspace()
        defer { w.remove() }
        let input = try w.file("notice.txt", try Self.cleanNotice(rows: 40))
        let run = try runMulu(["compile", input, "--out", w.path("fresh"), "--quiet"])
        #expect(run.status == 0)
        // --quiet hides warnings, never the summary line.
        #expect(run.stderr == "compiled 40 entries, 0 warnings, 0 errors from \(input) into \(w.path("fresh"))\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: w.path("fresh")).sorted()
        #expect(names.contains("catalogue.json") && names.contains("catalogue.csv") && names.contains("datapackage.json"))
    }

    // MARK: diff

    /// `mulu diff` with a bad side: exit 2 (as diff(1) does for trouble), one line naming the file.
    @Test func diffWithBadInput() throws {
        let w = try Workspace()
        defer { w.remove() }
        let good = try w.file("notice.txt", try Self.cleanNotice(rows: 40))
        let cases: [(String, String)] = [
            (w.path("missing.txt"), "no such file or folder"),
            (fixture("bad/truncated.pdf"), "damaged PDF: PDF document is damaged"),
            (try w.file("empty.txt", []), "empty file (0 bytes)"),
        ]
        for (bad, problem) in cases {
            for arguments in [["diff", bad, good], ["diff", good, bad]] {
                let run = try runMulu(arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr == "\(bad): \(problem)\n", "\(arguments)")
                #expect(run.stdout.isEmpty, "\(arguments)")
            }
        }
    }
}
