/// Writes `catalogue.csv`: one header row, then one record per entry, for spreadsheets and
/// data portals.
///
/// The format is RFC 4180: UTF-8 (with a byte-order mark only when asked: Excel on Windows needs
/// one to read UTF-8), records ended by CRLF as the RFC says, including the last one; a field is
/// quoted only when it holds `,`, `"`, CR or LF, and a `"` inside it is doubled. Git stores the
/// CRLF bytes as they are as long as the repository does not convert line ends for this file
/// (`*.csv -text` in `.gitattributes`).
///
/// Columns (``columns``): `seq, industry, code, name, training_levels, training_amount_yuan,
/// training_any_of, training_text, assessment_levels, assessment_amount_yuan, assessment_any_of,
/// assessment_text, urgent`. Levels are joined with `|` (`初级|中级`), amounts are integers,
/// booleans `true`/`false`, and the four cells of a missing subsidy are empty.
public enum CatalogueCSV {
    /// The header row's column names, in order.
    public static let columns: [String] = [
        "seq", "industry", "code", "name",
        "training_levels", "training_amount_yuan", "training_any_of", "training_text",
        "assessment_levels", "assessment_amount_yuan", "assessment_any_of", "assessment_text",
        "urgent",
    ]

    /// The separator between levels in a `*_levels` cell.
    public static let levelSeparator = "|"

    /// The record terminator: CRLF (RFC 4180).
    public static let lineTerminator = "\r\n"

    /// The UTF-8 byte-order mark written first when `byteOrderMark` is true.
    public static let byteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of `catalogue.csv` for `catalogue`.
    public static func encode(_ catalogue: Catalogue, byteOrderMark: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + catalogue.entries.count * 220)
        if byteOrderMark { out.append(contentsOf: byteOrderMarkBytes) }
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(column, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        for e in catalogue.entries {
            appendInt(e.seq, to: &out)
            out.append(UInt8(ascii: ","))
            appendField(e.industry, to: &out)
            out.append(UInt8(ascii: ","))
            appendField(e.code, to: &out)
            out.append(UInt8(ascii: ","))
            appendField(e.name, to: &out)
            out.append(UInt8(ascii: ","))
            appendSubsidy(e.training, to: &out)
            out.append(UInt8(ascii: ","))
            appendSubsidy(e.assessment, to: &out)
            out.append(UInt8(ascii: ","))
            appendBool(e.urgent, to: &out)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// The four cells of a subsidy (levels, amount, any-of, text), all empty when it is missing.
    private static func appendSubsidy(_ s: Subsidy?, to out: inout [UInt8]) {
        guard let s else {
            out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: ","), UInt8(ascii: ",")])
            return
        }
        appendField(s.levels.map(\.rawValue).joined(separator: levelSeparator), to: &out)
        out.append(UInt8(ascii: ","))
        appendInt(s.amountYuan, to: &out)
        out.append(UInt8(ascii: ","))
        appendBool(s.anyOf, to: &out)
        out.append(UInt8(ascii: ","))
        appendField(s.text, to: &out)
    }

    private static func appendBool(_ value: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// Appends a field, quoted when it holds a comma, a double quote, CR or LF.
    private static func appendField(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            var needsQuotes = false
            for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                out.append(contentsOf: utf8)
                return
            }
            out.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }
}
