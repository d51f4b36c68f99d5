import MuluSupport
import MuluModel

/// Names the fields of body fragments in a band of text that the gutters could not split: in
/// text laid out by `pdftotext -layout` from a narrow table, a cell's text runs into its
/// neighbour's column with one blank between them, and the header's words sit elsewhere than the
/// body's columns. What each fragment holds decides: a code (or a code's wrapped tail) goes to
/// the code column, a subsidy (level words, `元/人`) to the training column, or to the assessment
/// column when it is the second on its line or lies past where the second ones start, an urgency
/// mark (rightmost on its line, or past where the second subsidies start) to the urgency column, a row number to the 序号 column, other text to the industry (left
/// of the codes) or the name. Pure.
public enum ContentColumns {
    /// What a fragment's text looks like.
    enum Kind: Equatable {
        case code, codeTail, subsidy, mark, text
    }

    /// The kind of a fragment's text.
    static func kind(_ text: String) -> Kind {
        let t = Blank.removed(from: text)
        let scalars = Array(t.unicodeScalars)
        guard let first = scalars.first else { return .text }
        let codeLike = scalars.allSatisfy { Digits.value($0) != nil || CodeSyntax.isDash($0) || CodeSyntax.isAsterisk($0) }
        if codeLike, Digits.value(first) != nil, scalars.contains(where: CodeSyntax.isDash) { return .code }
        // A 专项职业能力 code (`S-0403-002`).
        if ("A"..."Z").contains(first), scalars.count >= 5, scalars.contains("-"), CodeSyntax.isOtherCode(t) { return .code }
        if codeLike, scalars.count <= 2, scalars.allSatisfy({ Digits.value($0) != nil }) || scalars.allSatisfy(CodeSyntax.isAsterisk) {
            return scalars.allSatisfy(CodeSyntax.isAsterisk) ? .mark : .codeTail
        }
        if UrgencyMark.read(t) == true { return .mark }
        // A dash or `无` in a band of subsidies is a subsidy cell that says none (`—`).
        if noneCells.contains(t) { return .subsidy }
        // Level words, a per-person rate, an amount in yuan (not 元 in a name: 元件).
        if t.contains(utf8: "级") || t.contains(utf8: "/人") || t.contains(utf8: "元/") || t.contains(utf8: "最高") || t.contains(utf8: "补贴") { return .subsidy }
        // A subsidy described in words (`按实际发生费用`), as `SubsidyParser` keeps it.
        if case .subsidy(let s) = SubsidyParser.read(t), s.amountYuan == nil, s.amounts.isEmpty { return .subsidy }
        for (a, b) in zip(scalars, scalars.dropFirst()) where Digits.value(a) != nil && b == "元" { return .subsidy }
        return .text
    }

    /// True when `fragment` is digits only and one of the `lines` above holds, over it, a subsidy
    /// cut after a digit or before its amount (`初级、中级、高级：2` / `400 元/人`, `中级或高级：` /
    /// `300 元/人`): the rest of that amount, or the amount.
    static func isAmountRest(_ fragment: Fragment, under lines: ArraySlice<[Fragment]>, _ out: [Fragment: TableField]) -> Bool {
        let t = Blank.removed(from: fragment.text)
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ Digits.value($0) != nil }) else { return false }
        return lines.contains { line in
            line.contains { f in
                [.training, .assessment].contains(out[f])
                    && f.text.unicodeScalars.last.map { Digits.value($0) != nil || $0 == "：" || $0 == ":" } == true
                    && fragment.horizontalOverlap(f.x0, f.x1) > 0
            }
        }
    }

    /// Cells that say "no subsidy" in a band of subsidies: placed as a subsidy is (second on
    /// its line, or past the split: the assessment's); a third on a line after two subsidies is
    /// the urgency's "not urgent".
    static let noneCells: Set<String> = ["—", "——", "-", "–", "－", "/", "／", "无"]

    /// What is left of a unit wrapped onto a line of its own (`人` after `元/`, `人次`).
    static let unitRests: Set<String> = ["人", "人次", "次", "期", "元", "/人", "/次", "人/次", "/人次", "元/人"]

    /// What `assign` decided for one band of one page.
    public struct Assignment {
        /// The field of each fragment.
        public var fields: [Fragment: TableField] = [:]
        /// The lone subsidies whose column (training or assessment) could not be told: no line
        /// of their page holds both, and no earlier page's split places them clearly.
        public var undecided: Set<Fragment> = []
    }

    /// The field of each fragment of `lines` (one band's fragments per line), given the fields
    /// the band spans in the header's order; fragments nothing decides keep `fallback`.
    ///
    /// A lone subsidy on a page where no line holds both subsidies is placed by `carriedSplit`
    /// (an earlier page's split, from where its codes start) measured from this page's codes;
    /// within `margin` of it, or without it, the subsidy keeps its guess and is `undecided`.
    public static func assign(
        lines: [[Fragment]], fields: [TableField], fallback: TableField, carriedSplit: Double? = nil, margin: Double = 0
    ) -> Assignment {
        let has = Set(fields)
        // Which free-text field lies left of the codes and which right, by the header's order.
        let textSides: (TableField, TableField) = {
            guard let c = fields.firstIndex(of: .code), let n = fields.firstIndex(of: .name),
                  let i = fields.firstIndex(of: .industry), n < c, i > c else { return (.industry, .name) }
            return (.name, .industry)
        }()
        var out: [Fragment: TableField] = [:]
        var undecided: Set<Fragment> = []
        let sorted = lines.map { $0.sorted { $0.x0 < $1.x0 } }
        let (split, codeStart) = anchors(sorted)
        let parted = textParting(sorted, fields: fields)
        // The previous line's undecided subsidies: an undecided one under one of them is the
        // same cell wrapped (`初级或中级：200` / `元/人`) and goes where it went.
        var above: [Fragment] = []
        // The lines before, nearest last: where the rest of a wrapped unit looks for its amount.
        var before: [[Fragment]] = []
        for line in sorted {
            defer { before.append(line) }
            var here: [Fragment] = []
            func undecide(_ f: Fragment, _ field: inout TableField?) {
                if let head = above.first(where: { f.horizontalOverlap($0.x0, $0.x1) > 0 }), let went = out[head] { field = went }
                undecided.insert(f)
                here.append(f)
            }
            defer { above = here }
            var subsidiesSeen = 0
            let subsidyCount = line.filter { kind($0.text) == .subsidy && amountBefore($0, in: line) == nil }.count
            for f in line {
                var field: TableField?
                if has.contains(.seq), RowNumber.parsePointed(f.text) != nil {
                    out[f] = .seq
                    continue
                }
                switch kind(f.text) {
                case .text where unitRests.contains(Blank.removed(from: f.text)),
                     .text where Self.isAmountRest(f, under: before.suffix(2), out),
                     .codeTail where Self.isAmountRest(f, under: before.suffix(2), out):
                    // The rest of a unit wrapped under its amount (`初级、中级：2160 元/` / `人`,
                    // a row line between): that subsidy's, when one of the two lines above
                    // holds one over it.
                    for earlier in before.suffix(2).reversed() {
                        if let head = earlier.first(where: { f.horizontalOverlap($0.x0, $0.x1) > 0 && [.training, .assessment].contains(out[$0]) }) {
                            field = out[head]
                            break
                        }
                    }
                    if field == nil, has.contains(.name) { field = .name }
                case .code, .codeTail:
                    if has.contains(.code) { field = .code }
                case .mark:
                    if has.contains(.urgent),
                       !has.contains(.code) || isRightmost(f, of: line, fields: has) || split.map({ f.x0 > $0 }) == true {
                        field = .urgent
                    } else if has.contains(.code) {
                        field = .code
                    }
                case .subsidy where amountBefore(f, in: line) != nil:
                    let amount = amountBefore(f, in: line)!
                    field = out[amount]
                    if undecided.contains(amount) { undecided.insert(f); here.append(f) }
                case .subsidy where subsidiesSeen >= 2 && has.contains(.urgent) && noneCells.contains(Blank.removed(from: f.text)):
                    field = .urgent
                case .subsidy:
                    if has.contains(.training), has.contains(.assessment) {
                        if subsidyCount >= 2 {
                            field = subsidiesSeen == 0 ? .training : .assessment
                        } else if let split {
                            field = (f.x0 + f.x1) / 2 < split ? .training : .assessment
                        } else if let carriedSplit, let codeStart {
                            // No line of this page holds both: an earlier page's split, from
                            // where the codes start (each page is laid out on its own).
                            let at = codeStart + carriedSplit, centre = (f.x0 + f.x1) / 2
                            field = centre < at ? .training : .assessment
                            if abs(centre - at) < margin { undecide(f, &field) }
                        } else {
                            undecide(f, &field)
                        }
                    } else if has.contains(.training) {
                        field = .training
                    } else if has.contains(.assessment) {
                        field = .assessment
                    }
                    subsidiesSeen += 1
                case .text:
                    let code = line.first(where: { kind($0.text) == .code })
                    let centre = (f.x0 + f.x1) / 2
                    if let parted, parted.side.map({ left in (code.map { f.x1 <= $0.x0 } ?? (codeStart.map { centre < $0 } ?? left)) == left }) ?? true {
                        // Industry and name on one side of the code, or in a band without codes:
                        // parted where the lines holding both part them.
                        field = centre < parted.at ? parted.first : parted.second
                    } else if has.contains(.industry), has.contains(.name), let codeStart {
                        // Left of its line's code, or (no code on the line) centred left of
                        // where codes typically start: the industry — or the name, when the
                        // header puts the name before the code and the industry after it.
                        let (left, right) = textSides
                        if let code {
                            field = f.x1 <= code.x0 ? left : right
                        } else {
                            field = centre < codeStart ? left : right
                        }
                    } else if has.contains(.name) {
                        field = .name
                    } else if has.contains(.industry) {
                        field = .industry
                    }
                }
                out[f] = field ?? fallback
            }
        }
        return Assignment(fields: out, undecided: undecided)
    }

    /// Where the industry's text parts from the name's when the header puts both on one side of
    /// the code (`序号 所属行业 职业名称 职业编码`), or the band holds no code column: the median
    /// midpoint between the first two text fragments on that side of a line's code (on a line of
    /// the band), over the lines holding two; the field left of it, the one right of it, and the
    /// side of the code (left: true; nil without a code column). Nil otherwise.
    static func textParting(_ sorted: [[Fragment]], fields: [TableField]) -> (at: Double, first: TableField, second: TableField, side: Bool?)? {
        guard let n = fields.firstIndex(of: .name), let i = fields.firstIndex(of: .industry) else { return nil }
        let c = fields.firstIndex(of: .code)
        if let c, (n < c) != (i < c) { return nil }
        let side = c.map { n < $0 }
        var mids: [Double] = []
        for line in sorted {
            let code = line.first(where: { kind($0.text) == .code })
            if side != nil && code == nil { continue }
            let texts = line.filter { f in
                kind(f.text) == .text && RowNumber.parsePointed(f.text) == nil
                    && (code.map { side == true ? f.x1 <= $0.x0 : f.x0 >= $0.x1 } ?? true)
            }
            if texts.count >= 2 { mids.append((texts[0].x1 + texts[1].x0) / 2) }
        }
        guard !mids.isEmpty else { return nil }
        mids.sort()
        return (mids[mids.count / 2], i < n ? .industry : .name, i < n ? .name : .industry, side)
    }

    /// Where the lines holding two subsidies split training from assessment (the median of the
    /// midpoints between a line's first two), and where codes start (the median code's left).
    static func anchors(_ sorted: [[Fragment]]) -> (split: Double?, codeStart: Double?) {
        var splits: [Double] = []
        var codeLeft: [Double] = []
        for line in sorted {
            let subsidies = line.filter { kind($0.text) == .subsidy && amountBefore($0, in: line) == nil }
            if subsidies.count >= 2 { splits.append((subsidies[0].x1 + subsidies[1].x0) / 2) }
            for f in line where kind(f.text) == .code { codeLeft.append(f.x0) }
        }
        splits.sort()
        codeLeft.sort()
        return (splits.isEmpty ? nil : splits[splits.count / 2], codeLeft.isEmpty ? nil : codeLeft[codeLeft.count / 2])
    }

    /// Where a page's body lines holding both subsidies split them (without such a line, the
    /// page's `gutter` between its training and assessment columns, when its gaps part them),
    /// measured from where its codes start: what `assign` carries to pages without such a line
    /// (`pdftotext -layout` lays out each page on its own, so only that distance carries over).
    /// Nil without a split or without codes.
    public static func split(lines: [[Fragment]], gutter: Double? = nil) -> Double? {
        let (split, codeStart) = anchors(lines.map { $0.sorted { $0.x0 < $1.x0 } })
        return (split ?? gutter).flatMap { s in codeStart.map { s - $0 } }
    }

    /// For a unit alone (`元/人`, or its start `元/` wrapped after it), the fragment just before
    /// it on its line when that one ends with an amount (`初级、中级：2160`) one blank before it:
    /// one subsidy printed with a blank before its unit (farther off, the unit is another
    /// column's, wrapped). `anyText`: the fragment before need not look like a subsidy itself
    /// (`2,160.00` alone), for a caller that knows its field.
    static func amountBefore(_ f: Fragment, in line: [Fragment], anyText: Bool = false) -> Fragment? {
        let unit = Blank.removed(from: f.text)
        guard !unit.isEmpty, SubsidyParser.units.contains(where: { $0.hasPrefix(unit) }),
              let previous = line.last(where: { $0.x1 <= f.x0 }), f.x0 - previous.x1 <= 1.5,
              let last = Blank.removed(from: previous.text).unicodeScalars.last, Digits.value(last) != nil,
              anyText || kind(previous.text) == .subsidy
        else { return nil }
        return previous
    }

    /// A mark is the urgency column's when nothing but other marks lies right of it on its line
    /// and the line holds a subsidy or no code head (a code's `*` tail sits under a code head).
    static func isRightmost(_ f: Fragment, of line: [Fragment], fields: Set<TableField>) -> Bool {
        !line.contains { $0.x0 > f.x0 && kind($0.text) != .mark }
            && (line.contains { kind($0.text) == .subsidy } || !fields.contains(.training))
    }
}
