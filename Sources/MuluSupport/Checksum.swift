import Crypto

/// SHA-256 fingerprints of notices and written files, through swift-crypto.
///
/// On Linux swift-crypto runs BoringSSL's SHA-256, which uses the CPU's SHA instructions where
/// it has them. ``hex(_:)`` and ``digest(_:)`` hash a whole buffer; ``Hasher`` takes the bytes
/// piece by piece (a file hashed while it is written).
public enum Checksum {
    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finishHex()
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// An incremental SHA-256: ``update(_:)`` with the bytes in order, then ``finish()`` once.
    public struct Hasher: @unchecked Sendable {
        private var inner = SHA256()

        public init() {}

        /// Hashes the next bytes.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            inner.update(bufferPointer: bytes)
        }

        /// The digest of every byte given.
        public mutating func finish() -> [UInt8] {
            Array(inner.finalize())
        }

        /// The digest as 64 lowercase hexadecimal digits.
        public mutating func finishHex() -> String {
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(64)
            for byte in finish() {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
