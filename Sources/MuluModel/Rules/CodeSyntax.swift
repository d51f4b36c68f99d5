/// The shape of a national occupational classification code.
///
/// 1–5 segments: a one-digit major group, then two-digit segments (`6`, `6-24`, `6-24-03`,
/// `6-24-03-01` occupation, `6-24-03-01-05` work type); a fifth segment `*` is a work type the
/// catalogue lists without a code of its own. `00` segments occur (`6-30-99-00`).
public enum CodeSyntax {
    /// True when `code` (already normalised) has that shape.
    public static func isWellFormed(_ code: String) -> Bool {
        // Bytewise: segment lengths 1, 2, 2, 2, 2 (the fifth may be `*`).
        var segment = 0
        var length = 0
        var star = false
        for b in code.utf8 {
            switch b {
            case 0x2D:
                guard length == (segment == 0 ? 1 : 2), !star else { return false }
                segment += 1
                length = 0
                guard segment <= 4 else { return false }
            case 0x30...0x39:
                guard !star else { return false }
                length += 1
            case 0x2A:
                guard segment == 4, length == 0 else { return false }
                star = true
                length = 2
            default:
                return false
            }
        }
        return length == (segment == 0 ? 1 : 2)
    }

    /// The national classification's major groups (大类): a code's first segment is one of
    /// 1 (party and state officials) … 8 (others); 0 and 9 never occur.
    public static let majorGroups: ClosedRange<UInt8> = 1...8

    /// True when `code` (already normalised) is well formed and starts with a major group
    /// (`majorGroups`): how a reading by OCR (`0-24-03-01-09` for `6-24-03-01-09`) is judged.
    public static func isNational(_ code: String) -> Bool {
        guard isWellFormed(code), let first = code.utf8.first else { return false }
        return majorGroups.contains(first &- 0x30)
    }

    /// True for a work type listed without a code of its own (`6-24-03-01-*`).
    public static func isWildcard(_ code: String) -> Bool { code.hasSuffix("-*") }

    /// The occupation a work type belongs to (`6-24-03-01-05` → `6-24-03-01`), or nil.
    public static func parentOccupation(_ code: String) -> String? {
        parentOccupationLength(code).map { String(decoding: code.utf8.prefix($0), as: UTF8.self) }
    }

    /// The length in bytes of the occupation's code at the start of a work type's code (the part
    /// before the fourth dash, when there are exactly four), or nil.
    @inline(__always)
    public static func parentOccupationLength(_ code: String) -> Int? {
        var dashes = 0
        var fourth = 0
        var i = 0
        for b in code.utf8 {
            if b == 0x2D {
                dashes += 1
                if dashes == 4 { fourth = i }
            }
            i += 1
        }
        return dashes == 4 ? fourth : nil
    }

    /// True for a code that identifies one occupation or work type: not empty and not a
    /// wildcard (`6-24-02-01-*`), which several uncoded work types share.
    public static func isSpecific(_ code: String) -> Bool {
        !code.isEmpty && !code.unicodeScalars.contains(where: isAsterisk)
    }

    /// A code that is not national but has a code cell's look: a 专项职业能力 code such as
    /// `S-65-001`, or a none mark (`无`, `/`, `—`). Kept as published with a warning, not a sign
    /// of columns read wrongly.
    /// True when a (normalised) code is two national codes run together
    /// (`6-24-03-01-046-24-03-01-03`: two rows' cells read as one): after a well-formed start of
    /// four segments, another code's `d-dd-dd` follows.
    public static func holdsTwoCodes(_ code: String) -> Bool {
        // Seven segments at least: six dashes, counted on the bytes before anything is split.
        var dashes = 0
        for b in code.utf8 where b == 0x2D { dashes += 1 }
        guard dashes >= 6 else { return false }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard parts.count >= 7, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Digits.isASCII) }) else { return false }
        // `6-24-03-01-04` `6-24-…`: a segment of three digits joins the first code's last
        // segment (two digits, or one after four) to the next code's first digit; or a second
        // code's one-digit major group follows a whole code (`6-18-02-04/6-18-02-05`).
        return (parts.contains { $0.count == 3 } && parts.filter({ $0.count == 2 }).count >= 5)
            || parts.dropFirst(4).contains { $0.count == 1 }
    }

    public static func isOtherCode(_ code: String) -> Bool {
        if SubsidyParser.noneMarks.contains(code) { return true }
        guard let first = code.unicodeScalars.first else { return true }
        let asciiAlnum = code.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "-" || $0 == "*"
        }
        // A letter, then digits with dashes (`S-65-001`) or at least three digits (`S6523001`).
        let digits = code.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        return asciiAlnum && (("A"..."Z").contains(first) || ("a"..."z").contains(first)) && (code.contains("-") || digits >= 3)
    }

    // MARK: - Classification marks

    /// Marks printed after a code that are no part of it: the 2022 classification's `S` (digital
    /// occupation) and `L` (green occupation), alone, together (`S/L`) or bracketed (`（S）`),
    /// and a catalogue's own `△` / `▲` or `（新）` / `（新增）` (new this year).
    @inline(__always)
    public static func isClassificationMarkScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "S", "L", "Ｓ", "Ｌ", "△", "▲", "新", "增": true
        default: false
        }
    }

    /// Brackets and separators around or between classification marks (`（S）`, `S/L`, `S、L`).
    @inline(__always)
    static func isMarkPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", ")", "（", "）", "[", "]", "【", "】", "/", "／", "-", "、", ",", "，": true
        default: isDash(s) || Blank.isBlank(s)
        }
    }

    /// True when `text` is classification marks only (`S`, `（L）`, `S/L`, `△`): a token after a
    /// code that belongs to the code's cell.
    public static func isClassificationMark(_ text: String) -> Bool {
        var marks = 0
        for u in text.unicodeScalars {
            if isClassificationMarkScalar(u) {
                marks += 1
            } else if !isMarkPunctuation(u) {
                return false
            }
        }
        return marks > 0 && marks <= 2
    }

    /// A normalised code followed by classification marks (`4-13-05-04(S)`, `4-08-06-00L`,
    /// `6-11-08-07△`), split into the well-formed code and the marks as published; nil for any
    /// other code.
    public static func splittingClassificationMark(_ code: String) -> (code: String, mark: String)? {
        let scalars = code.unicodeScalars
        guard let end = scalars.firstIndex(where: { !(("0"..."9").contains($0) || $0 == "-" || $0 == "*") }) else { return nil }
        var head = String(scalars[..<end])
        while head.hasSuffix("-") { head.removeLast() }
        let mark = String(scalars[end...])
        guard isWellFormed(head), isClassificationMark(mark) else { return nil }
        return (head, mark)
    }

    // MARK: - Normalisation

    /// A dash of any kind (hyphen-minus, full-width, en, em, minus, hyphen …): a segment
    /// separator in a code, or "none" in a mark cell.
    @inline(__always)
    public static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0xFF0D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x2500, 0x2E3A, 0x2E3B: true
        default: false
        }
    }

    /// An asterisk of any kind: `*`, `＊`, `∗`, `﹡`, `※`, `✱`.
    @inline(__always)
    public static func isAsterisk(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2A, 0xFF0A, 0x2217, 0xFE61, 0x203B, 0x2731: true
        default: false
        }
    }

    /// A separator between a code's segments as bureaus write them (`6.31.03.01`, `6．31．03．01`,
    /// `6·31·03·01`, `6_31_03_01`, `6/31/03/01`, `6—31`): read as `-`.
    @inline(__always)
    public static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        isDash(s) || s == "." || s == "．" || s == "·" || s == "・" || s == "_" || s == "。" || s == "/" || s == "／"
    }

    /// A code as published, normalised: ASCII digits, `-` for every dash (and, in a code that
    /// starts with a digit, every other segment separator), `*` for every asterisk, no blanks.
    /// A cell that does not become a national code so is kept as published (blanks removed):
    /// `2002/2/7` (a code Excel made a date) or a lone `—` must not be rewritten to look like one.
    public static func normalise(_ raw: String) -> String {
        let out = rewritten(raw)
        if isWellFormed(out) { return out }
        // A code in brackets (`（6-18-02-04-03）`, `[4-04-05-01]`): the code.
        if let inner = bracketed(raw), case let code = rewritten(inner), isWellFormed(code) { return code }
        // Marks escaped by a markup language (pandoc's Markdown `6-24-03-01-\*`, Jira
        // `6-24-03-01\-\*`), or the code set verbatim (Muse `<verbatim>6-24-03-01-*</verbatim>`).
        if raw.contains("\\"), case let code = rewritten(raw.replacingOccurrences(of: "\\", with: "")), isWellFormed(code) { return code }
        if raw.hasPrefix("<verbatim>"), raw.hasSuffix("</verbatim>"),
           case let code = rewritten(String(raw.dropFirst(10).dropLast(11))), isWellFormed(code) { return code }
        if out == raw { return out }
        // A 专项职业能力 code (`S-6502-001`) typed full-width or with other dashes
        // (`Ｓ－６５０２－００１`, `S—6502—001`): kept in the one form.
        if out.hasPrefix("S-"), out.count > 2, out.dropFirst(2).allSatisfy({ $0 == "-" || $0.isASCIIDigit }) { return out }
        return String(String.UnicodeScalarView(raw.unicodeScalars.filter { !Blank.isBlank($0) }))
    }

    /// A name and its code written in one cell (`化学检验员（6-31-03-01）`, `化学检验员 6-31-03-01`,
    /// `6-31-03-01 化学检验员`): the code (normalised) and the name, or nil when the cell does not
    /// open or close with a national code apart from a name.
    public static func splitFromName(_ text: String) -> (code: String, name: String)? {
        let scalars = Array(text.unicodeScalars)
        func isCodeScalar(_ s: Unicode.Scalar) -> Bool {
            Digits.value(s) != nil || isDash(s) || isAsterisk(s) || isSeparator(s) || Blank.isBlank(s)
        }
        func isBracket(_ s: Unicode.Scalar) -> Bool { brackets.contains { $0.open == s || $0.close == s } }
        func string(_ part: ArraySlice<Unicode.Scalar>) -> String {
            var part = part
            while let f = part.first, Blank.isBlank(f) { part = part.dropFirst() }
            while let l = part.last, Blank.isBlank(l) { part = part.dropLast() }
            return String(String.UnicodeScalarView(part))
        }
        // The code at the end, perhaps in brackets.
        var end = scalars.count
        while end > 0, Blank.isBlank(scalars[end - 1]) { end -= 1 }
        let closed = end > 0 && isBracket(scalars[end - 1])
        if closed { end -= 1 }
        var start = end
        while start > 0, isCodeScalar(scalars[start - 1]) { start -= 1 }
        while start < end, !(Digits.value(scalars[start]) != nil) { start += 1 }
        if start < end, case let code = normalise(string(scalars[start..<end])), isWellFormed(code) {
            var nameEnd = start
            if closed, nameEnd > 0, isBracket(scalars[nameEnd - 1]) { nameEnd -= 1 }
            let name = string(scalars[..<nameEnd])
            if !name.isEmpty, name.unicodeScalars.contains(where: { $0.value >= 0x3400 }) { return (code, name) }
        }
        // The code first.
        var first = 0
        while first < scalars.count, Blank.isBlank(scalars[first]) || isBracket(scalars[first]) { first += 1 }
        var stop = first
        while stop < scalars.count, isCodeScalar(scalars[stop]) { stop += 1 }
        if stop > first, case let code = normalise(string(scalars[first..<stop])), isWellFormed(code) {
            var rest = scalars[stop...].drop { Blank.isBlank($0) || isBracket($0) }
            while let last = rest.last, isBracket(last) || Blank.isBlank(last) { rest = rest.dropLast() }
            let name = string(rest)
            if !name.isEmpty, name.unicodeScalars.contains(where: { $0.value >= 0x3400 }) { return (code, name) }
        }
        return nil
    }

    /// Brackets a code may be written in.
    static let brackets: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("〔", "〕")]

    /// What one pair of ``brackets`` around the whole of `raw` (blanks aside) holds, or nil.
    static func bracketed(_ raw: String) -> String? {
        let scalars = raw.unicodeScalars.filter { !Blank.isBlank($0) }
        guard scalars.count > 2, let first = scalars.first, let last = scalars.last,
              brackets.contains(where: { $0.open == first && $0.close == last }) else { return nil }
        return String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
    }

    private static func rewritten(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ Digits.isASCII($0) || $0 == 0x2D || $0 == 0x2A }) { return raw }
        // Segments apart by blanks only (`4 04 05 01`): the blanks are the separators.
        if let spaced = spacedSegments(raw) { return spaced }
        var out = String.UnicodeScalarView()
        let numeric = raw.unicodeScalars.first { !Blank.isBlank($0) }.map { Digits.value($0) != nil } ?? false
        for u in raw.unicodeScalars where !Blank.isBlank(u) {
            if isDash(u) || (numeric && isSeparator(u)) {
                out.append("-")
            } else if isAsterisk(u) {
                out.append("*")
            } else {
                out.append(FullWidth.narrow(u))
            }
        }
        return String(out)
    }

    /// `4 04 05 01` (a digit, then two-digit segments, apart by blanks) as `4-04-05-01`; nil for
    /// anything else.
    static func spacedSegments(_ raw: String) -> String? {
        let parts = raw.split(whereSeparator: { $0.unicodeScalars.allSatisfy(Blank.isBlank) })
        guard parts.count >= 2, parts.count <= 5,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { Digits.value($0) != nil || isAsterisk($0) } }) else { return nil }
        let narrowed = parts.map { String(String.UnicodeScalarView($0.unicodeScalars.map { isAsterisk($0) ? "*" : FullWidth.narrow($0) })) }
        let joined = narrowed.joined(separator: "-")
        return isWellFormed(joined) ? joined : nil
    }

    /// ``normalise(_:)`` from a cell's UTF-8 bytes.
    @inline(__always)
    public static func normalise(_ p: UnsafeBufferPointer<UInt8>) -> String {
        if p.allSatisfy({ Digits.isASCII($0) || $0 == 0x2D || $0 == 0x2A }) {
            return String(decoding: p, as: UTF8.self)
        }
        return normalise(String(decoding: p, as: UTF8.self))
    }

    /// True when a token starts like a code: one digit (ASCII or full-width) followed by a
    /// segment separator of any kind (`6-31-03-01`, `6.31.03.01`, `６－３１`). How the delimited
    /// reader finds the code cell; an amount (`2160.00`) has more digits before its point.
    @inline(__always)
    public static func startsCode(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b0 = p.first else { return false }
        // After an opening bracket (`（6-18-02-04-03）`, `(6.18`, `[4-04`).
        if b0 == 0x28 || b0 == 0x5B { return startsCode(UnsafeBufferPointer(rebasing: p[1...])) }
        if b0 == 0xEF, p.count > 3, p[1] == 0xBC, p[2] == 0x88 { return startsCode(UnsafeBufferPointer(rebasing: p[3...])) }
        if b0 == 0xE3, p.count > 3, p[1] == 0x80, p[2] == 0x90 || p[2] == 0x94 { return startsCode(UnsafeBufferPointer(rebasing: p[3...])) }
        let width: Int
        if Digits.isASCII(b0) {
            width = 1
        } else if b0 == 0xEF && p.count >= 3 && p[1] == 0xBC && (0x90...0x99).contains(p[2]) {
            width = 3
        } else {
            return false
        }
        guard width < p.count else { return false }
        let b = p[width]
        if b == 0x2D || b == 0x2E || b == 0x5F || b == 0x2F { return true }
        guard b >= 0xC2 else { return false }
        let n = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        let s = String(decoding: UnsafeBufferPointer(rebasing: p[width..<min(p.count, width + n)]), as: UTF8.self)
        return s.unicodeScalars.first.map(isSeparator) ?? false
    }
}
