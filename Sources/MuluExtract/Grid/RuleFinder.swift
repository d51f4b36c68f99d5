import Foundation
import MuluPDF

/// Stage 0 of the grid: finds the ruling lines of a page in a grey bitmap.
///
/// A rule is a long, thin, straight run of ink. The bitmap is read once, row by row: on each row
/// the runs of dark pixels (gaps up to `runGap` bridged) at least `minRun` long are horizontal
/// segments, and each column's runs down the rows are vertical ones. Segments on neighbouring
/// rows (columns) that overlap are one shape; a shape at least `minRuleLength` long, at most
/// `maxRuleThickness` thick (its ink over its length) and leaning at most `maxSkewDegrees` is a
/// rule, its position and lean fitted to the segments by least squares. Glyph strokes are too
/// short, noise too short or too thin to chain, a filled area too thick. Pure: same bitmap and
/// settings, same rules.
public enum RuleFinder {
    /// The horizontal rules, then the vertical ones, each sorted by position then start, in page
    /// points (origin top left).
    public static func rules(in bitmap: GreyBitmap, settings: TableSettings) -> [Rule] {
        let g = settings.grid
        guard bitmap.width > 0, bitmap.height > 0, bitmap.scale > 0 else { return [] }
        let bitmap = thinRulesDarkened(bitmap, g) ?? bitmap
        let (horizontal, vertical) = segments(bitmap, g)
        var thick: [FillOutliner.Region] = []
        var out = shapes(horizontal, .horizontal, bitmap.scale, g, thick: &thick)
        out += shapes(vertical, .vertical, bitmap.scale, g, thick: &thick)
        // A shape too thick to be a rule may be a filled area, or rules run into one: where a
        // fill is found, read the page again with each fill replaced by its outline
        // (`FillOutliner`). Bold glyphs run together are thick too, but hold no fill.
        guard !thick.isEmpty, let outlined = FillOutliner.outlined(bitmap, g, near: thick) else { return out }
        let (h2, v2) = segments(outlined, g)
        var ignored: [FillOutliner.Region] = []
        out = shapes(h2, .horizontal, bitmap.scale, g, thick: &ignored)
        out += shapes(v2, .vertical, bitmap.scale, g, thick: &ignored)
        return out
    }

    /// A run of ink on one line of pixels: `line` is the row (horizontal) or column (vertical),
    /// `start..<end` the pixels along it.
    struct Segment {
        var line: Int32
        var start: Int32
        var end: Int32
    }

    /// Every horizontal and vertical run long enough to be part of a rule, in one pass over the
    /// rows; each list sorted by line, then start.
    static func segments(_ b: GreyBitmap, _ g: GridSettings) -> (horizontal: [Segment], vertical: [Segment]) {
        let gap = max(0, Int((g.runGap * b.scale).rounded()))
        let minRun = max(2, Int((g.minRun * b.scale).rounded()))
        let threshold = g.darkThreshold
        let w = b.width, h = b.height
        var horizontal: [Segment] = []
        var vertical: [Segment] = []
        // Per column: where its open run started and its last dark row (-1: none open).
        var vStart = [Int32](repeating: -1, count: w)
        var vLast = [Int32](repeating: -1, count: w)
        b.pixels.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            for y in 0..<h {
                let row = y * w
                var start = -1, last = -1
                var x = 0
                while x < w {
                    // Most of a page is paper: eight white pixels (255) are passed over at once.
                    if x & 7 == 0, x + 8 <= w,
                       UnsafeRawPointer(base + row + x).loadUnaligned(as: UInt64.self) == UInt64.max {
                        x += 8
                        continue
                    }
                    guard p[row + x] < threshold else {
                        x += 1
                        continue
                    }
                    if start >= 0, x - last - 1 > gap {
                        if last + 1 - start >= minRun {
                            horizontal.append(Segment(line: Int32(y), start: Int32(start), end: Int32(last + 1)))
                        }
                        start = x
                    } else if start < 0 {
                        start = x
                    }
                    last = x
                    let vs = vStart[x], vl = vLast[x]
                    if vs >= 0, y - Int(vl) - 1 > gap {
                        if Int(vl) + 1 - Int(vs) >= minRun {
                            vertical.append(Segment(line: Int32(x), start: vs, end: vl + 1))
                        }
                        vStart[x] = Int32(y)
                    } else if vs < 0 {
                        vStart[x] = Int32(y)
                    }
                    vLast[x] = Int32(y)
                    x += 1
                }
                if start >= 0, last + 1 - start >= minRun {
                    horizontal.append(Segment(line: Int32(y), start: Int32(start), end: Int32(last + 1)))
                }
            }
        }
        for x in 0..<w where vStart[x] >= 0 && vLast[x] + 1 - vStart[x] >= Int32(minRun) {
            vertical.append(Segment(line: Int32(x), start: vStart[x], end: vLast[x] + 1))
        }
        vertical.sort { ($0.line, $0.start) < ($1.line, $1.start) }
        return (horizontal, vertical)
    }

    /// The bitmap with its sub-pixel rules drawn black, or nil when it has none.
    ///
    /// A rule thinner than a pixel printed as a filled rectangle (`re f`: MS Word prints a 0.5 pt
    /// border as a 0.48 pt fill) is drawn anti-aliased, as a grey line one or two pixels thick
    /// that no pixel of makes ink (poppler widens stroked hairlines to a pixel, not fills). Such
    /// a line is a run, at least `minRuleLength` long and unbroken, of pixels that are each a
    /// sub-pixel line's (``thinLine(_:at:step:index:count:_:_:)``) or ink (where rules cross),
    /// at least half of them the former; each of its grey pixels is made ink. Light glyph
    /// strokes are shorter, and a glyph's anti-aliased edge lies against its ink.
    static func thinRulesDarkened(_ b: GreyBitmap, _ g: GridSettings) -> GreyBitmap? {
        let thin = Int(g.thinLineDarkness)
        guard thin > 0 else { return nil }
        let threshold = g.darkThreshold
        let minLength = max(2, Int((g.minRuleLength * b.scale).rounded()))
        let w = b.width, h = b.height
        // Runs found: (first pixel index, step between pixels, length).
        var found: [(first: Int, step: Int, count: Int)] = []
        // Per column: the open vertical run's first row and how many of its pixels are grey.
        // (Unchecked buffers: every index is a column of the bitmap, checked by the loops.)
        let vStart = UnsafeMutablePointer<Int32>.allocate(capacity: w)
        vStart.initialize(repeating: -1, count: w)
        let vGrey = UnsafeMutablePointer<Int32>.allocate(capacity: w)
        vGrey.initialize(repeating: 0, count: w)
        // A bit per column whose vertical run is open, so that white stretches can be skipped.
        let open = UnsafeMutablePointer<UInt64>.allocate(capacity: (w + 63) / 64)
        open.initialize(repeating: 0, count: (w + 63) / 64)
        defer {
            vStart.deallocate()
            vGrey.deallocate()
            open.deallocate()
        }
        b.pixels.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            func close(_ start: Int, _ grey: Int, _ end: Int, line: Int, vertical: Bool) {
                let count = end - start
                guard count >= minLength, 2 * grey >= count else { return }
                found.append(vertical ? (start * w + line, w, count) : (line * w + start, 1, count))
            }
            for y in 0..<h {
                let row = y * w
                var start = -1, grey = 0
                var x = 0
                while x < w {
                    // Most of a page is paper: eight white pixels (255) end the runs open through
                    // them at once (the same as one at a time: white is neither ink nor grey).
                    if x & 7 == 0, x + 8 <= w,
                       UnsafeRawPointer(base + row + x).loadUnaligned(as: UInt64.self) == UInt64.max {
                        if start >= 0 {
                            close(start, grey, x, line: y, vertical: false)
                            start = -1
                            grey = 0
                        }
                        var bits = (open[x >> 6] >> UInt64(x & 63)) & 0xFF
                        while bits != 0 {
                            let c = x + bits.trailingZeroBitCount
                            bits &= bits - 1
                            close(Int(vStart[c]), Int(vGrey[c]), y, line: c, vertical: true)
                            vStart[c] = -1
                            vGrey[c] = 0
                        }
                        open[x >> 6] &= ~(UInt64(0xFF) << UInt64(x & 63))
                        x += 8
                        continue
                    }
                    defer { x += 1 }
                    let value = p[row + x]
                    var along = false, down = false
                    if value < threshold {
                        (along, down) = (true, true)
                    } else if value < 255 {
                        along = thinLine(base, at: row + x, step: w, index: y, count: h, threshold, thin)
                        down = thinLine(base, at: row + x, step: 1, index: x, count: w, threshold, thin)
                    }
                    if along {
                        if start < 0 { start = x }
                        if value >= threshold { grey += 1 }
                    } else if start >= 0 {
                        close(start, grey, x, line: y, vertical: false)
                        start = -1
                        grey = 0
                    }
                    if down {
                        if vStart[x] < 0 {
                            vStart[x] = Int32(y)
                            open[x >> 6] |= 1 << UInt64(x & 63)
                        }
                        if value >= threshold { vGrey[x] += 1 }
                    } else if vStart[x] >= 0 {
                        close(Int(vStart[x]), Int(vGrey[x]), y, line: x, vertical: true)
                        vStart[x] = -1
                        vGrey[x] = 0
                        open[x >> 6] &= ~(1 << UInt64(x & 63))
                    }
                }
                if start >= 0 { close(start, grey, w, line: y, vertical: false) }
            }
            for x in 0..<w where vStart[x] >= 0 { close(Int(vStart[x]), Int(vGrey[x]), h, line: x, vertical: true) }
        }
        guard !found.isEmpty else { return nil }
        var out = b
        out.pixels.withUnsafeMutableBufferPointer { p in
            for run in found {
                for k in 0..<run.count where p[run.first + k * run.step] >= threshold { p[run.first + k * run.step] = 0 }
            }
        }
        return out
    }

    /// Whether the pixel at `i`, not ink itself, is a sub-pixel line's: with its neighbour one
    /// `step` before or after (`index` is its place among `count` along that direction), both
    /// lighter than `threshold`, it is at least `thin` dark (0 white … 255 black, summed) and the
    /// darker of the two, and the pixels beyond the pair on either side are under half as dark
    /// as the pair: a grey line one or two pixels thick, not the inside of a grey fill nor the
    /// anti-aliased edge of ink. Of a pair as dark on both pixels, the first is the line's.
    @inline(__always)
    static func thinLine(
        _ p: UnsafePointer<UInt8>, at i: Int, step: Int, index: Int, count: Int, _ threshold: UInt8, _ thin: Int
    ) -> Bool {
        @inline(__always) func dark(_ offset: Int) -> Int {
            let j = index + offset
            return j >= 0 && j < count ? 255 - Int(p[i + offset * step]) : 0
        }
        let d = 255 - Int(p[i])
        let limit = 255 - Int(threshold)
        // Partner after (ties go to the first pixel of the pair).
        let after = dark(1)
        if after < limit, d >= after, d + after >= thin, 2 * dark(-1) < d + after, 2 * dark(2) < d + after {
            return true
        }
        let before = dark(-1)
        if before < limit, d > before, d + before >= thin, 2 * dark(-2) < d + before, 2 * after < d + before {
            return true
        }
        return false
    }

    /// Segments chained into shapes (overlapping runs on lines at most `runGap` apart), and the
    /// shapes that are rules.
    /// `thick` gets the pixel box of each long shape too thick to be a rule.
    static func shapes(_ segments: [Segment], _ orientation: Rule.Orientation, _ scale: Double, _ g: GridSettings, thick: inout [FillOutliner.Region]) -> [Rule] {
        guard !segments.isEmpty else { return [] }
        let gap = Int32(max(0, Int((g.runGap * scale).rounded())))
        var parent = Array(segments.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        // Where each line's segments begin (segments are sorted by line; -1: none).
        let lines = Int(segments.last!.line) + 1
        var lineFirst = [Int](repeating: -1, count: lines)
        for (i, s) in segments.enumerated() where lineFirst[Int(s.line)] < 0 { lineFirst[Int(s.line)] = i }
        for (i, s) in segments.enumerated() {
            var back: Int32 = 1
            while back <= gap + 1 {
                let previous = Int(s.line - back)
                if previous >= 0, lineFirst[previous] >= 0 {
                    var k = lineFirst[previous]
                    while k < segments.count, segments[k].line == s.line - back {
                        let t = segments[k]
                        if t.start > s.end + gap { break }
                        if t.end + gap >= s.start {
                            let a = find(i), b = find(k)
                            if a != b { parent[a] = b }
                        }
                        k += 1
                    }
                }
                back += 1
            }
        }
        let coreRun = g.minRuleLength * scale
        func add(_ s: Segment, to shape: inout Shape) {
            let w = Double(s.end - s.start)
            let x = (Double(s.start) + Double(s.end)) / 2
            let y = Double(s.line) + 0.5
            shape.lo = min(shape.lo, s.start)
            shape.hi = max(shape.hi, s.end)
            shape.first = min(shape.first, s.line)
            shape.last = max(shape.last, s.line)
            shape.ink += w
            shape.sx += w * x
            shape.sy += w * y
            shape.sxx += w * (x * x + w * w / 12)  // the run's pixels, not only its middle
            shape.sxy += w * x * y
            if w < coreRun { shape.shortRuns += 1 }
        }
        var byRoot: [Int: Int] = [:]
        var shapes: [Shape] = []
        var shapeOf = [Int](repeating: 0, count: segments.count)
        for (i, s) in segments.enumerated() {
            let r = find(i)
            let k: Int
            if let known = byRoot[r] { k = known } else {
                k = shapes.count
                byRoot[r] = k
                shapes.append(Shape())
            }
            shapeOf[i] = k
            add(s, to: &shapes[k])
        }
        // Each shape's segments, gathered when a shape is first found too thick.
        var members: [[Int]]? = nil
        let maxSlope = (g.maxSkewDegrees * Double.pi / 180).magnitude
        let tanMax = maxSlope + 1e-9  // tan θ ≈ θ for a degree or two; the bound is what counts
        var rules: [Rule] = []
        for (k, shape) in shapes.enumerated() {
            var s = shape
            let lengthPx = Double(s.hi - s.lo)
            let length = lengthPx / scale
            var thickness = s.ink / lengthPx / scale
            guard length >= g.minRuleLength else { continue }
            let bound = tan(tanMax) + 1e-6
            var slope = Self.slope(s)
            if thickness > g.maxRuleThickness || abs(slope) > bound {
                // Glyphs touching a rule (text set close to it) add their strokes to its shape,
                // thickening or tilting it over a minority of its length: the shape's median
                // cross-section is its thickness, and its long runs alone give its line.
                if members == nil {
                    var m = [[Int]](repeating: [], count: shapes.count)
                    for i in segments.indices { m[shapeOf[i]].append(i) }
                    members = m
                }
                let own = members![k]
                // Two thin strokes a pixel or two apart (a double rule at 72 dpi) chain into one
                // shape too thick for a rule: one rule at their middle.
                if thickness > g.maxRuleThickness, abs(slope) <= bound,
                   let double = Self.doubleRule(own.map { segments[$0] }, from: s.lo, to: s.hi, scale: scale, g) {
                    rules.append(Rule(
                        orientation: orientation, position: double.middle / scale, start: Double(s.lo) / scale,
                        end: Double(s.hi) / scale, thickness: double.thickness, slope: 0))
                    continue
                }
                let width = Double(Self.medianWidth(own.map { segments[$0] }, from: s.lo, to: s.hi)) / scale
                let core = own.filter { Double(segments[$0].end - segments[$0].start) >= g.minRuleLength * scale }
                var c = Shape()
                for i in core { add(segments[i], to: &c) }
                // Mostly rule, a little glyph: glyph strokes run together are no rule.
                guard width <= g.maxSolidRuleThickness, !core.isEmpty, core.count < own.count, c.ink >= g.ruleCoreShare * s.ink else {
                    // A solid band of long runs a little thicker than a rule (Chromium's 3 pt border).
                    if core.count == own.count, width <= g.maxSolidRuleThickness, thickness <= g.maxSolidRuleThickness, abs(slope) <= bound {
                        let mx = s.sx / s.ink, my = s.sy / s.ink
                        let middle = (Double(s.lo) + Double(s.hi)) / 2
                        rules.append(Rule(
                            orientation: orientation, position: (my + slope * (middle - mx)) / scale, start: Double(s.lo) / scale,
                            end: Double(s.hi) / scale, thickness: thickness, slope: slope))
                        continue
                    }
                    // Two rules chained by a line of text set tight between them (a section row
                    // merged across the table, its words touching the rule above and below).
                    if let found = Self.longRunRulesOrParts(own.map { segments[$0] }, orientation, lengthPx: lengthPx, scale: scale, g), found.count > 1 {
                        rules += found
                        continue
                    }
                    if let lone = Self.runOut(own.map { segments[$0] }, scale: scale, g) {
                        rules.append(Rule(
                            orientation: orientation, position: (Double(lone.line) + 0.5) / scale, start: Double(lone.start) / scale,
                            end: Double(lone.end) / scale, thickness: 1 / scale, slope: 0))
                    } else if thickness > g.maxRuleThickness {
                        thick.append(s.box(orientation))
                    }
                    continue
                }
                c.lo = s.lo
                c.hi = s.hi
                // Long runs further apart than a rule is thick: glyph rows run together beside the
                // rule; its stretch clear of them is the rule.
                if Double(c.last - c.first + 1) > g.maxRuleThickness * scale + 1,
                   let found = Self.longRunRulesOrParts(own.map { segments[$0] }, orientation, lengthPx: lengthPx, scale: scale, g), found.count > 1 {
                    rules += found
                    continue
                }
                if Double(c.last - c.first + 1) > g.maxRuleThickness * scale + 1,
                   let lone = Self.runOut(own.map { segments[$0] }, scale: scale, g) {
                    rules.append(Rule(
                        orientation: orientation, position: (Double(lone.line) + 0.5) / scale, start: Double(lone.start) / scale,
                        end: Double(lone.end) / scale, thickness: 1 / scale, slope: 0))
                    continue
                }
                s = c
                slope = Self.slope(s)
                guard abs(slope) <= bound else { continue }
                thickness = min(thickness, width)
            } else if s.shortRuns > 0 {
                // Glyph strokes touching a rule of the right thickness (a line of text set against
                // it: the top stroke of `三` under a row rule) pull its fitted line toward them by
                // a point or two, enough to part it from the same rule beside it.
                if members == nil {
                    var m = [[Int]](repeating: [], count: shapes.count)
                    for i in segments.indices { m[shapeOf[i]].append(i) }
                    members = m
                }
                if let found = Self.longRunRulesOrParts(members![k].map { segments[$0] }, orientation, lengthPx: lengthPx, scale: scale, g) {
                    rules += found
                    continue
                }
            }
            let mx = s.sx / s.ink, my = s.sy / s.ink
            let middle = (Double(s.lo) + Double(s.hi)) / 2
            let position = (my + slope * (middle - mx)) / scale
            rules.append(Rule(
                orientation: orientation, position: position, start: Double(s.lo) / scale,
                end: Double(s.hi) / scale, thickness: thickness, slope: slope))
        }
        rules.sort { ($0.position, $0.start) < ($1.position, $1.start) }
        return rules
    }

    /// The rules a shape's long runs (half its length at least) make when glyph strokes touch
    /// them: each group of long runs on neighbouring lines, no thicker than a rule, is a rule on
    /// its own line, the strokes left out (one group: the shape's extent; several: each its own). Two groups further apart than a double
    /// rule are two rules chained by the glyphs between them (a row cut by a page break to one
    /// line, its text touching the rule above and the one below). nil when the long runs are no
    /// such groups: a leaning scanned rule has no run half its length, and keeps its fit. (Only
    /// for a shape of a rule's thickness: tried on thicker shapes too, it took clusters of glyphs
    /// an inch long for rules.)
    /// As `longRunRules(_:_:lengthPx:scale:_:)`, and when that finds fewer than two rules, the
    /// rules runs four rule lengths long make, if they are two or more: a rule's part beside a
    /// merged cell's column (no rule there), under a row's text cut by the page's foot, is a
    /// long run shorter than half the rule under that text.
    static func longRunRulesOrParts(
        _ own: [Segment], _ orientation: Rule.Orientation, lengthPx: Double, scale: Double, _ g: GridSettings
    ) -> [Rule]? {
        let found = longRunRules(own, orientation, lengthPx: lengthPx, scale: scale, g)
        if (found?.count ?? 0) > 1 { return found }
        let shorter = 4 * g.minRuleLength * scale
        guard shorter < 0.5 * lengthPx, let parts = longRunRules(own, orientation, lengthPx: lengthPx, scale: scale, g, long: shorter),
              parts.count > 1 else { return found }
        return parts
    }

    static func longRunRules(
        _ own: [Segment], _ orientation: Rule.Orientation, lengthPx: Double, scale: Double, _ g: GridSettings, long least: Double? = nil
    ) -> [Rule]? {
        let gap = Int32(max(0, Int((g.runGap * scale).rounded())))
        let long = least ?? max(g.minRuleLength * scale, 0.5 * lengthPx)
        var groups: [[Segment]] = []
        for segment in own where Double(segment.end - segment.start) >= long {
            if let last = groups.last?.last, segment.line - last.line <= gap + 1 { groups[groups.count - 1].append(segment) } else { groups.append([segment]) }
        }
        // (Each at least 1.5 × `minRuleLength`, as `runOut` asks: glyph strokes run together
        // make runs of about one rule length.)
        guard !groups.isEmpty, groups.allSatisfy({ Double($0.last!.line - $0[0].line + 1) <= g.maxRuleThickness * scale }),
              groups.allSatisfy({ Double($0.map(\.end).max()! - $0.map(\.start).min()!) >= 1.5 * g.minRuleLength * scale }) else { return nil }
        if groups.count > 1 {
            guard zip(groups, groups.dropFirst()).allSatisfy({ Double($1[0].line - $0.last!.line) > g.doubleRuleGap * scale }) else { return nil }
        }
        return groups.map { group in
            // (One rule keeps the shape's extent: a part of it printed over a fill, its runs short,
            // is still its.)
            let lo = groups.count == 1 ? own.map(\.start).min()! : group.map(\.start).min()!
            let hi = groups.count == 1 ? own.map(\.end).max()! : group.map(\.end).max()!
            var ink = 0.0, sy = 0.0
            for segment in group {
                let w = Double(segment.end - segment.start)
                ink += w
                sy += w * (Double(segment.line) + 0.5)
            }
            return Rule(orientation: orientation, position: sy / ink / scale, start: Double(lo) / scale, end: Double(hi) / scale,
                        thickness: ink / Double(hi - lo) / scale, slope: 0)
        }
    }

    /// The stretch of a shape's longest run clear of the rest of the shape, when at least 1.5 ×
    /// `minRuleLength` long (glyph strokes run together make runs of about one rule length): a
    /// rule that a block of glyphs touches at one end (a merged cell's text, centred on a row
    /// rule of the column beside it, set against that column's side). Runs on the lines next to
    /// the longest are its thickness, not the block.
    static func runOut(_ segments: [Segment], scale: Double, _ g: GridSettings) -> Segment? {
        guard let longest = segments.max(by: { ($0.end - $0.start, $1.line) < ($1.end - $1.start, $0.line) }) else { return nil }
        let rest = segments.filter { abs($0.line - longest.line) > 1 }
        guard let lo = rest.map(\.start).min(), let hi = rest.map(\.end).max() else { return nil }
        // Glyphs on one side only (a line of text set against the rule, above it or below it),
        // the run going on under them: the whole run is the rule. A block of text across it
        // (centred on the rule, in the column beside) sits on both sides.
        if rest.allSatisfy({ $0.line < longest.line }) || rest.allSatisfy({ $0.line > longest.line }),
           lo > longest.start || hi < longest.end, Double(longest.end - longest.start) >= 1.5 * g.minRuleLength * scale {
            return longest
        }
        // Glyphs on both sides, all within the run's stretch and short of both its ends: two lines
        // of text set against the rule between them (a header's `培训补贴标准（元/人）` over its
        // `初级 中级 高级`, each touching the rule under the first); the whole run is the rule.
        // A block of text across a rule's line reaches past its end.
        if lo > longest.start, hi < longest.end, Double(longest.end - longest.start) >= 1.5 * g.minRuleLength * scale {
            return longest
        }
        let before = Segment(line: longest.line, start: longest.start, end: min(lo, longest.end))
        let after = Segment(line: longest.line, start: max(hi, longest.start), end: longest.end)
        let best = before.end - before.start >= after.end - after.start ? before : after
        return Double(best.end - best.start) >= 1.5 * g.minRuleLength * scale ? best : nil
    }

    /// Statistics of a shape: extent, ink, and sums for a least-squares line (line on along)
    /// through every inked pixel.
    struct Shape {
        var lo = Int32.max, hi = Int32.min
        var first = Int32.max, last = Int32.min  // lines, across
        var ink = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        /// Runs shorter than a rule (glyph strokes, anti-aliased ends) in the shape.
        var shortRuns = 0

        /// The shape's pixel box.
        func box(_ orientation: Rule.Orientation) -> FillOutliner.Region {
            orientation == .horizontal
                ? FillOutliner.Region(x0: Int(lo), y0: Int(first), x1: Int(hi), y1: Int(last) + 1)
                : FillOutliner.Region(x0: Int(first), y0: Int(lo), x1: Int(last) + 1, y1: Int(hi))
        }
    }

    /// The least-squares slope of a shape's line (line on along).
    static func slope(_ s: Shape) -> Double {
        let mx = s.sx / s.ink, my = s.sy / s.ink
        let varX = s.sxx / s.ink - mx * mx
        return varX > 1e-9 ? (s.sxy / s.ink - mx * my) / varX : 0
    }

    /// A double rule: the lines (rows or columns of pixels) that ink covers over most of
    /// `lo..<hi` form two or more runs apart by a gap, each run no thicker than a rule, all
    /// within `doubleRuleGap` plus a rule's thickness. Its middle (in pixels, across) and the
    /// thicker stroke's thickness (points); nil otherwise.
    static func doubleRule(_ segments: [Segment], from lo: Int32, to hi: Int32, scale: Double, _ g: GridSettings) -> (middle: Double, thickness: Double)? {
        var cover: [Int32: Int32] = [:]
        for s in segments { cover[s.line, default: 0] += min(s.end, hi) - max(s.start, lo) }
        let length = Double(hi - lo)
        let core = cover.filter { Double($0.value) >= 0.6 * length }.keys.sorted()
        guard core.count >= 2, let first = core.first, let last = core.last else { return nil }
        var strokes: [[Int32]] = [[first]]
        for line in core.dropFirst() {
            if line == strokes[strokes.count - 1].last! + 1 { strokes[strokes.count - 1].append(line) } else { strokes.append([line]) }
        }
        let thickest = Double(strokes.map(\.count).max()!) / scale
        guard strokes.count >= 2, thickest <= g.maxRuleThickness,
              Double(last - first + 1) / scale <= g.doubleRuleGap + g.maxRuleThickness else { return nil }
        return (Double(first + last + 1) / 2, thickest)
    }

    /// The median number of segments covering each pixel along `lo..<hi`: a shape's thickness
    /// in pixels, whatever touches it over a minority of its length.
    static func medianWidth(_ segments: [Segment], from lo: Int32, to hi: Int32) -> Int {
        let n = Int(hi - lo)
        guard n > 0 else { return 0 }
        var delta = [Int](repeating: 0, count: n + 1)
        for s in segments {
            delta[Int(s.start - lo)] += 1
            delta[Int(s.end - lo)] -= 1
        }
        var counts = [Int](repeating: 0, count: n)
        var running = 0
        for i in 0..<n {
            running += delta[i]
            counts[i] = running
        }
        counts.sort()
        return counts[n / 2]
    }
}
