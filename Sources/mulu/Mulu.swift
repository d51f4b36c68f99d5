import ArgumentParser

/// `mulu`: compiles occupational-training catalogues into open data, and diffs them.
@main
struct Mulu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mulu",
        abstract: "Compile occupational-training catalogues (目录) into open data, and diff them.",
        version: "0.1.0",
        subcommands: [CompileCommand.self, DiffCommand.self, ExtractCommand.self]
    )

    /// Runs the command, after limiting Tesseract's threads (`OpenMPLimit`).
    static func main() {
        OpenMPLimit.apply()
        main(nil)
    }
}
