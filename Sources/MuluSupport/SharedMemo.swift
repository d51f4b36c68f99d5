import Foundation

/// The results of a pure function, computed once per argument and shared by every thread.
///
/// For rulebook lookups called again and again on the same few strings (a header cell's words
/// are weighed for every way the header's lines may be joined). At most `limit` results are
/// kept; past it the function is simply called, so memory stays bounded on any input.
public final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit: Int

    /// A memo keeping at most `limit` results.
    public init(limit: Int = 4096) {
        self.limit = limit
    }

    /// `make(key)`, from the memo when it was made before.
    public func value(_ key: Key, make: (Key) -> Value) -> Value {
        lock.lock()
        if let value = values[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make(key)
        lock.lock()
        if values.count < limit { values[key] = value }
        lock.unlock()
        return value
    }
}
