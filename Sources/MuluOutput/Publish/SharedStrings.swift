#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MuluSupport
import MuluModel
/// The texts a workbook's cells share (`xl/sharedStrings.xml`): each distinct text once, in the
/// order it was first added, and a cell holding one written as its index (`t="s"`).
///
/// A catalogue's industries, levels, subsidies and 是/否 repeat on every row; written once here,
/// a large entries sheet is about a third smaller to write and to deflate. The table is a value:
/// the same texts added in the same order give the same indices and the same part.
struct SharedStrings: Sendable {
    /// The texts' UTF-8, one after the other.
    private var storage: [UInt8] = []
    /// Where each text ends in ``storage`` (it starts where the one before ends).
    private var ends: [Int] = []
    private var table = IndexTable()
    /// How many cells refer to the texts (the part's `count`), as the callers count them.
    var references = 0

    /// The number of distinct texts.
    var count: Int { ends.count }

    /// The index of `text`, or nil when it was never added.
    @inline(__always)
    func index(of text: UnsafeRawBufferPointer) -> Int? {
        let hash = ByteHash.hash(text)
        return storage.withUnsafeBytes { stored in
            table.find(hash) { i in Self.equals(stored, ends, i, text) }
        }
    }

    /// Adds `text` unless it is there already; its index, and whether it was added now.
    @inline(__always)
    @discardableResult
    mutating func add(_ text: UnsafeRawBufferPointer) -> (index: Int, added: Bool) {
        let hash = ByteHash.hash(text)
        let next = ends.count
        let found = storage.withUnsafeBytes { stored in
            table.findOrInsert(hash, next) { i in Self.equals(stored, ends, i, text) }
        }
        if let found { return (found, false) }
        storage.append(contentsOf: text)
        ends.append(storage.count)
        return (next, true)
    }

    /// Adds every text of `other` in its order (those not here already).
    mutating func add(contentsOf other: SharedStrings) {
        other.storage.withUnsafeBytes { stored in
            for i in other.ends.indices {
                add(UnsafeRawBufferPointer(rebasing: stored[other.start(i)..<other.ends[i]]))
            }
        }
    }

    /// Calls `body` with text `i`'s UTF-8.
    func withText<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start(i)..<ends[i]])) }
    }

    /// `xl/sharedStrings.xml`: every text in order, escaped and marked `xml:space="preserve"`
    /// where it needs it, as inline strings are (``MarkupBytes``).
    func xml() -> [UInt8] {
        let out = OutputBuffer(capacity: storage.count + 64 * ends.count + 256)
        out.append(utf8: XLSXWorkbook.declaration)
        out.append(utf8: "<sst xmlns=\"\(XLSXWorkbook.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(count)\">")
        for i in ends.indices {
            withText(i) { text in
                out.append(MarkupBytes.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
                MarkupBytes.append(text, to: out)
                out.append("</t></si>")
            }
        }
        out.append("</sst>")
        return out.bytes
    }

    @inline(__always)
    private func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }

    @inline(__always)
    private static func equals(_ stored: UnsafeRawBufferPointer, _ ends: [Int], _ i: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start == text.count else { return false }
        guard let a = stored.baseAddress, let b = text.baseAddress else { return true }
        return memcmp(a + start, b, text.count) == 0
    }
}
