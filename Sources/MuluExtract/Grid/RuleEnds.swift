import MuluPDF

/// Cuts a vertical rule's end that runs on through a glyph: a stroke of a character set tight
/// against a rule (a header row just tall enough for its line, `培训补贴标准（元/人）` merged over
/// 初级 | 中级 | 高级) is found with the rule under it as one run, and would part the merged
/// cell and its words. A rule between cells passes between glyphs, never through one.
public enum RuleEnds {
    /// `rules` with each vertical rule's piece beyond its first or last crossing rule removed
    /// where that piece stands within one glyph's box: through it (half a point inside its sides)
    /// and no taller (a fifth of its height of slack at each end).
    public static func cutThroughGlyphs(_ rules: [Rule], glyphs: [PDFGlyph]) -> [Rule] {
        let across = rules.filter { $0.orientation == .horizontal }
        guard !across.isEmpty, !glyphs.isEmpty else { return rules }
        func throughGlyph(x: Double, from top: Double, to bottom: Double) -> Bool {
            glyphs.contains { g in
                let inset = 0.2 * (g.y1 - g.y0)
                return g.x0 + 0.5 < x && x < g.x1 - 0.5 && top >= g.y0 - inset && bottom <= g.y1 + inset
            }
        }
        return rules.map { rule in
            guard rule.orientation == .vertical else { return rule }
            let x = rule.position
            let crossings = across.filter { $0.start - 1 <= x && x <= $0.end + 1 }
                .map { $0.position(at: x) }.filter { $0 > rule.start + 1 && $0 < rule.end - 1 }
            guard let first = crossings.min(), let last = crossings.max() else { return rule }
            var out = rule
            if throughGlyph(x: rule.position(at: (rule.start + first) / 2), from: rule.start, to: first) { out.start = first }
            if throughGlyph(x: rule.position(at: (last + rule.end) / 2), from: last, to: rule.end) { out.end = last }
            return out
        }
    }
}
