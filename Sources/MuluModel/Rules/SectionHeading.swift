import MuluSupport
/// The rule for a section heading: a line of its own naming the industry of the rows below it
/// (`一、制造业`, `（一）制造业`, `一、制造业（35个）`), where a table has no industry column.
public enum SectionHeading {
    public static let numerals = "一二三四五六七八九十"

    /// The industry a heading names, or nil. `text`: the line's text, blanks removed; `pieces`:
    /// how many blank-separated pieces it had. Unless `numbered`, a line holding only an
    /// industry's name (`制造业`, in one or two pieces, ending as `IndustryName` says) is one too.
    public static func name(_ compact: String, pieces: Int = 1, numbered: Bool = true) -> String? {
        // A Markdown heading's marks (`### 二、电力…`): the heading is the text after them.
        var text = compact.first == "#" && compact.count > 1 ? String(compact.drop(while: { $0 == "#" })) : compact
        // A count after the name: `制造业（35个）`, `(12项)`.
        if let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }), text.hasSuffix("）") || text.hasSuffix(")") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if inner.contains(where: \.isASCIIDigit), inner.allSatisfy({ $0.isASCIIDigit || "共计个项种条".contains($0) }) {
                text = String(text[..<open])
            }
        }
        var s = Substring(text)
        // `第一部分 制造业`, `第二类：…`, `第三章 …`: the part's number and word before the name.
        if s.hasPrefix("第"), case let afterNumber = s.dropFirst().drop(while: { numerals.contains($0) }),
           afterNumber.count < s.count - 1, let word = partWords.first(where: { afterNumber.hasPrefix($0) }) {
            var rest = afterNumber.dropFirst(word.count)
            if let c = rest.first, "、：:．.".contains(c) { rest = rest.dropFirst() }
            return plainName(rest)
        }
        // `1、制造业`, `1.制造业`, `（1）制造业`: numbered in figures, and named as an industry is.
        if let figures = arabicNumbered(s) {
            guard IndustryName.endsLikeOne(figures) else { return nil }
            return plainName(figures)
        }
        // `一 制造业`: a numeral and the name, apart.
        if pieces == 2, let c = s.first, numerals.contains(c), case let rest = s.drop(while: { numerals.contains($0) }),
           let f = rest.first, !"、．.）)".contains(f), IndustryName.endsLikeOne(rest) {
            return plainName(rest)
        }
        if !numbered, pieces <= 2, let c = s.first, !numerals.contains(c), c != "（", c != "(" {
            guard s.count <= 20, !s.contains(where: \.isASCIIDigit), !s.contains(utf8: "："), !s.contains(utf8: "。"),
                  IndustryName.endsLikeOne(s) else { return nil }
            return text
        }
        if s.hasPrefix("（") || s.hasPrefix("(") {
            s = s.dropFirst()
            guard let c = s.first, numerals.contains(c) else { return nil }
            s = s.drop { numerals.contains($0) }
            guard s.hasPrefix("）") || s.hasPrefix(")") else { return nil }
            s = s.dropFirst()
        } else {
            guard let c = s.first, numerals.contains(c) else { return nil }
            s = s.drop { numerals.contains($0) }
            guard s.hasPrefix("、") || s.hasPrefix("．") || s.hasPrefix(".") else { return nil }
            s = s.dropFirst()
        }
        return plainName(s)
    }

    /// The words after `第一` that number a part of the table (`第一部分`, `第二类`).
    static let partWords = ["部分", "大类", "类", "章", "节", "篇"]

    /// The name after a heading's number: short, and no sentence or figures.
    static func plainName(_ s: Substring) -> String? {
        var name = String(s)
        // `重点产业：先进制造业`: the industry after a group's short name.
        if let colon = name.firstIndex(where: { $0 == "：" || $0 == ":" }), name.index(after: colon) < name.endIndex,
           name[..<colon].count <= 6 {
            name = String(name[name.index(after: colon)...])
        }
        guard !name.isEmpty, name.count <= 30, !name.contains(utf8: "："), !name.contains(utf8: ":"), !name.contains(utf8: "。"),
              !name.contains(where: \.isASCIIDigit) else { return nil }
        return name
    }

    /// The rest of `1、…`, `1.…`, `1．…`, `（1）…` or `(1)…` (one or two figures), or nil.
    static func arabicNumbered(_ s: Substring) -> Substring? {
        var rest = s
        let bracketed = rest.first == "（" || rest.first == "("
        if bracketed { rest = rest.dropFirst() }
        let figures = rest.prefix(while: \.isASCIIDigit)
        guard (1...2).contains(figures.count) else { return nil }
        rest = rest.dropFirst(figures.count)
        guard let c = rest.first, bracketed ? "）)".contains(c) : "、．.".contains(c) else { return nil }
        return rest.dropFirst()
    }

    /// What a heading says of its rows' urgency, when it groups them by urgency rather than by
    /// industry (`一、急需紧缺职业（工种）`, then `二、其他职业（工种）`): true for a heading naming
    /// urgency (急需, 紧缺, 急缺; not 非急需 or 不紧缺); false for a heading that is no industry
    /// after such a heading (`urgencyHeadings`); nil otherwise (an industry heading).
    public static func urgency(_ name: String, urgencyHeadings: Bool) -> Bool? {
        let negated = ["非急需", "非紧缺", "不紧缺", "不急需"].contains { name.contains($0) }
        if !negated, ["急需", "紧缺", "急缺"].contains(where: { name.contains($0) }) { return true }
        if urgencyHeadings, negated || !IndustryName.endsLikeOne(name) { return false }
        return nil
    }
}
