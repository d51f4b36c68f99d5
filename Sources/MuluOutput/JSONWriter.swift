// Hand-written, kept: no Swift library writes sorted-key, Python-identical canonical JSON as a byte stream (JSONEncoder sorts differently, escapes `/` and builds the whole tree in memory).
import MuluSupport
import MuluModel
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
/// A compact writer (``isCompact``) writes the same values on one line without any whitespace,
/// as `json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))` does.
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
public struct JSONWriter {
    /// Where the bytes go: kept whole, or streamed on in chunks (``init(into:)``).
    private let out: OutputBuffer

    /// The bytes written so far (without the trailing newline that ``finish()`` adds).
    public var bytes: [UInt8] { out.bytes }

    private struct Level {
        var isObject: Bool
        var isEmpty: Bool = true
        var lastKey: String? = nil
    }

    private var stack: [Level] = []
    private var afterKey = false
    private var wroteValue = false
    /// One line, no whitespace at all: `,` between items and `:` after a key, as Python's
    /// `json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`.
    public let isCompact: Bool

    /// An empty writer; `reservingCapacity` bytes are allocated up front. `compact`: see
    /// ``isCompact``.
    public init(reservingCapacity capacity: Int = 0, compact: Bool = false) {
        out = OutputBuffer(capacity: capacity)
        isCompact = compact
        stack.reserveCapacity(8)
    }

    /// A writer that appends to `buffer` (which may stream its bytes on as it fills).
    init(into buffer: OutputBuffer, compact: Bool = false) {
        out = buffer
        isCompact = compact
        stack.reserveCapacity(8)
    }

    /// The document, with its trailing newline.
    public mutating func finish() -> [UInt8] {
        end()
        return out.bytes
    }

    /// Ends the document with its trailing newline, leaving the bytes in the buffer.
    mutating func end() {
        precondition(stack.isEmpty, "JSONWriter.finish() with \(stack.count) container(s) open")
        out.append(0x0A)
    }

    // MARK: Containers

    /// Opens an object: `{`.
    public mutating func beginObject() {
        beforeValue()
        out.append(UInt8(ascii: "{"))
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
        out.append(UInt8(ascii: "["))
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
        if isCompact { out.append(UInt8(ascii: ":")) } else { out.append(UInt8(ascii: ":"), UInt8(ascii: " ")) }
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
        out.appendDecimal(value)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beforeValue()
        out.append(value ? "true" : "false")
    }

    /// Writes `null`.
    public mutating func null() {
        beforeValue()
        out.append("null")
    }

    /// Starts a value that the caller lays out itself: writes the separator and indentation
    /// before it, and returns the buffer to append the value to and the number of containers
    /// open around it. The caller must append exactly what this writer would write for the value.
    mutating func rawValue() -> (out: OutputBuffer, depth: Int) {
        beforeValue()
        return (out, stack.count)
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
            precondition(!wroteValue, "JSONWriter: a second top-level value")
            wroteValue = true
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
            out.append(UInt8(ascii: ","))
        }
        newline(depth: stack.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let level = stack.removeLast()
        if !level.isEmpty { newline(depth: stack.count) }
        out.append(bracket)
    }

    /// A newline followed by 64 spaces: a newline and the indentation of up to depth 32 in one copy.
    private static let newlineAndSpaces: StaticString =
        "\n                                                                "

    @inline(__always)
    private mutating func newline(depth: Int) {
        if isCompact { return }
        let count = 1 + depth * 2
        let indentation = Self.newlineAndSpaces
        if count <= indentation.utf8CodeUnitCount {
            out.append(UnsafeRawBufferPointer(start: indentation.utf8Start, count: count))
        } else {
            out.append(0x0A)
            for _ in 0..<depth { out.append(0x20, 0x20) }
        }
    }

    private mutating func writeString(_ value: String) {
        Self.appendString(value, to: out)
    }

    /// Appends `value` as a quoted, escaped JSON string.
    @inline(__always)
    static func appendString(_ value: String, to out: OutputBuffer) {
        ByteScan.withUTF8(value) { appendQuoted($0, to: out) }
    }

    /// Appends `utf8` as a JSON string: quoted, with `"`, `\\` and controls escaped; the runs
    /// between them are copied whole.
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        out.append(UInt8(ascii: "\""))
        let n = utf8.count
        var runStart = 0
        while true {
            let i = ByteScan.firstIndex(
                in: utf8, from: runStart,
                mayHoldSpecial: { ByteScan.below($0, 0x20) | ByteScan.equal($0, 0x22) | ByteScan.equal($0, 0x5C) != 0 },
                isSpecial: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
            if runStart < i { out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            if i == n { break }
            let byte = utf8[i]
            switch byte {
            case 0x22: out.append(UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case 0x5C: out.append(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
            default:
                out.append("\\u00")
                out.append(hexDigit(byte >> 4), hexDigit(byte & 0x0F))
            }
            runStart = i &+ 1
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }
}
