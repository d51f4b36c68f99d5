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
    /// (`1．本目录…`).
    public static func opensNote(_ raw: String) -> Bool {
        var text = raw
        if let i = text.firstIndex(where: { !$0.isNumber }), i > text.startIndex, "．.、".contains(text[i]) {
            text = String(text[text.index(after: i)...])
        }
        if text == "注" || text.hasPrefix("注：") || text.hasPrefix("注:") { return true }
        return ["说明：", "说明:", "备注：", "备注:", "附注", "本目录", "以上"].contains { text.hasPrefix($0) }
    }
}
