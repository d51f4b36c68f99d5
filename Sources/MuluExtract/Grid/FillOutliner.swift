import MuluPDF

/// Before `RuleFinder` reads a page with filled areas: each fill turned into its outline.
///
/// A cell filled dark (a header shaded #808080) is ink from edge to edge, so the rules around it
/// and across it run into one thick dark shape that is no rule, and the page loses its vertical
/// rules. A filled area is ink that holds a square wider than the thickest rule
/// (`maxRuleThickness`) — a morphological opening, so no rule, however thick, is a fill. In the
/// returned bitmap a fill's outline is ink (a filled cell's edges are rules), and inside it only
/// what is drawn at least `fillContrast` darker than the fill (a black rule over a grey fill)
/// stays ink; the rest is paper. Fills lighter than `darkThreshold` (zebra rows) are paper
/// already and never come here: they neither hide rules nor make any. Pure.
public enum FillOutliner {
    /// A rectangle of pixels, `x0..<x1` across and `y0..<y1` down.
    public struct Region: Hashable, Sendable {
        public var x0: Int, y0: Int, x1: Int, y1: Int
        public init(x0: Int, y0: Int, x1: Int, y1: Int) {
            self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        }
    }

    /// The bitmap with its fills outlined, or nil when it has none.
    ///
    /// `near`: where `RuleFinder` found shapes too thick to be rules; only there is a fill
    /// looked for (each region grown by the square's side), and the rest of the page is not
    /// scanned again. nil: the whole page. A fill is at least `minRuleLength` long on one side
    /// (it shades a cell, and a cell is at least that wide or high): the dark blobs of a bold
    /// glyph at 72 dpi hold the square too, but are smaller, and are left as they are.
    public static func outlined(_ b: GreyBitmap, _ g: GridSettings, near: [Region]? = nil) -> GreyBitmap? {
        let w = b.width, h = b.height
        // The side of a square no rule holds: a rule `maxRuleThickness` thick is drawn at most
        // that many pixels plus one (anti-aliasing) wide.
        let k = max(2, Int((g.maxRuleThickness * b.scale).rounded(.up)) + 2)
        guard w >= k, h >= k else { return nil }
        let whole = Region(x0: 0, y0: 0, x1: w, y1: h)
        let regions = merged((near ?? [whole]).map {
            Region(x0: max(0, $0.x0 - k), y0: max(0, $0.y0 - k), x1: min(w, $0.x1 + k), y1: min(h, $0.y1 + k))
        })
        let minFill = max(k, Int((g.minRuleLength * b.scale).rounded(.down)))
        var out: [UInt8]? = nil
        for r in regions {
            guard let (fill, cut) = fillMask(b, r, k, g.darkThreshold, minExtent: minFill) else { continue }
            // A fill running out of its region: the whole page is looked at instead.
            if cut, r != whole { return outlined(b, g) }
            if out == nil { out = b.pixels }
            outline(b, r, fill, g.fillContrast, into: &out!)
        }
        guard let pixels = out else { return nil }
        return GreyBitmap(width: w, height: h, pixels: pixels, scale: b.scale)
    }

    /// Overlapping regions joined into their bounding boxes, until none overlap.
    static func merged(_ regions: [Region]) -> [Region] {
        var out: [Region] = []
        for var r in regions where r.x1 > r.x0 && r.y1 > r.y0 {
            var i = 0
            while i < out.count {
                let o = out[i]
                if o.x0 < r.x1, r.x0 < o.x1, o.y0 < r.y1, r.y0 < o.y1 {
                    r = Region(x0: min(r.x0, o.x0), y0: min(r.y0, o.y0), x1: max(r.x1, o.x1), y1: max(r.y1, o.y1))
                    out.remove(at: i)
                    i = 0
                } else {
                    i += 1
                }
            }
            out.append(r)
        }
        return out.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Inside `r`: the pixels in a fill (a morphological opening of the dark pixels by a k × k
    /// square), keeping only fills at least `minExtent` long on one side; nil when none is.
    /// `cut`: a fill kept touches the region's side.
    static func fillMask(_ b: GreyBitmap, _ r: Region, _ k: Int, _ threshold: UInt8, minExtent: Int) -> (fill: [Bool], cut: Bool)? {
        let w = r.x1 - r.x0, h = r.y1 - r.y0
        guard w >= k, h >= k else { return nil }
        let p = b.pixels, stride = b.width
        // Erosion, then dilation, by a k × k square, each in two passes (rows, then columns).
        // count[i]: dark pixels in a row ending at i; seed[i]: the k × k square ending at i is dark.
        var count = [UInt16](repeating: 0, count: w * h)
        for y in 0..<h {
            var run: UInt16 = 0
            let row = (r.y0 + y) * stride + r.x0
            for x in 0..<w {
                run = p[row + x] < threshold ? (run == UInt16.max ? run : run + 1) : 0
                count[y * w + x] = run
            }
        }
        var seed = [Bool](repeating: false, count: w * h)
        var any = false
        for x in 0..<w {
            var run = 0
            for y in 0..<h {
                run = Int(count[y * w + x]) >= k ? run + 1 : 0
                if run >= k {
                    seed[y * w + x] = true
                    any = true
                }
            }
        }
        guard any else { return nil }
        // Dilation: a pixel is in a fill when a dark square ending within k − 1 to its right and
        // below covers it.
        var across = [Bool](repeating: false, count: w * h)
        for y in 0..<h {
            var last = Int.max / 2
            for x in Swift.stride(from: w - 1, through: 0, by: -1) {
                if seed[y * w + x] { last = x }
                across[y * w + x] = last - x < k
            }
        }
        var fill = [Bool](repeating: false, count: w * h)
        for x in 0..<w {
            var last = Int.max / 2
            for y in Swift.stride(from: h - 1, through: 0, by: -1) {
                if across[y * w + x] { last = y }
                fill[y * w + x] = last - y < k
            }
        }
        // Each fill (4-connected) smaller than a cell is a glyph's blob: not a fill.
        var seen = [Bool](repeating: false, count: w * h)
        var kept = false, cut = false
        var stack: [Int] = []
        var component: [Int] = []
        for start in 0..<(w * h) where fill[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            component.removeAll(keepingCapacity: true)
            var minX = w, maxX = -1, minY = h, maxY = -1
            while let i = stack.popLast() {
                component.append(i)
                let x = i % w, y = i / w
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for (n, ok) in [(i - 1, x > 0), (i + 1, x < w - 1), (i - w, y > 0), (i + w, y < h - 1)] where ok && fill[n] && !seen[n] {
                    seen[n] = true
                    stack.append(n)
                }
            }
            if max(maxX - minX, maxY - minY) + 1 >= minExtent {
                kept = true
                if minX == 0 || minY == 0 || maxX == w - 1 || maxY == h - 1 { cut = true }
            } else {
                for i in component { fill[i] = false }
            }
        }
        return kept ? (fill, cut) : nil
    }

    /// Writes into `out` each fill of `r` as its outline: its edge pixels ink, inside only what
    /// is at least `contrast` darker than the fill's commonest grey.
    static func outline(_ b: GreyBitmap, _ r: Region, _ fill: [Bool], _ contrast: UInt8, into out: inout [UInt8]) {
        let w = r.x1 - r.x0, h = r.y1 - r.y0
        let p = b.pixels, stride = b.width
        var histogram = [Int](repeating: 0, count: 256)
        for y in 0..<h {
            for x in 0..<w where fill[y * w + x] { histogram[Int(p[(r.y0 + y) * stride + r.x0 + x])] += 1 }
        }
        // The fill's grey: the commonest level under the fills.
        var level = 0
        for v in 0..<256 where histogram[v] > histogram[level] { level = v }
        let ink = level - Int(contrast)
        for y in 0..<h {
            for x in 0..<w where fill[y * w + x] {
                let i = y * w + x
                let o = (r.y0 + y) * stride + r.x0 + x
                let edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                    || !fill[i - 1] || !fill[i + 1] || !fill[i - w] || !fill[i + w]
                out[o] = edge ? 0 : (Int(p[o]) < ink ? p[o] : 255)
            }
        }
    }
}
