import Foundation
import MuluGenerated
import Testing
@testable import MuluSupport
@testable import MuluModel
@testable import MuluExtract
@testable import MuluTable
@testable import MuluEntries
@testable import MuluOutput
@testable import MuluDiff
@testable import MuluPipeline

/// The committed generated/ files agree with each other and with the committed inputs.
@Suite struct GeneratedCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func catalogueJSON() throws -> Catalogue {
        let path = Self.root.appendingPathComponent("generated/changji-2024/catalogue.json").path
        return try CatalogueJSON.decode([UInt8](FileManager.default.contents(atPath: path)!))
    }

    /// The generated Swift source, compiled by the package build, holds the JSON's entries.
    @Test func swiftSourceMatchesJSON() throws {
        let json = try catalogueJSON()
        #expect(Changji2024.entries.count == 177)
        #expect(Changji2024.title == json.title)
        #expect(Changji2024.sourceSHA256 == json.source.sha256)
        for (swift, entry) in zip(Changji2024.entries, json.entries) {
            #expect(swift.seq == entry.seq && swift.industry == entry.industry && swift.code == entry.code && swift.name == entry.name && swift.urgent == entry.urgent)
            #expect(swift.training?.text == entry.training?.text && swift.training?.amountYuan == entry.training?.amountYuan)
            #expect(swift.assessment?.levels.map(\.rawValue) == entry.assessment?.levels.map(\.rawValue))
            #expect(swift.assessment?.anyOf == entry.assessment?.anyOf)
        }
    }

    /// Compiling the committed input again gives the committed bytes (the files are not stale).
    @Test func compilingTheInputGivesTheCommittedFiles() throws {
        let folder = Self.root.appendingPathComponent("inputs/changji-2024").path
        let loaded = try CatalogueLoader.loadDetailed(path: folder)
        let files = try CatalogueCompiler.files(for: loaded, options: .init(schemaRef: "../../schemas/catalogue.schema.json"))
        for file in files {
            let committed = FileManager.default.contents(atPath: Self.root.appendingPathComponent("generated/changji-2024/\(file.name)").path)
            #expect(committed.map { [UInt8]($0) } == file.bytes, "generated/changji-2024/\(file.name) is stale")
        }
        #expect(try catalogueJSON().entries == reference2024.entries)
    }
}
