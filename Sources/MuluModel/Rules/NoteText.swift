import MuluSupport
/// The rule for text that reads as a sentence of a note (`本目录由…负责解释。`, `如有…`), not as a
/// cell of a catalogue row: what tells a numbered note after the table (`3 本目录由…负责解释`)
/// from a row, in delimited text (`DelimitedReader`) and in text laid out in columns or a PDF
/// (`TableRecovery`).
public enum NoteText {
    /// True when `text` (one cell or token, blanks removed) reads as a sentence: longer than a
    /// name (more than 16 characters), with sentence punctuation, or opening as notes do.
    public static func isSentence(_ text: String) -> Bool {
        text.unicodeScalars.count > 16 || text.hasPrefix("本") || text.contains(utf8: "。") || text.contains(utf8: "，")
            || text.hasPrefix("以上") || text.hasPrefix("如")
    }

    /// True when `text` (one cell or token) is punctuated as a sentence (`。`, `，`): no cell
    /// of a row is, whatever its length.
    public static func isPunctuatedSentence(_ text: String) -> Bool {
        text.contains(utf8: "。") || text.contains(utf8: "，")
    }

    /// True when `text` (one cell or token) ends a sentence (`。`): a note's end, no cell's.
    public static func endsSentence(_ text: String) -> Bool {
        text.hasSuffix("。")
    }

    /// True when `text` (a token or a line, blanks removed) opens a note after the table: `注：`,
    /// `说明：`, `备注：`, `附注`, `本目录…`, `以上…`, also after its number written without a blank
    /// (`1．本目录…`), or is a line that closes a notice (``closesNotice(_:)``).
    public static func opensNote(_ raw: String) -> Bool {
        if closesNotice(raw) { return true }
        var text = raw
        if let i = text.firstIndex(where: { !$0.isNumber }), i > text.startIndex, "．.、".contains(text[i]) {
            text = String(text[text.index(after: i)...])
        }
        if text == "注" || text.hasPrefix("注：") || text.hasPrefix("注:") { return true }
        return ["说明：", "说明:", "备注：", "备注:", "附注", "本目录", "以上"].contains { text.hasPrefix($0) }
    }

    /// True when `text` (a line, blanks removed) is one of the lines that close a notice after
    /// its table, never a cell of a row: the publication mark (`（此件公开发布）`, `（此件主动公开）`),
    /// a web page's controls (`【打印本页】【关闭窗口】`), a contact line (`联系人：…`, `联系电话：…`),
    /// the issuer (`昌吉州人力资源和社会保障局`, a line of its own ending as offices are named) and
    /// the date (`2024年3月15日`, `二〇二四年三月十五日`).
    public static func closesNotice(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        if let first = scalars.first, "（(".unicodeScalars.contains(first), let last = scalars.last, "）)".unicodeScalars.contains(last),
           String(String.UnicodeScalarView(scalars[1...])).hasPrefix("此件") {
            return true
        }
        if text.contains(utf8: "打印本页") || text.contains(utf8: "关闭窗口") { return true }
        if ["联系人：", "联系人:", "联系电话", "联系方式", "咨询电话", "监督电话"].contains(where: { text.hasPrefix($0) }) { return true }
        if isDate(scalars) { return true }
        // The issuer: an office's name, no figures in it.
        return scalars.count >= 6 && !scalars.contains { ("0"..."9").contains($0) }
            && ["人力资源和社会保障局", "人力资源和社会保障厅", "人力资源社会保障局", "人力资源社会保障厅", "委员会", "人民政府", "办公室", "领导小组"]
                .contains { text.hasSuffix($0) }
    }

    /// True when `scalars` are a date and nothing else: `2024年3月15日`, `2024年03月`,
    /// `二〇二四年三月十五日`.
    static func isDate(_ scalars: [Unicode.Scalar]) -> Bool {
        let digit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) || ("０"..."９").contains($0) || "〇零一二三四五六七八九十".unicodeScalars.contains($0) }
        var i = 0
        func run() -> Int { let s = i; while i < scalars.count, digit(scalars[i]) { i += 1 }; return i - s }
        guard run() == 4, i < scalars.count, scalars[i] == "年" else { return false }
        i += 1
        guard (1...2).contains(run()), i < scalars.count, scalars[i] == "月" else { return false }
        i += 1
        if i == scalars.count { return true }
        guard (1...3).contains(run()), i < scalars.count, scalars[i] == "日" else { return false }
        return i + 1 == scalars.count
    }
}
