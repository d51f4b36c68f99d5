import MuluSupport
/// The rule for the urgency mark (是否急需紧缺): which cell texts say "urgent", which say
/// "not urgent", and which say neither; and the marks that may follow a name (`化学检验员*`).
public enum UrgencyMark {
    /// Texts that mean urgent, besides asterisks of any kind.
    public static let yes: Set<String> = [
        "是", "√", "✓", "✔", "☑", "★", "☆", "●", "■", "▲", "◆", "Y", "y", "YES", "Yes", "yes",
        "急需", "紧缺", "急需紧缺", "紧缺急需", "\\*",
    ]
    /// Texts that mean not urgent, besides a blank cell and dashes; `一般` is the grade below
    /// 紧缺 and 急需 in a column that grades the need (`紧缺程度`).
    public static let no: Set<String> = ["否", "×", "✗", "N", "n", "NO", "No", "no", "/", "／", "无", "不是", "一般",
                                         "非紧缺", "非急需", "不紧缺", "不急需", "非急需紧缺", "非紧缺急需"]

    /// True for an urgent mark, false for none (blank, `否`, a dash), nil for anything else. A
    /// remark in brackets after the mark (`是（新增）`) leaves the mark's meaning (see `remark(_:)`).
    public static func read(_ raw: String) -> Bool? {
        if raw.isEmpty { return false }
        if raw.utf8.count == 1, raw.utf8.first == 0x2A { return true }
        var t = Blank.removed(from: raw)
        if let r = remarkRange(t) { t.removeSubrange(r) }
        if t.isEmpty || no.contains(t) || t.unicodeScalars.allSatisfy(CodeSyntax.isDash) { return false }
        if t.unicodeScalars.allSatisfy(CodeSyntax.isAsterisk) || yes.contains(t) { return true }
        // A mark repeated for a higher grade (`★★`, `√√`), or a word of need graded up (`十分紧缺`,
        // `非常急需`): urgent.
        if let first = t.unicodeScalars.first, t.unicodeScalars.count <= 3, t.unicodeScalars.allSatisfy({ $0 == first }),
           yes.contains(String(first)) { return true }
        for word in intensifiers where t.hasPrefix(word) {
            let rest = String(t.dropFirst(word.count))
            if rest.contains("急需") || rest.contains("紧缺"), yes.contains(rest) { return true }
        }
        return nil
    }

    /// Words that grade a need down, not up (`较紧缺`, `比较急需`): read as urgent, with a doubt.
    public static let hedges = ["比较", "较为", "较", "相对"]

    /// True when `raw` (blanks removed) is a need graded down by a ``hedges`` word (`较紧缺`): a
    /// grade between urgent and not that `read(_:)` reads as urgent, which a reader should see.
    public static func isHedged(_ raw: String) -> Bool {
        let t = Blank.removed(from: raw)
        return hedges.contains { t.hasPrefix($0) && yes.contains(String(t.dropFirst($0.count))) }
    }

    /// Words grading a need up (`十分紧缺`): the need is still urgent.
    public static let intensifiers = ["十分", "非常", "特别", "极为", "极度", "比较", "较为", "很", "较", "最", "极", "特", "相对"]

    /// The urgency an urgency *word* gives (`急需紧缺`, `非急需紧缺`, `急需紧缺职业`, `一般职业`),
    /// nil for anything else: how a column headed with no urgency word (`类别`) is recognised
    /// as the urgency column by its cells.
    public static func readWord(_ raw: String) -> (urgent: Bool, word: Bool)? {
        var t = Blank.removed(from: raw)
        for suffix in ["职业", "工种", "类"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
        }
        guard let urgent = read(t) else { return nil }
        return (urgent, t.contains(utf8: "急需") || t.contains(utf8: "紧缺"))
    }

    /// The remark in brackets after a mark (`新增` of `是（新增）`), or nil.
    public static func remark(_ raw: String) -> String? {
        let t = Blank.removed(from: raw)
        guard let r = remarkRange(t) else { return nil }
        return String(t[r].dropFirst().dropLast())
    }

    /// Where a bracketed remark closes a cell that holds something before it.
    static func remarkRange(_ t: String) -> Range<String.Index>? {
        guard t.hasSuffix("）") || t.hasSuffix(")"), let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }),
              open > t.startIndex, t.index(after: open) < t.index(before: t.endIndex) else { return nil }
        return open..<t.endIndex
    }

    /// ``read(_:)`` on a cell's UTF-8 bytes (a lone `*` read in place).
    @inline(__always)
    public static func read(_ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        if p.isEmpty { return false }
        if p.count == 1 && p[0] == 0x2A { return true }
        return read(String(decoding: p, as: UTF8.self))
    }

    /// True when a token is an urgent mark (a cell of the urgency column starts here).
    @inline(__always)
    public static func isMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        if p.count == 1 { return p[0] == 0x2A || p[0] == 0x59 || p[0] == 0x79 }
        // Longer than `急需紧缺`: only a mark with a remark in brackets (`是（新增）`).
        guard p.count <= 12 || (p.count <= 36 && (p[p.count - 1] == 0x29 || (p.count >= 3 && p[p.count - 3] == 0xEF && p[p.count - 2] == 0xBC && p[p.count - 1] == 0x89)))
        else { return false }
        return read(p) == true
    }

    /// True when a token says "not urgent" (`否`, `—`, `/`, `×`): a cell of the urgency column.
    @inline(__always)
    public static func isNoMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !p.isEmpty, p.count <= 18 else { return false }
        // Longer than two characters: only `非…` and `不…` (`非急需`, `不紧缺`), or a remark in brackets.
        if p.count > 6 {
            let negation = (p[0] == 0xE9 && p[1] == 0x9D && p[2] == 0x9E) || (p[0] == 0xE4 && p[1] == 0xB8 && p[2] == 0x8D)
            let remark = p[p.count - 1] == 0x29 || (p[p.count - 3] == 0xEF && p[p.count - 2] == 0xBC && p[p.count - 1] == 0x89)
            guard negation || remark else { return false }
        }
        return read(p) == false
    }

    /// True when `name` ends with a name mark in brackets (`化学检验员（★）`, `电工(*)`).
    public static func endsWithBracketedMark(_ name: String) -> Bool {
        // (`)` or the last byte of `）`: most names end otherwise.)
        guard let last = name.utf8.last, last == 0x29 || last == 0x89 else { return false }
        let tail = Array(name.unicodeScalars.suffix(3))
        return tail.count == 3 && (tail[0] == "（" || tail[0] == "(") && isNameMark(tail[1]) && (tail[2] == "）" || tail[2] == ")")
    }

    /// Filled marks and their hollow twins (`★`/`☆`): a column using both may mean yes and no.
    public static let hollowPairs: [(filled: String, hollow: String)] = [("★", "☆"), ("●", "○"), ("▲", "△"), ("■", "□"), ("◆", "◇")]

    /// The cell's mark when it is one of ``hollowPairs`` (UTF-8 bytes): its text, whether hollow,
    /// and its twin.
    public static func filledOrHollow(_ p: UnsafeBufferPointer<UInt8>) -> (text: String, hollow: Bool, twin: String)? {
        guard p.count == 3, p[0] == 0xE2 else { return nil }
        let text = String(decoding: p, as: UTF8.self)
        for pair in hollowPairs {
            if text == pair.filled { return (text, false, pair.hollow) }
            if text == pair.hollow { return (text, true, pair.filled) }
        }
        return nil
    }

    /// A mark that may follow a name to say it is urgent (`化学检验员*`, `电工★`).
    @inline(__always)
    public static func isNameMark(_ s: Unicode.Scalar) -> Bool {
        CodeSyntax.isAsterisk(s) || s == "★" || s == "☆" || s == "●" || s == "▲"
    }
}
