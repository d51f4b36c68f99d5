import MuluSupport
import MuluModel
/// Writes `catalogue.csv`: one header row, then one record per entry, for spreadsheets and
/// data portals.
///
/// The format is RFC 4180: UTF-8 (with a byte-order mark only when asked: Excel on Windows needs
/// one to read UTF-8), records ended by CRLF as the RFC says, including the last one; a field is
/// quoted only when it holds `,`, `"`, CR or LF, and a `"` inside it is doubled. Git stores the
/// CRLF bytes as they are as long as the repository does not convert line ends for this file
/// (`*.csv -text` in `.gitattributes`).
///
/// Columns (``columns``): `seq, table, industry, code, name`, then for each of `training` and
/// `assessment`: `_levels, _amount_yuan, _amounts, _any_of, _up_to, _note, _text`, then `urgent`,
/// then one column per extra column of the notice (``columns(for:)``), named by its header.
/// Levels are joined with `|` (`初级|中级`), per-level amounts as `初级:1600|中级:2000`, amounts
/// are integers (empty when the levels' amounts differ or none is given), booleans
/// `true`/`false`; every cell of a missing subsidy is empty, and so are a missing industry and
/// an urgency the catalogue does not give.
public enum CatalogueCSV {
    /// The header row's fixed column names, in order.
    public static let columns: [String] = ["seq", "table", "industry", "code", "name"]
        + subsidyColumns("training") + subsidyColumns("assessment") + ["urgent"]

    /// The seven columns of a subsidy.
    static func subsidyColumns(_ prefix: String) -> [String] {
        ["levels", "amount_yuan", "amounts", "any_of", "up_to", "note", "text"].map { "\(prefix)_\($0)" }
    }

    /// Every column of `catalogue`'s CSV: the fixed ones and its extra columns.
    public static func columns(for catalogue: Catalogue) -> [String] { columns + catalogue.extraHeaders }

    /// The separator between a level and its amount in a `*_amounts` cell.
    public static let amountSeparator = ":"

    /// The separator between levels in a `*_levels` cell.
    public static let levelSeparator = "|"

    /// The record terminator: CRLF (RFC 4180).
    public static let lineTerminator = "\r\n"

    /// The UTF-8 byte-order mark written first when `byteOrderMark` is true.
    public static let byteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of `catalogue.csv` for `catalogue`.
    public static func encode(_ catalogue: Catalogue, byteOrderMark: Bool) -> [UInt8] {
        let out = OutputBuffer(capacity: 256 + catalogue.entries.count * 200)
        encode(catalogue, byteOrderMark: byteOrderMark, into: out)
        return out.bytes
    }

    /// Appends `catalogue.csv` for `catalogue` to `out`.
    static func encode(_ catalogue: Catalogue, byteOrderMark: Bool, into out: OutputBuffer) {
        if byteOrderMark { out.append(byteOrderMarkBytes) }
        for (i, column) in columns(for: catalogue).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(column, to: out)
        }
        out.append(0x0D, 0x0A)
        let extra = catalogue.extraHeaders
        // By index: a `for … in` would copy (retain and release) every entry's strings.
        let entries = catalogue.entries
        for i in entries.indices { appendRecord(entries[i], extra: extra, to: out) }
    }

    /// One entry's record, with its CRLF.
    private static func appendRecord(_ e: Entry, extra: [String], to out: OutputBuffer) {
        out.appendDecimal(e.seq)
        out.append(UInt8(ascii: ","))
        out.appendDecimal(e.table)
        out.append(UInt8(ascii: ","))
        if let industry = e.industry { appendField(industry, to: out) }
        out.append(UInt8(ascii: ","))
        appendField(e.code, to: out)
        out.append(UInt8(ascii: ","))
        appendField(e.name, to: out)
        out.append(UInt8(ascii: ","))
        appendSubsidy(e.training, to: out)
        out.append(UInt8(ascii: ","))
        appendSubsidy(e.assessment, to: out)
        switch e.urgent {
        case true?: out.append(",true")
        case false?: out.append(",false")
        case nil: out.append(UInt8(ascii: ","))
        }
        for header in extra {
            out.append(UInt8(ascii: ","))
            if let cell = e.extra[header] { appendField(cell, to: out) }
        }
        out.append(0x0D, 0x0A)
    }

    /// The seven cells of a subsidy (levels, amount, amounts, any-of, up-to, note, text), all
    /// empty when it is missing.
    private static func appendSubsidy(_ s: Subsidy?, to out: OutputBuffer) {
        guard let s else {
            out.append(",,,,,,")
            return
        }
        // Level names hold no character that needs quoting, nor does the separator.
        for i in s.levels.indices {
            if i > 0 { out.append(utf8: levelSeparator) }
            out.append(utf8: s.levels[i].rawValue)
        }
        out.append(UInt8(ascii: ","))
        if let amount = s.amountYuan { out.appendDecimal(amount) }
        out.append(UInt8(ascii: ","))
        for i in s.amounts.indices {
            if i > 0 { out.append(utf8: levelSeparator) }
            out.append(utf8: s.amounts[i].level.rawValue)
            out.append(utf8: amountSeparator)
            out.appendDecimal(s.amounts[i].amountYuan)
        }
        out.append(s.anyOf ? ",true," : ",false,")
        out.append(s.upTo ? "true," : "false,")
        if let note = s.note { appendField(note, to: out) }
        out.append(UInt8(ascii: ","))
        appendField(s.text, to: out)
    }

    /// Appends a field, quoted when it holds a comma, a double quote, CR or LF.
    private static func appendField(_ value: String, to out: OutputBuffer) {
        ByteScan.withUTF8(value) { utf8 in
            let special = ByteScan.firstIndex(
                in: utf8, from: 0,
                mayHoldSpecial: {
                    ByteScan.equal($0, 0x2C) | ByteScan.equal($0, 0x22) | ByteScan.equal($0, 0x0D) | ByteScan.equal($0, 0x0A) != 0
                },
                isSpecial: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A })
            guard special < utf8.count else {
                out.append(utf8)
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
