/// A text printed twice over: two rows' cells read into one (`制造业制造业`,
/// `初级、中级：2160元/人初级、中级：2160元/人`). No industry, name or subsidy is itself twice.
public enum PrintedTwice {
    /// The text once, when `text` is the same text of at least two characters twice; else nil.
    public static func once(_ text: String) -> String? {
        // (Bytes first: equal halves of scalars are equal halves of bytes, and most texts are not.)
        let bytes = text.utf8, middle = bytes.count / 2
        guard bytes.count % 2 == 0, bytes.prefix(middle).elementsEqual(bytes.suffix(middle)) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4, scalars.count % 2 == 0 else { return nil }
        let half = scalars.count / 2
        guard scalars[..<half].elementsEqual(scalars[half...]) else { return nil }
        var once = String.UnicodeScalarView()
        once.append(contentsOf: scalars[..<half])
        return String(once)
    }
}
