import Foundation
import Testing

/// The same notice gives the same bytes on every run of the executable, errors and warnings
/// included. Each run is a process of its own, with its own seed for Swift's hashing: an order
/// taken from a set or a dictionary changes between runs, not within one.
@Suite struct RunToRunDeterminismTests {
    /// Notices where such an order once leaked out:
    /// - `reviewer-writer-header-glyphs-touch-subcolumn-rules.pdf`: ruled header cells visited in
    ///   a set's order named a different sub-column "a column without a header" on each run;
    /// - `reviewer-writer-note-wrapped-under-table.pdf`: a note's line under the table, its
    ///   fragments collected from a row's cells (a dictionary), quoted in another order each run.
    @Test(arguments: ["reviewer-writer-header-glyphs-touch-subcolumn-rules.pdf", "reviewer-writer-note-wrapped-under-table.pdf"])
    func fourRunsGiveTheSameBytes(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var seen: [(stderr: String, catalogue: Data?)] = []
        for _ in 0..<4 {
            // (One out folder, so that the summary line names the same path each run.)
            // (Not with the test runner's fixed seed, if it has one: each run seeds its own.)
            let run = try runMulu(["compile", fixture(name), "--out", folder.path, "--allow-errors"],
                                  environment: ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_DETERMINISTIC_HASHING" })
            #expect(run.status == 0)
            seen.append((run.stderr, FileManager.default.contents(atPath: folder.path + "/catalogue.json")))
        }
        #expect(seen[0].catalogue != nil)
        for later in seen.dropFirst() {
            #expect(later.stderr == seen[0].stderr)
            #expect(later.catalogue == seen[0].catalogue)
        }
    }
}
