import ArgumentParser
import Foundation
import MuluSupport
import MuluModel
import MuluOutput
import MuluDiff
import MuluPipeline

/// `mulu compile INPUT --out DIR`: a notice or catalogue folder into open-data files.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a catalogue into catalogue.json, catalogue.csv, datapackage.json, Swift source, catalogue.xlsx and index.html.",
        discussion: """
            INPUT is a notice (.pdf or text), a catalogue folder (with metadata.json naming its \
            notice), or a folder of catalogue folders (such as inputs/), which compiles each into \
            DIR/<id>/ and writes DIR/index.json and DIR/index.html (a page listing them). Each \
            catalogue also gets catalogue.xlsx (a workbook) and index.html (a page to read, search \
            and filter it). Warnings about the catalogue go to stderr and into \
            the diagnostics of catalogue.json; they do not fail the run. Files are written \
            atomically: a catalogue whose notice cannot be read leaves every output untouched \
            (all notices are parsed before anything is written), and each catalogue's files are \
            replaced together.
            Exit status: 0 compiled, 1 bad input or unwritable output, 64 usage.
            """)

    @Argument(help: "A notice file, a catalogue folder, or a folder of catalogue folders.")
    var input: String

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String = "."

    @OptionGroup var notice: NoticeOptions

    @Flag(help: "Start catalogue.csv with a UTF-8 byte-order mark (Excel on Windows needs it).")
    var bom = false

    @Option(help: "The $schema reference written into catalogue.json.")
    var schemaRef: String?

    @Flag(name: .shortAndLong, help: "Print no diagnostics, only errors.")
    var quiet = false

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
    }

    func run() throws {
        do {
            let options = CatalogueCompiler.Options(schemaRef: schemaRef, byteOrderMark: bom)
            let folders = try catalogueFolders(input)
            let reading = try notice.reading()
            if folders.isEmpty {
                try compileOne(input, into: out, options: options)
            } else {
                var items: [CatalogueIndex.Item] = []
                var listed: [CatalogueListPage.Item] = []
                var planned: [(dir: String, loaded: CatalogueLoader.Loaded)] = []
                for folder in folders {
                    let loaded = try CatalogueLoader.loadDetailed(path: folder, password: notice.password, reading: reading)
                    report(loaded)
                    let id = loaded.metadata!.id
                    let folderName = (folder as NSString).lastPathComponent
                    guard id == folderName else {
                        throw MuluError(
                            file: (folder as NSString).appendingPathComponent("metadata.json"),
                            problem: "id `\(id)` must be the folder's name `\(folderName)`")
                    }
                    planned.append(((out as NSString).appendingPathComponent(id), loaded))
                    items.append(.init(
                        id: id, title: loaded.catalogue.title, year: loaded.metadata!.year,
                        entryCount: loaded.catalogue.entries.count, files: CatalogueCompiler.fileNames(for: loaded)))
                    listed.append(.init(
                        id: id, title: loaded.catalogue.title, region: loaded.metadata!.region, year: loaded.metadata!.year,
                        entryCount: loaded.catalogue.entries.count, files: CatalogueCompiler.fileNames(for: loaded)))
                }
                // Everything parsed: only now compile and write, catalogue by catalogue, then the index.
                for p in planned { try CatalogueCompiler.write(p.loaded, options: options, into: p.dir) }
                try AtomicWriter.write(
                    [("index.json", CatalogueIndex.encode(items)), ("index.html", CatalogueListPage.encode(listed))], into: out)
                if !quiet { printError("compiled \(items.count) catalogue(s) into \(out)") }
            }
        } catch let error as MuluError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Compiles one notice or catalogue folder into `dir`.
    func compileOne(_ path: String, into dir: String, options: CatalogueCompiler.Options) throws {
        let loaded = try CatalogueLoader.loadDetailed(path: path, password: notice.password, reading: try notice.reading())
        guard loaded.notice != nil else {
            throw MuluError(file: path, problem: "already a compiled catalogue; compile reads a notice or a catalogue folder")
        }
        report(loaded)
        let count = loaded.catalogue.entries.count
        // The last use: the compiler frees the catalogue while its files are flushed.
        try CatalogueCompiler.write(consume loaded, options: options, into: dir)
        if !quiet { printError("compiled \(count) entries from \(path) into \(dir)") }
    }

    /// The catalogue folders inside `path` when it is a folder of them (like `inputs/`), else [].
    func catalogueFolders(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("metadata.json"))
        else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let folders = names.sorted().map { (path as NSString).appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("metadata.json"))
        }
        if folders.isEmpty, !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("catalogue.json")) {
            throw MuluError(file: path, problem: "a folder with no catalogue in it (no metadata.json here or in its subfolders)")
        }
        return folders
    }

    /// Prints the catalogue's diagnostics on stderr, compiler style.
    func report(_ loaded: CatalogueLoader.Loaded) {
        guard !quiet else { return }
        let file = loaded.catalogue.source.file
        let byPage = loaded.catalogue.source.format == .pdf
        for d in loaded.catalogue.diagnostics { printError(d.formatted(file: file, byPage: byPage)) }
    }
}
