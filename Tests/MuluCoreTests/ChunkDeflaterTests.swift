import CZlib
import Testing
@testable import MuluOutput

/// ``ChunkDeflater``'s pieces, put end to end and closed, are one raw deflate stream that
/// inflates (zlib) to exactly the bytes given, with their CRC-32; libdeflate's block is used
/// where its end can be told, zlib where it cannot, and the same bytes give the same stream.
@Suite("Publish: chunked deflate")
struct ChunkDeflaterTests {
    /// Bytes from a fixed linear congruential sequence (the same on every run).
    static func pseudoRandom(_ count: Int, seed: UInt64, alphabet: [UInt8]? = nil) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 33)
            return alphabet.map { $0[Int(byte) % $0.count] } ?? byte
        }
    }

    /// Sheet-like XML rows, some 1,000 bytes each.
    static func sheetRows(_ count: Int) -> [UInt8] {
        var text = ""
        for r in 2..<(count + 2) {
            text += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r - 1)</v></c><c r=\"B\(r)\" t=\"inlineStr\"><is><t>制造业</t></is></c>"
            text += "<c r=\"C\(r)\" t=\"inlineStr\"><is><t>6-31-03-\(r % 97)</t></is></c><c r=\"D\(r)\"><v>\(2000 + r % 13 * 160)</v></c>"
            text += String(repeating: "<c r=\"E\(r)\" t=\"inlineStr\"><is><t>初级：\(r % 7)元/人；中级：\(r % 11)元/人</t></is></c>", count: 8)
            text += "</row>"
        }
        return Array(text.utf8)
    }

    /// `input` deflated in `pieces` appends, finished: the stream and the deflater.
    static func deflate(_ input: [UInt8], pieces: Int = 1) -> ([UInt8], ChunkDeflater) {
        let deflater = ChunkDeflater()
        input.withUnsafeBytes { raw in
            let step = max(1, (raw.count + pieces - 1) / pieces)
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + step)
                deflater.append(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        deflater.close(final: true)
        return (deflater.bytes, deflater)
    }

    /// The raw deflate stream inflated by zlib, and whether it ended where the stream ends.
    static func inflate(_ stream: [UInt8], expecting count: Int) -> ([UInt8], Bool) {
        var z = z_stream()
        guard inflateInit2_(&z, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return ([], false) }
        defer { inflateEnd(&z) }
        var input = stream
        var output = [UInt8](repeating: 0, count: count + 64)
        let result = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                z.next_in = i.baseAddress
                z.avail_in = UInt32(i.count)
                z.next_out = o.baseAddress
                z.avail_out = UInt32(o.count)
                return CZlib.inflate(&z, Z_FINISH)
            }
        }
        return (Array(output.prefix(Int(z.total_out))), result == Z_STREAM_END && z.avail_in == 0)
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) })
    }

    /// The inputs by name (named in the test's arguments, not listed byte by byte), and the
    /// number of appends each is given in.
    static let inputs: [String: ([UInt8], Int)] = [
        "sheet rows": (sheetRows(700), 1),
        "sheet rows appended in uneven pieces": (sheetRows(700), 7),
        "random bytes (stored blocks)": (pseudoRandom(200_000, seed: 1), 1),
        "short matches over three letters": (pseudoRandom(300_000, seed: 2, alphabet: Array("abc".utf8)), 1),
        "one byte": ([UInt8(ascii: "a")], 1),
        "exactly one chunk": (Array(sheetRows(100).prefix(ChunkDeflater.chunkSize)), 1),
        "one chunk and a byte": (Array(sheetRows(100).prefix(ChunkDeflater.chunkSize + 1)), 1),
    ]

    @Test(arguments: inputs.keys.sorted())
    func inflatesToTheInput(name: String) throws {
        let (input, pieces) = try #require(Self.inputs[name])
        let (stream, deflater) = Self.deflate(input, pieces: pieces)
        #expect(deflater.ok)
        let (inflated, ended) = Self.inflate(stream, expecting: input.count)
        #expect(ended, "\(name): the stream does not end where its bytes do")
        #expect(inflated == input, "\(name): inflates to other bytes")
        #expect(deflater.size == input.count)
        #expect(deflater.crc == Self.crc(input))
        #expect(Self.deflate(input, pieces: pieces).0 == stream, "\(name): not the same bytes twice")
        // Chunks are cut by the bytes, not by how they are handed over.
        #expect(Self.deflate(input, pieces: 1).0 == stream, "\(name): other bytes when appended in pieces")
    }

    @Test func streamsLeftOpenAreJoinedToTheNext() {
        // Segments deflated apart (as the sheet's are, in parallel), all but the last left open.
        let parts = [Self.sheetRows(300), Self.pseudoRandom(70_000, seed: 3), [UInt8(ascii: "x")], Self.sheetRows(50)]
        var stream: [UInt8] = []
        for (k, part) in parts.enumerated() {
            let deflater = ChunkDeflater()
            part.withUnsafeBytes { deflater.append($0) }
            deflater.close(final: k == parts.count - 1)
            stream += deflater.bytes
        }
        let whole = parts.flatMap { $0 }
        let (inflated, ended) = Self.inflate(stream, expecting: whole.count)
        #expect(ended)
        #expect(inflated == whole)
    }

    @Test func libdeflateBlocksAreJoinedAndZlibTakesTheRest() {
        // A sheet's chunks are each one libdeflate block whose end is told: no fallback.
        let sheet = Self.sheetRows(2_000)
        let (_, fast) = Self.deflate(sheet)
        #expect(fast.chunks == (sheet.count + ChunkDeflater.chunkSize - 1) / ChunkDeflater.chunkSize)
        #expect(fast.fallbacks == 0)
        // Incompressible chunks are one stored block each: no fallback either.
        let (_, stored) = Self.deflate(Self.pseudoRandom(200_000, seed: 1))
        #expect(stored.fallbacks == 0)
        // Short matches fill libdeflate's sequence store before the chunk ends: several blocks,
        // so zlib deflates those chunks (and the whole still inflates, above).
        let (_, split) = Self.deflate(Self.pseudoRandom(300_000, seed: 2, alphabet: Array("abc".utf8)))
        #expect(split.fallbacks > 0)
    }

    @Test func theEndOfABlockIsToldOnlyWhenOnePositionFits() {
        // A fixed-code block (end of block: seven zero bits, as the padding is) is never told.
        let fixed: [UInt8] = [0x03, 0x00]
        #expect(fixed.withUnsafeBytes { ChunkDeflater.OnlyBlock.end(of: $0, inputCount: 0) } == nil)
        // A stored block is told by its length; a non-final first block is not.
        let stored: [UInt8] = [0x01, 0x02, 0x00, 0xFD, 0xFF, 0x61, 0x62]
        #expect(stored.withUnsafeBytes { ChunkDeflater.OnlyBlock.end(of: $0, inputCount: 2) } == .byteAligned)
        #expect(stored.withUnsafeBytes { ChunkDeflater.OnlyBlock.end(of: $0, inputCount: 3) } == nil)
        let notFinal: [UInt8] = [0x00, 0x02, 0x00, 0xFD, 0xFF, 0x61, 0x62]
        #expect(notFinal.withUnsafeBytes { ChunkDeflater.OnlyBlock.end(of: $0, inputCount: 2) } == nil)
    }
}
