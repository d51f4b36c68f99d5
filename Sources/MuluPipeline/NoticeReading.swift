import MuluScan

/// How a notice is read beyond its bytes: OCR of pages without text, a lexicon of known names,
/// and who is told of OCR's progress.
public struct NoticeReading: Sendable {
    /// When and how pages are read by OCR. Default: pages without a text layer, `ScanSettings()`.
    public var scan = ScanSettings()
    /// Names a name read by OCR may be snapped to (the previous catalogue's); empty for none.
    public var lexicon: Set<String> = []
    /// Told of every page OCR has read (pages done, of how many); nil for nobody.
    public var progress: ScanSource.Progress? = nil

    public init(scan: ScanSettings = ScanSettings(), lexicon: Set<String> = [], progress: ScanSource.Progress? = nil) {
        self.scan = scan
        self.lexicon = lexicon
        self.progress = progress
    }
}
