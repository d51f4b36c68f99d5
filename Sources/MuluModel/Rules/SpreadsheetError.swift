/// The rule for a spreadsheet's error values (`#REF!`, `#VALUE!`, `#N/A` …): what a cell of an
/// Excel or WPS export shows when its formula lost its value. Such a cell holds no data, so a
/// row with one is an error naming the cell, never a value read around it.
public enum SpreadsheetError {
    /// The error values, as Excel, WPS and LibreOffice print them.
    public static let values: [String] = [
        "#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#NV", "Err:502", "Err:504",
    ]
    static let valueBytes = values.map { Array($0.utf8) }

    /// The error value the UTF-8 bytes hold somewhere, or nil (a byte scan for `#` or `E` first).
    public static func find(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        guard p.contains(where: { $0 == 0x23 || $0 == 0x45 }) else { return nil }
        for (k, v) in valueBytes.enumerated() where p.count >= v.count {
            for i in 0...(p.count - v.count) where p[i] == v[0] {
                if UnsafeBufferPointer(rebasing: p[i..<(i + v.count)]).elementsEqual(v) { return values[k] }
            }
        }
        return nil
    }

    /// True when the bytes are one error value and nothing else (a cell of its own).
    public static func isValue(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        valueBytes.contains { p.elementsEqual($0) }
    }
}
