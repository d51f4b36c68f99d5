import MuluSupport
import MuluModel
import MuluExtract
/// A header cell: the label text of one column and where it is printed.
public struct HeaderCell: Hashable, Sendable {
    public var field: TableField?
    public var text: String
    public var x0: Double
    public var x1: Double
    public var y0: Double
    public var y1: Double
}

/// A column of the table body on one page: which field, and its horizontal extent.
public struct ColumnSpan: Hashable, Sendable {
    public var field: TableField
    public var x0: Double
    public var x1: Double

    public init(field: TableField, x0: Double, x1: Double) {
        self.field = field
        self.x0 = x0
        self.x1 = x1
    }
}

/// Stage 3 of table recovery: header cells from the header band, then the body's columns.
public enum ColumnDetector {
    /// Groups the header band's fragments into cells (fragments that overlap horizontally are
    /// lines of one cell) and names each cell's field from its label.
    public static func headerCells(_ fragments: [Fragment]) -> [HeaderCell] {
        var groups: [[Fragment]] = []
        for fragment in splitGroups(joinedSingleCharacters(fragments)).sorted(by: { ($0.x0, $0.y0) < ($1.x0, $1.y0) }) {
            let hits = groups.indices.filter { i in
                groups[i].contains { $0.horizontalOverlap(fragment.x0, fragment.x1) > 0 }
            }
            if let first = hits.first {
                groups[first].append(fragment)
                for i in hits.dropFirst().reversed() { groups[first] += groups.remove(at: i) }
            } else {
                groups.append([fragment])
            }
        }
        var cells = groups.map { group in
            var ordered = group.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
            if ordered.count > 1, TableField(headerLabel: ordered.map(\.text).joined()) == nil, let turned = rotatedOrder(ordered) {
                ordered = turned
            }
            let text = ordered.map(\.text).joined()
            return HeaderCell(
                field: TableField(headerLabel: text), text: text,
                x0: group.map(\.x0).min()!, x1: group.map(\.x1).max()!,
                y0: group.map(\.y0).min()!, y1: group.map(\.y1).max()!)
        }.sorted { $0.x0 < $1.x0 }
        // A subsidy column named without 培训 or 鉴定 (`补贴等级及标准`): as `ColumnMap` reads it.
        for i in cells.indices where cells[i].field == nil {
            let named = Set(cells.compactMap(\.field))
            cells[i].field = HeaderWords.unnamedSubsidy(Blank.removed(from: cells[i].text), named: named)
        }
        return cells
    }

    /// The fragments of a header cell printed rotated a quarter turn, in reading order: its
    /// lines are columns of glyphs, read bottom to top from the left one (turned anticlockwise)
    /// or top to bottom from the right one (clockwise); the order whose text names a field,
    /// else nil.
    static func rotatedOrder(_ fragments: [Fragment]) -> [Fragment]? {
        // Turned text runs down the page: each run of glyphs taller than wide. A header wrapped
        // across (`职业技能等` above `级`) is no rotated text, whatever order reads as a field.
        guard fragments.allSatisfy({ $0.text.unicodeScalars.count <= 1 || $0.y1 - $0.y0 > $0.x1 - $0.x0 }) else { return nil }
        // Columns of glyphs: fragments whose centres lie within half a glyph's width.
        var columns: [[Fragment]] = []
        for f in fragments.sorted(by: { $0.x0 + $0.x1 < $1.x0 + $1.x1 }) {
            let centre = (f.x0 + f.x1) / 2
            if let last = columns.last?.last, abs((last.x0 + last.x1) / 2 - centre) <= max(1, (last.x1 - last.x0) / 2) {
                columns[columns.count - 1].append(f)
            } else {
                columns.append([f])
            }
        }
        let anticlockwise = columns.flatMap { $0.sorted { $0.y0 > $1.y0 } }
        let clockwise = columns.reversed().flatMap { $0.sorted { $0.y0 < $1.y0 } }
        return [anticlockwise, clockwise].first { TableField(headerLabel: $0.map(\.text).joined()) != nil }
    }

    /// The fragments of a cell set vertically (竖排: each glyph a fragment of its own, in two
    /// or more columns of at least three glyphs, so every line holds one glyph of each column) in
    /// reading order: columns right to left, each top to bottom; nil for any other cell.
    static func verticalOrder(_ fragments: [Fragment]) -> [Fragment]? {
        guard fragments.allSatisfy({ $0.text.unicodeScalars.count == 1 }) else { return nil }
        // Columns by glyph centres within half an em (a punctuation mark's box sits off centre).
        let em = fragments.map { $0.y1 - $0.y0 }.max() ?? 1
        var columns: [[Fragment]] = []
        var centres: [Double] = []
        for f in fragments.sorted(by: { $0.x0 + $0.x1 < $1.x0 + $1.x1 }) {
            let centre = (f.x0 + f.x1) / 2
            if let last = centres.last, abs(last - centre) <= em / 2 {
                columns[columns.count - 1].append(f)
            } else {
                columns.append([f])
                centres.append(centre)
            }
        }
        guard columns.count >= 2, columns.allSatisfy({ $0.count >= 3 }) || columns.dropLast().allSatisfy({ $0.count >= 3 }) && columns.first!.count >= 3
        else { return nil }
        // Columns side by side: each one's glyphs one above the other (no two on a line).
        guard columns.allSatisfy({ c in
            let down = c.sorted { $0.y0 < $1.y0 }
            return zip(down, down.dropFirst()).allSatisfy { ($1.y0 + $1.y1) / 2 - ($0.y0 + $0.y1) / 2 >= 0.4 * em }
        }) else { return nil }
        return columns.reversed().flatMap { $0.sorted { $0.y0 < $1.y0 } }
    }

    /// A group cell over sub-columns (`补贴标准（元/人）` above `培训补贴` `鉴定补贴`): a header
    /// fragment above two or more that name distinct fields, under its width, is no column of
    /// its own; each fragment below takes the group's unit when the group gives one and it does
    /// not (`培训补贴（元/人）`), as `ColumnMap.splitGroup` does for text.
    static func splitGroups(_ fragments: [Fragment]) -> [Fragment] {
        var out = fragments
        var dropped = Set<Int>()
        for (g, group) in fragments.enumerated() {
            let below = fragments.indices.filter { i in
                let f = fragments[i]
                return i != g && f.y0 >= group.y1 - 0.5 && f.horizontalOverlap(group.x0, group.x1) > 0
            }
            let fields = Set(below.compactMap { HeaderWords.field(Blank.removed(from: fragments[$0].text)) })
            guard below.count >= 2, fields.count >= 2 else { continue }
            dropped.insert(g)
            let text = Blank.removed(from: group.text)
            guard HeaderWords.givesUnit(text), let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }) else { continue }
            let unit = String(text[open...])
            for i in below where !HeaderWords.givesUnit(out[i].text) { out[i].text += unit }
        }
        return out.indices.filter { !dropped.contains($0) }.map { out[$0] }
    }

    /// A header word written with a blank between its characters (`序 号` among cells apart by
    /// wider gaps): adjacent one-character fragments on a line, at most a character's width
    /// apart, joined where together they name a field (`ColumnMap.joinSingleCharacters`' rule).
    static func joinedSingleCharacters(_ fragments: [Fragment]) -> [Fragment] {
        guard fragments.contains(where: { $0.text.count == 1 }) else { return fragments }
        var out: [Fragment] = []
        let byLine = Dictionary(grouping: fragments) { [$0.page, $0.line] }
        func single(_ f: Fragment) -> Bool { f.text.count == 1 && LevelWords.single(f.text) == nil }
        for key in byLine.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let line = byLine[key]!.sorted { $0.x0 < $1.x0 }
            var i = 0
            while i < line.count {
                // The run of one-character fragments from here, each at most a character's width
                // from the one before; joined up to its longest start that names a field
                // (`职 业 （ 项 目 ）` is `职业（项目）`, not `职业` and `（项目`).
                var j = i
                while j < line.count, single(line[j]),
                      j == i || line[j].x0 - line[j - 1].x1 <= max(line[j - 1].x1 - line[j - 1].x0, line[j].x1 - line[j].x0) {
                    j += 1
                }
                let run = line[i..<j]
                if let length = (2...max(2, run.count)).reversed().first(where: { n in
                    n <= run.count && HeaderWords.field(run.prefix(n).map(\.text).joined()) != nil
                }) {
                    let piece = run.prefix(length)
                    var joined = piece.first!
                    joined.text = piece.map(\.text).joined()
                    joined.x1 = piece.last!.x1
                    joined.y0 = piece.map(\.y0).min()!
                    joined.y1 = piece.map(\.y1).max()!
                    out.append(joined)
                    i += length
                } else {
                    out.append(line[i])
                    i += 1
                }
            }
        }
        return joinedSpreadCharacters(out)
    }

    /// A header word spread over its cell (`行　　业`, or 分散对齐 `职 业 （ 项 目 ）`): a run of
    /// one-character fragments on a line, evenly apart (each gap within a quarter of the first)
    /// by at most `spreadGap` characters’ widths, joined when the whole run names a field.
    static func joinedSpreadCharacters(_ fragments: [Fragment]) -> [Fragment] {
        guard fragments.count(where: { $0.text.count == 1 }) >= 2 else { return fragments }
        var out: [Fragment] = []
        let byLine = Dictionary(grouping: fragments) { [$0.page, $0.line] }
        for key in byLine.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let line = byLine[key]!.sorted { $0.x0 < $1.x0 }
            var i = 0
            while i < line.count {
                var j = i + 1
                if line[i].text.count == 1 {
                    let width = line[i].x1 - line[i].x0
                    var firstGap: Double?
                    while j < line.count, line[j].text.count == 1 {
                        let gap = line[j].x0 - line[j - 1].x1
                        guard gap <= spreadGap * width, abs(gap - (firstGap ?? gap)) <= 0.25 * max(firstGap ?? gap, width * 0.2) else { break }
                        firstGap = firstGap ?? gap
                        j += 1
                    }
                }
                let run = line[i..<j]
                let text = run.map(\.text).joined()
                if run.count >= 2, HeaderWords.field(text) != nil {
                    var joined = run.first!
                    joined.text = text
                    joined.x1 = run.last!.x1
                    joined.y0 = run.map(\.y0).min()!
                    joined.y1 = run.map(\.y1).max()!
                    out.append(joined)
                } else {
                    out += run.prefix(1)
                    j = i + 1
                }
                i = j
            }
        }
        return out
    }

    /// How far apart, in characters' widths, the characters of a header word spread over its
    /// cell may be (`行　　业`: two ideographic spaces).
    static let spreadGap = 8.0

    /// The body's columns on one page: bands of x covered by body text, separated by gutters
    /// of at least `settings.minGutter`, each named by the reference cell (a header cell, or a
    /// column of the previous page) it overlaps most, else the nearest one.
    public static func columns(
        body: [Fragment], reference: [(field: TableField, x0: Double, x1: Double)],
        settings: TableSettings
    ) -> [ColumnSpan] {
        guard !reference.isEmpty else { return [] }
        let sortedRef = reference.sorted { $0.x0 < $1.x0 }
        // A fragment that reaches over more columns than a cell can is a note or a stray line:
        // it would bridge gutters, so it does not shape the columns.
        let shaping = body.filter { f in
            sortedRef.filter { f.horizontalOverlap($0.x0, $0.x1) > 0 }.count <= settings.maxCellColumns
        }.sorted { $0.x0 < $1.x0 }
        var bands: [(x0: Double, x1: Double)] = []
        for f in shaping {
            if let last = bands.last, f.x0 - last.x1 < settings.minGutter {
                bands[bands.count - 1].x1 = max(last.x1, f.x1)
            } else {
                bands.append((f.x0, f.x1))
            }
        }
        bands = splitAtBoundaries(bands, shaping: shaping, reference: sortedRef, settings: settings)
        var byField: [TableField: ColumnSpan] = [:]
        for band in bands {
            var best: (field: TableField, overlap: Double, distance: Double)?
            for ref in sortedRef {
                let overlap = min(band.x1, ref.x1) - max(band.x0, ref.x0)
                let distance = abs((band.x0 + band.x1) / 2 - (ref.x0 + ref.x1) / 2)
                if let b = best {
                    if overlap > b.overlap || (overlap <= 0 && b.overlap <= 0 && distance < b.distance) {
                        best = (ref.field, overlap, distance)
                    }
                } else {
                    best = (ref.field, overlap, distance)
                }
            }
            guard let field = best?.field else { continue }
            if var span = byField[field] {
                span.x0 = min(span.x0, band.x0)
                span.x1 = max(span.x1, band.x1)
                byField[field] = span
            } else {
                byField[field] = ColumnSpan(field: field, x0: band.x0, x1: band.x1)
            }
        }
        return byField.values.sorted { $0.x0 < $1.x0 }
    }

    /// Splits a band of body text where a boundary between two reference columns falls in (or
    /// within `settings.boundaryReach` of) a blank stretch of the band: narrow columns whose
    /// text nearly touches are still two columns when the header says so.
    static func splitAtBoundaries(
        _ bands: [(x0: Double, x1: Double)], shaping: [Fragment],
        reference: [(field: TableField, x0: Double, x1: Double)], settings: TableSettings
    ) -> [(x0: Double, x1: Double)] {
        let boundaries = zip(reference, reference.dropFirst()).map { ($0.x1 + $1.x0) / 2 }
        var out: [(x0: Double, x1: Double)] = []
        for band in bands {
            let inside = boundaries.filter { $0 > band.x0 && $0 < band.x1 }
            guard !inside.isEmpty else { out.append(band); continue }
            // Blank stretches inside the band: between the fragments that cover it.
            var gaps: [(Double, Double)] = []
            var reach = band.x0
            for f in shaping where f.x1 > band.x0 && f.x0 < band.x1 {
                if f.x0 > reach { gaps.append((reach, f.x0)) }
                reach = max(reach, f.x1)
            }
            var cuts: [Double] = []
            for b in inside {
                let near = gaps.map { g -> (Double, Double) in
                    let distance = b < g.0 ? g.0 - b : b > g.1 ? b - g.1 : 0
                    return (distance, (g.0 + g.1) / 2)
                }.filter { $0.0 <= settings.boundaryReach }.min { $0.0 < $1.0 }
                if let cut = near?.1 {
                    cuts.append(cut)
                } else if settings.splitBesideUrgency, let k = boundaries.firstIndex(of: b),
                          reference[k].field == .urgent || reference[k + 1].field == .urgent {
                    // (A blank stretch wholly between the two labels; the one nearest the midpoint.)
                    let lo = reference[k].x1, hi = reference[k + 1].x0
                    if let g = gaps.filter({ $0.0 >= lo && $0.1 <= hi }).min(by: { abs(($0.0 + $0.1) / 2 - b) < abs(($1.0 + $1.1) / 2 - b) }) {
                        cuts.append((g.0 + g.1) / 2)
                    }
                }
            }
            var start = band.x0
            for cut in cuts.sorted() {
                let left = shaping.filter { $0.x1 > start && $0.x0 < cut }.map(\.x1).max() ?? cut
                let right = shaping.filter { $0.x0 >= cut && $0.x0 < band.x1 }.map(\.x0).min() ?? cut
                out.append((start, left))
                start = right
            }
            out.append((start, band.x1))
        }
        return out
    }

    /// The field of the column a fragment falls in: the span it overlaps most, else the nearest.
    static func field(of f: Fragment, in spans: [ColumnSpan]) -> TableField? {
        var best: (field: TableField, score: Double)?
        for span in spans {
            let overlap = f.horizontalOverlap(span.x0, span.x1)
            let score = overlap > 0 ? overlap : overlap - 1e6
            if best == nil || score > best!.score { best = (span.field, score) }
        }
        return best?.field
    }
}
