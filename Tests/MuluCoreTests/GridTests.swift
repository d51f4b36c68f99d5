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
