import ArgumentParser
import MuluPipeline
import MuluScan

/// Options every command that reads a notice shares.
struct NoticeOptions: ParsableArguments {
    @Option(help: "Password of an encrypted PDF (tried for every PDF the command reads).")
    var password: String?

    @Option(help: "Read PDF pages by OCR: auto (pages without a text layer), always, or never.")
    var ocr: OCRMode = .auto

    @Option(help: "Known names (the previous year's notice, catalogue folder or catalogue.json): a name OCR nearly read is snapped to one, with a note.")
    var lexicon: String?

    /// How to read the notice: OCR mode, the lexicon's names, progress on a terminal.
    func reading() throws -> NoticeReading {
        var scan = ScanSettings()
        scan.mode = ocr.mode
        var names: Set<String> = []
        if let lexicon {
            let catalogue = try CatalogueLoader.load(path: lexicon, password: nil)
            names = Set(catalogue.entries.map(\.name).filter { !$0.isEmpty })
        }
        return NoticeReading(scan: scan, lexicon: names, progress: OCRProgress.forTerminal())
    }
}

/// `--ocr`'s values.
enum OCRMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var mode: ScanSettings.Mode {
        switch self {
        case .auto: .auto
        case .always: .always
        case .never: .never
        }
    }
}

