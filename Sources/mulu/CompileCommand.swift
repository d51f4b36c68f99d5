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
            the diagnostics of catalogue.json; they do not fail the run. A catalogue with errors \
            (data that would be published wrong or incomplete) is not written: every output is \
            left untouched and the run exits 2, unless --allow-errors is given. Files are written \
            atomically: a catalogue whose notice cannot be read leaves every output untouched \
            (all notices are parsed before anything is written), and each catalogue's files are \
            replaced together. The last line on stderr counts entries, warnings and errors.
            Exit status: 0 compiled, 1 bad input or unwritable output, 2 the catalogue has errors \
            (nothing written), 64 usage.
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

    @Flag(name: .shortAndLong, help: "Print no warnings (errors and the summary line are always printed).")
    var quiet = false

    @Flag(help: "Write a catalogue that has errors anyway (exit 0; the errors stay in its diagnostics).")
    var allowErrors = false

    @Option(help: "Compile one table of a notice that holds several: its number (1 for the first) or its label (附件2).")
    var table: String?

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
                var tally = Tally()
                for folder in folders {
                    var loaded = try CatalogueLoader.loadDetailed(path: folder, password: notice.password, reading: reading)
                    if let table { loaded = try loaded.selectingTable(table) }
                    report(loaded)
                    tally.add(loaded.catalogue)
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
                // Everything parsed: a catalogue with errors stops the run before anything is written.
                if tally.errors > 0 && !allowErrors {
                    printError("\(input): \(items.count) catalogue(s), \(tally.refusal)")
                    throw ExitCode(2)
                }
                // Only now compile and write, catalogue by catalogue, then the index.
                for p in planned { try CatalogueCompiler.write(p.loaded, options: options, into: p.dir) }
                try AtomicWriter.write(
                    [("index.json", CatalogueIndex.encode(items)), ("index.html", CatalogueListPage.encode(listed))], into: out)
                printError("compiled \(items.count) catalogue(s) into \(out): \(tally.summary)")
            }
        } catch let error as MuluError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Compiles one notice or catalogue folder into `dir`.
    func compileOne(_ path: String, into dir: String, options: CatalogueCompiler.Options) throws {
        let t0 = PhaseTimer.now()
        var loaded = try CatalogueLoader.loadDetailed(path: path, password: notice.password, reading: try notice.reading())
        PhaseTimer.report("load", t0, PhaseTimer.now())
        guard loaded.notice != nil else {
            throw MuluError(file: path, problem: "already a compiled catalogue; compile reads a notice or a catalogue folder")
        }
        if let table { loaded = try loaded.selectingTable(table) }
        report(loaded)
        var tally = Tally()
        tally.add(loaded.catalogue)
        if tally.errors > 0 && !allowErrors {
            printError("\(path): \(tally.refusal)")
            throw ExitCode(2)
        }
        // The last use: the compiler frees the catalogue while its files are flushed.
        let t1 = PhaseTimer.now()
        try CatalogueCompiler.write(consume loaded, options: options, into: dir)
        PhaseTimer.report("write the files", t1, PhaseTimer.now())
        printError("compiled \(tally.summary) from \(path) into \(dir)")
    }

    /// Entries, warnings and errors counted over the catalogues of one run.
    struct Tally {
        var entries = 0, warnings = 0, errors = 0
        /// The first error, as `file:page:line: message`.
        var firstError: String?

        mutating func add(_ catalogue: Catalogue) {
            entries += catalogue.entries.count
            for d in catalogue.diagnostics {
                if d.severity == .error {
                    errors += 1
                    if firstError == nil {
                        var place = catalogue.source.file
                        if catalogue.source.format == .pdf {
                            if let page = d.page { place += ":p\(page)" }
                        } else if let line = d.line {
                            place += ":\(line)"
                        }
                        firstError = "\(place): \(d.message)"
                    }
                } else {
                    warnings += 1
                }
            }
        }

        /// `177 entries, 1 warning, 0 errors`.
        var summary: String {
            "\(entries) \(entries == 1 ? "entry" : "entries"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                + "\(errors) error\(errors == 1 ? "" : "s")"
        }

        /// The one line of a refused run: the counts, that nothing was written, how to write it
        /// anyway, and the first error.
        var refusal: String {
            "\(entries) \(entries == 1 ? "entry" : "entries"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
                + "\(errors) error\(errors == 1 ? "" : "s"); nothing written; --allow-errors writes it anyway"
                + (firstError.map { " (first: \($0))" } ?? "")
        }
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

    /// Prints the catalogue's diagnostics on stderr, compiler style (errors only with `--quiet`).
    func report(_ loaded: CatalogueLoader.Loaded) {
        let file = loaded.catalogue.source.file
        let byPage = loaded.catalogue.source.format == .pdf
        for d in loaded.catalogue.diagnostics where !quiet || d.severity == .error {
            printError(d.formatted(file: file, byPage: byPage))
        }
    }
}

extension CompileCommand: ReadsNotices {
    var noticeInputs: [String] { [input] + (notice.lexicon.map { [$0] } ?? []) }
    var mayRunOCR: Bool { notice.ocr != .never }
}
