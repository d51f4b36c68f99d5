import Foundation
import MuluSupport
import MuluModel
import MuluPDF

/// Turns a PDF's glyph boxes (from poppler-glib, through MuluPDF) into lines of fragments.
public enum PDFSource {
    /// The pages as lines of fragments, the body text's em size (median glyph height), and each
    /// page's ruling lines (`RuleFinder`; the table stages build them into grids).
    ///
    /// Pages are independent until rows are joined, so they are read in parts, one per core, each
    /// part through a poppler document of its own (a `PDFDocument` is not thread-safe): first
    /// every page's glyphs (so a scan or an unmapped font is refused before anything is drawn),
    /// then each page with text is drawn in grey at `grid.renderScale` and its rules found.
    public static func pages(
        _ bytes: [UInt8], path: String, password: String?, settings grid: GridSettings = GridSettings(),
        parts: Int? = nil
    ) throws -> (pages: [PageText], emSize: Double, rules: [[Rule]]) {
        try pages(open(bytes, path: path, password: password, parts: parts), path: path, settings: grid)
    }

    /// A PDF opened once per part (one poppler document per core) with every page's glyphs read,
    /// in parallel: what `pages(_:path:settings:)` and the OCR reader (`ScanSource`) both start
    /// from, so the text layer is read once.
    public struct Opened: @unchecked Sendable {
        /// One poppler document per part, each used by one thread at a time.
        public let documents: [PDFDocument]
        /// Every page's glyphs, in page order.
        public let textPages: [PDFTextPage]
        /// Glyphs without a Unicode mapping, over every page.
        public let unmapped: Int
        /// Each page's rules when they were found while the text was read (`open(…, grid:)`),
        /// in page order (none for a page without glyphs), and the settings they were found with.
        public var rules: [[Rule]]? = nil
        public var rulesGrid: GridSettings? = nil
    }

    /// Opens `bytes` once per part (`parts`, default one per core, at most one per page) and
    /// reads every page's glyphs, the parts in parallel. No check of the text layer yet. With
    /// `grid`, each page is also drawn at `grid.renderScale` as it is read and the rules of each
    /// page with glyphs found (`RuleFinder`): one poppler pass a page instead of two (see
    /// `PDFDocument.textPages(_:drawingAt:_:)`), used by `pages` when its settings are the same.
    public static func open(
        _ bytes: [UInt8], path: String, password: String?, parts: Int? = nil, grid: GridSettings? = nil
    ) throws -> Opened {
        let t0 = PhaseTimer.now()
        do throws(PDFError) {
            let first = try PDFDocument(bytes: bytes, path: path, password: password)
            let count = first.pageCount
            let n = max(1, min(parts ?? ProcessInfo.processInfo.activeProcessorCount, count))
            var opened = [first]
            for _ in 1..<n { opened.append(try PDFDocument(bytes: bytes, path: path, password: password)) }
            let ranges = (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
            PhaseTimer.report("open \(n) documents", t0, PhaseTimer.now())
            let shared = Shared(opened)
            let read = Parallel.run(ranges.indices.map { k in
                { @Sendable in Result { () throws(PDFError) -> ([PDFTextPage], Int, [[Rule]]) in
                    let t0 = PhaseTimer.now()
                    defer { PhaseTimer.report("text part \(k) (\(ranges[k].count) pages)", t0, PhaseTimer.now()) }
                    guard let grid else {
                        let (pages, u) = try shared.documents[k].textPages(ranges[k])
                        return (pages, u, [])
                    }
                    var settings = TableSettings.pdf(emSize: TableSettings.defaultEmSize)
                    settings.grid = grid
                    var rules: [[Rule]] = []
                    var marked: [PDFTextPage] = []
                    var t1 = PhaseTimer.now()
                    let (_, u) = try shared.documents[k].textPages(ranges[k], drawingAt: grid.renderScale) { page, bitmap in
                        let t2 = PhaseTimer.now()
                        // (Glyphs the page does not print: `HiddenText`.)
                        let page = HiddenText.marked(page, drawn: bitmap)
                        marked.append(page)
                        let found = page.glyphs.isEmpty ? [] : RuleEnds.cutThroughGlyphs(RuleFinder.rules(in: bitmap, settings: settings), glyphs: Watermark.unmarked(page))
                        let t3 = PhaseTimer.now()
                        PhaseTimer.report("text and render p\(page.number)", t1, t2)
                        PhaseTimer.report("rules p\(page.number)", t2, t3)
                        rules.append(found)
                        t1 = PhaseTimer.now()
                    }
                    return (marked, u, rules)
                } }
            })
            var all: [PDFTextPage] = []
            var allRules: [[Rule]] = []
            var unmapped = 0
            for r in read {
                let (pages, u, rules) = try r.get()
                all += pages
                allRules += rules
                unmapped += u
            }
            var result = Opened(documents: opened, textPages: all, unmapped: unmapped)
            if grid != nil {
                result.rules = allRules
                result.rulesGrid = grid
            }
            return result
        } catch {
            throw MuluError(file: path, problem: error.message)
        }
    }

    /// The pages of an opened PDF as lines, the em size and each page's rules (see above).
    public static func pages(
        _ opened: Opened, path: String, settings grid: GridSettings = GridSettings()
    ) throws -> (pages: [PageText], emSize: Double, rules: [[Rule]]) {
        let documents = opened.documents
        let textPages = opened.textPages
        do throws(PDFError) {
            try documents[0].checkTextLayer(textPages, unmapped: opened.unmapped)
        } catch {
            throw MuluError(file: path, problem: error.message)
        }
        var heights: [Double] = []
        for page in textPages {
            for g in page.glyphs where heights.count < TableSettings.emSampleGlyphs { heights.append(g.y1 - g.y0) }
        }
        heights.sort()
        let em = heights.isEmpty ? TableSettings.defaultEmSize : max(heights[heights.count / 2], TableSettings.minEmSize)
        var settings = TableSettings.pdf(emSize: em)
        settings.grid = grid
        let frozen = settings
        let n = documents.count
        let count = textPages.count
        let ranges = (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
        // (Found over all the pages at once: a watermark's words found on one are looked for on all.)
        let marks = Watermark.marks(textPages).map { $0?.mask }
        if let found = opened.rules, opened.rulesGrid == grid, found.count == count {
            return (textPages.indices.map { lines(of: textPages[$0], settings: frozen, rules: found[$0], watermark: marks[$0]) }, em, found)
        }
        let shared = Shared(documents)
        let done = Parallel.run(ranges.indices.map { k in
            { @Sendable in
                ranges[k].map { i -> Result<(PageText, [Rule]), PDFError> in
                    let page = textPages[i]
                    guard !page.glyphs.isEmpty else {
                        return .success((lines(of: page, settings: frozen, watermark: marks[i]), []))
                    }
                    return Result { () throws(PDFError) in
                        let t0 = PhaseTimer.now()
                        let bitmap = try shared.documents[k].renderGrey(page: page.number, scale: frozen.grid.renderScale)
                        let page = HiddenText.marked(page, drawn: bitmap)
                        let t1 = PhaseTimer.now()
                        let found = RuleEnds.cutThroughGlyphs(RuleFinder.rules(in: bitmap, settings: frozen), glyphs: Watermark.unmarked(page))
                        PhaseTimer.report("render p\(page.number)", t0, t1)
                        PhaseTimer.report("rules p\(page.number)", t1, PhaseTimer.now())
                        return (lines(of: page, settings: frozen, rules: found, watermark: marks[i]), found)
                    }
                }
            }
        })
        var pages: [PageText] = []
        var rules: [[Rule]] = []
        for part in done {
            for r in part {
                switch r {
                case .success(let (p, g)):
                    pages.append(p)
                    rules.append(g)
                case .failure(let e):
                    throw MuluError(file: path, problem: e.message)
                }
            }
        }
        return (pages, em, rules)
    }

    /// The numbers of the pages whose text runs sideways: upright content displayed turned a
    /// quarter (a `/Rotate` the content was not drawn for), so that its lines run top to bottom
    /// and no row can be read from them. Told by the glyphs poppler gives in reading order: of
    /// the pairs that are neighbours, most follow each other vertically (see
    /// `TableSettings.sidewaysMinPairs` and `sidewaysShare`).
    public static func sidewaysPages(_ pages: [PDFTextPage], settings: TableSettings) -> [Int] {
        pages.filter { page in
            var pairs = 0, vertical = 0
            for (a, b) in zip(page.glyphs, page.glyphs.dropFirst()) {
                let dx = (b.x0 + b.x1 - a.x0 - a.x1) / 2, dy = (b.y0 + b.y1 - a.y0 - a.y1) / 2
                let size = max(a.x1 - a.x0, a.y1 - a.y0, b.x1 - b.x0, b.y1 - b.y0)
                guard size > 0, dx * dx + dy * dy < 4 * size * size else { continue }
                pairs += 1
                if abs(dy) > abs(dx) { vertical += 1 }
            }
            return pairs >= settings.sidewaysMinPairs && Double(vertical) > settings.sidewaysShare * Double(pairs)
        }.map(\.number)
    }

    /// Poppler documents handed to worker threads, each used by exactly one of them.
    private final class Shared: @unchecked Sendable {
        let documents: [PDFDocument]
        init(_ documents: [PDFDocument]) { self.documents = documents }
    }

    /// Glyphs clustered into lines (vertical centres within `lineTolerance`), each line split
    /// into fragments where glyphs are more than `wordGap` apart, and where a vertical rule of
    /// the page's `rules` runs between two glyphs (text set against both sides of a column rule,
    /// as a tight table prints it, is two cells' text). Only rules at least three lines tall
    /// count: a glyph's own strokes, found as a short rule, split nothing.
    /// Text turned a quarter anticlockwise (read bottom to top: a merged cell's industry set
    /// `btLr`) is one fragment, its glyphs in the order the PDF gives them.
    /// `watermark` marks the page's watermark glyphs (`Watermark.marks`), none when nil.
    public static func lines(of page: PDFTextPage, settings: TableSettings, rules: [Rule] = [], watermark: [Bool]? = nil) -> PageText {
        let verticals = rules.filter { $0.orientation == .vertical }
        // (A watermark's glyphs are no line's: `Watermark`.)
        let kept = watermark.map { mask in page.glyphs.indices.filter { !mask[$0] }.map { page.glyphs[$0] } } ?? page.glyphs
        let glyphs = TurnedText.joined(kept).sorted { ($0.y0 + $0.y1, $0.x0) < ($1.y0 + $1.y1, $1.x0) }
        var groups: [[TurnedText.Piece]] = []
        var center = -Double.infinity
        for g in glyphs {
            let c = (g.y0 + g.y1) / 2
            if groups.isEmpty || c - center > settings.lineTolerance {
                groups.append([g])
                center = c
            } else {
                groups[groups.count - 1].append(g)
            }
        }
        var lines: [TextLine] = []
        lines.reserveCapacity(groups.count)
        let rows = groups.map { $0.sorted { $0.x0 < $1.x0 } }
        // Glyphs printed over one another (`overprintShare`): two inked glyphs whose boxes
        // overlap by over that share of the narrower one's width, and either on one line and
        // overlapping by that share of its height too, or on two lines in a row with centres
        // nearer than 0.8 of the wider one's width (a stamp's words set between a cell's two
        // lines; lines of a cell are an em or more apart, however tall their boxes).
        // (Each glyph's pairs, by the pair's number on the page.)
        var over: [[Int]: [Int]] = [:]
        var pairs = 0
        func overlaps(_ p: TurnedText.Piece, _ q: TurnedText.Piece, sameLine: Bool) -> Bool {
            guard p.glyphs.count == 1, q.glyphs.count == 1, kept[p.glyphs.lowerBound].inked, kept[q.glyphs.lowerBound].inked else { return false }
            let across = min(p.x1, q.x1) - max(p.x0, q.x0)
            guard across > settings.overprintShare * min(p.x1 - p.x0, q.x1 - q.x0) else { return false }
            if sameLine { return min(p.y1, q.y1) - max(p.y0, q.y0) > settings.overprintShare * min(p.y1 - p.y0, q.y1 - q.y0) }
            return abs((p.y0 + p.y1) - (q.y0 + q.y1)) / 2 < 0.8 * max(p.x1 - p.x0, q.x1 - q.x0)
        }
        for (k, row) in rows.enumerated() {
            for (a, b) in zip(row.indices, row.indices.dropFirst()) where overlaps(row[a], row[b], sameLine: true) {
                over[[k, a], default: []].append(pairs)
                over[[k, b], default: []].append(pairs)
                pairs += 1
            }
            guard k + 1 < rows.count else { continue }
            let next = rows[k + 1]
            var from = 0
            for (a, p) in row.enumerated() {
                while from < next.count, next[from].x1 <= p.x0 { from += 1 }
                var b = from
                while b < next.count, next[b].x0 < p.x1 {
                    if overlaps(p, next[b], sameLine: false) {
                        over[[k, a], default: []].append(pairs)
                        over[[k + 1, b], default: []].append(pairs)
                        pairs += 1
                    }
                    b += 1
                }
            }
        }
        for (index, group) in groups.enumerated() {
            let row = rows[index]
            var overprints: [Int] = []
            var fragments: [Fragment] = []
            var scalars = String.UnicodeScalarView()
            var box = (x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0)
            // Whether every glyph of the fragment so far is one the page does not print.
            var hidden = true
            func flush() {
                guard !scalars.isEmpty else { return }
                var f = Fragment(
                    text: String(scalars), x0: box.x0, x1: box.x1, y0: box.y0, y1: box.y1,
                    page: page.number, line: index + 1, hidden: hidden)
                f.overprints = overprints
                fragments.append(f)
                scalars = String.UnicodeScalarView()
                hidden = true
                overprints = []
            }
            let height = group.map { $0.y1 - $0.y0 }.max() ?? 0
            let middle = group.reduce(0.0) { $0 + ($1.y0 + $1.y1) / 2 } / Double(group.count)
            let across = verticals.filter { $0.length >= 3 * height && $0.start <= middle && middle <= $0.end }
            var previous: TurnedText.Piece?
            for (n, g) in row.enumerated() {
                if !scalars.isEmpty, g.x0 - box.x1 > settings.wordGap { flush() }
                if !scalars.isEmpty, let a = previous, across.contains(where: { r in
                    let x = r.position(at: middle)
                    return (a.x0 + a.x1) / 2 < x && x < (g.x0 + g.x1) / 2
                }) { flush() }
                previous = g
                if let p = over[[index, n]] { overprints += p }
                if scalars.isEmpty {
                    box = (g.x0, g.x1, g.y0, g.y1)
                } else {
                    box.x1 = max(box.x1, g.x1)
                    box.y0 = min(box.y0, g.y0)
                    box.y1 = max(box.y1, g.y1)
                }
                for k in g.glyphs {
                    scalars.append(kept[k].scalar)
                    if kept[k].inked { hidden = false }
                }
            }
            flush()
            lines.append(TextLine(page: page.number, line: index + 1, fragments: fragments))
        }
        return PageText(number: page.number, width: page.width, height: page.height, lines: lines)
    }
}
