import MuluSupport
import MuluModel
/// Reads back the CSV that ``CatalogueCSV`` writes (RFC 4180: `,`-separated, fields quoted
/// with `"` where needed, `""` for a quote inside, CRLF or LF between records, an optional
/// UTF-8 byte-order mark), so the published workbook and page show exactly the CSV's cells.
public enum CSVRecords {
    /// The records of `bytes`, each a list of its fields; a final line end adds no empty record.
    public static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = bytes.starts(with: CatalogueCSV.byteOrderMarkBytes) ? 3 : 0
        var quoted = false
        var fieldStarted = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
            } else {
                switch b {
                case 0x22 where field.isEmpty: quoted = true; fieldStarted = true
                case 0x2C: endField(); fieldStarted = true
                case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A: endRecord(); i += 1
                case 0x0A: endRecord()
                default: field.append(b); fieldStarted = true
                }
            }
            i += 1
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
