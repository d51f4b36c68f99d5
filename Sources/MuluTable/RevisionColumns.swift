import MuluModel
import MuluSupport

/// Revision sub-columns under one header cell (`调整前` and `调整后` under `培训补贴标准`): the
/// column in force keeps the field, the one it replaces is an extra column.
///
/// A revision notice that prints both amounts under one grouped header cell must be read by the
/// amount in force; the replaced amount is kept, never dropped and never read as the subsidy.
/// `ColumnMap` and `RuledRows` name the replaced column by the same rule (``header(parent:word:)``).
public enum RevisionColumns {
    /// Whether a header fragment's text is a revision sub-header (`调整前`, `调整后`, `原标准`).
    public static func isWord(_ text: String) -> Bool {
        let t = Blank.removed(from: text)
        return t.count <= 6 && HeaderWords.revision(t) != 0 && TableField(headerLabel: t) == nil
    }

    /// The name of the replaced column: its group's header and its own word (`培训补贴标准（调整前）`).
    public static func header(parent: String, word: String) -> String {
        Blank.removed(from: parent) + "（" + Blank.removed(from: word) + "）"
    }

    /// Revision words, left to right, as runs of one revised word and the replaced ones beside
    /// it (`调整前 调整后 调整前 调整后`: two runs). Nil when a run has no revised word or two.
    public static func runs<T>(_ words: [T], text: (T) -> String) -> [[T]]? {
        var runs: [[T]] = [[]]
        var kinds: [[Int]] = [[]]
        for w in words {
            if kinds[kinds.count - 1].contains(where: { $0 > 0 }), kinds[kinds.count - 1].contains(-1) {
                runs.append([])
                kinds.append([])
            }
            runs[runs.count - 1].append(w)
            kinds[kinds.count - 1].append(HeaderWords.revision(Blank.removed(from: text(w))))
        }
        guard kinds.allSatisfy({ $0.count >= 2 && $0.filter { $0 > 0 }.count == 1 }) else { return nil }
        return runs
    }

    /// Header cell texts with a line of revision words below them (`调整前 调整后`, a text's
    /// header): each run of words given, in order, to a subsidy column (one run) or to each
    /// subsidy column (as many runs as there are); the column's text for its revised word, and
    /// ``header(parent:word:)`` for a replaced one. Nil otherwise: which column a lone run is
    /// under, a text's words cannot say.
    public static func split(_ headers: [String], by line: [String]) -> [String]? {
        guard line.count >= 2, line.allSatisfy(isWord), let runs = runs(line, text: { $0 }) else { return nil }
        let subsidies = headers.indices.filter {
            let m = HeaderWords.meaning($0 < headers.count ? headers[$0] : "")
            return m == .field(.training) || m == .field(.assessment)
        }
        guard runs.count == subsidies.count else { return nil }
        var out: [String] = []
        for (i, text) in headers.enumerated() {
            guard let k = subsidies.firstIndex(of: i) else { out.append(text); continue }
            for w in runs[k] { out.append(HeaderWords.revision(w) > 0 ? text : header(parent: text, word: w)) }
        }
        return out
    }

    /// `cells` with each field cell that has revision words below it split at the midpoints
    /// between them: the revised part keeps the field, a replaced part becomes an extra cell
    /// (``header(parent:word:)``). The words, left to right, form runs of one revised word and
    /// the replaced ones beside it; a run belongs to the field cell it overlaps most (a centred
    /// group header is narrower than its sub-columns). Nil when a run has no revised word or
    /// overlaps no field cell, or two runs fall under one cell (the words are then header words
    /// like any other).
    public static func split(_ words: [Fragment], cells: [HeaderCell]) -> [HeaderCell]? {
        guard !words.isEmpty else { return cells }
        guard let runs = runs(words.sorted(by: { $0.x0 < $1.x0 }), text: \.text) else { return nil }
        var under: [Int: [Fragment]] = [:]
        for run in runs {
            let x0 = run.first!.x0, x1 = run.last!.x1
            func overlap(_ c: HeaderCell) -> Double { min(x1, c.x1) - max(x0, c.x0) }
            guard let k = cells.indices.filter({ cells[$0].field != nil }).max(by: { overlap(cells[$0]) < overlap(cells[$1]) }),
                  overlap(cells[k]) > 0, under[k] == nil else { return nil }
            under[k] = run
        }
        var out: [HeaderCell] = []
        for (k, cell) in cells.enumerated() {
            guard let run = under[k] else { out.append(cell); continue }
            let left = min(cell.x0, run.first!.x0), right = max(cell.x1, run.last!.x1)
            for (i, w) in run.enumerated() {
                var part = cell
                part.x0 = i == 0 ? left : (run[i - 1].x1 + w.x0) / 2
                part.x1 = i == run.count - 1 ? right : (w.x1 + run[i + 1].x0) / 2
                if HeaderWords.revision(Blank.removed(from: w.text)) < 0 {
                    part.field = nil
                    part.text = header(parent: cell.text, word: w.text)
                }
                out.append(part)
            }
        }
        return out
    }
}
