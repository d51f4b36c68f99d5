import ArgumentParser

/// `mulu extract NOTICE`: placeholder until the PDF path lands.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Print the recovered table.")
    func run() throws { throw ExitCode(2) }
}
