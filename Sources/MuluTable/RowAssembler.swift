import MuluSupport
import MuluModel
import MuluExtract
/// Stage 4 of table recovery: gives every body fragment to a row.
///
/// Rows are anchored by their numbers in the 序号 column. Pages are laid end to end on one
/// vertical strip, so a row split by a page break stays contiguous. For each other column, the
/// fragments between two consecutive row numbers are split between the upper and the lower row
/// where the split leaves each cell best aligned with its row number — top-aligned, centred or
/// bottom-aligned, whichever fits the cell (a dynamic programme over the splits). Fragments of
/// one cell that sit closer than `settings.cellLineGap` are never split apart.
public enum RowAssembler {
    /// A fragment placed on the strip.
    public struct Placed: Hashable, Sendable {
        public var fragment: Fragment
        public var field: TableField
        public var top: Double
        public var bottom: Double
        public var center: Double { (top + bottom) / 2 }
    }

    /// Rows and what could not be placed. `extras`: the text under each header cell that names
    /// no field (备注, 说明), by its header (blanks removed); each is given to rows as a column of
    /// its own, the way the fields are (their `field` is not read), and kept in `RowRecord.extras`.
    public static func assemble(
        _ placed: [Placed], extras: [String: [Placed]] = [:], settings: TableSettings, rules: RowRules? = nil
    ) -> (rows: [RowRecord], unplaced: [UnplacedFragment]) {
        let placed = joinedWrappedNumbers(placed, settings: settings)
        var unplaced: [UnplacedFragment] = []
        var anchors: [Placed] = []
        var seqs: [Int] = []
        for p in placed where p.field == .seq {
            if let n = RowNumber.parsePointed(p.fragment.text) {
                anchors.append(p)
                seqs.append(n)
            } else {
                unplaced.append(UnplacedFragment(fragment: p.fragment, reason: "text in the 序号 column is not a row number"))
            }
        }
        let order = anchors.indices.sorted { (anchors[$0].center, anchors[$0].fragment.x0) < (anchors[$1].center, anchors[$1].fragment.x0) }
        anchors = order.map { anchors[$0] }
        seqs = order.map { seqs[$0] }
        guard !anchors.isEmpty else {
            for p in placed where p.field != .seq {
                unplaced.append(UnplacedFragment(fragment: p.fragment, reason: "no row number anywhere"))
            }
            return ([], unplaced)
        }
        var cells = [[TableField: [Fragment]]](repeating: [:], count: anchors.count)
        var byField: [TableField: [Placed]] = [:]
        var settled = settleByBands(placed, anchors: anchors, settings: settings, extras: extras.values.flatMap { $0 })
        // Rows ruled across (no grid): a cell the rules close above and below is its row's.
        if let rules {
            for (i, row) in rules.settle(placed, anchors: anchors).enumerated() where settled[i] == nil { settled[i] = row }
        }
        // (Each row's settled text per column: a cell is read whole, with it, by `assign`.)
        var settledText: [TableField: [Int: [Placed]]] = [:]
        for (i, p) in placed.enumerated() where p.field != .seq {
            if let row = settled[i] {
                cells[row][p.field, default: []].append(p.fragment)
                settledText[p.field, default: [:]][row, default: []].append(p)
            } else {
                byField[p.field, default: []].append(p)
            }
        }
        // Columns whose cells have a shape go first: where they show that the top of a page
        // continues the row a page break split, the other columns follow (`continuation`).
        var continuation: [Int: Double] = [:]  // page -> strip bottom of its continued lines
        let firstAnchorOfPage = Dictionary(
            anchors.indices.map { (anchors[$0].fragment.page, $0) }, uniquingKeysWith: min)
        let fields: [TableField] = [.code, .training, .assessment, .name, .industry, .urgent]
        var preferred: [Alignment: Int] = [:]
        for field in fields {
            guard var items = byField[field] else { continue }
            let readable = readability(of: field)
            // Codes, subsidies and names show where a page break split a row; an industry's
            // ending only breaks ties, and it follows them as the unshaped columns do.
            let shaped = readable != nil && field != .industry
            // (A name's bracketed rest, `（电芯装配）` or `接）`, on those lines follows too: no name
            // opens with a bracket or closes one it did not open.)
            if !shaped || field == .name, !continuation.isEmpty {
                items = items.filter { p in
                    guard let limit = continuation[p.fragment.page], let first = firstAnchorOfPage[p.fragment.page],
                        first > 0, p.center < anchors[first].center, p.center < limit,
                        shaped ? p.fragment.text.hasPrefix("（") || p.fragment.text.hasPrefix("(") || MergedCells.closesFirst(p.fragment.text) : true
                    else { return true }
                    cells[first - 1][field, default: []].append(p.fragment)
                    return false
                }
            }
            // A column with a line for nearly every row (settled ones too) holds no merged cells.
            let lineCount = lineCount(placed.filter { $0.field == field }, settings: settings)
            let units = makeUnits(
                items, anchors: anchors, settings: settings,
                perRow: Double(lineCount) >= settings.denseColumnRatio * Double(anchors.count))
            // One alignment per column, as a word processor sets it: the one that fits best.
            var assignment: [Int] = []
            var bestCost = Double.nan
            // A column with text in (nearly) every row is dense: an empty cell there is
            // suspicious and costs as much as the furthest a cell may sit from its row.
            let dense = Double(units.count) >= settings.denseColumnRatio * Double(anchors.count)
            // Alignments that fit equally well are tried in the order the columns before
            // preferred (a word processor sets one alignment for a whole table), then centre,
            // top, bottom.
            let order = Alignment.allCases.sorted { (preferred[$0] ?? 0) > (preferred[$1] ?? 0) }
            var costs: [Alignment: Double] = [:]
            for alignment in order {
                let (rows, cost) = assign(
                    units, anchors: anchors, alignment: alignment,
                    emptyCost: dense ? settings.maxRowDistance : 0,
                    unreadableCost: field == .name || field == .industry ? settings.cutShortNameCost : settings.maxRowDistance,
                    readable: readable.map { readable in
                        { [held = settledText[field] ?? [:]] row, members in readable((held[row] ?? []) + members) }
                    })
                costs[alignment] = cost
                // The first alignment's result stands unless another fits strictly better (so
                // every unit gets a row even if every cost is infinite).
                if assignment.isEmpty || cost < bestCost - settings.costEpsilon {
                    assignment = rows
                    bestCost = cost
                }
            }
            // A column one alignment fits strictly best counts for that alignment.
            if let winner = costs.min(by: { $0.value < $1.value }),
               costs.allSatisfy({ $0.key == winner.key || $0.value > winner.value + settings.costEpsilon }) {
                preferred[winner.key, default: 0] += 1
            }
            var kept: [Int: [Unit]] = [:]
            var far: [(unit: Unit, row: Int)] = []
            func keep(_ u: Unit, _ row: Int) {
                cells[row][field, default: []] += u.members.map(\.fragment)
                kept[row, default: []].append(u)
                guard shaped else { return }
                for p in u.members {
                    let page = p.fragment.page
                    if let first = firstAnchorOfPage[page], row < first, anchors[row].fragment.page < page {
                        continuation[page] = max(continuation[page] ?? -.infinity, p.bottom)
                    }
                }
            }
            for (u, row) in zip(units, assignment) {
                if abs(u.center - anchors[row].center) > settings.maxRowDistance { far.append((u, row)) } else { keep(u, row) }
            }
            // A tall cell (an industry wrapped to six lines in a narrow column) runs on past
            // `maxRowDistance`: its lines join the cell they touch, until none is left to join.
            var joined = true
            while joined, !far.isEmpty {
                joined = false
                far.removeAll { f in
                    let previous = f.row > 0 ? anchors[f.row - 1] : nil, next = f.row + 1 < anchors.count ? anchors[f.row + 1] : nil
                    guard Self.adjoins(f.unit, kept[f.row] ?? [], between: previous, next, settings: settings) else { return false }
                    keep(f.unit, f.row)
                    joined = true
                    return true
                }
            }
            for f in far {
                for p in f.unit.members {
                    unplaced.append(UnplacedFragment(fragment: p.fragment, reason: "text outside any row"))
                }
            }
        }
        // Extra columns: sparse text in the table's own alignment (the one most columns chose).
        var extraCells = [[String: [Fragment]]](repeating: [:], count: anchors.count)
        let tableAlignment = Alignment.allCases.max { (preferred[$0] ?? 0) < (preferred[$1] ?? 0) } ?? .center
        for header in extras.keys.sorted() {
            var pending = extras[header]!
            // Rows ruled across: an extra cell the rules close above and below is its row's.
            if let rules {
                let held = rules.settle(pending, anchors: anchors)
                for (p, row) in zip(pending, held) {
                    if let row { extraCells[row][header, default: []].append(p.fragment) }
                }
                pending = zip(pending, held).filter { $0.1 == nil }.map(\.0)
                guard !pending.isEmpty else { continue }
            }
            let units = makeUnits(pending, anchors: anchors, settings: settings)
            // (Its units further apart than a cell's lines are two cells: a remark at the foot
            // of one row and another at the head of the row after next.)
            let apart = settings.cellApartGap >= 0 ? (gap: settings.cellApartGap, cost: settings.maxRowDistance) : nil
            let (assignment, _) = assign(units, anchors: anchors, alignment: tableAlignment, emptyCost: 0, apartCost: apart)
            for (u, row) in zip(units, assignment) {
                guard abs(u.center - anchors[row].center) <= settings.maxRowDistance else {
                    for p in u.members {
                        unplaced.append(UnplacedFragment(fragment: p.fragment, reason: "text outside any row"))
                    }
                    continue
                }
                extraCells[row][header, default: []] += u.members.map(\.fragment)
            }
        }
        func reading(_ v: [Fragment]) -> [Fragment] { v.sorted(by: Fragment.inReadingOrder) }
        var rows: [RowRecord] = []
        rows.reserveCapacity(anchors.count)
        for (i, a) in anchors.enumerated() {
            rows.append(RowRecord(
                seq: seqs[i], anchor: a.fragment, cells: cells[i].mapValues(reading),
                extras: extraCells[i].mapValues(reading)))
        }
        return (rows, unplaced)
    }

    /// Row numbers wrapped in a narrow 序号 column (`11` over `0`, `1` / `0` / `7`): digits
    /// stacked on the next lines, under the first, whose digits joined make the number after the
    /// row above's (and the first alone does not) are one number.
    static func joinedWrappedNumbers(_ placed: [Placed], settings: TableSettings) -> [Placed] {
        let numbers = placed.indices.filter { placed[$0].field == .seq }.sorted {
            (placed[$0].fragment.page, placed[$0].center) < (placed[$1].fragment.page, placed[$1].center)
        }
        guard numbers.count >= 2 else { return placed }
        func digits(_ p: Placed) -> String? {
            let t = Blank.removed(from: p.fragment.text)
            return !t.isEmpty && t.count <= 2 && t.utf8.allSatisfy { (0x30...0x39).contains($0) } ? t : nil
        }
        // (Text: within three lines, a tall row's middle lines between; a PDF: closer than half
        // a line. Or the page's last number and the next page's first: `10` at the
        // foot, `5` atop the next.)
        func stacked(_ a: Placed, _ b: Placed) -> Bool {
            let height = a.bottom - a.top
            if b.fragment.page == a.fragment.page + 1 {
                return b.fragment.horizontalOverlap(a.fragment.x0, a.fragment.x1) > 0
            }
            return a.fragment.page == b.fragment.page && b.top >= a.bottom - settings.lineTolerance
                && b.top - a.bottom <= (settings.cellLineGap < 0 ? 3 * height : settings.cellLineGap + 0.5 * height) + 1e-9
                && b.fragment.horizontalOverlap(a.fragment.x0, a.fragment.x1) > 0
        }
        var drop = Set<Int>()
        var replaced: [Int: Placed] = [:]
        var last: Int?
        var k = 0
        while k < numbers.count {
            let i = numbers[k]
            let value = RowNumber.parsePointed(placed[i].fragment.text)
            defer { k += 1 }
            guard let previous = last, value != previous + 1, let head = digits(placed[i]) else {
                if let value { last = value }
                continue
            }
            // The pieces under it, one a line, while they join into the next number.
            var text = head, end = k
            while end + 1 < numbers.count, end - k < 2, let piece = digits(placed[numbers[end + 1]]),
                  stacked(placed[numbers[end]], placed[numbers[end + 1]]) {
                end += 1
                text += piece
                if Int(text) == previous + 1 { break }
            }
            guard end > k, Int(text) == previous + 1 else {
                if let value { last = value }
                continue
            }
            let first = placed[i], lastPiece = placed[numbers[end]]
            let pieces = numbers[k...end].map { placed[$0].fragment }
            var joined = first
            joined.fragment = Fragment(
                text: text, x0: pieces.map(\.x0).min()!, x1: pieces.map(\.x1).max()!, y0: first.fragment.y0,
                y1: lastPiece.fragment.y1, page: first.fragment.page, line: first.fragment.line, column: first.fragment.column)
            joined.bottom = lastPiece.bottom
            replaced[i] = joined
            for j in numbers[(k + 1)...end] { drop.insert(j) }
            last = previous + 1
            k = end
        }
        guard !replaced.isEmpty else { return placed }
        return placed.indices.compactMap { drop.contains($0) ? nil : replaced[$0] ?? placed[$0] }
    }

    /// Where lines of one cell are known to sit closer than rows (`cellLineGap` ≥ 0, a PDF; or
    /// rows apart by empty lines in text, `blankLineBand`), the strip falls into bands of text separated by wider blank gaps. A band holding one row
    /// number is that row, whole; a band with no number at the top of a page continues the row
    /// a page break split. Other bands are left to the alignment programme.
    static func settleByBands(_ placed: [Placed], anchors: [Placed], settings: TableSettings, extras: [Placed] = []) -> [Int?] {
        var settled = [Int?](repeating: nil, count: placed.count)
        // (Text: one empty line between two lines, `blankLineBand`.)
        let gap = settings.cellLineGap >= 0 ? settings.cellLineGap : settings.blankLineBand
        guard gap >= 0, !placed.isEmpty else { return settled }
        // (In text, a page break ends a band too: the lines of two pages touch on the strip.)
        let pageEnds = settings.cellLineGap < 0
        // (In text, an extra column's line is no empty line: `籍` of a 备注 between two lines
        // of the training column's cell.)
        let filler = pageEnds ? extras.sorted { $0.top < $1.top } : []
        /// The bottom of the lines from `bottom` down to `top` that extra columns fill, as they
        /// join on from `bottom`.
        func filled(from bottom: Double, to top: Double, page: Int) -> Double {
            var reach = bottom
            for e in filler where e.fragment.page == page && e.top < top {
                if e.top - reach <= gap, e.bottom > reach { reach = e.bottom }
            }
            return reach
        }
        /// The fragments at `indices` in bands, top to bottom.
        func bands(of indices: [Int]) -> [[Int]] {
            var bands: [[Int]] = []
            var bottom = -Double.infinity
            for i in indices.sorted(by: { placed[$0].top < placed[$1].top }) {
                if !filler.isEmpty, !bands.isEmpty, placed[i].top - bottom > gap {
                    bottom = filled(from: bottom, to: placed[i].top, page: placed[i].fragment.page)
                }
                if bands.isEmpty || placed[i].top - bottom > gap
                    || (pageEnds && placed[i].fragment.page != placed[bands[bands.count - 1][0]].fragment.page) {
                    bands.append([i])
                    bottom = placed[i].bottom
                } else {
                    bands[bands.count - 1].append(i)
                    bottom = max(bottom, placed[i].bottom)
                }
            }
            return bands
        }
        let allBands = bands(of: Array(placed.indices))
        var anchorIndex: [Fragment: Int] = [:]
        for (k, a) in anchors.enumerated() { anchorIndex[a.fragment] = k }
        // A table set tight (a cell's lines as far apart as rows) has bands of lines, or of
        // runs of them chained across rows, not of cells: by the columns with a line in most
        // rows (not a merged cell's, which rightly spans rows), bands without a number for
        // every other row, or most rows in bands holding several numbers. A band there may hold
        // a centred cell's last line over the next row's number, or be the first line of a
        // centred cell of a page's first row: the alignment programme places them all.
        // (Text's bands are a layout's empty lines, which a table set tight has none of.)
        if settings.cellLineGap >= 0 {
            var perField: [TableField: Int] = [:]
            for p in placed { perField[p.field, default: 0] += 1 }
            let dense = placed.indices.filter { perField[placed[$0].field]! * 5 >= anchors.count * 4 }
            var numberless = 0, shared = 0
            for band in bands(of: dense) {
                let numbers = band.filter { placed[$0].field == .seq && anchorIndex[placed[$0].fragment] != nil }.count
                if numbers == 0 { numberless += 1 } else if numbers > 1 { shared += numbers }
            }
            if numberless * 2 > anchors.count || shared * 2 > anchors.count { return settled }
        }
        var lastRow: Int?
        var lastPage = 0
        for band in allBands {
            let rows = Set(band.compactMap { placed[$0].field == .seq ? anchorIndex[placed[$0].fragment] : nil })
            let page = band.map { placed[$0].fragment.page }.min()!
            let pageTop = page != lastPage
            lastPage = band.map { placed[$0].fragment.page }.max()!
            if rows.count == 1 {
                for i in band { settled[i] = rows.first! }
                lastRow = rows.first!
            } else if rows.isEmpty, pageTop, let row = lastRow {
                for i in band where placed[i].field != .seq { settled[i] = row }
            } else if let r = rows.max() {
                lastRow = r
            }
        }
        return settled
    }

    /// Fragments of one column grouped into units that move together: one visual line, or
    /// lines closer than `cellLineGap`.
    struct Unit {
        var members: [Placed]
        var top: Double
        var bottom: Double
        var center: Double { (top + bottom) / 2 }
    }

    /// Whether `unit`, further from its row's number than a cell may sit, is a line of a cell
    /// already given to that row (`kept`): right under or right over one of its units, across
    /// its text, between the numbers of the rows before and after.
    static func adjoins(_ unit: Unit, _ kept: [Unit], between previous: Placed?, _ next: Placed?, settings: TableSettings) -> Bool {
        if let next, unit.bottom > next.top { return false }
        if let previous, unit.top < previous.bottom { return false }
        let x0 = unit.members.map(\.fragment.x0).min()!, x1 = unit.members.map(\.fragment.x1).max()!
        let page = unit.members[0].fragment.page
        // (Text: one empty line between, where `pdftotext -layout` set a neighbouring column's
        // line between a cell's lines.)
        let most = (settings.cellLineGap < 0 ? 1 : settings.cellLineGap) + 1e-9
        return kept.contains { k in
            let below = unit.top - k.bottom, above = k.top - unit.bottom
            return (below >= -settings.lineTolerance && below <= most || above >= -settings.lineTolerance && above <= most)
                && k.members.contains { $0.fragment.page == page && $0.fragment.horizontalOverlap(x0, x1) > 0 }
        }
    }

    /// Groups a column's fragments into units: fragments of one line, and lines close enough to
    /// be one cell's (`cellLineGap`) — but never two lines that each carry a different row number
    /// (a table ruled tight, as a spreadsheet prints it: rows as close as a cell's lines). In a
    /// column of one cell per row (`perRow`: no merged cells), a unit as tall as two rows' numbers
    /// (a three-line table set tight, no rule between rows) is its lines, each a unit.
    static func makeUnits(_ items: [Placed], anchors: [Placed] = [], settings: TableSettings, perRow: Bool = false) -> [Unit] {
        let sorted = items.sorted { ($0.center, $0.fragment.x0) < ($1.center, $1.fragment.x0) }
        // The row number whose line a fragment is on (anchors are sorted by centre).
        let centres = anchors.map(\.center)
        func rowLine(_ p: Placed) -> Int? {
            var lo = 0, hi = centres.count
            while lo < hi { let mid = (lo + hi) / 2; if centres[mid] < p.center - settings.lineTolerance { lo = mid + 1 } else { hi = mid } }
            guard lo < centres.count, abs(centres[lo] - p.center) <= settings.lineTolerance else { return nil }
            return lo
        }
        /// The indices of the row numbers nearest to `y` (two when both sit as near, within
        /// `lineTolerance`).
        func nearest(_ y: Double) -> [Int] {
            var lo = 0, hi = centres.count
            while lo < hi { let mid = (lo + hi) / 2; if centres[mid] < y { lo = mid + 1 } else { hi = mid } }
            let candidates = [lo - 1, lo].filter { centres.indices.contains($0) }
            guard let best = candidates.map({ abs(centres[$0] - y) }).min() else { return [] }
            return candidates.filter { abs(centres[$0] - y) <= best + settings.lineTolerance }
        }
        var firstCentreOfPage: [Int: Double] = [:]
        for a in anchors where a.center < firstCentreOfPage[a.fragment.page] ?? .infinity { firstCentreOfPage[a.fragment.page] = a.center }
        var units: [Unit] = []
        for p in sorted {
            if var last = units.last {
                let sameLine = abs(p.center - last.members.last!.center) <= settings.lineTolerance
                // (Looked up only for lines close enough to be one cell's.)
                let sameCell = settings.cellLineGap >= 0 && p.top - last.bottom <= settings.cellLineGap
                    && !(rowLine(p).map { row in last.members.contains { rowLine($0).map { $0 != row } ?? false } } ?? false)
                if sameLine || sameCell {
                    last.members.append(p)
                    last.top = min(last.top, p.top)
                    last.bottom = max(last.bottom, p.bottom)
                    units[units.count - 1] = last
                    continue
                }
            }
            units.append(Unit(members: [p], top: p.top, bottom: p.bottom))
        }
        // A dense column (a line for nearly every row) whose unit holds two rows' numbers within
        // its height is a table set tight (rows as close as a cell's lines, no rule between
        // them): its lines are given to rows one by one.
        return units.flatMap { unit -> [Unit] in
            if perRow, unit.members.count > 1 {
                var lo = 0, hi = centres.count
                while lo < hi { let mid = (lo + hi) / 2; if centres[mid] <= unit.top { lo = mid + 1 } else { hi = mid } }
                if lo + 1 < centres.count, centres[lo + 1] < unit.bottom { return lines(of: unit, settings: settings) }
                // So is one whose lines lie nearest two different row numbers, or one as near two
                // (the last lines of a centred cell run on into the next row's first, as close as
                // its own lines).
                if Set(unit.members.flatMap { nearest($0.center) }).count > 1 { return lines(of: unit, settings: settings) }
                // And one above its page's first row number: where the rest of a row a page
                // break cut ends in it cannot be told by gaps.
                if unit.members.contains(where: { $0.center < firstCentreOfPage[$0.fragment.page] ?? -.infinity }) {
                    return lines(of: unit, settings: settings)
                }
            }
            return lineUnitsIfAcrossRows(unit, centres: centres, rowLine: rowLine, settings: settings)
        }
    }

    /// How many visual lines the fragments make.
    static func lineCount(_ items: [Placed], settings: TableSettings) -> Int {
        var count = 0
        var last = -Double.infinity
        for c in items.map(\.center).sorted() where c - last > settings.lineTolerance {
            count += 1
            last = c
        }
        return count
    }

    /// A unit's visual lines, each a unit of its own.
    static func lines(of unit: Unit, settings: TableSettings) -> [Unit] {
        var lines: [Unit] = []
        for m in unit.members {
            if var last = lines.last, abs(m.center - last.members.last!.center) <= settings.lineTolerance {
                last.members.append(m)
                last.top = min(last.top, m.top)
                last.bottom = max(last.bottom, m.bottom)
                lines[lines.count - 1] = last
            } else {
                lines.append(Unit(members: [m], top: m.top, bottom: m.bottom))
            }
        }
        return lines
    }

    /// A unit holding a row's number line and a line nearer another row's number line than to
    /// its own is a table ruled tight (rows as close as a cell's lines, `制造业` over the first
    /// line of the next row's wrapped `电力、热力、燃` / `气及水生产和供` / `应业`): its lines
    /// are given to rows one by one, by the alignment programme, instead of as one cell.
    static func lineUnitsIfAcrossRows(
        _ unit: Unit, centres: [Double], rowLine: (Placed) -> Int?, settings: TableSettings
    ) -> [Unit] {
        guard unit.members.count > 1, let k = unit.members.lazy.compactMap(rowLine).first else { return [unit] }
        let own = centres[k]
        let across = unit.members.contains { m in
            if m.center > own + settings.lineTolerance, k + 1 < centres.count {
                return centres[k + 1] - m.center < m.center - own
            }
            if m.center < own - settings.lineTolerance, k > 0 {
                return m.center - centres[k - 1] < own - m.center
            }
            return false
        }
        guard across else { return [unit] }
        return lines(of: unit, settings: settings)
    }

    /// For columns whose content has a shape (codes, subsidies), whether a candidate cell reads:
    /// of two splits that fit the geometry about as well, the one that gives readable cells
    /// wins — this is what rejoins a row that a page break split.
    static func readability(of field: TableField) -> (([Placed]) -> Bool)? {
        switch field {
        case .training, .assessment:
            // A cell ending with a separator (`初级1,200元；`) is cut: its rest is on another line.
            // One saying none (`—`), or kept as text (`按实际发生费用`), is whole on one line: two
            // such lines are two cells (`——`, a row's `—` pushed into the next row's).
            return { members in
                let text = cellText(members)
                if let last = text.last(where: { !$0.isWhitespace }), "；;、,，".contains(last) { return false }
                // A unit first (`元/人` of the row above), or a level cut after its first
                // character (`初级、中级、高` / `级：最高 2600`): another row's text is in it.
                let compact = Blank.removed(from: text)
                if compact.hasPrefix("元") { return false }
                if let last = compact.last, "初中高".contains(last), let before = compact.dropLast().last, "、，,/".contains(before) {
                    return false
                }
                let oneLine = members.count == 1 || members.map(\.bottom).max()! - members.map(\.top).min()!
                    <= 1.5 * members.map { $0.bottom - $0.top }.max()!
                // Lines naming levels against the scale's order are two cells' (a row split by a
                // page break, its last line `三级：2300元/人` over the next row's `初级、中级：…`).
                if !oneLine, !SubsidyParser.levelsInScaleOrder(text) { return false }
                switch SubsidyParser.read(text) {
                case .subsidy(let subsidy): return !subsidy.levels.isEmpty || oneLine
                case .none: return oneLine
                case .unreadable: return false
                }
            }
        case .code:
            return { CodeSyntax.isWellFormed(CodeSyntax.normalise(cellText($0))) }
        case .name:
            return { members in
                let text = Blank.removed(from: cellText(members))
                return !OccupationName.looksCutShort(text) && MergedCells.bracketDepth(text) == 0 && !MergedCells.closesFirst(text)
            }
        case .industry:
            // `制造业`, `…供应业`: of splits that fit alike, the one whose industries end as one
            // (and whose brackets close, as a name's do: `…（设施农业、…畜牧养殖）`).
            // (A cell over a page break is left to `TableRecovery.cellsCutByPageBreaks`, which
            // says what it carried back.)
            return { members in
                guard let page = members.first?.fragment.page, members.allSatisfy({ $0.fragment.page == page }) else { return true }
                let text = Blank.removed(from: cellText(members))
                return IndustryName.endsLikeOne(text) && MergedCells.bracketDepth(text) == 0 && !MergedCells.closesFirst(text)
            }
        default:
            return nil
        }
    }

    /// The text of a candidate cell, in reading order.
    static func cellText(_ members: [Placed]) -> String {
        let sorted = members.sorted { ($0.top, $0.fragment.x0) < ($1.top, $1.fragment.x0) }
        return RowRecord(seq: 0, anchor: sorted[0].fragment, cells: [.name: sorted.map(\.fragment)]).text(.name)
    }

    /// How a column's cells sit in their rows.
    enum Alignment: CaseIterable { case center, top, bottom }

    /// The weight of a sparse column's units' distances from their rows' numbers in a cell's
    /// cost: small enough to decide only between splits the alignment rates alike.
    static let nearnessWeight = 1e-6

    /// The row index of every unit (units sorted top to bottom, anchors likewise), and the
    /// total misalignment of the cells under `alignment`.
    static func assign(
        _ units: [Unit], anchors: [Placed], alignment: Alignment, emptyCost: Double,
        unreadableCost: Double = 0, readable: ((_ row: Int, _ members: [Placed]) -> Bool)? = nil, apartCost: (gap: Double, cost: Double)? = nil
    ) -> ([Int], Double) {
        let n = anchors.count
        // gap g in 0..<n-1 holds units between anchor g and g+1; units above the first anchor
        // belong to row 0, units below the last to row n-1.
        var gapOf = [Int](repeating: 0, count: units.count)
        var a = 0
        for (i, u) in units.enumerated() {
            while a < n && anchors[a].center <= u.center { a += 1 }
            gapOf[i] = a - 1  // -1: above the first anchor
        }
        var result = [Int](repeating: 0, count: units.count)
        var gaps = [[Int]](repeating: [], count: max(n - 1, 0))
        var above: [Int] = []
        var below: [Int] = []
        for (i, g) in gapOf.enumerated() {
            if g < 0 { above.append(i) } else if g >= n - 1 { below.append(i) } else { gaps[g].append(i) }
        }
        for i in above { result[i] = 0 }
        for i in below { result[i] = n - 1 }
        guard n > 1 else { return (result, 0) }

        /// The extent of the units at the given indices.
        func extent(_ idx: ArraySlice<Int>, into e: inout (Double, Double)) {
            for i in idx {
                e.0 = min(e.0, units[i].top)
                e.1 = max(e.1, units[i].bottom)
            }
        }
        func cost(row r: Int, tail: ArraySlice<Int>, head: ArraySlice<Int>) -> Double {
            var e = (Double.infinity, -Double.infinity)
            extent(tail, into: &e)
            extent(head, into: &e)
            if r == 0 { extent(above[...], into: &e) }
            if r == n - 1 { extent(below[...], into: &e) }
            guard e.0 <= e.1 else { return emptyCost }
            let anchor = anchors[r]
            var c: Double
            switch alignment {
            case .top: c = abs(e.0 - anchor.top)
            case .bottom: c = abs(e.1 - anchor.bottom)
            case .center: c = abs((e.0 + e.1) / 2 - anchor.center)
            }
            // A sparse column (an empty cell is no cost): of splits that fit the alignment as well,
            // each unit nearest its own row's number. Under top or bottom alignment, two marks on
            // consecutive rows' number lines (`*`, `*`) fit as one cell of the lower (upper) row
            // as well as apart, and every other row lost its mark.
            if emptyCost == 0 {
                var near = 0.0
                for i in tail { near += abs(units[i].center - anchor.center) }
                for i in head { near += abs(units[i].center - anchor.center) }
                c += Self.nearnessWeight * near
            }
            // Units further apart than a cell's lines are two cells (`apartCost`): a remark at
            // the foot of one row and another at the head of the row after next are not one
            // cell of the row between.
            if let apartCost {
                var bottom = -Double.infinity
                var parts = 0
                for idx in [r == 0 ? above[...] : [], tail, head, r == n - 1 ? below[...] : []] {
                    for i in idx {
                        if units[i].top - bottom > apartCost.gap { parts += 1 }
                        bottom = max(bottom, units[i].bottom)
                    }
                }
                c += Double(max(parts - 1, 0)) * apartCost.cost
            }
            if let readable {
                var members: [Placed] = []
                for i in tail { members += units[i].members }
                for i in head { members += units[i].members }
                if r == 0 { for i in above { members += units[i].members } }
                if r == n - 1 { for i in below { members += units[i].members } }
                if !readable(r, members) { c += unreadableCost }
            }
            return c
        }
        // dp[g][s]: best cost of rows 0...g with split s in gap g (units gaps[g][..<s] go up).
        var dp: [[Double]] = []
        var back: [[Int]] = []
        for g in 0..<(n - 1) {
            let m = gaps[g].count
            var row = [Double](repeating: .infinity, count: m + 1)
            var from = [Int](repeating: 0, count: m + 1)
            for s in 0...m {
                let head = gaps[g][..<s]
                if g == 0 {
                    row[s] = cost(row: 0, tail: [], head: head)
                } else {
                    let prev = gaps[g - 1]
                    for t in 0...prev.count {
                        let c = dp[g - 1][t] + cost(row: g, tail: prev[t...], head: head)
                        if c < row[s] {
                            row[s] = c
                            from[s] = t
                        }
                    }
                }
            }
            dp.append(row)
            back.append(from)
        }
        // Close with the last row.
        let lastGap = gaps[n - 2]
        var best = Double.infinity
        var bestS = 0
        for s in 0...lastGap.count {
            let c = dp[n - 2][s] + cost(row: n - 1, tail: lastGap[s...], head: [])
            if c < best {
                best = c
                bestS = s
            }
        }
        var s = bestS
        for g in stride(from: n - 2, through: 0, by: -1) {
            for (k, i) in gaps[g].enumerated() { result[i] = k < s ? g : g + 1 }
            s = back[g][s]
        }
        return (result, best)
    }
}
