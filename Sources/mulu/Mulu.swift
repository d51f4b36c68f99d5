import ArgumentParser
import Foundation
import MuluSupport

/// `mulu`: compiles occupational-training catalogues into open data, and diffs them.
@main
struct Mulu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mulu",
        abstract: "Compile occupational-training catalogues (目录) into open data, and diff them.",
        version: "0.1.0",
        subcommands: [CompileCommand.self, DiffCommand.self, ExtractCommand.self]
    )

    /// Runs the command. Exit status: what each command documents; 64 for usage, except under
    /// `diff`, whose every trouble, usage included, exits 2 (0 and 1 mean equal and different).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if let reader = command as? ReadsNotices {
                OpenMPLimit.apply(inputs: reader.noticeInputs, ocr: reader.mayRunOCR)
            }
            let t0 = PhaseTimer.now()
            defer { PhaseTimer.report(String(format: "command (main entered at %.4f s monotonic)", t0.wall), t0, PhaseTimer.now()) }
            try command.run()
        } catch {
            if arguments.first == DiffCommand.configuration.commandName, !(error is ExitCode),
                exitCode(for: error) != .success
            {
                // One line, as for every other trouble of diff: the problem, not the usage.
                let message = message(for: error).replacingOccurrences(of: "\n", with: " ")
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(DiffCommand.troubleStatus)
            }
            exit(withError: error)
        }
    }
}
