import Foundation
import MuluModel
import MuluPDF
import MuluOCR
import MuluExtract
import MuluTable

/// Reads one scanned page by OCR, cell by cell, into glyphs the table stages read as they read
/// a text layer.
///
/// The page's rules are found in its image (`RuleFinder`, `GridBuilder`); a page leaning more
/// than `minDeskewDegrees` is turned upright and its rules found again, so every cell is an
/// upright rectangle of the image. The header row (the first of the top `headerRows` grid rows
/// whose cells name at least `minHeaderCells` columns) is read without limits and names the
/// columns; every other cell with ink is read with its column's grammar (`ColumnGrammar`:
/// characters and layout). The text above and below the table (title, attachment label, page
/// number) is read as blocks. Every character becomes a `PDFGlyph` in page points: across, the
/// box Tesseract gives it; down, its text line's box, so a line's glyphs share one height as a
/// font's do.
public enum ScanPageReader {
    /// What one page gave.
    public struct Page: Sendable {
        /// The glyphs OCR read, in the upright page's points.
        public var text: PDFTextPage
        /// The upright page's grid.
        public var grid: PageGrid
        /// The lean of the page as scanned, in radians (0 when it was read as it is).
        public var skew: Double
        /// Every body cell read, with its confidence.
        public var cells: [ScanCell]
        /// The columns named by this page's header (empty when it has none).
        public var columns: [ColumnSpan]
    }

    /// Reads page `number` from `bitmap` with `engine` (Chinese cells), `digitEngine` (digits
    /// and marks) and `secondEngine` (a second Chinese model, for names and doubtful Chinese
    /// cells: `voted`); `previous` are the columns of the page before, for a page without a
    /// header of its own. `headerOnly`: the page's header columns alone (no cell is read).
    public static func read(
        page number: Int, width: Double, height: Double, bitmap original: GreyBitmap, engine: OCREngine, digitEngine: OCREngine,
        secondEngine: OCREngine? = nil, settings: ScanSettings, table: TableSettings, previous: [ColumnSpan],
        headerOnly: Bool = false
    ) throws(OCRError) -> Page {
        var bitmap = original
        // The page before the median, for a cell whose faint mark the median took away.
        var plain: GreyBitmap?
        if Despeckle.specks(bitmap, threshold: settings.inkThreshold) > settings.maxSpecks {
            plain = original
            bitmap = Despeckle.median(bitmap)
        }
        var grid = GridBuilder.page(number, rules: RuleFinder.rules(in: bitmap, settings: table), settings: table)
        let skew = grid.skew
        if abs(skew) * 180 / .pi >= settings.minDeskewDegrees {
            bitmap = Deskew.rotated(bitmap, by: skew)
            plain = plain.map { Deskew.rotated($0, by: skew) }
            grid = GridBuilder.page(number, rules: RuleFinder.rules(in: bitmap, settings: table), settings: table)
        }
        try engine.setImage(bitmap)
        try digitEngine.setImage(bitmap)
        let scale = bitmap.scale
        var glyphs: [PDFGlyph] = []
        var cells: [ScanCell] = []

        func pixels(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> (x: Int, y: Int, w: Int, h: Int) {
            let a = Int((x0 * scale).rounded(.up)), b = Int((y0 * scale).rounded(.up))
            let c = Int((x1 * scale).rounded(.down)), d = Int((y1 * scale).rounded(.down))
            return (a, b, max(0, c - a), max(0, d - b))
        }
        func read(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ grammar: ColumnGrammar) throws(OCRError) -> OCRText? {
            let r = pixels(x0, y0, x1, y1)
            guard r.w >= 3, r.h >= 3, ink(bitmap, r, settings.inkThreshold) >= settings.minInkPixels else { return nil }
            let text = fixed(try (grammar.digits ? digitEngine : engine).read(
                x: r.x, y: r.y, width: r.w, height: r.h, layout: grammar.layout, whitelist: grammar.whitelist), grammar)
            append(text)
            return text
        }
        func append(_ text: OCRText) {
            // A line's symbols touch, as a font's glyphs do: one cell line is one fragment.
            var symbols = text.symbols
            for i in symbols.indices.dropLast() where symbols[i + 1].line == symbols[i].line {
                symbols[i].x1 = max(symbols[i].x1, symbols[i + 1].x0)
            }
            for s in symbols {
                let line = s.line < text.lines.count ? text.lines[s.line] : OCRText.Line(x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1)
                let scalars = Array(s.text.unicodeScalars)
                let step = Double(s.x1 - s.x0) / Double(scalars.count)
                for (k, u) in scalars.enumerated() {
                    let left = Double(s.x0) + step * Double(k)
                    glyphs.append(PDFGlyph(
                        scalar: u, x0: left / scale, y0: Double(line.y0) / scale,
                        x1: (left + step) / scale, y1: Double(line.y1) / scale))
                }
            }
        }

        let inset = settings.cellInset
        guard let tableIndex = grid.tables.indices.max(by: { area(grid.tables[$0]) < area(grid.tables[$1]) }) else {
            _ = try read(0, 0, width, height, ColumnGrammar(nil))
            return Page(text: PDFTextPage(number: number, width: width, height: height, glyphs: glyphs),
                        grid: grid, skew: skew, cells: [], columns: [])
        }
        let t = grid.tables[tableIndex]
        // Text above and below the table.
        var around = ColumnGrammar(nil)
        around.layout = .auto
        if !headerOnly, t.y0 - inset > 1 { _ = try read(0, 0, width, t.y0 - inset, around) }
        if !headerOnly, height - t.y1 - inset > 1 { _ = try read(0, t.y1 + inset, width, height, around) }

        // The header: read the top rows' cells without limits until one names enough columns.
        var columns: [ColumnSpan] = []
        var bodyStart = 0
        var cutRead = false
        for r in 0..<min(settings.headerRows, t.rowCount) {
            var named: [ColumnSpan] = []
            for cell in t.cells where cell.row == r {
                let box = pixels(cell.x0 + inset, cell.y0 + inset, cell.x1 - inset, cell.y1 - inset)
                guard box.w >= 3, box.h >= 3, ink(bitmap, box, settings.inkThreshold) >= settings.minInkPixels else { continue }
                var text = fixed(try engine.read(x: box.x, y: box.y, width: box.w, height: box.h, layout: .block), ColumnGrammar(nil))
                if TableField(headerLabel: text.joined) == nil || !text.joined.unicodeScalars.allSatisfy(TableField.headerVocabulary.contains) {
                    // The header's grammar: its words. A reading outside them is read again
                    // within them, and kept when it names a column.
                    let again = try engine.read(x: box.x, y: box.y, width: box.w, height: box.h, layout: .block,
                                                whitelist: Self.headerCharacters)
                    if TableField(headerLabel: again.joined) != nil { text = again }
                }
                if TableField(headerLabel: text.joined) == nil {
                    // Still no column named: the cell prepared other ways, with and without the
                    // header's characters; the first reading that names a column is kept.
                    let cut = CellImage(cutting: bitmap, x: box.x, y: box.y, width: box.w, height: box.h, margin: Self.cutMargin)
                    cutRead = true
                    search: for way in ColumnGrammar(nil).preparations {
                        let prepared = cut.prepared(way, threshold: settings.inkThreshold)
                        try engine.setImage(prepared.bitmap, resolution: Int((Double(settings.ocr.resolution) / prepared.factor).rounded()))
                        for list in ["", Self.headerCharacters] {
                            let again = fixed(try engine.read(x: 0, y: 0, width: prepared.bitmap.width, height: prepared.bitmap.height,
                                                              layout: .block, whitelist: list), ColumnGrammar(nil))
                            if TableField(headerLabel: again.joined) != nil {
                                text = prepared.toPage(again)
                                break search
                            }
                        }
                    }
                }
                append(text)
                if let field = TableField(headerLabel: text.joined) {
                    named.append(ColumnSpan(field: field, x0: cell.x0, x1: cell.x1))
                }
            }
            bodyStart = r + 1
            if named.count >= settings.minHeaderCells {
                columns = named
                break
            }
        }
        if headerOnly {
            return Page(text: PDFTextPage(number: number, width: width, height: height, glyphs: []), grid: grid, skew: skew, cells: [], columns: columns)
        }
        if cutRead { try engine.setImage(bitmap) }
        if columns.isEmpty { bodyStart = 0 }
        // A page without a header: the glyphs read above are read again as body cells.
        if columns.isEmpty {
            glyphs.removeAll { g in g.y0 >= t.y0 && g.y1 <= t.y1 }
        }
        let naming = columns.isEmpty ? previous : columns
        var lastSeq: Int? = nil
        // Cells read last, each from its own cut (the engine's image changes): every name, and
        // every other cell whose first reading broke its grammar (with that reading).
        var names: [(cell: GridCell, box: (x: Int, y: Int, w: Int, h: Int), field: TableField?, first: OCRText?, from: GreyBitmap)] = []
        for cell in t.cells where cell.row >= bodyStart {
            let middle = (cell.x0 + cell.x1) / 2
            let field = naming.first { $0.x0 <= middle && middle <= $0.x1 }?.field
            let grammar = ColumnGrammar(field)
            let r = pixels(cell.x0 + inset, cell.y0 + inset, cell.x1 - inset, cell.y1 - inset)
            guard r.w >= 3, r.h >= 3 else { continue }
            if ink(bitmap, r, settings.inkThreshold) < settings.minInkPixels {
                // Blank after the median; a mark of strokes (not specks) before it is read from there.
                if let plain, strokeInk(plain, r, settings.inkThreshold) >= settings.minInkPixels {
                    names.append((cell, r, field, OCRText(), plain))
                }
                continue
            }
            if field == .name {
                names.append((cell, r, field, nil, bitmap))
                continue
            }
            var text = fixed(try (grammar.digits ? digitEngine : engine).read(
                x: r.x, y: r.y, width: r.w, height: r.h, layout: grammar.layout, whitelist: grammar.whitelist), grammar)
            var agreed = true
            // An urgency mark the digit model cannot read (`是`, `√`, `★`: not `*`): read by the
            // Chinese model, limited to the marks.
            if field == .urgent, text.joined.isEmpty || UrgencyMark.read(text.joined) == nil {
                let other = try engine.read(x: r.x, y: r.y, width: r.w, height: r.h, layout: .line, whitelist: ColumnGrammar.urgencyMarks)
                if !other.joined.isEmpty, UrgencyMark.read(other.joined) != nil { text = fixed(other, grammar) }
            }
            let isNext = field == .seq && lastSeq != nil && RowNumber.parse(text.joined) == lastSeq! + 1
            if (field == .seq && !isNext) || field == .code {
                // Digits are read by both models (a row number only when it is not the next one);
                // where they differ, the grammar (and for a row number, the sequence) picks one,
                // and the cell is doubtful.
                let other = try engine.read(x: r.x, y: r.y, width: r.w, height: r.h, layout: grammar.layout, whitelist: grammar.whitelist)
                if other.joined != text.joined {
                    agreed = false
                    let fits = { (t: OCRText) in !t.joined.isEmpty && grammar.problem(t.joined) == nil }
                    if field == .seq, let last = lastSeq, RowNumber.parse(other.joined) == last + 1 {
                        text = other
                    } else if field == .seq, let last = lastSeq, RowNumber.parse(text.joined) == last + 1 {
                        // keep the digit model's reading
                    } else if !fits(text) && fits(other) {
                        text = other
                    } else if field == .code && fits(other) {
                        // eng reads this print's 5 as 9; chi_sim's codes are the surer.
                        text = other
                    }
                }
            }
            if field == .seq, let last = lastSeq, RowNumber.parse(text.joined) != last + 1 {
                // Not the next number: read again in other layouts, by either model; a reading
                // that is the next number is kept (the cell stays doubtful).
                search: for e in [digitEngine, engine] {
                    for layout in [OCREngine.Layout.block, .sparse, .character] {
                        let again = try e.read(x: r.x, y: r.y, width: r.w, height: r.h, layout: layout, whitelist: grammar.whitelist)
                        if RowNumber.parse(again.joined) == last + 1 {
                            text = again
                            agreed = false
                            break search
                        }
                    }
                }
            }
            var note: String?
            if field == .seq, RowNumber.parse(text.joined) == nil, let last = lastSeq {
                // A number cell with ink read as no number: the next number, with a note (the
                // review checks it against the rows after).
                note = "read `\(text.joined)`, taken as \(last + 1), the number after \(last)"
                let x0 = r.x + r.w / 3, y0 = r.y + r.h / 3, x1 = r.x + 2 * r.w / 3, y1 = r.y + 2 * r.h / 3
                text = OCRText(symbols: [OCRText.Symbol(text: String(last + 1), x0: x0, y0: y0, x1: x1, y1: y1, confidence: 0, line: 0)],
                               lines: [OCRText.Line(x0: x0, y0: y0, x1: x1, y1: y1)])
                agreed = false
            }
            if field != .seq, field != .code, text.joined.isEmpty || grammar.problem(text.joined) != nil {
                // Read again prepared other ways, and voted on.
                names.append((cell, r, field, text, bitmap))
                continue
            }
            if field == .seq, let n = RowNumber.parse(text.joined) { lastSeq = n }
            append(text)
            cells.append(ScanCell(
                page: number, field: field, x0: cell.x0, y0: cell.y0, x1: cell.x1, y1: cell.y1,
                text: text.joined, confidence: agreed ? ColumnGrammar.confidence(text) : 0, unread: text.symbols.isEmpty, note: note))
        }
        for (cell, r, field, first, from) in names {
            let grammar = ColumnGrammar(field)
            var read = try voted(CellImage(cutting: from, x: r.x, y: r.y, width: r.w, height: r.h, margin: Self.cutMargin),
                                 unfiltered: plain.map { CellImage(cutting: $0, x: r.x, y: r.y, width: r.w, height: r.h, margin: Self.cutMargin) },
                                 first: first, engine: grammar.digits ? digitEngine : engine,
                                 second: grammar.digits ? nil : secondEngine, grammar: grammar, settings: settings)
            // A subsidy cell whose ink is one short stroke across and OCR reads nothing: a dash
            // (`—`, no subsidy), doubtful as any reading OCR is unsure of.
            if read.text.symbols.isEmpty, field == .training || field == .assessment,
               let d = Self.dash(from, r, settings.inkThreshold) {
                read.text = OCRText(symbols: [OCRText.Symbol(text: "—", x0: d.x0, y0: d.y0, x1: d.x1, y1: d.y1, confidence: 0, line: 0)],
                                    lines: [OCRText.Line(x0: d.x0, y0: d.y0, x1: d.x1, y1: d.y1)])
                read.confidence = 0
                read.note = "its ink is one stroke across, read as a dash (—, no subsidy)"
            }
            append(read.text)
            cells.append(ScanCell(
                page: number, field: field, x0: cell.x0, y0: cell.y0, x1: cell.x1, y1: cell.y1,
                text: read.text.joined, confidence: read.confidence, unread: read.text.symbols.isEmpty, note: read.note))
        }
        return Page(text: PDFTextPage(number: number, width: width, height: height, glyphs: glyphs),
                    grid: grid, skew: skew, cells: cells, columns: columns)
    }

    /// The white margin around a cell cut from the page, in pixels.
    static let cutMargin = 12

    /// A cell read from `cut` (`unfiltered`: the same cut of the page before its median, when it
    /// had one) as `CellImage.Preparation.bolder`. That reading is taken when it is sure
    /// (confidence at least `minConfidence`), fits the grammar and, when there is a `second`
    /// model, that model reads the same cut the same way and the first model reads the cut
    /// drawn small (`CellImage.Preparation.probe`) the same way too: when only that last check
    /// fails, the agreed reading is kept, doubtful. Otherwise (or when `first`, a reading
    /// of the page as it is that broke the grammar, is given) the cell is read every way of
    /// the grammar by every model, and the readings are voted on (`vote`). Boxes are in page
    /// pixels.
    static func voted(
        _ cut: CellImage, unfiltered: CellImage? = nil, first: OCRText? = nil, engine: OCREngine, second: OCREngine? = nil,
        grammar: ColumnGrammar, settings: ScanSettings
    ) throws(OCRError) -> (text: OCRText, confidence: Double, note: String?) {
        var readings: [(text: OCRText, confidence: Double)] = []
        if let first { readings.append((first, ColumnGrammar.confidence(first))) }
        let engines = [engine] + (second.map { [$0] } ?? [])
        for way in grammar.preparations {
            // The median of a cell drawn smaller works on the page as scanned, not on the
            // page's median (which leaves a coarse scan's specks and thins its strokes).
            let prepared = (way == .smallerMedian ? unfiltered ?? cut : cut).prepared(way, threshold: settings.inkThreshold)
            for e in engines {
                try e.setImage(prepared.bitmap, resolution: Int((Double(settings.ocr.resolution) / prepared.factor).rounded()))
                for layout in grammar.layouts {
                    let text = prepared.toPage(fixed(try e.read(
                        x: 0, y: 0, width: prepared.bitmap.width, height: prepared.bitmap.height,
                        layout: layout, whitelist: grammar.whitelist), grammar))
                    let confidence = ColumnGrammar.confidence(text)
                    let sure = confidence >= settings.minConfidence && grammar.problem(text.joined) == nil
                    if readings.isEmpty, sure, second == nil { return (text, confidence, nil) }
                    // Both models read the first way alike, the first surely: taken, unless the
                    // first model reads the cell drawn small (`Preparation.probe`) otherwise.
                    if first == nil, readings.count == 1, e === second, text.joined == readings[0].text.joined,
                       readings[0].confidence >= settings.minConfidence, grammar.problem(text.joined) == nil {
                        // Read as agreed, doubtful: a vote over the other ways, which misread
                        // rare characters more, would not make it surer.
                        let small = try probe(cut, engine: engine, grammar: grammar, settings: settings)
                        return small == text.joined ? (readings[0].text, readings[0].confidence, nil)
                            : (readings[0].text, 0, "both models read `\(text.joined)`, the cell drawn small `\(small)`")
                    }
                    readings.append((text, confidence))
                }
            }
        }
        return vote(readings, grammar: grammar, settings: settings)
    }

    /// `cut` drawn small (`CellImage.Preparation.probe`) read by `engine`: the check on a
    /// reading both models agree on.
    static func probe(_ cut: CellImage, engine: OCREngine, grammar: ColumnGrammar, settings: ScanSettings) throws(OCRError) -> String {
        let small = cut.prepared(.probe, threshold: settings.inkThreshold)
        try engine.setImage(small.bitmap, resolution: Int((Double(settings.ocr.resolution) / small.factor).rounded()))
        return fixed(try engine.read(x: 0, y: 0, width: small.bitmap.width, height: small.bitmap.height,
                                     layout: grammar.layout, whitelist: grammar.whitelist), grammar).joined
    }

    /// The vote on a cell's `readings` (the first is the first reading). Among the readings
    /// that fit the grammar, of one character a symbol, those of the most common length vote
    /// character by character: each place takes the character with the largest sum of
    /// confidences. The result is sure (confidence at least `minConfidence`) when at least
    /// `minVotes` readings voted and every place's character was read by two thirds of them;
    /// otherwise its confidence is 0 (doubtful). When no reading can vote so, the readings vote
    /// whole: the most given (ties: the larger sum of confidences, then the earlier), sure when
    /// `minVotes` gave it. A result other than the first reading carries a note saying so.
    static func vote(
        _ readings: [(text: OCRText, confidence: Double)], grammar: ColumnGrammar, settings: ScanSettings
    ) -> (text: OCRText, confidence: Double, note: String?) {
        guard !readings.isEmpty else { return (OCRText(), 0, nil) }
        let firstText = readings[0].text.joined
        let fit = readings.indices.filter { k in
            !readings[k].text.joined.isEmpty && grammar.problem(readings[k].text.joined) == nil
                && readings[k].text.symbols.allSatisfy { $0.text.unicodeScalars.count == 1 }
        }
        var lengths: [Int: Int] = [:]
        for k in fit { lengths[readings[k].text.symbols.count, default: 0] += 1 }
        // Deterministic: the most readings, then the shorter length.
        if let length = lengths.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key {
            let same = fit.filter { readings[$0].text.symbols.count == length }
            // The surest reading of that length gives the boxes (ties: the earlier).
            let best = same.max { a, b in (readings[a].confidence, -a) < (readings[b].confidence, -b) }!
            var composite = readings[best].text
            var sure = same.count >= settings.minVotes
            for i in 0..<length {
                var tally: [String: (count: Int, sum: Double)] = [:]
                for k in same {
                    let symbol = readings[k].text.symbols[i]
                    var t = tally[symbol.text] ?? (0, 0)
                    t.count += 1
                    t.sum += symbol.confidence
                    tally[symbol.text] = t
                }
                let winner = tally.max { ($0.value.sum, $0.key) < ($1.value.sum, $1.key) }!
                composite.symbols[i].text = winner.key
                if winner.value.count * 3 < same.count * 2 { sure = false }
            }
            let note = composite.joined == firstText ? nil
                : "read `\(firstText)` first; `\(composite.joined)` by a vote of each character over \(same.count) of \(readings.count) readings (two models, the cell bolder, smoothed, smaller)"
            return (composite, sure ? max(settings.minConfidence, ColumnGrammar.confidence(composite)) : 0, note)
        }
        var votes: [String: (count: Int, sum: Double, best: Int)] = [:]
        for (k, r) in readings.enumerated() where !r.text.joined.isEmpty && grammar.problem(r.text.joined) == nil {
            var v = votes[r.text.joined] ?? (0, 0, k)
            v.count += 1
            v.sum += r.confidence
            if r.confidence > readings[v.best].confidence { v.best = k }
            votes[r.text.joined] = v
        }
        // Deterministic: most votes, then the larger confidence sum, then the earlier way.
        guard let winner = votes.max(by: { a, b in
            (a.value.count, a.value.sum, -a.value.best) < (b.value.count, b.value.sum, -b.value.best)
        }) else { return (readings[0].text, 0, nil) }
        let chosen = readings[winner.value.best]
        let agreed = winner.value.count >= settings.minVotes
        let note = winner.key == firstText ? nil
            : "read `\(firstText)` first; `\(winner.key)` was read \(winner.value.count) of \(readings.count) ways (two models, the cell bolder, smoothed, smaller)"
        return (chosen.text, agreed ? chosen.confidence : 0, note)
    }

    /// `text` with the confusable brackets of Chinese cells put back (`ColumnGrammar.confusablesFixed`).
    static func fixed(_ text: OCRText, _ grammar: ColumnGrammar) -> OCRText {
        guard !grammar.digits else { return text }
        var out = text
        for i in out.symbols.indices { out.symbols[i].text = ColumnGrammar.confusablesFixed(out.symbols[i].text, grammar.field) }
        return out
    }

    /// The characters of the header words mulu knows (`TableField.headerVocabulary`).
    static let headerCharacters = String(String.UnicodeScalarView(TableField.headerVocabulary.sorted { $0.value < $1.value }))

    /// A table's area in square points.
    static func area(_ t: TableGrid) -> Double { (t.x1 - t.x0) * (t.y1 - t.y0) }

    /// How many pixels of the rectangle are darker than `threshold` and have at least five
    /// such neighbours: pixels of strokes, not of specks (a 2×2 speck's have three).
    static func strokeInk(_ b: GreyBitmap, _ r: (x: Int, y: Int, w: Int, h: Int), _ threshold: UInt8) -> Int {
        let x0 = max(1, r.x), y0 = max(1, r.y)
        let x1 = min(b.width - 1, r.x + r.w), y1 = min(b.height - 1, r.y + r.h)
        guard x1 > x0, y1 > y0 else { return 0 }
        var n = 0
        b.pixels.withUnsafeBufferPointer { p in
            let w = b.width
            for y in y0..<y1 {
                for x in x0..<x1 where p[y * w + x] < threshold {
                    var dark = 0
                    for dy in -1...1 {
                        let row = (y + dy) * w + x
                        if p[row - 1] < threshold { dark += 1 }
                        if p[row] < threshold { dark += 1 }
                        if p[row + 1] < threshold { dark += 1 }
                    }
                    if dark - 1 >= 5 { n += 1 }
                }
            }
        }
        return n
    }

    /// The box of the rectangle's ink when it is one stroke across, as a dash prints: no taller
    /// than a sixth of the rectangle (3 pixels at least), at least four times as wide as tall,
    /// two thirds of the box inked, and every inked pixel in it. Nil otherwise.
    static func dash(_ b: GreyBitmap, _ r: (x: Int, y: Int, w: Int, h: Int), _ threshold: UInt8) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        let x0 = max(0, r.x), y0 = max(0, r.y)
        let x1 = min(b.width, r.x + r.w), y1 = min(b.height, r.y + r.h)
        guard x1 > x0, y1 > y0 else { return nil }
        var bx0 = Int.max, by0 = Int.max, bx1 = -1, by1 = -1, n = 0
        b.pixels.withUnsafeBufferPointer { p in
            for y in y0..<y1 {
                let row = y * b.width
                for x in x0..<x1 where p[row + x] < threshold {
                    n += 1
                    bx0 = min(bx0, x); bx1 = max(bx1, x); by0 = min(by0, y); by1 = max(by1, y)
                }
            }
        }
        guard n > 0 else { return nil }
        let w = bx1 - bx0 + 1, h = by1 - by0 + 1
        guard h <= max(3, r.h / 6), w >= 4 * h, n * 3 >= 2 * w * h else { return nil }
        return (bx0, by0, bx1 + 1, by1 + 1)
    }

    /// How many pixels of the rectangle are darker than `threshold`.
    static func ink(_ b: GreyBitmap, _ r: (x: Int, y: Int, w: Int, h: Int), _ threshold: UInt8) -> Int {
        let x0 = max(0, r.x), y0 = max(0, r.y)
        let x1 = min(b.width, r.x + r.w), y1 = min(b.height, r.y + r.h)
        guard x1 > x0, y1 > y0 else { return 0 }
        var n = 0
        b.pixels.withUnsafeBufferPointer { p in
            for y in y0..<y1 {
                let row = y * b.width
                for x in x0..<x1 where p[row + x] < threshold { n += 1 }
            }
        }
        return n
    }
}
