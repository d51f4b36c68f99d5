import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// `CatalogueJSON.decode` reads what `encode` writes, and says precisely what is wrong otherwise.
@Suite struct CatalogueJSONDecodeTests {
    @Test func roundTripsTheReference() throws {
        let catalogue = Catalogue(
            title: "昌吉州职业技能培训重点产业需求指导目录", source: .init(file: "notice.txt", sha256: "ab", format: .text),
            entries: reference2024.entries, diagnostics: reference2024.diagnostics)
        let bytes = CatalogueJSON.encode(catalogue, schemaRef: "../../schemas/catalogue.schema.json")
        #expect(try CatalogueJSON.decode(bytes) == catalogue)
    }

    @Test func escapesAndUnknownKeys() throws {
        let json = #"{"x": {"deep": [1, {"y": null}], "ratio": -1.5e3}, "schemaVersion": 1, "title": "a\"b\\c\u00e9\ud83d\ude00\n", "source": {"file": "f", "sha256": "s", "format": "pdf", "extra": true}, "entries": [], "diagnostics": [{"severity": "warning", "message": "m", "page": null}]}"#
        let c = try CatalogueJSON.decode(Array(json.utf8))
        #expect(c.title == "a\"b\\cé😀\n")
        #expect(c.source.format == .pdf && c.entries.isEmpty && c.diagnostics.first?.page == nil)
    }

    @Test(arguments: [
        ("", "not a catalogue.json: the top level is not an object at byte 0"),
        ("[]", "not a catalogue.json: the top level is not an object at byte 0"),
        (#"{"schemaVersion": 1}"#, #"not a catalogue.json: missing "title" at the top level"#),
        (#"{"schemaVersion": 3}"#, "schemaVersion 3 is newer than this mulu reads (2)"),
        (#"{"schemaVersion": 1.0}"#, "not a catalogue.json: schemaVersion is not a whole number at byte 19"),
        (#"{"schemaVersion": 1, "title": "t", "source": {"file": "f", "sha256": "s", "format": "pdf"}, "entries": []} x"#,
         "not a catalogue.json: text after the JSON value at byte 107"),
        (#"{"schemaVersion": 1 "title": "t"}"#, "not a catalogue.json: expected `,` or `}` at byte 20"),
        (#"{"title": "unterminated}"#, "not a catalogue.json: unterminated string at byte 24"),
        (#"{"schemaVersion": 1, "title": "t", "source": {"file": "f", "sha256": "s", "format": "doc"}}"#,
         "not a catalogue.json: source.format `doc` is not pdf, text or json"),
    ])
    func errors(_ json: String, _ message: String) {
        do {
            _ = try CatalogueJSON.decode(Array(json.utf8))
            Issue.record("expected an error for \(json)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func deepNestingAndInvalidUTF8AreRefused() {
        let deep = Array(("{\"x\": " + String(repeating: "[", count: 100_000)).utf8)
        #expect(throws: (any Error).self) { try CatalogueJSON.decode(deep) }
        do {
            _ = try CatalogueJSON.decode([0x7B, 0xFF, 0x7D])
        } catch {
            #expect("\(error)" == "not a catalogue.json: invalid UTF-8 at byte 1")
        }
    }
}
