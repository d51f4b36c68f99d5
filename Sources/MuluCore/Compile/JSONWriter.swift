/// A fast, deterministic, streaming JSON writer that produces bytes directly.
///
/// The output is byte-for-byte what Python's
/// `json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"` prints, so anyone can
/// check a file's canonical form with the standard library of their choice:
///
/// - two-space indentation, every non-empty array and object over several lines, `[]` and `{}`
///   when empty;
/// - `", "`-free separators: `,` at the end of a line and `": "` between a key and its value;
/// - strings in UTF-8, not escaped except where JSON requires it: `"` → `\"`, `\` → `\\`,
///   `\n` `\r` `\t` `\b` `\f`, other controls below U+0020 as `\u00XX`; `/` and non-ASCII are
///   written as they are;
/// - a trailing newline after the top-level value (added by ``finish()``).
///
/// Keys are written in the order the caller writes them: the caller writes them sorted by their
/// UTF-8 bytes (the same as Unicode code point order, and as Python's `sort_keys`). Debug builds
/// check this with an assertion. ``JSONValue`` sorts object keys itself.
///
/// ```swift
/// var w = JSONWriter()
/// w.beginObject()
/// w.key("a"); w.int(1)
/// w.key("b"); w.beginArray(); w.string("x"); w.endArray()
/// w.endObject()
/// let bytes = w.finish() // {\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}\n
/// ```
public struct JSONWriter: Sendable {
    /// The bytes written so far (without the trailing newline that ``finish()`` adds).
    public private(set) var bytes: [UInt8] = []

    private struct Level: Sendable {
        var isObject: Bool
        var isEmpty: Bool = true
        var lastKey: String? = nil
    }

    private var stack: [Level] = []
    private var afterKey = false

    /// An empty writer; `reservingCapacity` bytes are allocated up front.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The document, with its trailing newline.
    public mutating func finish() -> [UInt8] {
        precondition(stack.isEmpty, "JSONWriter.finish() with \(stack.count) container(s) open")
        bytes.append(0x0A)
        return bytes
    }

    // MARK: Containers

    /// Opens an object: `{`.
    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        stack.append(Level(isObject: true))
    }

    /// Closes the innermost object: `}`.
    public mutating func endObject() {
        precondition(stack.last?.isObject == true && !afterKey, "JSONWriter.endObject() without an open object")
        close(UInt8(ascii: "}"))
    }

    /// Opens an array: `[`.
    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        stack.append(Level(isObject: false))
    }

    /// Closes the innermost array: `]`.
    public mutating func endArray() {
        precondition(stack.last?.isObject == false, "JSONWriter.endArray() without an open array")
        close(UInt8(ascii: "]"))
    }

    /// Writes an object's next key; the value follows with the next call.
    public mutating func key(_ key: String) {
        precondition(stack.last?.isObject == true && !afterKey, "JSONWriter.key(_:) outside an object")
        let top = stack.count - 1
        assert(
            stack[top].lastKey.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true,
            "JSONWriter: key \"\(key)\" written after \"\(stack[top].lastKey ?? "")\": keys must be sorted and unique"
        )
        #if DEBUG
        stack[top].lastKey = key
        #endif
        newElement(top)
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    // MARK: Scalars

    /// Writes a string value.
    public mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        beforeValue()
        writeInt(value)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beforeValue()
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        }
    }

    /// Writes `null`.
    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
    }

    /// Writes a whole value tree (objects with their keys sorted).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (k, v) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                key(k)
                self.value(v)
            }
            endObject()
        }
    }

    // MARK: Convenience

    /// Writes `key` and a string value.
    public mutating func field(_ key: String, _ value: String) { self.key(key); string(value) }
    /// Writes `key` and an integer value.
    public mutating func field(_ key: String, _ value: Int) { self.key(key); int(value) }
    /// Writes `key` and a boolean value.
    public mutating func field(_ key: String, _ value: Bool) { self.key(key); bool(value) }
    /// Writes `key` and a string value, or nothing at all when `value` is nil.
    public mutating func fieldIfPresent(_ key: String, _ value: String?) { if let value { field(key, value) } }
    /// Writes `key` and an integer value, or nothing at all when `value` is nil.
    public mutating func fieldIfPresent(_ key: String, _ value: Int?) { if let value { field(key, value) } }

    // MARK: Layout

    /// Separator, newline and indentation before a value (unless it follows its key).
    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        let top = stack.count - 1
        guard top >= 0 else {
            precondition(bytes.isEmpty, "JSONWriter: a second top-level value")
            return
        }
        precondition(!stack[top].isObject, "JSONWriter: a value in an object without a key")
        newElement(top)
    }

    @inline(__always)
    private mutating func newElement(_ top: Int) {
        if stack[top].isEmpty {
            stack[top].isEmpty = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        newline(depth: stack.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let level = stack.removeLast()
        if !level.isEmpty { newline(depth: stack.count) }
        bytes.append(bracket)
    }

    /// A newline followed by 64 spaces: a newline and the indentation of up to depth 32 in one copy.
    private static let newlineAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    @inline(__always)
    private mutating func newline(depth: Int) {
        let count = 1 + depth * 2
        if count <= Self.newlineAndSpaces.count {
            Self.newlineAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
    }

    private mutating func writeInt(_ value: Int) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            var i = count - 1
            while i >= 0 {
                bytes.append(buffer[i])
                i -= 1
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    i += 1
                    continue
                }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: bytes.append(UInt8(ascii: "\""))
                case 0x5C: bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
                i += 1
                runStart = i
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
