import Foundation
import MuluSupport
import MuluModel
import MuluPDF
import MuluOCR
import MuluExtract
import MuluTable

/// A PDF's pages as lines of fragments, each page through its text layer or by OCR
/// (`ScanSettings.mode`): the scan-aware counterpart of `PDFSource.pages`.
///
/// Pages are read in parts, one per core, each part through a poppler document and Tesseract
/// engines of its own (neither is thread-safe). A page to be read by OCR is drawn in grey at
/// `dpi` and read by `ScanPageReader`; a page with text keeps its glyphs and has its rules found
/// as `PDFSource` finds them. A page without a header of its own takes the columns of the page
/// before it in its part (the first page of a later part, without a header, is read with no
/// column's limits; its readings are still checked against the column's grammar afterwards).
public enum ScanSource {
    /// What was read.
    public struct Result: Sendable {
        public var pages: [PageText]
        public var emSize: Double
        public var grids: [PageGrid]
        /// Every table cell read by OCR, page by page.
        public var cells: [ScanCell]
        /// The 1-based pages read by OCR.
        public var ocrPages: [Int]
        /// Each page's lean as scanned, in radians (0 for pages with text).
        public var skews: [Double]
    }

    /// Called once a PDF is known to need OCR, before any engine starts: the command line sets
    /// it to restart itself with `OMP_THREAD_LIMIT=1` (see `mulu`'s `OpenMPLimit`), so a PDF with
    /// a text layer never pays for a restart.
    nonisolated(unsafe) public static var beforeOCR: (@Sendable () -> Void)?

    /// Progress: pages done, of how many.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Reads every page; nil when no page needs OCR (the caller reads the PDF as text). Throws
    /// a `MuluError` naming the file when the PDF cannot be read, or the OCR data is missing.
    public static func pages(
        _ bytes: [UInt8], path: String, password: String?, settings: ScanSettings,
        grid: GridSettings = GridSettings(), parts: Int? = nil, progress: Progress? = nil,
        opened: PDFSource.Opened? = nil
    ) throws -> Result? {
        guard settings.mode != .never else { return nil }
        let opened = try opened ?? PDFSource.open(bytes, path: path, password: password, parts: parts)
        let documents = opened.documents
        let textPages = opened.textPages
        // Glyphs without a Unicode mapping are a text layer that cannot be read, not a scan:
        // left to `PDFSource`, which says so.
        let mapped = textPages.reduce(0) { $0 + $1.glyphs.count }
        if settings.mode == .auto, opened.unmapped > 0, opened.unmapped * 2 >= mapped + opened.unmapped { return nil }
        let needsOCR = textPages.map { settings.mode == .always || $0.glyphs.isEmpty }
        guard needsOCR.contains(true) else { return nil }
        // OCR runs: the process may need restarting first (`beforeOCR`).
        beforeOCR?()
        // Every engine up front: missing OCR data is one clear error before any work.
        var engines: [OCREngine] = []
        var digitEngines: [OCREngine] = []
        var secondEngines: [OCREngine?] = []
        do throws(OCRError) {
            for _ in documents {
                engines.append(try OCREngine(settings: settings.ocr))
                digitEngines.append(try OCREngine(settings: settings.digitOCR))
                secondEngines.append(try settings.secondOCR.map { s throws(OCRError) in try OCREngine(settings: s) })
            }
        } catch {
            throw MuluError(file: path, problem: "it needs OCR, but " + error.message)
        }
        var table = TableSettings.pdf(emSize: TableSettings.defaultEmSize)
        table.grid = grid
        let frozen = table
        let count = textPages.count
        let n = documents.count
        let ranges = (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
        let shared = Workers(documents, engines, digitEngines, secondEngines)
        let counter = Counter()
        progress?(0, needsOCR.filter { $0 }.count)
        let total = needsOCR.filter { $0 }.count
        typealias Read = (page: PDFTextPage, grid: PageGrid, cells: [ScanCell], skew: Double)
        let done = Parallel.run(ranges.indices.map { k in
            { @Sendable () -> Swift.Result<[Read], MuluError> in
                var out: [Read] = []
                var previous: [ColumnSpan] = []
                // A later part starts with the columns the first scanned page's header names: a
                // header printed once, on page 1, names every page's columns (a ★ read as a
                // mark, not as `友`).
                if k > 0, let first = needsOCR.firstIndex(of: true), first < ranges[k].lowerBound,
                   case .success(let bitmap) = Swift.Result(catching: { () throws(PDFError) in
                       try shared.documents[k].renderGrey(page: textPages[first].number, scale: settings.scale)
                   }) {
                    do throws(OCRError) {
                        previous = try ScanPageReader.read(
                            page: textPages[first].number, width: textPages[first].width, height: textPages[first].height, bitmap: bitmap,
                            engine: shared.engines[k], digitEngine: shared.digitEngines[k], secondEngine: shared.secondEngines[k],
                            settings: settings, table: frozen, previous: [], headerOnly: true).columns
                    } catch {
                        return .failure(MuluError(file: path, problem: "OCR of page \(textPages[first].number) failed: \(error.message)"))
                    }
                }
                for i in ranges[k] {
                    let text = textPages[i]
                    if needsOCR[i] {
                        let read = Swift.Result { () throws(PDFError) in
                            try shared.documents[k].renderGrey(page: text.number, scale: settings.scale)
                        }.mapError { MuluError(file: path, problem: $0.message) }
                        guard case .success(let bitmap) = read else {
                            if case .failure(let e) = read { return .failure(e) }
                            continue
                        }
                        let page: ScanPageReader.Page
                        do throws(OCRError) {
                            page = try ScanPageReader.read(
                                page: text.number, width: text.width, height: text.height, bitmap: bitmap,
                                engine: shared.engines[k], digitEngine: shared.digitEngines[k], secondEngine: shared.secondEngines[k], settings: settings, table: frozen, previous: previous)
                        } catch {
                            return .failure(MuluError(file: path, problem: "OCR of page \(text.number) failed: \(error.message)"))
                        }
                        if !page.columns.isEmpty { previous = page.columns }
                        out.append((page.text, page.grid, page.cells, page.skew))
                        progress?(counter.next(), total)
                    } else {
                        let read = Swift.Result { () throws(PDFError) in
                            try shared.documents[k].renderGrey(page: text.number, scale: frozen.grid.renderScale)
                        }.mapError { MuluError(file: path, problem: $0.message) }
                        guard case .success(let bitmap) = read else {
                            if case .failure(let e) = read { return .failure(e) }
                            continue
                        }
                        let rules = RuleFinder.rules(in: bitmap, settings: frozen)
                        out.append((text, GridBuilder.page(text.number, rules: rules, settings: frozen), [], 0))
                    }
                }
                return .success(out)
            }
        })
        var all: [Read] = []
        for part in done { all += try part.get() }
        var heights: [Double] = []
        for r in all {
            for g in r.page.glyphs where heights.count < TableSettings.emSampleGlyphs { heights.append(g.y1 - g.y0) }
        }
        heights.sort()
        let em = heights.isEmpty ? TableSettings.defaultEmSize : max(heights[heights.count / 2], TableSettings.minEmSize)
        var settings = TableSettings.pdf(emSize: em)
        settings.grid = grid
        return Result(
            pages: all.map { PDFSource.lines(of: $0.page, settings: settings, watermark: Watermark.mask($0.page)) }, emSize: em,
            grids: all.map(\.grid), cells: all.flatMap(\.cells),
            ocrPages: textPages.indices.filter { needsOCR[$0] }.map { $0 + 1 }, skews: all.map(\.skew))
    }

    /// Poppler documents and Tesseract engines handed to worker threads, pair `k` used by
    /// worker `k` only.
    private final class Workers: @unchecked Sendable {
        let documents: [PDFDocument]
        let engines: [OCREngine]
        let digitEngines: [OCREngine]
        let secondEngines: [OCREngine?]
        init(_ documents: [PDFDocument], _ engines: [OCREngine], _ digitEngines: [OCREngine], _ secondEngines: [OCREngine?]) {
            self.documents = documents
            self.engines = engines
            self.digitEngines = digitEngines
            self.secondEngines = secondEngines
        }
    }

    /// Pages done, counted from any thread.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
