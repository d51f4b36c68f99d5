import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// SHA-256 taken in pieces (as a file is hashed while it is streamed) against the whole.
@Suite("Compile: SHA-256 in pieces")
struct ChecksumHasherTests {
    @Test func hashingInPiecesGivesTheDigestOfTheWhole() {
        var rng = SplitMix(seed: 256)
        let bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = Checksum.hex(bytes)
        for maxPiece in [1, 3, 63, 64, 65, 127, 1000, 70_000] {
            var hasher = Checksum.Hasher()
            var i = 0
            bytes.withUnsafeBytes { raw in
                while i < raw.count {
                    let n = min(Int.random(in: 0...maxPiece, using: &rng), raw.count - i)
                    hasher.update(UnsafeRawBufferPointer(rebasing: raw[i..<(i + n)]))
                    i += n
                }
            }
            #expect(hasher.finishHex() == whole, "pieces of up to \(maxPiece) bytes")
        }
        var empty = Checksum.Hasher()
        #expect(empty.finishHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Long inputs through the unrolled compression, against digests from `sha256sum`.
    @Test func longInputsMatchKnownDigests() {
        let pattern = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        #expect(Checksum.hex(pattern) == Self.patternDigest)
    }

    static let patternDigest = "7ec796cea1e4f1893966c9069de251bbe3510ee63d06f60b993b17ad0478ec04"
}
