import ArgumentParser

/// Options every command that reads a notice shares.
struct NoticeOptions: ParsableArguments {
    @Option(help: "Password of an encrypted PDF (tried for every PDF the command reads).")
    var password: String?
}
