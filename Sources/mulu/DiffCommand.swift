import ArgumentParser

/// `mulu diff OLD NEW`: placeholder until the diff lands.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Diff two catalogues.")
    func run() throws { throw ExitCode(2) }
}
