/// The rule for text that reads as a sentence of a note (`本目录由…负责解释。`, `如有…`), not as a
/// cell of a catalogue row: what tells a numbered note after the table (`3 本目录由…负责解释`)
/// from a row, in delimited text (`DelimitedReader`) and in text laid out in columns or a PDF
/// (`TableRecovery`).
public enum NoteText {
    /// True when `text` (one cell or token, blanks removed) reads as a sentence: longer than a
    /// name (more than 16 characters), with sentence punctuation, or opening as notes do.
    public static func isSentence(_ text: String) -> Bool {
        text.unicodeScalars.count > 16 || text.hasPrefix("本") || text.contains("。") || text.contains("，")
            || text.hasPrefix("以上") || text.hasPrefix("如")
    }
}
