import MuluModel
import MuluExtract

/// Text tables whose columns a rule line of `=` or `-` runs marks out (reStructuredText's simple
/// tables, pandoc's simple tables): `==== ======== ====` over and under the header, a run over
/// each column and one blank between runs. A cell may fill its column to the blank, so gaps of
/// two blanks do not part the cells; the rule does, by display column (a CJK character two
/// wide, as the runs were measured), or by character where that fits (`sqlite3 -column`). The blank at each gap of the rule becomes a tab in every
/// line of the table, so that it is read as tab-delimited text, byte for byte where it was.
/// (Hand-written: no library reads these tables, and the rule is exact.)
public enum RuledTextColumns {
    /// A rule line needs at least this many runs. Default 3.
    public static let minRuns = 3

    /// `bytes` with each line of the first rule-marked table cut into tab-separated cells, or nil
    /// when the opening `probeLines` lines hold no rule line next to a header line (or no line
    /// has a blank at a gap).
    public static func tabbed(_ bytes: [UInt8], probeLines: Int) -> [UInt8]? {
        // (The opening lines first: most notices have no rule line there, and the whole text is
        // not split into lines for nothing.)
        let probe = DelimitedText.lineRanges(bytes, limit: probeLines + 1)
        guard probe.indices.prefix(probeLines).contains(where: { runs(bytes, probe[$0]) != nil }) else { return nil }
        let lines = DelimitedText.lineRanges(bytes)
        let runsOf = lines.map { runs(bytes, $0) }
        // The rule next to a header (above or under it).
        guard let first = lines.indices.prefix(probeLines).first(where: { k in
            guard let r = runsOf[k], r.count >= minRuns else { return false }
            return [k - 1, k + 1].contains { j in j >= 0 && j < lines.count && runsOf[j] == nil && namesFields(bytes, lines[j]) }
        }), let columns = runsOf[first] else { return nil }
        // The table: from the line before the rule (a header over its rule) to the last rule line
        // of the same runs, or else to the first empty line after the rule.
        let start = first > 0 && runsOf[first - 1] == nil && namesFields(bytes, lines[first - 1]) ? first - 1 : first
        var end = lines.count
        if let last = lines.indices.last(where: { $0 > first && runsOf[$0] == columns }), last > first + 1 {
            end = last + 1
        } else if let blank = lines.indices.first(where: { $0 > first && lines[$0].allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 } }) {
            end = blank
            // Rows apart by empty lines (pandoc's multiline table, a row's lines wrapped within
            // their columns): not this kind of table; the layout reader reads it.
            if let next = lines.indices.first(where: { $0 > blank && !lines[$0].allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 } }),
               case let text = String(decoding: bytes[lines[next]], as: UTF8.self).drop(while: { $0 == " " }),
               let number = text.split(separator: " ").first, number.allSatisfy(\.isASCIIDigit) {
                return nil
            }
        }
        // Byte for byte: the blank at each gap between runs becomes a tab, so every cell keeps
        // its place in its line (a diagnostic's column is the file's). Text running over a gap
        // (no blank there) leaves that boundary unmarked. The runs are measured in display
        // columns (a CJK character two wide, as pandoc pads), or else in characters (as
        // `sqlite3 -column` pads): whichever finds a blank at every gap on more lines.
        func cut(byCharacters: Bool) -> (out: [UInt8], cut: Bool, whole: Int) {
            var out = bytes
            var cutAny = false
            var whole = 0
            bytes.withUnsafeBufferPointer { p in
                for k in start..<end where runsOf[k] == nil {
                    let line = lines[k]
                    var column = 0, i = line.lowerBound, gap = 1, cuts = 0
                    while i < line.upperBound, gap < columns.count {
                        let b = p[i]
                        let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                        let width = b < 0x80 || byCharacters ? 1 : TextLayout.displayColumns(p, at: i, end: line.upperBound)
                        // The blank just before run `gap`.
                        while gap < columns.count, column + width > columns[gap].lowerBound - 1 {
                            if column == columns[gap].lowerBound - 1, b == 0x20 {
                                out[i] = 0x09
                                cutAny = true
                                cuts += 1
                            }
                            if column + width > columns[gap].lowerBound - 1 { gap += 1 } else { break }
                        }
                        column += width
                        i += n
                    }
                    if cuts == columns.count - 1 { whole += 1 }
                }
            }
            return (out, cutAny, whole)
        }
        let display = cut(byCharacters: false)
        let characters = cut(byCharacters: true)
        let chosen = characters.whole > display.whole ? characters : display
        return chosen.cut ? chosen.out : nil
    }

    /// The display-column ranges of a rule line's runs (`=`, or `-`, one kind, apart by single
    /// blanks or more, at least `minRuns`), or nil.
    static func runs(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var mark: UInt8 = 0
        var runStart = -1
        for (column, i) in line.enumerated() {
            let b = bytes[i]
            if b == 0x3D || b == 0x2D {
                if mark == 0 { mark = b } else if b != mark { return nil }
                if runStart < 0 { runStart = column }
            } else if b == 0x20 {
                if runStart >= 0 { out.append(runStart..<column); runStart = -1 }
            } else {
                return nil
            }
        }
        if runStart >= 0 { out.append(runStart..<line.count) }
        return out.count >= minRuns ? out : nil
    }

    /// Whether a line names at least `TableSettings.minHeaderKeywords` distinct fields in its
    /// blank-separated words.
    static func namesFields(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let words = String(decoding: bytes[line], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
        return Set(words.compactMap { HeaderWords.field(String($0)) }).count >= TableSettings.minHeaderKeywords
    }
}
