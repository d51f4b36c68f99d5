import MuluSupport
import MuluModel
/// A JSON value tree, for small documents whose shape is easier to build than to stream.
///
/// ``JSONWriter/value(_:)`` writes it with object keys sorted by their UTF-8 bytes.
public enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The document's bytes, as ``JSONWriter`` writes them, with a trailing newline; on one line
    /// when `compact` (``JSONWriter/isCompact``).
    public func encoded(compact: Bool = false) -> [UInt8] {
        var writer = JSONWriter(compact: compact)
        writer.value(self)
        return writer.finish()
    }
}
