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

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Whether `scripts/setup` has installed the validators into `.venv-validators/`.
private let validatorsInstalled: Bool =
    FileManager.default.isExecutableFile(atPath: repositoryRoot.appendingPathComponent(".venv-validators/bin/frictionless").path)
    && FileManager.default.isExecutableFile(atPath: repositoryRoot.appendingPathComponent(".venv-validators/bin/check-jsonschema").path)

/// Runs the real open-data validators (`frictionless`, `check-jsonschema`, via
/// `scripts/validate-generated`) on sample output written to a temporary folder.
///
/// The validators live in `.venv-validators/`, which `scripts/setup` installs; without it the
/// suite is reported as skipped with that reason, and CI runs `scripts/validate-generated` itself.
@Suite("Compile: real validators", .enabled(if: validatorsInstalled, "validators not installed: run scripts/setup"))
struct CompileValidatorTests {
    static let root = repositoryRoot

    /// Writes the files `mulu compile` writes for `catalogue` into `dir`.
    func writePackage(_ catalogue: Catalogue, id: String, bom: Bool, into dir: String) throws {
        var metadata = CompileSamples.metadata
        metadata.id = id
        let csv = CatalogueCSV.encode(catalogue, byteOrderMark: bom)
        let typeName = CatalogueSwiftSource.typeName(forID: id)
        try AtomicWriter.write([
            (name: "catalogue.json", bytes: CatalogueJSON.encode(catalogue, schemaRef: "../../schemas/catalogue.schema.json")),
            (name: "catalogue.csv", bytes: csv),
            (name: "datapackage.json", bytes: DataPackage.encode(catalogue: catalogue, metadata: metadata, csvName: "catalogue.csv",
                                                                 csvBytes: csv, jsonName: "catalogue.json", byteOrderMark: bom)),
            (name: "\(typeName).swift", bytes: CatalogueSwiftSource.encode(catalogue, typeName: typeName)),
        ], into: dir)
    }

    func validate(_ dirs: [String]) throws -> (status: Int32, output: String) {
        try CompileSwiftSourceTests.run("/bin/bash", [Self.root.appendingPathComponent("scripts/validate-generated").path] + dirs)
    }

    @Test(.timeLimit(.minutes(10))) func validatorsAcceptSampleOutput() throws {
        // MULU_VALIDATOR_SAMPLE_DIR=/some/dir keeps the sample output there for a look.
        let keep = ProcessInfo.processInfo.environment["MULU_VALIDATOR_SAMPLE_DIR"]
        let tmp = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("mulu-validate-\(UUID().uuidString)").path
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: tmp) } }
        try writePackage(CompileSamples.twoEntries, id: "sample-two", bom: false, into: tmp + "/sample-two")
        try writePackage(CompileSamples.awkward, id: "sample-awkward", bom: true, into: tmp + "/sample-awkward")
        try writePackage(CompileSamples.many(300), id: "sample-many", bom: false, into: tmp + "/sample-many")
        // schemaVersion 2: null industry and urgency, extra columns, per-level amounts, two tables.
        try writePackage(CompileSamples.version2, id: "sample-v2", bom: false, into: tmp + "/sample-v2")
        // Two tables with different extra columns (备注, 说明), each table's header in catalogue.json.
        let twoTables = try CatalogueLoader.load(path: fixture("variants/mix-two-tables-other-extras.txt"))
        try writePackage(twoTables, id: "sample-two-tables", bom: false, into: tmp + "/sample-two-tables")
        let result = try validate([tmp + "/sample-two", tmp + "/sample-awkward", tmp + "/sample-many", tmp + "/sample-v2",
                                   tmp + "/sample-two-tables"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("20 passed, 0 failed"), "\(result.output)")
    }

    /// The validators are not rubber stamps: a duplicate primary key, a negative amount, a CSV
    /// whose hash does not match, a catalogue.json missing a field, and one laid out otherwise (its
    /// entries indented over many lines, not one a line) are all rejected. (A code
    /// outside the national pattern is kept as published since schemaVersion 2: the Table Schema
    /// constrains codes to the pattern only when every code has it.)
    @Test(.timeLimit(.minutes(10))) func validatorsRejectBrokenOutput() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-validate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        var duplicate = CompileSamples.twoEntries
        duplicate.entries[1].seq = 1
        try writePackage(duplicate, id: "dup", bom: false, into: tmp + "/dup")
        var malformed = CompileSamples.twoEntries
        malformed.entries[0].training = Subsidy(levels: [.junior], amountYuan: -5, anyOf: false, text: "初级：-5元/人")
        try writePackage(malformed, id: "bad-amount", bom: false, into: tmp + "/bad-amount")
        try writePackage(CompileSamples.twoEntries, id: "bad-hash", bom: false, into: tmp + "/bad-hash")
        // Valid data of the same size, but not the bytes the package's hash names.
        let csv = try String(contentsOfFile: tmp + "/bad-hash/catalogue.csv", encoding: .utf8)
            .replacingOccurrences(of: "初级或中级：160元/人,false", with: "初级或中级：170元/人,false")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: tmp + "/bad-hash/catalogue.csv"))
        let missing = String(decoding: CatalogueJSON.encode(CompileSamples.twoEntries, schemaRef: nil), as: UTF8.self)
            .replacingOccurrences(of: "\"urgent\":true", with: "\"urgentX\":true")
        #expect(missing.contains("\"urgentX\":true"))
        try FileManager.default.createDirectory(atPath: tmp + "/bad-json", withIntermediateDirectories: true)
        try Data(missing.utf8).write(to: URL(fileURLWithPath: tmp + "/bad-json/catalogue.json"))
        // The same catalogue, valid, but every entry indented over many lines (the layout before
        // entries went one a line): not the canonical bytes.
        let pretty = JSONValue.object(CompileByteEncodingTests.catalogueTree(CompileSamples.twoEntries, schemaRef: nil)).encoded()
        try FileManager.default.createDirectory(atPath: tmp + "/pretty-json", withIntermediateDirectories: true)
        try Data(pretty).write(to: URL(fileURLWithPath: tmp + "/pretty-json/catalogue.json"))

        for dir in ["dup", "bad-amount", "bad-hash", "bad-json", "pretty-json"] {
            let result = try validate([tmp + "/" + dir])
            #expect(result.status != 0, "\(dir) passed:\n\(result.output)")
            #expect(result.output.contains("FAIL"), "\(dir):\n\(result.output)")
        }
    }
}
