import Foundation
import Testing
@testable import MuluPDF
@testable import MuluExtract
@testable import MuluTable

/// A bitmap drawn by hand: white, with dark lines of a given thickness, lean and noise.
private struct Canvas {
    var bitmap: GreyBitmap
    init(width: Int, height: Int, scale: Double) { bitmap = GreyBitmap(width: width, height: height, scale: scale) }
    /// A line from (x0, y0) to (x1, y1) in pixels, `thickness` pixels across.
    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, thickness: Int = 1) {
        let steps = Int(max(abs(x1 - x0), abs(y1 - y0)))
        let horizontal = abs(x1 - x0) >= abs(y1 - y0)
        for i in 0...steps {
            let t = Double(i) / Double(max(steps, 1))
            let x = Int((x0 + (x1 - x0) * t).rounded()), y = Int((y0 + (y1 - y0) * t).rounded())
            for k in 0..<thickness {
                let (px, py) = horizontal ? (x, y + k) : (x + k, y)
                if px >= 0, py >= 0, px < bitmap.width, py < bitmap.height { bitmap[px, py] = 0 }
            }
        }
    }
}

@Suite struct RuleFinderTests {
    /// A 3×3 grid at 2 px/pt whose middle column's two lower boxes are merged, lines 1–3 px
    /// thick, leaning 0.8°, with salt noise and short glyph-like strokes.
    static func grid(lean degrees: Double) -> GreyBitmap {
        var c = Canvas(width: 700, height: 500, scale: 2)
        let t = tan(degrees * .pi / 180)
        let xs = [50.0, 250, 450, 650], ys = [50.0, 150, 300, 450]
        for (k, y) in ys.enumerated() {
            // Row 2's rule stops short of the merged cell in column 1.
            if k == 2 {
                c.line(xs[0], y + xs[0] * t, xs[1], y + xs[1] * t, thickness: 2)
                c.line(xs[2], y + xs[2] * t, xs[3], y + xs[3] * t, thickness: 2)
            } else {
                c.line(xs[0], y + xs[0] * t, xs[3], y + xs[3] * t, thickness: k % 3 + 1)
            }
        }
        for (k, x) in xs.enumerated() {
            c.line(x - ys[0] * t, ys[0], x - ys[3] * t, ys[3], thickness: k % 3 + 1)
        }
        var random = SplitMix(seed: 12)
        for _ in 0..<3000 {
            let x = Int(random.next() % 700), y = Int(random.next() % 500)
            c.bitmap[x, y] = 40
        }
        // Glyph strokes: 8 pt long at most.
        for k in 0..<20 {
            let x = 80.0 + Double(k % 5) * 30, y = 80.0 + Double(k / 5) * 50
            c.line(x, y, x + 14, y)
            c.line(x + 7, y - 6, x + 7, y + 8)
        }
        return c.bitmap
    }

    @Test func findsRulesOfAStraightGrid() {
        let rules = RuleFinder.rules(in: Self.grid(lean: 0), settings: .pdf(emSize: 10))
        let h = rules.filter { $0.orientation == .horizontal }, v = rules.filter { $0.orientation == .vertical }
        #expect(h.count == 5)  // rows 0, 1, 3 whole; row 2 in two pieces
        #expect(v.count == 4)
        // Lines drawn at 50, 250, 450, 650 px, 1–3 px thick: centres 25.25 … 325.75 pt.
        #expect(zip(v.map(\.position), [25.0, 125, 225, 325]).allSatisfy { abs($0 - $1) <= 1 })
        #expect(h.filter { abs($0.position - 150.5) < 1 }.map(\.length) == [101, 100.5])
        #expect(h.allSatisfy { $0.thickness <= 2 && abs($0.slope) < 0.001 })
    }

    @Test func gridOfALeaningScanHasTheMergedCell() {
        let settings = TableSettings.pdf(emSize: 10)
        let rules = RuleFinder.rules(in: Self.grid(lean: 0.8), settings: settings)
        let page = GridBuilder.page(1, rules: rules, settings: settings)
        #expect(abs(page.skew * 180 / .pi - 0.8) < 0.15)
        #expect(page.tables.count == 1)
        let table = page.tables[0]
        #expect(table.rowCount == 3 && table.columnCount == 3)
        #expect(table.cells.count == 8)
        let merged = table.cells[table.cellAt(row: 1, column: 1)]
        #expect(merged.rowSpan == 2 && merged.columnSpan == 1 && merged.ruledTop && merged.ruledBottom)
        #expect(table.cellAt(row: 2, column: 1) == table.cellAt(row: 1, column: 1))
        #expect(table.cellAt(row: 2, column: 0) != table.cellAt(row: 1, column: 0))
    }

    /// A 4-column table at 1 px/pt: rules 2 px black, its header row (y 50 … 80) filled
    /// `fill` grey; four body rows of 40 px below it.
    static func filledHeader(fill: UInt8) -> GreyBitmap {
        var c = Canvas(width: 500, height: 300, scale: 1)
        for y in 50..<80 { for x in 40..<440 { c.bitmap[x, y] = fill } }
        let xs = [40.0, 140, 240, 340, 438], ys = [50.0, 79, 120, 160, 200, 240]
        for y in ys { c.line(xs[0], y, xs[4] + 1, y, thickness: 2) }
        for x in xs { c.line(x, ys[0], x, ys[5] + 1, thickness: 2) }
        return c.bitmap
    }

    /// A header filled dark grey: its rules and the fill ran into one shape too thick to be a
    /// rule, and no vertical rule was found. The fill is outlined and every rule through it kept.
    @Test func filledHeaderKeepsItsRules() throws {
        let settings = TableSettings.pdf(emSize: 10)
        let bitmap = Self.filledHeader(fill: 128)
        let outlined = try #require(FillOutliner.outlined(bitmap, settings.grid))
        #expect(outlined[100, 65] == 255 && outlined[140, 65] == 0 && outlined[100, 50] == 0)
        let rules = RuleFinder.rules(in: bitmap, settings: settings)
        let v = rules.filter { $0.orientation == .vertical }, h = rules.filter { $0.orientation == .horizontal }
        #expect(v.count == 5)
        #expect(v.allSatisfy { $0.start <= 51 && $0.end >= 240 && $0.thickness <= 3 })
        #expect(h.count == 6)
        let page = GridBuilder.page(1, rules: rules, settings: settings)
        #expect(page.tables.count == 1)
        #expect(page.tables.first?.columnCount == 4 && page.tables.first?.rowCount == 5)
        // A black fill: its edges are the rules.
        let black = RuleFinder.rules(in: Self.filledHeader(fill: 0), settings: settings)
        #expect(black.filter { $0.orientation == .vertical }.count == 5)
        // A light fill (zebra rows) is paper: no fill, the same rules as without it.
        let light = Self.filledHeader(fill: 208)
        #expect(FillOutliner.outlined(light, settings.grid) == nil)
        #expect(RuleFinder.rules(in: light, settings: settings) == RuleFinder.rules(in: Self.filledHeader(fill: 255), settings: settings))
    }

    /// Bold glyphs at 72 dpi run into dark blobs that hold the fill square and make a shape too
    /// thick to be a rule, but each blob is smaller than a cell: no fill, the page is not read
    /// again, and the rules are those of the page without them.
    @Test func boldGlyphBlobsAreNoFill() throws {
        let settings = TableSettings.pdf(emSize: 10)
        var blobs = Self.filledHeader(fill: 255)
        // Two 7 × 7 blobs a pixel apart inside a body cell: one shape 15 px long, 7 thick.
        for x in 100..<107 { for y in 130..<137 { blobs[x, y] = 0 } }
        for x in 108..<115 { for y in 130..<137 { blobs[x, y] = 0 } }
        var thick: [FillOutliner.Region] = []
        let (horizontal, _) = RuleFinder.segments(blobs, settings.grid)
        _ = RuleFinder.shapes(horizontal, .horizontal, 1, settings.grid, thick: &thick)
        #expect(thick == [FillOutliner.Region(x0: 100, y0: 130, x1: 115, y1: 137)])
        #expect(FillOutliner.outlined(blobs, settings.grid, near: thick) == nil)
        #expect(FillOutliner.outlined(blobs, settings.grid) == nil)
        #expect(RuleFinder.rules(in: blobs, settings: settings) == RuleFinder.rules(in: Self.filledHeader(fill: 255), settings: settings))
        // A fill found from a region smaller than itself is outlined whole.
        let header = Self.filledHeader(fill: 128)
        let near = try #require(FillOutliner.outlined(header, settings.grid, near: [FillOutliner.Region(x0: 60, y0: 55, x1: 90, y1: 75)]))
        #expect(near.pixels == FillOutliner.outlined(header, settings.grid)?.pixels)
        #expect(near[100, 65] == 255 && near[140, 65] == 0 && near[100, 50] == 0)
    }

    /// A double rule at 72 dpi: two 2 px strokes a pixel apart chain into one shape 5 px thick,
    /// too thick for a rule; it is one rule at their middle. Drawn at a higher scale the
    /// strokes are two rules ~3 pt apart, which the edges stage snaps to one edge.
    @Test func doubleRuleIsOneRule() throws {
        let settings = TableSettings.pdf(emSize: 10)
        var c = Canvas(width: 300, height: 200, scale: 1)
        c.line(20, 50, 280, 50, thickness: 2)
        c.line(20, 53, 280, 53, thickness: 2)
        c.line(20, 150, 280, 150, thickness: 1)
        let rules = RuleFinder.rules(in: c.bitmap, settings: settings).filter { $0.orientation == .horizontal }
        #expect(rules.count == 2)
        let double = try #require(rules.first)
        #expect(abs(double.position - 52.5) <= 1 && double.thickness <= 2.5 && double.start <= 21 && double.end >= 279)
        let two = [Rule(orientation: .horizontal, position: 50, start: 20, end: 280, thickness: 0.5),
                   Rule(orientation: .horizontal, position: 52.9, start: 20, end: 280, thickness: 0.5),
                   Rule(orientation: .horizontal, position: 70, start: 20, end: 280, thickness: 0.5)]
        let edges = GridBuilder.edges(two, settings: settings)
        #expect(edges.count == 2 && abs(edges[0].position - 51.45) < 1e-6 && abs(edges[1].position - 70) < 1e-6)
    }

    /// A rule thinner than a pixel, filled rather than stroked (MS Word's 0.48 pt `re f`), is a
    /// grey line one or two pixels thick with no ink pixel: it is a rule, at its place. A grey
    /// fill three pixels thick, a light grey band and short grey glyph-like strokes are not.
    @Test func subPixelFilledRulesAreRules() {
        let settings = TableSettings.pdf(emSize: 10)
        var c = Canvas(width: 300, height: 200, scale: 1)
        for x in 20..<280 {
            c.bitmap[x, 40] = 194  // split over two rows: 0.24 of a pixel's darkness each
            c.bitmap[x, 41] = 194
            c.bitmap[x, 90] = 191  // a 0.25 pt fill in one row
            for y in 130..<133 { c.bitmap[x, y] = 194 }  // a light fill three rows thick: no rule
        }
        for y in 20..<180 { c.bitmap[200, y] = 200; c.bitmap[201, y] = 180 }  // vertical, 0.3 + 0.22
        for k in 0..<8 {  // grey glyph strokes, 10 px long, a pixel apart
            for x in 0..<10 { c.bitmap[20 + k * 11 + x, 160] = 170 }
        }
        let rules = RuleFinder.rules(in: c.bitmap, settings: settings)
        let h = rules.filter { $0.orientation == .horizontal }, v = rules.filter { $0.orientation == .vertical }
        #expect(h.map { Int($0.position) } == [40, 90])
        #expect(h.allSatisfy { $0.start <= 21 && $0.end >= 279 })
        #expect(v.map { Int($0.position) } == [201] && v.first.map { $0.start <= 21 && $0.end >= 179 } == true)
        var off = settings
        off.grid.thinLineDarkness = 0
        #expect(RuleFinder.rules(in: c.bitmap, settings: off).isEmpty)
    }

    /// Text set against a rule adds its strokes to the rule's shape: a short rule tilted by a
    /// glyph's stroke on the next row, and a 3 px rule thickened along a third of its length by
    /// glyphs touching it, are rules all the same, on their own line.
    @Test func glyphsTouchingARuleLeaveItARule() {
        let settings = TableSettings.pdf(emSize: 10)
        var c = Canvas(width: 200, height: 200, scale: 1)
        c.line(10, 50, 37, 50)  // 28 px
        c.line(36, 51, 41, 51)  // a glyph stroke touching its end, a row below
        c.line(120, 20, 120, 180, thickness: 3)
        // Glyph strokes 10 px long against its right side, 5 of them over its first 60 px.
        for y in stride(from: 20.0, to: 80, by: 12) { c.line(123, y, 123, y + 9, thickness: 2) }
        // Glyph strokes run together (one 16 px, three shorter ones stepping down beside it):
        // mostly no long run, no rule.
        c.line(20, 150, 35, 150)
        for k in 1...3 { c.line(30 + Double(k) * 2, 150 + Double(k), 37 + Double(k) * 2, 150 + Double(k)) }
        let rules = RuleFinder.rules(in: c.bitmap, settings: settings)
        let h = rules.filter { $0.orientation == .horizontal }, v = rules.filter { $0.orientation == .vertical }
        #expect(h.count == 1 && abs((h.first?.position ?? 0) - 50.5) < 0.1 && h.first?.slope == 0)
        #expect(v.count == 1 && abs((v.first?.position ?? 0) - 121.5) < 0.1 && v.first?.thickness == 3 && v.first?.slope == 0)
    }

    /// A row rule 28 px long whose end a block of glyphs touches (Calc sets a merged cell's text
    /// against the side of the column beside it, centred on that column's row rule): the glyph
    /// rows chain into the rule's shape, too thick and tilted for a rule; the stretch clear of
    /// them is the rule.
    @Test func aRuleRunningOutOfAGlyphBlockIsARule() {
        let settings = TableSettings.pdf(emSize: 10)
        var c = Canvas(width: 200, height: 200, scale: 1)
        c.line(10, 100, 42, 100)  // the rule, and the glyph strokes it runs into
        for y in [97.0, 98, 99, 101, 102, 103, 104, 106] { c.line(38, y, 47, y) }  // 9 px glyph rows
        let h = RuleFinder.rules(in: c.bitmap, settings: settings).filter { $0.orientation == .horizontal }
        #expect(h.count == 1)
        #expect(abs((h.first?.position ?? 0) - 100.5) < 0.1 && h.first?.slope == 0)
        #expect((h.first?.start ?? 99) <= 10.5 && (h.first?.end ?? 0) >= 37)
    }

    @Test func rulesOfChangjiCPageOne() throws {
        let path = fixture("changji-2024-c.pdf")
        let document = try PDFDocument(bytes: [UInt8](FileManager.default.contents(atPath: path)!), path: path)
        let settings = TableSettings.pdf(emSize: 10)
        let bitmap = try document.renderGrey(page: 1, scale: settings.grid.renderScale)
        let page = GridBuilder.page(1, rules: RuleFinder.rules(in: bitmap, settings: settings), settings: settings)
        #expect(page.tables.count == 1)
        let table = page.tables[0]
        #expect(table.columnCount == 7)
        // The header row, then 18 rows; the industry cell merged over all of them.
        #expect(table.rowCount == 19)
        let industry = table.cells[table.cellAt(row: 1, column: 1)]
        #expect(industry.rowSpan == 18)
    }
}
