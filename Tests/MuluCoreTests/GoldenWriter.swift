import Foundation
import Testing
@testable import MuluModel
@testable import MuluOutput
@testable import MuluDiff

/// Rewrites the golden files from the current encoders when `MULU_WRITE_GOLDEN` names a folder
/// (a maintainer's tool: run, read the diff, commit); otherwise does nothing.
@Suite struct GoldenWriter {
    @Test func writeGolden() throws {
        guard let dir = ProcessInfo.processInfo.environment["MULU_WRITE_GOLDEN"] else { return }
        try Data(CatalogueJSON.encode(CompileSamples.twoEntries, schemaRef: "../../schemas/catalogue.schema.json"))
            .write(to: URL(fileURLWithPath: dir + "/two-entries.catalogue.json"))
        try Data(DiffFormat.json.render(DiffReportTests.sample).utf8).write(to: URL(fileURLWithPath: dir + "/diff-report.json"))
    }
}
