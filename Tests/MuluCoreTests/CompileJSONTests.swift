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

@Suite("Compile: catalogue.json and JSONWriter")
struct CompileJSONTests {
    @Test func twoEntryCatalogueBytesAreExact() throws {
        let bytes = CatalogueJSON.encode(CompileSamples.twoEntries, schemaRef: "../../schemas/catalogue.schema.json")
        let expected = try String(contentsOfFile: fixture("golden/two-entries.catalogue.json"), encoding: .utf8)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func withoutSchemaRefThereIsNoSchemaKey() {
        let text = String(decoding: CatalogueJSON.encode(CompileSamples.twoEntries, schemaRef: nil), as: UTF8.self)
        #expect(!text.contains("$schema"))
        #expect(text.hasPrefix("{\n  \"columns\": [],\n  \"diagnostics\": [\n"))
    }

    @Test func escapesOnlyWhatJSONRequires() {
        var w = JSONWriter()
        w.string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é中\u{2028}😀")
        let text = String(decoding: w.finish(), as: UTF8.self)
        #expect(text == "\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}é中\u{2028}😀\"\n")
    }

    @Test func emptyContainersScalarsAndNesting() {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.beginArray(); w.endArray()
        w.key("b"); w.beginObject(); w.endObject()
        w.key("c"); w.beginArray(); w.int(-42); w.int(0); w.int(Int.min); w.null(); w.bool(false); w.beginArray(); w.int(1); w.endArray(); w.endArray()
        w.endObject()
        let expected = "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    -42,\n    0,\n    -9223372036854775808,\n    null,\n    false,\n    [\n      1\n    ]\n  ]\n}\n"
        #expect(String(decoding: w.finish(), as: UTF8.self) == expected)
    }

    @Test func jsonValueSortsKeysByUTF8Bytes() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "$s": "x", "Z": .null], "中": "文", "é": 2]
        let expected = "{\n  \"a\": {\n    \"$s\": \"x\",\n    \"Z\": null,\n    \"z\": true\n  },\n  \"b\": 1,\n  \"é\": 2,\n  \"中\": \"文\"\n}\n"
        #expect(String(decoding: value.encoded(), as: UTF8.self) == expected)
    }

    @Test func encodingIsDeterministic() {
        let c = CompileSamples.awkward
        #expect(CatalogueJSON.encode(c, schemaRef: "x") == CatalogueJSON.encode(c, schemaRef: "x"))
        let big = CompileSamples.many(500)
        #expect(CatalogueJSON.encode(big, schemaRef: nil) == CatalogueJSON.encode(big, schemaRef: nil))
    }

    @Test func decodeReadsBackWhatEncodeWrote() throws {
        for c in [CompileSamples.twoEntries, CompileSamples.awkward, CompileSamples.many(50)] {
            let decoded = try CatalogueJSON.decode(CatalogueJSON.encode(c, schemaRef: "../../schemas/catalogue.schema.json"))
            #expect(decoded == c)
        }
    }

    @Test func decodeAgreesWithFoundation() throws {
        // Foundation's parser reads the same values from our bytes as JSONEncoder's own output.
        let ours = try JSONSerialization.jsonObject(with: Data(CatalogueJSON.encode(CompileSamples.awkward, schemaRef: nil))) as! NSDictionary
        let encoder = JSONEncoder()
        let theirs = try JSONSerialization.jsonObject(with: encoder.encode(CompileSamples.awkward)) as! NSDictionary
        #expect(ours == theirs)
    }

    @Test func decodeRejectsWhatIsNotACatalogue() {
        #expect(throws: CatalogueJSON.DecodeError.self) { try CatalogueJSON.decode(Array("not json".utf8)) }
        #expect(throws: CatalogueJSON.DecodeError.self) { try CatalogueJSON.decode(Array("{}".utf8)) }
        do {
            _ = try CatalogueJSON.decode(Array(#"{"schemaVersion": 1, "title": "t", "source": {"file": "a", "sha256": "b", "format": "text"}, "diagnostics": []}"#.utf8))
            Issue.record("decoded a catalogue without entries")
        } catch {
            #expect("\(error)".contains("\"entries\""))
        }
        var newer = CompileSamples.twoEntries
        newer.schemaVersion = 3
        #expect(throws: CatalogueJSON.DecodeError.self) { try CatalogueJSON.decode(CatalogueJSON.encode(newer, schemaRef: nil)) }
    }

    /// The encoder's output grows linearly with the entries (each entry's bytes are the same
    /// wherever it stands); its speed is `scripts/bench` (b), not a test.
    @Test(.timeLimit(.minutes(10)))
    func encodingGrowsLinearly() {
        let small = CatalogueJSON.encode(CompileSamples.many(1_000), schemaRef: nil).count
        let big = CatalogueJSON.encode(CompileSamples.many(20_000), schemaRef: nil).count
        #expect(big > 19 * small && big < 22 * small, "\(small) and \(big) bytes")
    }
}
