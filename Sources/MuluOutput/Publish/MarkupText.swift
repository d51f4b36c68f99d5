import MuluSupport
import MuluModel
/// Escaping for the markup the publishing outputs write: XML (the workbook's parts) and HTML
/// (the pages).
///
/// Both escape `&`, `<`, `>`, `"` and `'`, so the result is safe in element text and in quoted
/// attribute values alike. XML 1.0 cannot hold most control characters at all (not even
/// escaped): ``xml(_:)`` drops every one below U+0020 except tab, line feed and carriage return,
/// and U+FFFE/U+FFFF; ``html(_:)`` does the same, since a page shows them as nothing anyway.
public enum MarkupText {
    /// `text` escaped for XML element text or a quoted attribute value.
    public static func xml(_ text: String) -> String { escaped(text) }

    /// `text` escaped for HTML element text or a quoted attribute value.
    public static func html(_ text: String) -> String { escaped(text) }

    private static func escaped(_ text: String) -> String {
        // Most cells need nothing: return them as they are.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
