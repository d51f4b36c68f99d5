/// Writes JSON the one way diff reports need: keys in the order written (callers write them
/// sorted), 2-space indent, `"key": value`, empty containers as `[]`/`{}`, non-ASCII and `/` left
/// unescaped, straight into UTF-8 bytes.
///
/// `JSONEncoder` is not used because its pretty-printing (`"key" : value`) and escaping differ
/// between platforms and Foundation versions, and reports must be byte-identical everywhere; and
/// writing bytes directly keeps a 100,000-entry report fast.
struct DiffJSON {
    /// The UTF-8 written so far.
    private(set) var bytes: [UInt8] = []
    /// For each open container, whether it has no member yet.
    private var empty: [Bool] = []
    /// True right after a key, when the value follows on the same line.
    private var afterKey = false

    init() { bytes.reserveCapacity(1 << 16) }

    /// The JSON text written, with a trailing newline.
    var text: String { String(decoding: bytes + [0x0A], as: UTF8.self) }

    /// Writes an object; `body` writes its members with `key(_:)` followed by a value.
    mutating func object(_ body: (inout DiffJSON) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// Writes an array; `body` writes its elements.
    mutating func array(_ body: (inout DiffJSON) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// Writes an object member's key; the next value written is its value.
    mutating func key(_ name: String) {
        startElement()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    mutating func string(_ value: String) {
        startValue()
        writeString(value)
    }

    mutating func int(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// An entry as `catalogue.json` writes it, keys sorted; `training`/`assessment` may be `null`.
    mutating func entry(_ entry: Entry) {
        object { json in
            json.key("assessment")
            json.subsidy(entry.assessment)
            json.key("code")
            json.string(entry.code)
            json.key("industry")
            json.string(entry.industry)
            json.key("name")
            json.string(entry.name)
            json.key("seq")
            json.int(entry.seq)
            json.key("training")
            json.subsidy(entry.training)
            json.key("urgent")
            json.bool(entry.urgent)
        }
    }

    /// A subsidy object, keys sorted, or `null`.
    mutating func subsidy(_ subsidy: Subsidy?) {
        guard let subsidy else { return null() }
        object { json in
            json.key("amountYuan")
            json.int(subsidy.amountYuan)
            json.key("anyOf")
            json.bool(subsidy.anyOf)
            json.key("levels")
            json.array { json in
                for level in subsidy.levels { json.string(level.rawValue) }
            }
            json.key("text")
            json.string(subsidy.text)
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout DiffJSON) -> Void) {
        startValue()
        bytes.append(open)
        empty.append(true)
        body(&self)
        if empty.removeLast() == false {
            bytes.append(0x0A)
            indent(empty.count)
        }
        bytes.append(close)
    }

    /// Before a value: nothing after a key, else the separator and indent of a new element.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else if !empty.isEmpty {
            startElement()
        }
    }

    /// A new line for the next element of the innermost container, after a comma if needed.
    private mutating func startElement() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(0x0A)
        indent(empty.count)
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u00XX`;
    /// everything else, UTF-8 included, as is.
    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
