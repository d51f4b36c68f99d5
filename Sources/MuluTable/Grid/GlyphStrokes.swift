import MuluModel
import MuluExtract

/// Rules that are glyph strokes: `RuleFinder` finds the strokes of glyphs set against each
/// other, or touching the rules above and below in a row cut to one line by a page break, as
/// short rules through a line of text. A rule between cells runs past the text beside it, never
/// through it; these split cells that are whole.
public enum GlyphStrokes {
    /// Whether `rule` lies within the line of text `f`, through its glyphs. Horizontal: no
    /// longer than the text (`slack` at each end, else a line height), at a height inside it
    /// (clear of its top and bottom by a fifth of its height). Vertical: no taller than the line
    /// (a fifth of its height of slack at each end), at a place inside it (clear of its ends by a
    /// point).
    public static func lies(_ rule: Rule, within f: Fragment, slack: Double? = nil) -> Bool {
        let h = f.y1 - f.y0, inset = 0.2 * h
        switch rule.orientation {
        case .horizontal:
            let slack = slack ?? h
            guard rule.start >= f.x0 - slack, rule.end <= f.x1 + slack else { return false }
            let y = rule.position(at: min(max((f.x0 + f.x1) / 2, rule.start), rule.end))
            return y > f.y0 + inset && y < f.y1 - inset
        case .vertical:
            guard rule.start >= f.y0 - inset, rule.end <= f.y1 + inset else { return false }
            let x = rule.position(at: (rule.start + rule.end) / 2)
            return x > f.x0 + 1 && x < f.x1 - 1
        }
    }

    /// `rules` less those lying within a line of `text` (a page's); `slack` as `lies` takes it
    /// (a row rule under text as wide as its cell reaches past the text by less than a line).
    public static func removed(from rules: [Rule], text: [Fragment], slack: Double? = nil) -> [Rule] {
        rules.filter { r in !text.contains { lies(r, within: $0, slack: slack) } }
    }
}
