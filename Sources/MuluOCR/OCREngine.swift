import CTesseract
import MuluPDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Tesseract engine (its C API), reading rectangles of one grey image at a time.
///
/// The engine owns its `TessBaseAPI`; `deinit` ends and deletes it. Starting one loads the
/// trained data (a tenth of a second or so), so make one per thread and reuse it. Not
/// thread-safe: one instance from one thread at a time.
public final class OCREngine {
    /// How a rectangle's text is laid out, Tesseract's page-segmentation mode.
    public enum Layout: Sendable, Hashable {
        /// One line of text (PSM 7).
        case line
        /// A block of lines, one column (PSM 6).
        case block
        /// One character (PSM 10).
        case character
        /// Text anywhere, no order assumed (PSM 11).
        case sparse
        /// Blocks and lines found by Tesseract's page layout analysis (PSM 3).
        case auto

        var mode: TessPageSegMode {
            switch self {
            case .line: PSM_SINGLE_LINE
            case .block: PSM_SINGLE_BLOCK
            case .character: PSM_SINGLE_CHAR
            case .sparse: PSM_SPARSE_TEXT
            case .auto: PSM_AUTO
            }
        }
    }

    /// The Tesseract handle; this object is its only owner.
    private let api: OpaquePointer
    /// The image handed to Tesseract last (its size), for checking rectangles.
    private var imageWidth = 0
    private var imageHeight = 0
    /// The whitelist set last, so it is only set again when it changes.
    private var whitelist = ""
    /// The settings it was started with.
    public let settings: OCRSettings

    /// Starts Tesseract with `settings.languages`; throws `.dataMissing` (naming the apt package)
    /// when a language's trained data cannot be found, `.initFailed` when Tesseract refuses it.
    public init(settings: OCRSettings = OCRSettings()) throws(OCRError) {
        self.settings = settings
        let folder = try Self.dataFolder(for: settings)
        guard let api = TessBaseAPICreate() else {
            throw OCRError(.initFailed, message: "cannot create a Tesseract engine")
        }
        // Tesseract writes its warnings to stderr unless told to write them elsewhere, and
        // Leptonica its errors (a clipped box) unless its threshold is raised.
        TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        _ = setMsgSeverity(mulu_lept_severity_none())
        let status = TessBaseAPIInit2(api, folder, settings.languages, OEM_LSTM_ONLY)
        if status != 0 {
            TessBaseAPIDelete(api)
            throw OCRError(.initFailed, code: status, message:
                "Tesseract could not start with \(settings.languages) from \(folder) (code \(status)): reinstall tesseract-ocr-chi-sim")
        }
        TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        // No second reading of a doubtful word as white on black: a catalogue is printed black
        // on white, and the second reading doubles the time of every unsure word.
        TessBaseAPISetVariable(api, "tessedit_do_invert", "0")
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Tesseract's version.
    public static var version: String {
        TessVersion().map { String(cString: $0) } ?? "unknown"
    }

    /// The `tessdata` folder holding every language of `settings`: `settings.dataPath`, else
    /// `TESSDATA_PREFIX` (the folder itself or its `tessdata`), else the Debian and `/usr/local`
    /// locations. Throws `.dataMissing` with the command that installs it.
    public static func dataFolder(for settings: OCRSettings) throws(OCRError) -> String {
        var candidates: [String] = []
        if let given = settings.dataPath {
            candidates = [given]
        } else {
            if let prefix = getenv("TESSDATA_PREFIX").map({ String(cString: $0) }), !prefix.isEmpty {
                candidates += [prefix, prefix + "/tessdata"]
            }
            candidates += [
                "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
            ]
        }
        let languages = settings.languages.split(separator: "+").map(String.init)
        for folder in candidates {
            if languages.allSatisfy({ access("\(folder)/\($0).traineddata", R_OK) == 0 }) { return folder }
        }
        let packages = languages.map(Self.package)
        throw OCRError(.dataMissing, message:
            "OCR data for \(settings.languages) is not installed: apt-get install \(packages.joined(separator: " ")) (or set TESSDATA_PREFIX to its tessdata folder)")
    }

    /// The Debian package of a language's trained data: `chi_sim` → `tesseract-ocr-chi-sim`; a
    /// script's model (capitalised: `HanS`) → `tesseract-ocr-script-hans`.
    public static func package(_ language: String) -> String {
        let name = String(language.lowercased().map { $0 == "_" ? "-" : $0 })
        return language.first?.isUppercase == true ? "tesseract-ocr-script-" + name : "tesseract-ocr-" + name
    }

    /// Hands Tesseract `bitmap` (copied); later rectangles are read from it. `resolution`: its
    /// dots per inch when not `settings.resolution` (an image drawn smaller).
    public func setImage(_ bitmap: GreyBitmap, resolution: Int? = nil) throws(OCRError) {
        guard bitmap.width > 0, bitmap.height > 0, bitmap.width <= 32767, bitmap.height <= 32767 else {
            throw OCRError(.badImage, message: "cannot OCR an image of \(bitmap.width)×\(bitmap.height) pixels")
        }
        bitmap.pixels.withUnsafeBufferPointer { p in
            TessBaseAPISetImage(api, p.baseAddress, Int32(bitmap.width), Int32(bitmap.height), 1, Int32(bitmap.width))
        }
        TessBaseAPISetSourceResolution(api, Int32(resolution ?? settings.resolution))
        imageWidth = bitmap.width
        imageHeight = bitmap.height
    }

    /// Reads the rectangle (image pixels; clipped to the image) laid out as `layout`, allowing
    /// only the characters of `whitelist` (every character when empty). Boxes are in image pixels.
    public func read(x: Int, y: Int, width: Int, height: Int, layout: Layout, whitelist: String = "") throws(OCRError) -> OCRText {
        guard imageWidth > 0 else { throw OCRError(.badImage, message: "no image to read: setImage first") }
        // Kept a pixel inside the image: Tesseract 5.3 misreads a rectangle that starts at x 0
        // (a page's top band read from the left edge came out as two wrong characters).
        let x0 = max(1, x), y0 = max(1, y)
        let x1 = min(imageWidth - 1, x + width), y1 = min(imageHeight - 1, y + height)
        guard x1 - x0 >= 3, y1 - y0 >= 3 else { return OCRText() }
        if whitelist != self.whitelist {
            TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist)
            self.whitelist = whitelist
        }
        TessBaseAPISetPageSegMode(api, layout.mode)
        TessBaseAPISetRectangle(api, Int32(x0), Int32(y0), Int32(x1 - x0), Int32(y1 - y0))
        let status = TessBaseAPIRecognize(api, nil)
        guard status == 0 else {
            throw OCRError(.recognitionFailed, code: status, message: "Tesseract failed to read a region (code \(status))")
        }
        guard let results = TessBaseAPIGetIterator(api) else { return OCRText() }
        defer { TessResultIteratorDelete(results) }
        guard let page = TessResultIteratorGetPageIteratorConst(results) else { return OCRText() }
        var out = OCRText()
        var line = -1
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                if TessPageIteratorBoundingBox(page, RIL_TEXTLINE, &l, &t, &r, &b) != 0 {
                    out.lines.append(OCRText.Line(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b)))
                    line += 1
                }
            }
            guard let raw = TessResultIteratorGetUTF8Text(results, RIL_SYMBOL) else { continue }
            let text = String(String(cString: raw).unicodeScalars.filter { !$0.properties.isWhitespace })
            TessDeleteText(raw)
            guard !text.isEmpty else { continue }
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard TessPageIteratorBoundingBox(page, RIL_SYMBOL, &l, &t, &r, &b) != 0 else { continue }
            let confidence = Double(TessResultIteratorConfidence(results, RIL_SYMBOL))
            out.symbols.append(OCRText.Symbol(
                text: text, x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b),
                confidence: confidence, line: max(line, 0)))
        } while TessResultIteratorNext(results, RIL_SYMBOL) != 0
        return out
    }
}
