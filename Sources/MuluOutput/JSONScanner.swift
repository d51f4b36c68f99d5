// Hand-written, kept: JSONDecoder builds a Foundation tree first and was several times slower on a 100,000-row catalogue.json; this pull parser decodes straight into the model.
import MuluSupport
import MuluModel
/// A pull parser over JSON bytes: the caller asks for the value it expects next, so a
/// `catalogue.json` decodes straight into the model without an intermediate tree and without
/// Foundation (several times faster on large catalogues). Numbers must be integers: nothing
/// mulu reads has fractions. Nesting deeper than `maxDepth` is refused.
public struct JSONScanner {
    /// Why the bytes are not the JSON expected, and where.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public static let maxDepth = 64

    private let p: UnsafeBufferPointer<UInt8>
    private var i: Int

    /// Runs `body` with a scanner over `bytes` (after an optional BOM) and checks that nothing
    /// but blanks follows what it read. The bytes must be valid UTF-8 (checked first).
    public static func scan<T>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws -> T) throws -> T {
        let invalid = UTF8Scan.firstInvalid(bytes)
        guard invalid == bytes.count else { throw Failure(offset: invalid, reason: "invalid UTF-8") }
        return try bytes.withUnsafeBufferPointer { p in
            var scanner = JSONScanner(p: p, i: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            let result = try body(&scanner)
            scanner.skipBlanks()
            guard scanner.i == p.count else { throw scanner.fail("text after the JSON value") }
            return result
        }
    }

    private init(p: UnsafeBufferPointer<UInt8>, i: Int) {
        self.p = p
        self.i = i
    }

    public func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    @inline(__always)
    private mutating func skipBlanks() {
        while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }

    @inline(__always)
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipBlanks()
        if i < p.count, p[i] == byte {
            i += 1
            return true
        }
        return false
    }

    /// `{`, or a failure naming `what` was expected.
    public mutating func beginObject(_ what: @autoclosure () -> String) throws(Failure) {
        guard consume(UInt8(ascii: "{")) else { throw fail("\(what()) is not an object") }
    }

    /// `[`, or a failure naming `what` was expected.
    public mutating func beginArray(_ what: @autoclosure () -> String) throws(Failure) {
        guard consume(UInt8(ascii: "[")) else { throw fail("\(what()) is not an array") }
    }

    /// The next key of the object being read, or nil at its `}`; `first` tracks the commas.
    public mutating func nextKey(_ first: inout Bool) throws(Failure) -> String? {
        if consume(UInt8(ascii: "}")) { return nil }
        if !first, !consume(UInt8(ascii: ",")) { throw fail("expected `,` or `}`") }
        first = false
        skipBlanks()
        guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
        let key = try string("a key")
        guard consume(UInt8(ascii: ":")) else { throw fail("expected `:`") }
        return key
    }

    /// True when another element of the array being read follows; false at its `]`.
    public mutating func nextElement(_ first: inout Bool) throws(Failure) -> Bool {
        if consume(UInt8(ascii: "]")) { return false }
        if !first, !consume(UInt8(ascii: ",")) { throw fail("expected `,` or `]`") }
        first = false
        return true
    }

    /// Consumes `null` and returns true, or returns false and leaves the value to be read.
    public mutating func null() -> Bool {
        skipBlanks()
        guard i + 4 <= p.count, p[i] == UInt8(ascii: "n"), p[i + 1] == UInt8(ascii: "u"),
            p[i + 2] == UInt8(ascii: "l"), p[i + 3] == UInt8(ascii: "l")
        else { return false }
        i += 4
        return true
    }

    /// `true` or `false`.
    public mutating func bool(_ what: @autoclosure () -> String) throws(Failure) -> Bool {
        skipBlanks()
        if i + 4 <= p.count, p[i] == UInt8(ascii: "t"), p[i + 1] == UInt8(ascii: "r"), p[i + 2] == UInt8(ascii: "u"), p[i + 3] == UInt8(ascii: "e") {
            i += 4
            return true
        }
        if i + 5 <= p.count, p[i] == UInt8(ascii: "f"), p[i + 1] == UInt8(ascii: "a"), p[i + 2] == UInt8(ascii: "l"),
            p[i + 3] == UInt8(ascii: "s"), p[i + 4] == UInt8(ascii: "e")
        {
            i += 5
            return false
        }
        throw fail("\(what()) is not true or false")
    }

    /// A whole number.
    public mutating func int(_ what: @autoclosure () -> String) throws(Failure) -> Int {
        skipBlanks()
        let negative = i < p.count && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        var digits = 0
        while i < p.count, p[i] >= 0x30, p[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(p[i] - 0x30))
            guard !o1, !o2 else { throw fail("\(what()) is too large") }
            value = a
            digits += 1
            i += 1
        }
        guard digits > 0 else { throw fail("\(what()) is not a whole number") }
        if i < p.count, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            throw fail("\(what()) is not a whole number")
        }
        return negative ? -value : value
    }

    /// A string, escapes resolved.
    public mutating func string(_ what: @autoclosure () -> String) throws(Failure) -> String {
        skipBlanks()
        guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw fail("\(what()) is not a string") }
        i += 1
        let start = i
        while i < p.count, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\") {
            guard p[i] >= 0x20 else { throw fail("control character in a string") }
            i += 1
        }
        guard i < p.count else { throw fail("unterminated string") }
        if p[i] == UInt8(ascii: "\"") {
            i += 1
            return String(decoding: UnsafeBufferPointer(rebasing: p[start..<(i - 1)]), as: UTF8.self)
        }
        var out = Array(p[start..<i])
        while true {
            guard i < p.count else { throw fail("unterminated string") }
            let b = p[i]
            if b == UInt8(ascii: "\"") { break }
            if b != UInt8(ascii: "\\") {
                guard b >= 0x20 else { throw fail("control character in a string") }
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < p.count else { throw fail("unterminated string") }
            switch p[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 2 < p.count, p[i + 1] == UInt8(ascii: "\\"), p[i + 2] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape")
            }
            i += 1
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads the four hex digits after `\u`, leaving `i` on the last one.
    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 < p.count else { throw fail("unterminated \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            let b = p[i + k]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    /// Skips a value of any kind (an unknown key's).
    public mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < Self.maxDepth else { throw fail("nested too deeply") }
        skipBlanks()
        guard i < p.count else { throw fail("unexpected end") }
        switch p[i] {
        case UInt8(ascii: "{"):
            i += 1
            var first = true
            while try nextKey(&first) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            i += 1
            var first = true
            while try nextElement(&first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string("a value")
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool("a value")
        case UInt8(ascii: "n"):
            guard null() else { throw fail("unexpected character") }
        default: try skipNumber()
        }
    }

    /// Skips a JSON number of any form (fractions and exponents too: an added field may hold one).
    private mutating func skipNumber() throws(Failure) {
        let start = i
        while i < p.count {
            switch p[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                i += 1
            default:
                guard i > start else { throw fail("unexpected character") }
                return
            }
        }
        guard i > start else { throw fail("unexpected end") }
    }
}
