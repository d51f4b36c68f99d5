/// Splits decoded UTF-8 text into positioned lines: pages at form feeds, lines at any line end,
/// fragments at blanks (ASCII blanks, tabs, U+3000, U+00A0), scanning bytes.
///
/// A fragment's x is the 0-based scalar column where it starts (as `pdftotext -layout` counts
/// them), its y the line's index on its page.
public enum TextLayout {
    /// The pages of the text, every physical line kept (blank ones too) so each is accounted for.
    public static func pages(_ bytes: [UInt8]) -> [PageText] {
        var pages: [PageText] = []
        var lines: [TextLine] = []
        var fragments: [Fragment] = []
        var lineNumber = 1
        var page = 1
        var column = 0
        var tokenStart = -1
        var tokenColumn = 0
        var i = 0
        let n = bytes.count

        func closeToken(at end: Int) {
            guard tokenStart >= 0 else { return }
            let text = String(decoding: bytes[tokenStart..<end], as: UTF8.self)
            let y = Double(lines.count)
            fragments.append(Fragment(
                text: text, x0: Double(tokenColumn), x1: Double(column), y0: y, y1: y + 1,
                page: page, line: lineNumber, column: tokenColumn + 1))
            tokenStart = -1
        }
        func closeLine() {
            lines.append(TextLine(page: page, line: lineNumber, fragments: fragments))
            fragments.removeAll(keepingCapacity: true)
            column = 0
        }
        func closePage() {
            let width = lines.flatMap(\.fragments).map(\.x1).max() ?? 0
            pages.append(PageText(number: page, width: width, height: Double(lines.count), lines: lines))
            lines.removeAll(keepingCapacity: true)
            page += 1
        }

        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0A, 0x0D:
                closeToken(at: i)
                closeLine()
                lineNumber += 1
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                continue
            case 0x0C:
                closeToken(at: i)
                if !fragments.isEmpty { closeLine() }
                closePage()
                i += 1
                continue
            case 0x20, 0x09, 0x0B:
                closeToken(at: i)
                i += 1
                column += 1
                continue
            default:
                break
            }
            // Multi-byte blanks: U+3000 (E3 80 80), U+00A0 (C2 A0), U+FEFF (EF BB BF).
            var blankLength = 0
            if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                blankLength = 3
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                blankLength = 2
            } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                blankLength = 3
            }
            if blankLength > 0 {
                closeToken(at: i)
                i += blankLength
                column += 1
                continue
            }
            if tokenStart < 0 {
                tokenStart = i
                tokenColumn = column
            }
            // Advance one scalar.
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            i = min(i + length, n)
            column += 1
        }
        closeToken(at: n)
        if !fragments.isEmpty || n == 0 || (bytes.last != 0x0A && bytes.last != 0x0D && bytes.last != 0x0C) {
            closeLine()
        }
        if !lines.isEmpty || pages.isEmpty { closePage() }
        return pages
    }

    /// True when the header is laid out in columns (labels apart by runs of blanks, as
    /// `pdftotext -layout` prints it) rather than delimited by single separators.
    public static func isColumnLayout(_ pages: [PageText], roles: [[LineRole]]) -> Bool {
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where roles[p][i] == .header {
                let f = line.fragments
                for k in f.indices.dropFirst() where f[k].x0 - f[k - 1].x1 >= 2 {
                    return true
                }
            }
            if roles[p].contains(.header) { return false }
        }
        return false
    }
}
