import ArgumentParser
import Foundation
import MuluSupport
import MuluModel
import MuluOutput
import MuluDiff
import MuluPipeline

/// `mulu diff OLD NEW [--format text|markdown|json|html|xlsx] [--out FILE] [--crosswalk FILE]`: what
/// changed between two catalogues, matched by key. Exits 0 when equal, 1 when they differ, 2 on any error.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two catalogues (added, removed, renamed, re-coded, re-priced …).",
        discussion: """
            OLD and NEW may each be a notice (.pdf or .txt), a catalogue folder under inputs/, or a \
            catalogue.json, in any mix.

            Entries are matched by key, never by row number: first the same code and name; then the \
            same code (not a wildcard such as 6-24-02-01-*) with another name, a rename; then the same \
            name with another code, a re-code. What is left is added or removed. For each matched pair \
            the report lists which of industry (行业), name (名称), code (代码), training (培训补贴), \
            assessment (鉴定补贴) and urgent (急需紧缺) changed. Renumbered rows are not a change.

            Crosswalk file (--crosswalk): CSV in UTF-8, a header line, then one `oldCode,newCode` pair \
            per line, e.g.

              oldCode,newCode
              6-24-03-03-05,6-24-09-01-05
              6-24-02-01-*,6-24-09-02-*

            Old codes are mapped to new ones before matching. Codes map exactly (not by prefix) and \
            are not chained; blank lines and lines starting with # are ignored.

            --format html prints a self-contained page and --format xlsx writes a workbook (it needs \
            --out FILE): one table of the added (+++), removed (---) and changed (→) rows, a changed \
            cell showing old → new. --out FILE writes any format to FILE instead of stdout, \
            atomically (nothing is left behind on an error).

            Exit status: 0 when the catalogues are equal, 1 when they differ, 2 on an error (one line \
            on stderr: "path: problem").
            """
    )

    @Argument(help: "The old catalogue: a notice (.pdf, .txt), a catalogue folder or a catalogue.json.")
    var old: String

    @Argument(help: "The new catalogue: a notice (.pdf, .txt), a catalogue folder or a catalogue.json.")
    var new: String

    @Option(help: "Report format (xlsx needs --out).")
    var format: DiffFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of stdout (required for xlsx).")
    var out: String?

    @Option(help: "A CSV file mapping old codes to new ones (header line, then oldCode,newCode).")
    var crosswalk: String?

    @OptionGroup var notice: NoticeOptions

    func validate() throws {
        if format.isBinary, out == nil {
            throw ValidationError("--format \(format.rawValue) writes a workbook: give the file to write with --out FILE")
        }
        if let out, out.isEmpty || out.hasSuffix("/") {
            throw ValidationError("--out must name a file")
        }
    }

    func run() throws {
        let report: [UInt8]
        let differ: Bool
        do {
            let mapping = try crosswalk.map { try Crosswalk.load(path: $0) } ?? Crosswalk()
            // The two sides share nothing until they are matched: load them side by side, each
            // on a thread of its own (so a notice's parser can still use its parallel parts).
            // An error on the old side is reported first, as if they were loaded in turn.
            let (old, new, password) = (old, new, notice.password)
            let load: [@Sendable () -> Result<Catalogue, any Error>] = [
                { Result { try CatalogueLoader.load(path: old, password: password) } },
                { Result { try CatalogueLoader.load(path: new, password: password) } },
            ]
            let sides = Parallel.runEach(load)
            let (oldCatalogue, newCatalogue) = (try sides[0].get(), try sides[1].get())
            let diff = CatalogueDiff(old: oldCatalogue, new: newCatalogue, crosswalk: mapping)
            let named = DiffSides(
                old: .init(name: DiffSides.displayName(old), title: oldCatalogue.title),
                new: .init(name: DiffSides.displayName(new), title: newCatalogue.title))
            report = try format.encode(diff, sides: named, name: out ?? "diff.xlsx")
            differ = !diff.isEmpty
            if let out {
                let folder = (out as NSString).deletingLastPathComponent
                try AtomicWriter.write([((out as NSString).lastPathComponent, report)], into: folder.isEmpty ? "." : folder)
            }
        } catch let error as MuluError {
            DiffCommand.fail(error.description)
        } catch {
            DiffCommand.fail("mulu diff: \(error)")
        }
        if out == nil { FileHandle.standardOutput.write(Data(report)) }
        if differ { throw ExitCode(1) }
    }

    /// The exit status of every trouble of `diff`, usage included (as diff(1) does): 0 and 1
    /// mean equal and different.
    static let troubleStatus: Int32 = 2

    /// Prints `message` as the one line on stderr and exits with status 2.
    static func fail(_ message: String) -> Never {
        let line = message.replacingOccurrences(of: "\n", with: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        Foundation.exit(troubleStatus)
    }
}

extension DiffFormat: ExpressibleByArgument {}

extension DiffCommand: ReadsNotices {
    var noticeInputs: [String] { [old, new] + (notice.lexicon.map { [$0] } ?? []) }
    var mayRunOCR: Bool { notice.ocr != .never }
}
