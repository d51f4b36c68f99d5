import Foundation
import MuluPDF

/// Text set far larger than the page's own, or on a slant: a watermark (`内部资料` across every
/// page, each glyph's box a third of the page high; `仅供参考` tiled at 30°; the bureau's name
/// across the page at 45°) or a stamp's words, no cell's. Its glyphs are left out of the page's
/// lines, and reported once a page.
///
/// Text on a slant is found from how the text layer gives it, then followed by its geometry:
/// - seeds: glyphs the layer gives each as a line of its own (`PDFGlyph.alone`), three or more
///   of one size whose centres lie on one line turned `minSlant`…`maxSlant` degrees, each
///   within `slantReach` of the next;
/// - the run goes on at its own step, both ways, to any glyph as large (the layer may have run
///   one into a cell's text: `0-02-*巴`);
/// - its words, found elsewhere on the page at the same step (a tiled `仅供参考` whose other
///   tiles the layer wove into the cells' lines), at least `minWords` glyphs in a row.
/// A table's one-glyph cells (`是`, `★`, `业` wrapped) stand in a column or a row, never so; a
/// block of body text has glyphs on a diagonal, but not given as lines of their own.
public enum Watermark {
    /// A glyph at least this many times the page's median glyph height. Default 4 (a title is
    /// at most about twice the body's).
    public static let scale = 4.0
    /// A page needs at least this many glyphs for its median to speak for it. Default 20.
    public static let minGlyphs = 20
    /// The least and greatest turn of a slanted line of text from the horizontal, in degrees.
    /// Defaults 15 and 75.
    public static let minSlant = 15.0
    public static let maxSlant = 75.0
    /// How far apart two neighbours of slanted text are at most, in their boxes' larger side.
    /// Default 1.8 (the glyphs of a watermark are set solid or nearly).
    public static let slantReach = 1.8
    /// A slanted run needs at least this many glyphs. Default 3.
    public static let minSlanted = 3
    /// A run's words found elsewhere need at least this many glyphs. Default 2 (a tile cut at
    /// the page's edge wraps `仅供` and `参考` onto two lines).
    public static let minWords = 2
    /// How far from where a run's step puts it a glyph may be, in its larger side. Default 0.25.
    public static let stepSlack = 0.25

    /// A run of text on a slant: its scalars in order, the step from one glyph's centre to
    /// the next, and its glyphs' box.
    struct Run: Hashable {
        var words: [Unicode.Scalar]
        var step: (x: Double, y: Double)
        var width: Double
        var height: Double
        static func == (a: Run, b: Run) -> Bool {
            a.words == b.words && a.step.x == b.step.x && a.step.y == b.step.y && a.width == b.width && a.height == b.height
        }
        func hash(into h: inout Hasher) {
            h.combine(words.map(\.value))
            h.combine(step.x); h.combine(step.y)
        }
    }

    /// What a page's watermark is: which glyphs, and its words (`仅供参考`), for the report.
    public struct PageMark: Sendable {
        public var mask: [Bool]
        public var words: [String]
    }

    /// Whether each glyph of `page` is a watermark's; nil when none is.
    public static func mask(_ page: PDFTextPage) -> [Bool]? { marks([page])[0]?.mask }

    /// The glyphs of `page` that are no watermark's (found on this page alone).
    public static func unmarked(_ page: PDFTextPage) -> [PDFGlyph] {
        guard let mask = mask(page) else { return page.glyphs }
        return page.glyphs.indices.filter { !mask[$0] }.map { page.glyphs[$0] }
    }

    /// Each page's watermark, nil for a page without one. The words of a slanted run found on
    /// any page are looked for on every page (a page whose tiles the text layer wove into the
    /// cells' lines everywhere gives no run of its own).
    public static func marks(_ pages: [PDFTextPage]) -> [PageMark?] {
        var cells: [Double] = []
        var seeded: [(marked: Set<Int>, runs: [Run])] = []
        for page in pages {
            var heights = page.glyphs.map { $0.y1 - $0.y0 }
            heights.sort()
            let median = heights.isEmpty ? 0 : heights[heights.count / 2]
            cells.append(median)
            guard page.glyphs.count >= minGlyphs, median > 0 else {
                seeded.append(([], []))
                continue
            }
            seeded.append(seeds(page.glyphs))
        }
        var all: [Run] = []
        for (_, runs) in seeded { for r in runs where !all.contains(r) { all.append(r) } }
        return pages.indices.map { p in
            let page = pages[p]
            guard page.glyphs.count >= minGlyphs, cells[p] > 0 else { return nil }
            var mask = page.glyphs.map { $0.y1 - $0.y0 >= scale * cells[p] }
            var marked = seeded[p].marked
            let found = Self.words(all, in: page.glyphs, cell: cells[p], marked: &marked)
            // (Large glyphs of a slanted run are said as its words.)
            let large = page.glyphs.indices.filter { mask[$0] && !marked.contains($0) }
            var words = large.isEmpty ? [] : [String(String.UnicodeScalarView(large.map { page.glyphs[$0].scalar }))]
            for i in marked { mask[i] = true }
            for w in all.indices where found.contains(w) || seeded[p].runs.contains(all[w]) {
                let text = String(String.UnicodeScalarView(all[w].words))
                if !words.contains(text) { words.append(text) }
            }
            return mask.contains(true) ? PageMark(mask: mask, words: words) : nil
        }
    }

    @inline(__always)
    static func centre(_ g: PDFGlyph) -> (x: Double, y: Double) { ((g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2) }
    @inline(__always)
    static func size(_ g: PDFGlyph) -> Double { max(g.x1 - g.x0, g.y1 - g.y0) }
    /// Two boxes of one size: width and height each within 15 %.
    @inline(__always)
    static func alike(_ wa: Double, _ ha: Double, _ b: PDFGlyph) -> Bool {
        let wb = b.x1 - b.x0, hb = b.y1 - b.y0
        return abs(wa - wb) <= 0.15 * max(wa, wb) && abs(ha - hb) <= 0.15 * max(ha, hb)
    }
    @inline(__always)
    static func alike(_ a: PDFGlyph, _ b: PDFGlyph) -> Bool { alike(a.x1 - a.x0, a.y1 - a.y0, b) }
    static func slant(_ dx: Double, _ dy: Double) -> Bool {
        dx > 0 && abs(dy) >= tan(minSlant * .pi / 180) * dx && abs(dy) <= tan(maxSlant * .pi / 180) * dx
    }

    /// The slanted runs a page's text layer gives as lone glyphs, each followed both ways at its
    /// step: their glyphs, and the runs.
    static func seeds(_ glyphs: [PDFGlyph]) -> (marked: Set<Int>, runs: [Run]) {
        let alone = glyphs.indices.filter { glyphs[$0].alone && glyphs[$0].x1 > glyphs[$0].x0 && glyphs[$0].y1 > glyphs[$0].y0 }
        guard alone.count >= minSlanted else { return ([], []) }
        // Lone glyphs linked to a neighbour on a slant, sorted by their centres' x.
        let order = alone.sorted { centre(glyphs[$0]).x < centre(glyphs[$1]).x }
        var parent = Dictionary(uniqueKeysWithValues: alone.map { ($0, $0) })
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i]! != i { parent[i] = parent[parent[i]!]!; i = parent[i]! }
            return i
        }
        for (k, a) in order.enumerated() {
            let ca = centre(glyphs[a]), reach = slantReach * size(glyphs[a])
            for b in order[(k + 1)...] {
                let cb = centre(glyphs[b])
                let dx = cb.x - ca.x, dy = cb.y - ca.y
                if dx > reach { break }
                guard dx * dx + dy * dy <= reach * reach, slant(dx, dy), alike(glyphs[a], glyphs[b]) else { continue }
                parent[find(b)] = find(a)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in alone { groups[find(i), default: []].append(i) }
        let index = GlyphIndex(glyphs)
        var marked = Set<Int>()
        var runs: [Run] = []
        for members in groups.values.sorted(by: { $0.min()! < $1.min()! }) where members.count >= minSlanted {
            // One straight line: every centre within a third of a glyph of the line through the
            // two farthest apart, and that line on a slant.
            let sorted = members.sorted { centre(glyphs[$0]).x < centre(glyphs[$1]).x }
            let p = centre(glyphs[sorted.first!]), q = centre(glyphs[sorted.last!])
            let dx = q.x - p.x, dy = q.y - p.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 0, slant(dx, dy) else { continue }
            guard members.allSatisfy({ m in
                let c = centre(glyphs[m])
                return abs((c.x - p.x) * dy - (c.y - p.y) * dx) / length <= size(glyphs[m]) / 3
            }) else { continue }
            // The run's step: the shortest distance between neighbours along it.
            let steps = zip(sorted, sorted.dropFirst()).map { (a, b) in
                (x: centre(glyphs[b]).x - centre(glyphs[a]).x, y: centre(glyphs[b]).y - centre(glyphs[a]).y)
            }
            let step = steps.min { $0.x * $0.x + $0.y * $0.y < $1.x * $1.x + $1.y * $1.y }!
            // Followed both ways at its step, through glyphs the layer did not give alone.
            var run = sorted
            let first = glyphs[sorted[0]]
            let (w, h) = (first.x1 - first.x0, first.y1 - first.y0)
            while case let c = centre(glyphs[run.last!]),
                  let g = index.glyph(at: c.x + step.x, c.y + step.y, width: w, height: h), !run.contains(g) { run.append(g) }
            while case let c = centre(glyphs[run[0]]),
                  let g = index.glyph(at: c.x - step.x, c.y - step.y, width: w, height: h), !run.contains(g) { run.insert(g, at: 0) }
            marked.formUnion(run)
            let r = Run(words: run.map { glyphs[$0].scalar }, step: step, width: w, height: h)
            if !runs.contains(r) { runs.append(r) }
        }
        return (marked, runs)
    }

    /// The indices into `runs` of those whose words are found among `glyphs` at their step (at
    /// least `minWords` glyphs in a row, of one of their scalars each), the glyphs added to
    /// `marked`.
    static func words(_ runs: [Run], in glyphs: [PDFGlyph], cell: Double, marked: inout Set<Int>) -> Set<Int> {
        guard !runs.isEmpty else { return [] }
        let index = GlyphIndex(glyphs)
        var found = Set<Int>()
        for (r, run) in runs.enumerated() {
            for (j, scalar) in run.words.enumerated() {
                for g in glyphs.indices where glyphs[g].scalar == scalar && !marked.contains(g) && alike(run.width, run.height, glyphs[g]) {
                    var walk = [g]
                    var c = centre(glyphs[g])
                    var k = j + 1
                    while k < run.words.count,
                          let h = index.glyph(at: c.x + run.step.x, c.y + run.step.y, width: run.width, height: run.height, scalar: run.words[k]) {
                        walk.append(h); c = centre(glyphs[h]); k += 1
                    }
                    c = centre(glyphs[g])
                    k = j - 1
                    while k >= 0,
                          let h = index.glyph(at: c.x - run.step.x, c.y - run.step.y, width: run.width, height: run.height, scalar: run.words[k]) {
                        walk.append(h); c = centre(glyphs[h]); k -= 1
                    }
                    if walk.count >= minWords {
                        marked.formUnion(walk)
                        found.insert(r)
                    }
                }
            }
        }
        return found
    }

    /// A page's glyphs by bucket of their centres, to find the glyph at a point.
    struct GlyphIndex {
        let glyphs: [PDFGlyph]
        let cell: Double
        var buckets: [Int64: [Int]] = [:]

        init(_ glyphs: [PDFGlyph]) {
            self.glyphs = glyphs
            var sizes = glyphs.map { Watermark.size($0) }
            sizes.sort()
            cell = max(sizes.isEmpty ? 1 : sizes[sizes.count / 2], 1)
            for i in glyphs.indices where glyphs[i].x1 > glyphs[i].x0 {
                let c = Watermark.centre(glyphs[i])
                buckets[key(Int64((c.x / cell).rounded(.down)), Int64((c.y / cell).rounded(.down))), default: []].append(i)
            }
        }

        func key(_ x: Int64, _ y: Int64) -> Int64 { x << 32 &+ y }

        /// The glyph nearest (x, y), within `stepSlack` of the box's larger side, of that box's
        /// size (and `scalar`, when given).
        func glyph(at x: Double, _ y: Double, width: Double, height: Double, scalar: Unicode.Scalar? = nil) -> Int? {
            let slack = stepSlack * max(width, height)
            let r = Int64((slack / cell).rounded(.up))
            let bx = Int64((x / cell).rounded(.down)), by = Int64((y / cell).rounded(.down))
            var best: (Int, Double)?
            for ix in (bx - r)...(bx + r) {
                for iy in (by - r)...(by + r) {
                    for g in buckets[key(ix, iy)] ?? [] where scalar == nil || glyphs[g].scalar == scalar {
                        let c = Watermark.centre(glyphs[g])
                        let d = ((c.x - x) * (c.x - x) + (c.y - y) * (c.y - y)).squareRoot()
                        if d <= slack, Watermark.alike(width, height, glyphs[g]), d < (best?.1 ?? .infinity) { best = (g, d) }
                    }
                }
            }
            return best?.0
        }
    }

    /// The watermark's words on each page that has one.
    public static func texts(_ pages: [PDFTextPage]) -> [(page: Int, text: String)] {
        zip(pages, marks(pages)).compactMap { page, mark in
            mark.map { (page.number, $0.words.joined(separator: "、")) }
        }
    }
}
