import MuluSupport
import MuluModel
/// ``MarkupText``'s escaping, appended as bytes straight into an ``OutputBuffer``: the same
/// output, for the workbook's sheet and the page, which escape every cell of a large catalogue.
enum MarkupBytes {
    /// What each byte needs: 0 copy, 1 escape or drop, 2 look further (0xEF, maybe U+FFFE/U+FFFF).
    private static let action: [UInt8] = (0...255).map { b in
        switch b {
        case 0x09, 0x0A, 0x0D: 0
        case 0..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0x27: 1
        case 0xEF: 2
        default: 0
        }
    }

    /// Appends `text` escaped as ``MarkupText/xml(_:)`` and ``MarkupText/html(_:)`` escape it.
    @inline(__always)
    static func append(_ text: String, to out: OutputBuffer) {
        ByteScan.withUTF8(text) { append(UnsafeRawBufferPointer($0), to: out) }
    }

    /// Appends the UTF-8 `bytes` escaped (`&`, `<`, `>`, `"`, `'` as entities; control
    /// characters but tab, LF and CR, and U+FFFE/U+FFFF, dropped).
    static func append(_ bytes: UnsafeRawBufferPointer, to out: OutputBuffer) {
        // Copies runs of bytes that need nothing in one go, not byte by byte.
        let n = bytes.count
        var run = 0
        var i = 0
        action.withUnsafeBufferPointer { table in
            while i < n {
                let b = bytes[i]
                let a = table[Int(b)]
                if a == 0 { i &+= 1; continue }
                if a == 2 {
                    if !(i &+ 2 < n && bytes[i &+ 1] == 0xBF && (bytes[i &+ 2] == 0xBE || bytes[i &+ 2] == 0xBF)) {
                        i &+= 1
                        continue
                    }
                    out.append(UnsafeRawBufferPointer(rebasing: bytes[run..<i]))
                    i &+= 3
                    run = i
                    continue
                }
                out.append(UnsafeRawBufferPointer(rebasing: bytes[run..<i]))
                switch b {
                case 0x26: out.append("&amp;")
                case 0x3C: out.append("&lt;")
                case 0x3E: out.append("&gt;")
                case 0x22: out.append("&quot;")
                case 0x27: out.append("&#39;")
                default: break
                }
                i &+= 1
                run = i
            }
        }
        out.append(UnsafeRawBufferPointer(rebasing: bytes[run..<n]))
    }

    /// True when an XML text node of `bytes` needs `xml:space="preserve"` for a reader to keep
    /// it exactly: it starts or ends with a space, holds a tab, line break or other control
    /// character, or starts or ends with U+FFFE/U+FFFF (dropped, which could leave a space at an
    /// edge). Spreadsheet readers trim an unmarked cell's leading and trailing whitespace.
    static func needsPreserve(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        if bytes[0] == 0x20 || bytes[n &- 1] == 0x20 || bytes[0] == 0xEF { return true }
        if n >= 3 && bytes[n &- 3] == 0xEF { return true }
        for i in 0..<n where bytes[i] < 0x20 { return true }
        return false
    }

    /// ``needsPreserve(_:)`` for a string.
    static func needsPreserve(_ text: String) -> Bool {
        ByteScan.withUTF8(text) { needsPreserve(UnsafeRawBufferPointer($0)) }
    }
}
