import MuluSupport
import MuluModel
import MuluExtract
/// Stage 2 of table recovery (after lines): gives every line a role — furniture, header, or body.
public enum LineClassifier {
    /// The roles of every line of every page, in the same shape as `pages`.
    public static func classify(_ pages: [PageText]) -> [[LineRole]] {
        var roles: [[LineRole]] = []
        var seenHeader = false
        var seenTitle = false
        var firstBand: [Unicode.Scalar: Int]?
        for page in pages {
            var pageRoles = [LineRole](repeating: .body, count: page.lines.count)
            var bands = headerBands(page.lines)
            if let reference = firstBand {
                bands = bands.map { repeatedHeader($0, lines: page.lines, reference: reference) }
            } else if let band = bands.first {
                firstBand = scalarCounts(page.lines[band])
            }
            for band in bands {
                for i in band { pageRoles[i] = .header }
                // The line numbering the columns, under the header.
                if let j = page.lines[band.upperBound...].firstIndex(where: { !$0.fragments.isEmpty }),
                   ColumnNumbers.isLine(page.lines[j].fragments.map(\.text)) {
                    pageRoles[j] = .columnNumbers
                }
            }
            let firstHeader = bands.first?.lowerBound
            // A section heading just above a header (`一、制造业`, then the section's own header)
            // is the rows' below, not text before the table.
            var headings = Set<Int>()
            for band in bands {
                guard let j = page.lines[..<band.lowerBound].lastIndex(where: { !$0.fragments.isEmpty }) else { continue }
                let line = page.lines[j]
                if SectionHeading.name(Blank.removed(from: line.compactText), pieces: line.fragments.count) != nil { headings.insert(j) }
            }
            for (i, line) in page.lines.enumerated() where pageRoles[i] != .header && pageRoles[i] != .columnNumbers && !headings.contains(i) {
                if line.fragments.isEmpty {
                    pageRoles[i] = .blank
                    continue
                }
                if seenHeader || firstHeader.map({ i > $0 }) == true, isPlainRow(line) { continue }
                let compact = FullWidth.asciiDigits(line.compactText)
                // Above a page's first header once a table has begun on an earlier page is that
                // table's going on (rows, wrapped cells), or a later table's label and title
                // (`DelimitedReader.tables` tells): not text before the table.
                let beforeTable = !seenHeader && (firstHeader.map { i < $0 } ?? true)
                if compact.isEmpty || isTextRule(compact) {
                    pageRoles[i] = .blank
                } else if isPageMark(compact) || isBrowserFurniture(compact) {
                    pageRoles[i] = .pageMark
                } else if !beforeTable || seenHeader, isContinuation(compact) || isDocumentNumber(compact) {
                    // `续表`, or the notice's number as a running header (`昌人社发〔2024〕12号`),
                    // once the table has begun: page furniture.
                    pageRoles[i] = .pageMark
                } else if beforeTable, !seenHeader, isAttachmentLabel(compact) {
                    pageRoles[i] = .attachmentLabel
                } else if beforeTable, !seenHeader, !seenTitle, isTitle(compact) {
                    pageRoles[i] = .title
                    seenTitle = true
                } else if beforeTable {
                    pageRoles[i] = .preamble
                }
            }
            if firstHeader != nil { seenHeader = true }
            roles.append(pageRoles)
        }
        barePageNumbers(pages, &roles)
        return roles
    }

    /// A bare page number at the foot of the pages (`3`, a Word footer's page field alone): one
    /// of the last four lines of a page holding nothing but a number, when on at least two pages, and on at
    /// least half of them, that number is the page's own plus the same offset (a notice whose
    /// attachment starts on its third page). A row number alone on a page's last line counts by
    /// rows, not by pages.
    static func barePageNumbers(_ pages: [PageText], _ roles: inout [[LineRole]]) {
        guard pages.count >= 2 else { return }
        var found: [(page: Int, line: Int, offset: Int)] = []
        for (p, page) in pages.enumerated() {
            // (The last lines but one, two or three too: a merged cell's text clipped at the foot
            // of the page, wrapped, is printed after the footer.)
            for i in page.lines.indices.reversed().filter({ !page.lines[$0].fragments.isEmpty }).prefix(4) {
                guard roles[p][i] == .body, page.lines[i].fragments.count == 1 else { continue }
                let text = FullWidth.asciiDigits(Blank.removed(from: page.lines[i].compactText))
                guard (1...4).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }), let n = Int(text) else { continue }
                found.append((p, i, n - page.number))
                break
            }
        }
        guard found.count >= 2, 2 * found.count >= pages.count, let offset = found.first?.offset,
              found.allSatisfy({ $0.offset == offset }) else { return }
        for f in found { roles[f.page][f.line] = .pageMark }
    }

    /// A fast path for the bulk of a catalogue: a line of several fragments whose first is an
    /// ASCII row number is body (no page mark or header has that shape).
    @inline(__always)
    static func isPlainRow(_ line: TextLine) -> Bool {
        guard line.fragments.count >= 3, RowNumber.isPlain(line.fragments[0].text) else { return false }
        // A footer of a few pieces (`2 of 3`, `1 / 3`) is a page mark.
        return line.fragments.count > 4 || !isPageMark(FullWidth.asciiDigits(line.compactText))
    }

    /// A rule drawn in text under or around a header (`------ --------` under a simple table's
    /// header, as pandoc and Markdown print one; `====== ====` in reStructuredText), given without
    /// blanks: six or more of `-`, `=` and `:` (an alignment mark), nothing else. No row is so.
    static func isTextRule(_ s: String) -> Bool {
        s.utf8.count >= 6 && s.utf8.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x3A }
    }

    /// The dashes around a page number (`- 3 -`, `—3—`, `一3一` as OCR reads a dash).
    static let pageMarkDashes: Set<Character> = ["-", "—", "–", "－", "─", "‐", "‑", "‒", "―", "一"]

    /// `— 3 —`, `- 3 -`, `–3–`, `第3页`, `第 3 页 共 10 页`, `3/10`, given without blanks.
    static func isPageMark(_ s: String) -> Bool {
        // Page marks are short; a table row is passed over without looking at its characters.
        guard s.utf8.count <= 64 else { return false }
        // …and hold no ideograph but 第, 页, 共 and 一 (a dash as OCR reads it).
        for u in s.unicodeScalars where (0x3400...0x9FFF).contains(u.value) && u != "第" && u != "页" && u != "共" && u != "一" {
            return false
        }
        let dashes = pageMarkDashes
        var body = Substring(s)
        var leading = 0, trailing = 0
        while let f = body.first, dashes.contains(f) { body = body.dropFirst(); leading += 1 }
        while let l = body.last, dashes.contains(l) { body = body.dropLast(); trailing += 1 }
        // (Dashes on both sides: a row's number, a code's first piece and a `—` for none,
        // `24 05- —`, is no page mark.)
        if leading >= 1, trailing >= 1, !body.isEmpty, body.allSatisfy(\.isASCIIDigit) { return true }
        if s.hasPrefix("第"), s.hasSuffix("页"), s.count >= 3 {
            // 第N页, or 第N页共M页 / 第N页,共M页.
            let inner = s.dropFirst().dropLast()
            let parts = inner.split(separator: "页", maxSplits: 1, omittingEmptySubsequences: false)
            guard let page = parts.first, !page.isEmpty, page.allSatisfy(\.isASCIIDigit) else { return false }
            if parts.count == 1 { return true }
            let total = parts[1].drop(while: { $0 == "," || $0 == "，" })
            guard total.first == "共" else { return false }
            let digits = total.dropFirst()
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }
        // `Page 3`, `Page 3 of 10`, `3 of 10`.
        let lower = s.lowercased()
        let english = lower.hasPrefix("page") ? lower.dropFirst(4) : Substring(lower)
        let of = english.split(separator: "of", omittingEmptySubsequences: false)
        if of.count <= 2, of.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), of.count == 2 || lower.hasPrefix("page") {
            return true
        }
        // `3/12`: a page of at most 999, no later than the last (`1800/2200`, a subsidy's
        // amounts wrapped onto a line of their own, is none).
        let slash = s.split(separator: "/")
        if slash.count == 2, slash.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }),
           let page = Int(slash[0]), let last = Int(slash[1]), page >= 1, page <= last {
            return true
        }
        return false
    }

    /// The page number a page mark prints (`— 3 —`, `第3页共10页`, `3/10`, `Page 3 of 10`: 3), or
    /// nil when the line is no page mark. `s` without blanks.
    public static func pageNumber(_ s: String) -> Int? {
        let s = FullWidth.asciiDigits(s)
        guard isPageMark(s) else { return nil }
        let digits = s.drop { !$0.isASCIIDigit }.prefix { $0.isASCIIDigit }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// A browser's own header or footer on a page printed from a web page:
    /// the address (`file:///…/notice.html1/6`, `https://…`) or the date and time before the
    /// page's title (`12/7/26,1:37AM附件2`, `2026/12/7 09:15`). No row starts so.
    static func isBrowserFurniture(_ s: String) -> Bool {
        if s.hasPrefix("file://") || s.hasPrefix("http://") || s.hasPrefix("https://") { return true }
        // A date of three numbers split by `/` or `-`, then (after a comma or not) a time h:mm.
        var u = Substring(s).utf8[...]
        func number(_ most: Int) -> Int {
            var n = 0
            while let c = u.first, (48...57).contains(c), n < most { u = u.dropFirst(); n += 1 }
            return n
        }
        for k in 0..<3 {
            guard number(4) >= 1 else { return false }
            if k < 2 {
                guard let c = u.first, c == UInt8(ascii: "/") || c == UInt8(ascii: "-") else { return false }
                u = u.dropFirst()
            }
        }
        while let c = u.first, c == UInt8(ascii: ",") || c == UInt8(ascii: " ") { u = u.dropFirst() }
        guard number(2) >= 1, u.first == UInt8(ascii: ":") else { return false }
        u = u.dropFirst()
        return number(2) == 2
    }

    /// A notice's document number (文号: `昌人社发〔2024〕12号`, `新人社函[2024]3号`), given
    /// without blanks: an issuer of a few characters, the year in brackets, the number, 号.
    static func isDocumentNumber(_ s: String) -> Bool {
        guard s.hasSuffix("号"), s.count <= 24,
              let open = s.firstIndex(where: { "〔[【（(".contains($0) }), open > s.startIndex,
              let close = s[open...].firstIndex(where: { "〕]】）)".contains($0) }) else { return false }
        let year = s[s.index(after: open)..<close]
        let number = s[s.index(after: close)..<s.index(before: s.endIndex)]
        return year.count == 4 && year.allSatisfy(\.isASCIIDigit) && !number.isEmpty && number.allSatisfy(\.isASCIIDigit)
            && s[..<open].allSatisfy { !$0.isASCIIDigit }
    }

    /// `附件2`, `附件 2`, `附件二`, `附件2：`.
    static func isAttachmentLabel(_ s: String) -> Bool {
        guard s.hasPrefix("附件") else { return false }
        let rest = s.dropFirst(2).filter { $0 != ":" && $0 != "：" }
        return rest.count <= 2 && rest.allSatisfy { $0.isASCIIDigit || "一二三四五六七八九十".contains($0) }
    }

    /// A line that says the table goes on from the page before (`续表`, `续表1`, `续上表`,
    /// `接上表`, `附件2（续）`, in markup's emphasis `*（续表）*`): page furniture, not a new
    /// table's title or label.
    static func isContinuation(_ s: String) -> Bool {
        guard s.contains(utf8: "续") || s.contains(utf8: "接上表") else { return false }
        let t = s.filter { !"（）()：:*_".contains($0) }
        guard !t.isEmpty, t.count <= 12 else { return false }
        return t.hasPrefix("续表") || t.hasSuffix("续表") || t.hasSuffix("续") || t == "续上表" || t == "接上表"
    }

    /// A catalogue title: names a 目录 (catalogue), 清单 (list) or 表 (table).
    static func isTitle(_ s: String) -> Bool {
        HeaderWords.holds(s, "目录") || HeaderWords.holds(s, "清单") || s.hasSuffix("表")
    }

    /// A repeated header band without the lines below it that it does not need: when the band
    /// without its last line already holds every character of the first header (wrapped
    /// otherwise, perhaps), that line is the top of a row's cell made of header characters
    /// (`业`, the rest of `电力、热力、燃气及水生产和供应业` cut by the page break), not header.
    static func repeatedHeader(_ band: Range<Int>, lines: [TextLine], reference: [Unicode.Scalar: Int]) -> Range<Int> {
        var band = band
        while band.count > 1 {
            let rest = scalarCounts(lines[band.lowerBound..<band.upperBound - 1])
            guard reference.allSatisfy({ rest[$0.key, default: 0] >= $0.value }) else { break }
            band = band.lowerBound..<band.upperBound - 1
        }
        return band
    }

    /// How many times each non-blank scalar occurs in `lines`.
    static func scalarCounts(_ lines: ArraySlice<TextLine>) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for line in lines {
            for fragment in line.fragments {
                for s in fragment.text.unicodeScalars where !Blank.isBlank(s) { counts[s, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The ranges of line indices that form header bands on one page.
    static func headerBands(_ lines: [TextLine]) -> [Range<Int>] {
        var bands: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            guard isHeaderCandidate(lines[i]) else { i += 1; continue }
            var j = i
            var keywords = Set<String>()
            while j < lines.count, isHeaderCandidate(lines[j]) || (j > i && (isUnitLine(lines[j]) || closesUnit(lines[j], above: lines[i..<j]))) {
                let text = lines[j].compactText
                for k in TableField.headerKeywords where HeaderWords.holds(text, k) { keywords.insert(k) }
                j += 1
            }
            if keywords.count >= TableSettings.minHeaderKeywords { bands.append(i..<j) }
            i = j
        }
        return bands
    }

    /// The rest of a header cell's unit wrapped below it (`培训补贴标准（元/` over `人）`): each
    /// fragment a unit's characters closing a bracket, under a fragment of the band above whose
    /// bracket is left open.
    static func closesUnit(_ line: TextLine, above: ArraySlice<TextLine>) -> Bool {
        let open = above.flatMap(\.fragments).filter { f in
            f.text.filter { $0 == "（" || $0 == "(" }.count > f.text.filter { $0 == "）" || $0 == ")" }.count
        }
        return !line.fragments.isEmpty && !open.isEmpty && line.fragments.allSatisfy { f in
            let t = Blank.removed(from: f.text)
            return t.count <= 4 && (t.hasSuffix("）") || t.hasSuffix(")")) && t.allSatisfy { "元人次/）)".contains($0) }
                && open.contains { min($0.x1, f.x1) > max($0.x0, f.x0) }
        }
    }

    /// A line of units in brackets under a header (`（元/人） （元/人）`): each fragment one; a
    /// unit wrapped under an amount has no brackets.
    static func isUnitLine(_ line: TextLine) -> Bool {
        !line.fragments.isEmpty && line.fragments.allSatisfy { f in
            let t = Blank.removed(from: f.text)
            return (t.hasPrefix("（") || t.hasPrefix("(")) && (t.hasSuffix("）") || t.hasSuffix(")")) && t.contains(utf8: "元") && t.count <= 8
        }
    }

    /// `text` without the years in it (four digits and 年: `2023年`).
    static func withoutYears(_ text: String) -> String {
        let u = Array(FullWidth.asciiDigits(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if i + 4 < u.count, (i..<i + 4).allSatisfy({ (0x30...0x39).contains(u[$0].value) }), u[i + 4] == "年" {
                i += 5
                continue
            }
            out.append(u[i])
            i += 1
        }
        return String(out)
    }

    /// `text` without an edition in brackets (`（2022版）`, `(2015年版)`): four digits, perhaps
    /// 年, then 版.
    static func withoutEdition(_ text: String) -> String {
        var out = text
        for (open, close) in [("（", "）"), ("(", ")")] {
            while let o = out.range(of: open), let c = out.range(of: close, range: o.upperBound..<out.endIndex) {
                var inner = Substring(out[o.upperBound..<c.lowerBound])
                guard inner.hasSuffix("版") else { break }
                inner = inner.dropLast()
                if inner.hasSuffix("年") { inner = inner.dropLast() }
                guard inner.count == 4, inner.allSatisfy(\.isASCIIDigit) else { break }
                out.removeSubrange(o.lowerBound..<c.upperBound)
            }
        }
        return out
    }

    /// A line made only of header-label characters.
    /// A unit (`元/人`) wrapped below an amount is not: a candidate holds some scalar other than
    /// a unit's or a bracket's.
    /// The characters of a list of levels (`初级、中级、高级`, `五级、四级`).
    static let levelListScalars = Set("初中高级技师、五四三二一".unicodeScalars)

    static func isHeaderCandidate(_ line: TextLine) -> Bool {
        // A numbered section heading (`一、急需紧缺职业（工种）`) holds header words but is no header.
        if line.fragments.count <= 2, let c = line.fragments.first?.text.first, SectionHeading.numerals.contains(c),
           SectionHeading.name(Blank.removed(from: line.compactText), pieces: line.fragments.count) != nil {
            return false
        }
        var any = false
        var outside = false
        let vocabulary = HeaderWords.vocabulary
        for fragment in line.fragments {
            // A year in a header cell (`2023年序号`, last year's row number) is a header's word;
            // a year and a character (`2024年新`, a remark wrapped above its row) is none.
            // (So is an edition in brackets, `职业编码（2022版）`.)
            let edited = fragment.text.contains(utf8: "版") ? Self.withoutEdition(fragment.text) : fragment.text
            let text = edited.contains(utf8: "年") ? Self.withoutYears(edited) : edited
            if text.count != fragment.text.count, Blank.removed(from: text).count < 2 { return false }
            // A short label naming a field in words mulu has no vocabulary for (`重点产业`), beside
            // a header word the vocabulary holds that names another (`序号 重点产业 说明`): its
            // words are a header's. (Alone, `纺织服装产业` is a merged cell's value.)
            let compact = Blank.removed(from: text)
            // Levels listed with 、 (`初级、中级、高`, a subsidy's first line wrapped under the
            // header) are a cell's text: level sub-columns are headed one level a cell.
            if compact.contains("、"), compact.unicodeScalars.allSatisfy({ Self.levelListScalars.contains($0) }) { return false }
            let named = compact.count <= 6 && HeaderWords.field(compact) != nil && line.fragments.contains { other in
                let o = Blank.removed(from: other.text)
                return o != compact && HeaderWords.field(o) != nil && o.unicodeScalars.allSatisfy { vocabulary.contains($0) }
            }
            for s in text.unicodeScalars where !Blank.isBlank(s) {
                if (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value) { return false }
                if !vocabulary.contains(s), !named { outside = true }
                if !"元人次/（）()、".unicodeScalars.contains(s) { any = true }
            }
        }
        guard outside else { return any }
        // Words mulu has no vocabulary for (`重点产业`): still a header when most of its cells
        // name a field and it names at least three.
        let named = line.fragments.filter { HeaderWords.field(Blank.removed(from: $0.text)) != nil }.count
        return named >= TableSettings.minHeaderKeywords && named * 2 >= line.fragments.count
    }
}
