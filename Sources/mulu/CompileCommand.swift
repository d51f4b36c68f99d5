import ArgumentParser

/// `mulu compile INPUT --out DIR`: placeholder.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Compile a catalogue.")
    func run() throws { throw ExitCode(2) }
}
