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
    /// The bitmap with its fills outlined, or nil when it has none.
    public static func outlined(_ b: GreyBitmap, _ g: GridSettings) -> GreyBitmap? {
        let w = b.width, h = b.height
        // The side of a square no rule holds: a rule `maxRuleThickness` thick is drawn at most
        // that many pixels plus one (anti-aliasing) wide.
        let k = max(2, Int((g.maxRuleThickness * b.scale).rounded(.up)) + 2)
        guard w >= k, h >= k else { return nil }
        let threshold = g.darkThreshold
        let p = b.pixels
        // Erosion, then dilation, by a k × k square, each in two passes (rows, then columns).
        // rowRun[i]: dark pixels in a row ending at i; seed[i]: the k × k square ending at i is dark.
        var count = [UInt16](repeating: 0, count: w * h)
        for y in 0..<h {
            var run: UInt16 = 0
            let row = y * w
            for x in 0..<w {
                run = p[row + x] < threshold ? (run == UInt16.max ? run : run + 1) : 0
                count[row + x] = run
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
            let row = y * w
            for x in stride(from: w - 1, through: 0, by: -1) {
                if seed[row + x] { last = x }
                across[row + x] = last - x < k
            }
        }
        var fill = [Bool](repeating: false, count: w * h)
        var histogram = [Int](repeating: 0, count: 256)
        for x in 0..<w {
            var last = Int.max / 2
            for y in stride(from: h - 1, through: 0, by: -1) {
                if across[y * w + x] { last = y }
                if last - y < k {
                    fill[y * w + x] = true
                    histogram[Int(p[y * w + x])] += 1
                }
            }
        }
        // The fill's grey: the commonest level under the fills.
        var level = 0
        for v in 0..<256 where histogram[v] > histogram[level] { level = v }
        let ink = level - Int(g.fillContrast)
        var out = p
        for y in 0..<h {
            for x in 0..<w where fill[y * w + x] {
                let i = y * w + x
                let edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                    || !fill[i - 1] || !fill[i + 1] || !fill[i - w] || !fill[i + w]
                out[i] = edge ? 0 : (Int(p[i]) < ink ? p[i] : 255)
            }
        }
        return GreyBitmap(width: w, height: h, pixels: out, scale: b.scale)
    }
}
