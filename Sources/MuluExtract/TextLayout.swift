import MuluSupport
import MuluModel
import MuluPDF
/// Splits decoded UTF-8 text into positioned lines: pages at form feeds, lines at any line end,
/// fragments at blanks (ASCII blanks, tabs, U+3000, U+00A0, U+FEFF), scanning bytes.
///
/// A fragment's x is the 0-based scalar column where it starts (as `pdftotext -layout` counts
/// them), its y the line's index on its page.
public enum TextLayout {
    /// One physical line: its bytes, its page and its numbers.
    public struct LineSpan: Hashable, Sendable {
        public var start: Int
        public var end: Int
        /// 1-based page (form feeds start a new one).
        public var page: Int
        /// 1-based line in the file.
        public var line: Int
        /// 0-based index of the line on its page.
        public var index: Int
    }

    /// A blank-separated token: its bytes and its 0-based scalar column.
    public struct Token: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var column: Int
        public var endColumn: Int
    }

    /// Every physical line, blank ones too, so each is accounted for.
    public static func spans(_ bytes: [UInt8]) -> [LineSpan] {
        var spans: [LineSpan] = []
        spans.reserveCapacity(bytes.count / 40 + 1)
        var line = 1
        var page = 1
        var index = 0
        var start = 0
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { p in
            let raw = UnsafeRawPointer(p.baseAddress)
            while i < n {
                // Eight bytes at a time while none is below 0x0E (line feed, form feed and
                // carriage return are; SWAR: such a byte borrows when 0x0E is subtracted).
                if i + 8 <= n, let raw {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let b = p[i]
                if b == 0x0A || b == 0x0D {
                    spans.append(LineSpan(start: start, end: i, page: page, line: line, index: index))
                    line += 1
                    index += 1
                    i += (b == 0x0D && i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else if b == 0x0C {
                    if i > start { spans.append(LineSpan(start: start, end: i, page: page, line: line, index: index)) }
                    page += 1
                    index = 0
                    i += 1
                    start = i
                } else {
                    i += 1
                }
            }
        }
        if start < n || n == 0 || spans.isEmpty {
            spans.append(LineSpan(start: start, end: n, page: page, line: line, index: index))
        }
        return spans
    }

    /// The tokens of one line, appended to `tokens` (cleared first); a token of vertical bars only
    /// is a rule between cells, no token (``Blank/isCellRule(_:start:end:)``), and takes no
    /// column.
    /// With `displayWidth`, a column counts as a terminal shows it: a wide character (CJK, full-width
    /// forms, the ideographic space) takes two (text aligned for display, see ``isDisplayAligned``).
    @inline(__always)
    public static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ span: LineSpan, into tokens: inout [Token], displayWidth: Bool = false) {
        tokens.removeAll(keepingCapacity: true)
        var i = span.start
        var column = 0
        var tokenStart = -1
        var tokenColumn = 0
        while i < span.end {
            let b = bytes[i]
            let blank = Blank.length(bytes, at: i, end: span.end)
            if blank > 0 {
                if tokenStart >= 0 {
                    if !Blank.isCellRule(bytes, start: tokenStart, end: i) {
                        tokens.append(Token(start: tokenStart, end: i, column: tokenColumn, endColumn: column))
                    } else {
                        // The rule and the blank before it take no column: ` | ` is one separator,
                        // not a gutter of a column layout.
                        column = max(0, tokenColumn - 1)
                    }
                    tokenStart = -1
                }
                column += displayWidth && blank == 3 && b == 0xE3 ? 2 : 1
                i += blank
                continue
            }
            if tokenStart < 0 {
                tokenStart = i
                tokenColumn = column
            }
            column += displayWidth && b >= 0xE0 ? displayColumns(bytes, at: i, end: span.end) : 1
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        if tokenStart >= 0, !Blank.isCellRule(bytes, start: tokenStart, end: min(i, span.end)) {
            tokens.append(Token(start: tokenStart, end: min(i, span.end), column: tokenColumn, endColumn: column))
        }
    }

    /// The fragment for a token.
    @inline(__always)
    package static func fragment(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token, _ span: LineSpan) -> Fragment {
        let y = Double(span.index)
        return Fragment(
            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[t.start..<t.end]), as: UTF8.self),
            x0: Double(t.column), x1: Double(t.endColumn), y0: y, y1: y + 1,
            page: span.page, line: span.line, column: t.column + 1)
    }

    /// The pages of the text with every line's fragments, except the lines `skip` marks: those
    /// stay in place with no fragments (the delimited reader reads them from the bytes).
    public static func pages(_ bytes: [UInt8], spans: [LineSpan], skip: [Bool]? = nil, displayWidth: Bool = false) -> [PageText] {
        var pages: [PageText] = []
        var lines: [TextLine] = []
        var buffer: [Token] = []
        var width = 0.0
        var page = 1  // pages before the first line (leading form feeds) stay, empty
        func close() {
            pages.append(PageText(number: page, width: width, height: Double(lines.count), lines: lines))
            lines.removeAll(keepingCapacity: true)
            width = 0
        }
        bytes.withUnsafeBufferPointer { p in
            for (k, span) in spans.enumerated() {
                while span.page > page {
                    close()
                    page += 1
                }
                if let skip, skip[k] {
                    lines.append(TextLine(page: span.page, line: span.line, fragments: []))
                    continue
                }
                tokens(p, span, into: &buffer, displayWidth: displayWidth)
                let fragments = buffer.map { fragment(p, $0, span) }
                width = max(width, fragments.last?.x1 ?? 0)
                lines.append(TextLine(page: span.page, line: span.line, fragments: fragments))
            }
        }
        close()
        return pages
    }


    /// The columns a terminal gives the character of three or four UTF-8 bytes at `i`: two for
    /// the East Asian wide and full-width ranges (Hangul Jamo, CJK punctuation and ideographs,
    /// Hangul syllables, compatibility ideographs, vertical and full-width forms, planes 2–3),
    /// else one.
    @inline(__always)
    public static func displayColumns(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let b = p[i]
        if b >= 0xF0 { return b == 0xF0 && i + 1 < end && p[i + 1] >= 0xA0 ? 2 : 1 }
        guard i + 2 < end else { return 1 }
        let u = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        switch u {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: return 2
        default: return 1
        }
    }

    /// True when text laid out in columns was aligned for display (a wide character counted as two
    /// columns, as an editor, `column -t` or a `<pre>` block aligns it) rather than by character
    /// (as `pdftotext -layout` does): among `spans`' lines of three or more cells apart by wide
    /// gaps, the cells start (or are centred) at no more than half as many distinct display
    /// columns as character columns, or at fewer both ways and two thirds as many one way.
    public static func isDisplayAligned(_ bytes: [UInt8], spans: ArraySlice<LineSpan>) -> Bool {
        var byCharacter = Set<Int>(), byDisplay = Set<Int>()
        // Cells centred in their columns (`column -t` does not, an editor's table may): their
        // middles line up where their starts do not.
        var middlesByCharacter = Set<Int>(), middlesByDisplay = Set<Int>()
        var lines = 0
        var tokens: [Token] = [], wide: [Token] = []
        bytes.withUnsafeBufferPointer { p in
            for span in spans {
                Self.tokens(p, span, into: &tokens)
                guard tokens.count >= 3, tokens.indices.dropFirst().contains(where: { tokens[$0].column - tokens[$0 - 1].endColumn >= 2 })
                else { continue }
                Self.tokens(p, span, into: &wide, displayWidth: true)
                lines += 1
                for t in tokens { byCharacter.insert(t.column); middlesByCharacter.insert(t.column + t.endColumn) }
                for t in wide { byDisplay.insert(t.column); middlesByDisplay.insert(t.column + t.endColumn) }
            }
        }
        guard lines >= 3 else { return false }
        if byDisplay.count * 2 <= byCharacter.count || middlesByDisplay.count * 2 <= middlesByCharacter.count { return true }
        // Centred cells whose middles are rounded to a column either way (`pdftotext -layout
        // -enc GBK`, which counts a wide character's two bytes): fewer both ways, by a third one way.
        return byDisplay.count < byCharacter.count && middlesByDisplay.count < middlesByCharacter.count
            && (byDisplay.count * 3 <= byCharacter.count * 2 || middlesByDisplay.count * 3 <= middlesByCharacter.count * 2)
    }
}
