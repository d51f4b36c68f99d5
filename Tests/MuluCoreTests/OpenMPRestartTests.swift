import Foundation
import Testing

/// `mulu` starts itself again (with `OMP_THREAD_LIMIT=1`) only when OCR may run on what it reads:
/// never for a PDF with a text layer, whatever folder `--out` names.
@Suite struct OpenMPRestartTests {
    /// The test's environment without `OMP_THREAD_LIMIT`, with the timing lines on.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = nil
        environment["MULU_TIMING"] = "1"
        return environment
    }

    static func outFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("openmp-restart-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A catalogue folder `changji-2024` holding the text notice and its metadata.
    static func catalogueFolder(in folder: URL) throws -> URL {
        let catalogue = folder.appendingPathComponent("changji-2024", isDirectory: true)
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: fixture("changji-2024.txt"), toPath: catalogue.appendingPathComponent("notice.txt").path)
        let metadata = #"""
            { "id": "changji-2024", "title": "昌吉州职业技能培训重点产业需求指导目录", "region": "昌吉回族自治州",
              "year": 2024, "attachment": "附件2", "notice": "notice.txt", "description": "test",
              "source": { "title": "附件2", "publisher": "昌吉州人力资源和社会保障局" },
              "licence": { "name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                           "path": "https://creativecommons.org/licenses/by/4.0/" } }
            """#
        try Data(metadata.utf8).write(to: catalogue.appendingPathComponent("metadata.json"))
        return catalogue
    }

    @Test func textLayerPDFWithAnOutFolderDoesNotRestart() throws {
        let out = try Self.outFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runMulu(
            ["compile", fixture("changji-2024-a.pdf"), "--out", out.path, "--quiet"],
            environment: Self.environment)
        #expect(run.status == 0)
        #expect(!run.stderr.contains("timing restart"))
        #expect(run.stderr.contains("compiled 177 entries"))
    }

    /// Compiles a catalogue folder (the text notice) with `options`; what it printed.
    static func compileFolder(_ options: [String] = []) throws -> MuluRun {
        let out = try outFolder()
        let folder = try outFolder()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: folder)
        }
        let catalogue = try catalogueFolder(in: folder)
        return try runMulu(["compile", catalogue.path, "--out", out.path, "--quiet"] + options, environment: environment)
    }

    @Test func folderOfNoticesRestartsOnceAtOnce() throws {
        let run = try Self.compileFolder()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "timing restart").count == 2)
    }

    @Test func ocrNeverDoesNotRestartForAFolder() throws {
        let run = try Self.compileFolder(["--ocr", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("timing restart"))
    }
}
