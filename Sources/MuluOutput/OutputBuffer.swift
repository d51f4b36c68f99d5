import MuluSupport
import MuluModel
/// The bytes an encoder writes, appended through a raw pointer: either kept whole (an in-memory
/// file) or handed on in chunks as it fills (a file streamed to disk while it is encoded).
///
/// Every append checks the room left once and copies; nothing is checked per byte, no array
/// uniqueness or bounds. Not for sharing between threads: one encoder owns one buffer.
final class OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes the buffer holds now.
    private(set) var count = 0
    /// How many bytes were handed on to ``drain`` so far.
    private(set) var drained = 0
    /// Where full chunks go; nil: the buffer grows instead and keeps every byte.
    private let drain: ((UnsafeRawBufferPointer) -> Void)?

    /// A buffer that keeps every byte, with room for `capacity` before it first grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        drain = nil
    }

    /// A buffer that hands its bytes to `drain` whenever `chunkSize` of them are waiting, and
    /// the rest on ``flush()``.
    init(chunkSize: Int, drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        capacity = max(chunkSize, 64)
        base = .allocate(capacity: capacity)
        self.drain = drain
    }

    deinit {
        base.deallocate()
    }

    /// Every byte written, drained or held.
    var totalCount: Int { drained + count }

    /// The bytes held (all of them, for a buffer without a drain).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes held, keeping the room (a scratch buffer reused for each cell or row).
    @inline(__always)
    func removeAll() { count = 0 }

    /// The bytes held, for reading in place.
    @inline(__always)
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Hands the bytes held to the drain (nothing for a buffer that keeps its bytes).
    func flush() {
        guard let drain, count > 0 else { return }
        drain(UnsafeRawBufferPointer(start: base, count: count))
        drained += count
        count = 0
    }

    /// Room for `n` more bytes: drains or grows when the buffer is too full.
    @inline(__always)
    private func reserve(_ n: Int) {
        if count &+ n > capacity { makeRoom(n) }
    }

    @inline(never)
    private func makeRoom(_ n: Int) {
        if drain != nil {
            flush()
            if n <= capacity { return }
        }
        let grown = max(capacity * 2, count + n)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends two bytes.
    @inline(__always)
    func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[count] = first
        base[count &+ 1] = second
        count &+= 2
    }

    /// Appends `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        count &+= n
    }

    /// Appends `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    /// Appends the UTF-8 of a literal.
    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the UTF-8 of `text` as it is.
    @inline(__always)
    func append(utf8 text: String) {
        ByteScan.withUTF8(text) { append($0) }
    }

    /// Appends `bytes` (an array, e.g. a constant prefix).
    @inline(__always)
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends `value` in decimal, with a `-` when it is negative.
    func appendDecimal(_ value: Int) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count &+= 1
        }
        var digits = 1
        var scale: UInt = 10
        while digits < 20 && magnitude >= scale {
            digits &+= 1
            if scale > UInt.max / 10 { break }
            scale &*= 10
        }
        var i = count &+ digits
        count = i
        repeat {
            i &-= 1
            base[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
            magnitude /= 10
        } while magnitude > 0
    }
}
