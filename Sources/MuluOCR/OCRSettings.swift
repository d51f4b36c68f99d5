/// How the OCR engine is started: which trained data, from where.
public struct OCRSettings: Hashable, Sendable {
    /// Tesseract languages joined by `+`. Default `chi_sim` (simplified Chinese; its data covers
    /// the digits and ASCII punctuation a catalogue uses).
    public var languages = "chi_sim"
    /// The `tessdata` folder; nil looks in `TESSDATA_PREFIX`, then the standard Debian and
    /// `/usr/local` locations (`OCREngine.dataFolder`). Default nil.
    public var dataPath: String? = nil
    /// The resolution Tesseract is told the images have, in dots per inch. Default 300.
    public var resolution = 300

    public init() {}
}
