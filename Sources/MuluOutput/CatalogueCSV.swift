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
        // Through a buffer pointer, by index: a `for … in`, or an element read from the array,
        // would copy (retain and release) every entry's strings.
        let scratch = OutputBuffer(capacity: 256)
        var fields = Fields(out: out)
        catalogue.entries.withUnsafeBufferPointer { entries in
            for i in entries.indices { CatalogueRecord.write(entries[i], extra: extra, scratch: scratch, to: &fields) }
        }
    }

    /// Writes an entry's cells (``CatalogueRecord``) as CSV fields, the record ended by CRLF.
    private struct Fields: CatalogueCellSink {
        let out: OutputBuffer
        var first = true

        @inline(__always)
        mutating func separate() {
            if first { first = false } else { out.append(UInt8(ascii: ",")) }
        }
        mutating func integer(_ value: Int) { separate(); out.appendDecimal(value) }
        mutating func text(_ value: String) { separate(); CatalogueCSV.appendField(value, to: out) }
        mutating func plain(_ value: UnsafeRawBufferPointer) { separate(); out.append(value) }
        mutating func boolean(_ value: Bool) { separate(); out.append(value ? "true" : "false") }
        mutating func empty() { separate() }
        mutating func endRecord() {
            out.append(0x0D, 0x0A)
            first = true
        }
    }

    /// Appends a field, quoted when it holds a comma, a double quote, CR or LF.
    static func appendField(_ value: String, to out: OutputBuffer) {
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
