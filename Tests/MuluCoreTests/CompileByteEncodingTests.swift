import Foundation
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// The byte-level pieces the encoders are built from, each against a plain reference: the
/// buffer, the eight-bytes-at-a-time scans, and the entry layout of `catalogue.json` against the
/// general writer.
@Suite("Compile: byte encoding")
struct CompileByteEncodingTests {
    /// Strings that put every special byte at every offset of an eight-byte word, and around.
    static let awkwardStrings: [String] = {
        var strings = ["", "a", "中", "abcdefgh", "abcdefghi", "职业（工种）代码", CompileSamples.awkward.title]
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", ",",
                                     "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2000}", "/", " "]
        for special in specials {
            for offset in 0..<18 {
                strings.append(String(repeating: "x", count: offset) + String(special) + "尾巴tail")
                strings.append(String(repeating: "中", count: offset / 3) + String(special))
            }
        }
        var rng = SplitMix(seed: 6)
        let alphabet = Array("ab中文、：元/人\"\\,\n\r\t\u{1}\u{7F}\u{85}\u{2028} ")
        for _ in 0..<300 {
            strings.append(String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        return strings
    }()

    @Test func bufferKeepsOrDrainsTheSameBytes() {
        var drained: [UInt8] = []
        let streamed = OutputBuffer(chunkSize: 64) { drained.append(contentsOf: $0) }
        let kept = OutputBuffer(capacity: 1)
        for (i, s) in Self.awkwardStrings.enumerated() {
            for out in [streamed, kept] {
                out.append(utf8: s)
                out.append(UInt8(truncatingIfNeeded: i))
                out.append("static")
                out.appendDecimal(i * 7919 - 50_000)
            }
        }
        streamed.flush()
        #expect(drained == kept.bytes)
        #expect(streamed.totalCount == kept.totalCount)
        #expect(streamed.count == 0)
    }

    @Test(arguments: [0, 1, -1, 9, 10, 99, 100, -100, 1_000_000_007, Int.max, Int.min, Int.max / 10, -(Int.max / 10)])
    func decimalsAreStringsDecimals(value: Int) {
        let out = OutputBuffer(capacity: 0)
        out.appendDecimal(value)
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
    }

    @Test func everyPowerOfTenAndItsNeighbours() {
        var scale = 1
        while true {
            for value in [scale - 1, scale, scale + 1, -scale] {
                let out = OutputBuffer(capacity: 0)
                out.appendDecimal(value)
                #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
            }
            if scale > Int.max / 10 { break }
            scale *= 10
        }
    }

    /// JSON strings as the byte-at-a-time writer escaped them.
    static func referenceJSON(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in s.utf8 {
            switch byte {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    @Test func jsonStringsEscapeExactlyTheBytesJSONRequires() {
        for s in Self.awkwardStrings {
            let out = OutputBuffer(capacity: 0)
            JSONWriter.appendString(s, to: out)
            #expect(out.bytes == Self.referenceJSON(s), "\(s.debugDescription)")
        }
    }

    @Test func everyByteBelowTheQuoteIsEscapedAsPythonDoes() {
        let all = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        let out = OutputBuffer(capacity: 0)
        JSONWriter.appendString(all, to: out)
        #expect(out.bytes == Self.referenceJSON(all))
        #expect(String(decoding: out.bytes, as: UTF8.self).hasPrefix(#""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r"#))
    }

    @Test func wordTestsFindEveryMatchAndNothingElse() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<20_000 {
            var word = rng.next()
            // Plant bytes near the boundaries the tests compare against.
            for lane in 0..<8 where Int.random(in: 0..<4, using: &rng) == 0 {
                let byte = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xFF].randomElement(using: &rng)!
                word = (word & ~(0xFF << (lane * 8))) | (UInt64(byte) << (lane * 8))
            }
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
            #expect((ByteScan.below(word, 0x20) != 0) == bytes.contains { $0 < 0x20 })
            for target: UInt8 in [0x22, 0x5C, 0x2C, 0x0A, 0xC2, 0xE2, 0x7F] {
                #expect((ByteScan.equal(word, target) != 0) == bytes.contains(target))
            }
        }
    }

    @Test func csvQuotesExactlyTheFieldsThatNeedIt() {
        for s in Self.awkwardStrings {
            let entry = Entry(seq: 1, industry: s, code: "1", name: "n", training: nil, assessment: nil, urgent: false)
            let csv = CatalogueCSV.encode(Catalogue(title: "t", source: .init(file: "f", sha256: "", format: .text),
                                                    entries: [entry], diagnostics: []), byteOrderMark: false)
            let record = String(decoding: csv, as: UTF8.self).components(separatedBy: "\r\n")[1...].joined(separator: "\r\n")
            let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            let field = needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
            #expect(record == "1,0,\(field),1,n,,,,,,,,,,,,,,,false\r\n", "\(s.debugDescription)")
        }
    }

    @Test func swiftLiteralsCopyPlainTextAndEscapeTheRest() {
        for s in Self.awkwardStrings {
            let entry = Entry(seq: 1, industry: s, code: "1", name: "n", training: nil, assessment: nil, urgent: false)
            let source = CatalogueSwiftSource.encode(
                Catalogue(title: "t", source: .init(file: "f", sha256: "", format: .text), entries: [entry], diagnostics: []),
                typeName: "T")
            #expect(String(decoding: source, as: UTF8.self).contains("Entry(seq: 1, industry: \(CatalogueSwiftSource.literal(s)), code: \"1\""),
                    "\(s.debugDescription)")
        }
    }

    /// An entry as a tree, written by the general writer: the reference for the entry layout.
    static func tree(_ e: Entry) -> JSONValue {
        func subsidy(_ s: Subsidy?) -> JSONValue {
            guard let s else { return .null }
            var tree: [String: JSONValue] = [
                "amountYuan": s.amountYuan.map { .int($0) } ?? .null, "anyOf": .bool(s.anyOf),
                "amounts": .array(s.amounts.map { ["amountYuan": .int($0.amountYuan), "level": .string($0.level.rawValue)] }),
                "levels": .array(s.levels.map { .string($0.rawValue) }), "text": .string(s.text), "upTo": .bool(s.upTo)]
            if let note = s.note { tree["note"] = .string(note) }
            return .object(tree)
        }
        var tree: [String: JSONValue] = [
            "assessment": subsidy(e.assessment), "code": .string(e.code), "industry": e.industry.map { .string($0) } ?? .null,
            "name": .string(e.name), "seq": .int(e.seq), "table": .int(e.table), "training": subsidy(e.training),
            "urgent": e.urgent.map { .bool($0) } ?? .null]
        if !e.extra.isEmpty { tree["extra"] = .object(e.extra.mapValues { .string($0) }) }
        return .object(tree)
    }

    static let layoutEntries: [Entry] = {
        var entries = CompileSamples.awkward.entries + CompileSamples.twoEntries.entries + CompileSamples.version2.entries
        let noLevels = Subsidy(levels: [], amountYuan: -5, anyOf: true, text: "")
        let every = Subsidy(levels: Level.allCases, amountYuan: Int.max, anyOf: false, text: "\u{0}\u{1F}\"\\")
        entries.append(Entry(seq: 0, industry: "", code: "", name: "", training: noLevels, assessment: every, urgent: true))
        for (i, s) in awkwardStrings.enumerated() where i % 7 == 0 {
            entries.append(Entry(seq: -i, industry: s, code: s, name: s,
                                 training: Subsidy(levels: [.seniorTechnician, .junior], amountYuan: i, anyOf: i % 2 == 0, text: s),
                                 assessment: nil, urgent: i % 3 == 0))
        }
        return entries
    }()

    @Test(arguments: [0, 1, 2, 3, 7, 8, 9, 12])
    func entryLayoutWritesWhatTheWriterWrites(depth: Int) {
        // Nest the entries `depth` containers deep, alternating arrays and objects.
        func nested(_ value: JSONValue, _ depth: Int) -> JSONValue {
            depth == 0 ? value : depth % 2 == 0 ? .array([nested(value, depth - 1)]) : ["k": nested(value, depth - 1)]
        }
        func write(_ w: inout JSONWriter, _ depth: Int, _ entries: [Entry]) {
            if depth == 0 {
                w.beginArray()
                for e in entries { CatalogueJSON.write(e, to: &w) }
                w.endArray()
            } else if depth % 2 == 0 {
                w.beginArray()
                write(&w, depth - 1, entries)
                w.endArray()
            } else {
                w.beginObject()
                w.key("k")
                write(&w, depth - 1, entries)
                w.endObject()
            }
        }
        var fast = JSONWriter()
        write(&fast, depth, Self.layoutEntries)
        let reference = nested(.array(Self.layoutEntries.map(Self.tree)), depth).encoded()
        #expect(fast.finish() == reference)
    }

    /// `catalogue.json`'s tree for `catalogue`, with `"$schema": schemaRef` when given.
    static func catalogueTree(_ catalogue: Catalogue, schemaRef: String?) -> [String: JSONValue] {
        var tree: [String: JSONValue] = [
            "columns": .array(catalogue.columns.map { c in
                var o: [String: JSONValue] = ["field": .string(c.field), "header": .string(c.header)]
                if let l = c.level { o["level"] = .string(l.rawValue) }
                return .object(o)
            }),
            "tables": .array(catalogue.tables.map { t in
                ["label": t.label.map { .string($0) } ?? .null, "title": t.title.map { .string($0) } ?? .null]
            }),
            "diagnostics": .array(catalogue.diagnostics.map { d in
                var o: [String: JSONValue] = ["message": .string(d.message), "severity": .string(d.severity.rawValue)]
                if let v = d.column { o["column"] = .int(v) }
                if let v = d.excerpt { o["excerpt"] = .string(v) }
                if let v = d.line { o["line"] = .int(v) }
                if let v = d.page { o["page"] = .int(v) }
                if let v = d.seq { o["seq"] = .int(v) }
                return .object(o)
            }),
            "entries": .array(catalogue.entries.map(Self.tree)),
            "schemaVersion": .int(catalogue.schemaVersion),
            "source": ["file": .string(catalogue.source.file), "format": .string(catalogue.source.format.rawValue),
                       "sha256": .string(catalogue.source.sha256)],
            "title": .string(catalogue.title),
        ]
        if let schemaRef { tree["$schema"] = .string(schemaRef) }
        return tree
    }

    /// The layout `catalogue.json` has, built from the general writer's pieces as
    /// `scripts/validate-generated` builds it in Python: the object indented, each item of
    /// `entries` and `diagnostics` compact on a line of its own.
    static func lineLayout(_ tree: [String: JSONValue]) -> [UInt8] {
        func text(_ value: JSONValue, compact: Bool) -> String {
            String(decoding: value.encoded(compact: compact).dropLast(), as: UTF8.self)
        }
        let members = tree.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { key -> String in
            let value: String
            if ["entries", "diagnostics"].contains(key), case .array(let items) = tree[key]!, !items.isEmpty {
                value = "[\n" + items.map { "    " + text($0, compact: true) }.joined(separator: ",\n") + "\n  ]"
            } else {
                value = text(tree[key]!, compact: false).replacingOccurrences(of: "\n", with: "\n  ")
            }
            return "  " + text(.string(key), compact: true) + ": " + value
        }
        return Array(("{\n" + members.joined(separator: ",\n") + "\n}\n").utf8)
    }

    @Test func catalogueJSONIsTheTreeOfTheCatalogue() throws {
        for catalogue in [CompileSamples.awkward, CompileSamples.twoEntries, CompileSamples.many(50), CompileSamples.version2] {
            for schemaRef in ["s", nil] {
                let bytes = CatalogueJSON.encode(catalogue, schemaRef: schemaRef)
                let tree = Self.catalogueTree(catalogue, schemaRef: schemaRef)
                #expect(bytes == Self.lineLayout(tree))
                // The same value as the indented layout of before: only the whitespace differs.
                let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as! NSDictionary
                let indented = try JSONSerialization.jsonObject(with: Data(JSONValue.object(tree).encoded())) as! NSDictionary
                #expect(parsed == indented)
            }
        }
    }

    /// A compact writer writes the same entries as a compact ``JSONValue`` tree, and the
    /// catalogue's entry lines are those bytes.
    @Test func compactEntryLayoutWritesWhatACompactWriterWrites() {
        var fast = JSONWriter(compact: true)
        fast.beginArray()
        for e in Self.layoutEntries { CatalogueJSON.write(e, to: &fast) }
        fast.endArray()
        let reference = JSONValue.array(Self.layoutEntries.map(Self.tree)).encoded(compact: true)
        #expect(fast.finish() == reference)
        #expect(reference.last == 0x0A && !reference.dropLast().contains(0x0A))
    }
}
