/// Substring search on UTF-8 bytes, for the rules' hot paths.
extension StringProtocol {
    /// Whether `needle` occurs in this text, compared byte by byte on UTF-8.
    ///
    /// Foundation's `contains(_:)` goes through `CFStringFind` with Unicode canonical
    /// equivalence, several times slower on every line a rule looks at; the words the rules look
    /// for (`元`, `急需`, `补贴`) have no combining marks, so their bytes are the whole comparison
    /// (a match of valid UTF-8 bytes always starts and ends on scalar boundaries).
    @inlinable
    public func contains(utf8 needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard let first = n.first else { return true }
            let count = n.count
            return self.utf8.withContiguousStorageIfAvailable { h -> Bool in
                guard h.count >= count else { return false }
                var i = 0
                let last = h.count - count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < count, h[i + k] == n[k] { k += 1 }
                        if k == count { return true }
                    }
                    i += 1
                }
                return false
            } ?? Array(self.utf8).withUnsafeBufferPointer { h -> Bool in
                guard h.count >= count else { return false }
                for i in 0...(h.count - count) where h[i] == first {
                    var k = 1
                    while k < count, h[i + k] == n[k] { k += 1 }
                    if k == count { return true }
                }
                return false
            }
        }
    }
}
