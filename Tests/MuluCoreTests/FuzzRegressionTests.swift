import Foundation
import Testing
@testable import MuluCore

/// Every input the fuzzers (`scripts/fuzz`) found a crash, hang or sanitizer report with, kept in
/// `Fixtures/fuzz/` and run again through the same parser: it must return or throw a `MuluError`,
/// in reasonable time. A crash here takes the test process down with it, which fails the run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The kept inputs, `text-*` and `pdf-*`, sorted by name.
    static let inputs: [String] = {
        let folder = fixture("fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("text-") || $0.hasPrefix("pdf-") }.sorted()
    }()

    @Test func findingsFolderIsThere() {
        #expect(FileManager.default.fileExists(atPath: fixture("fuzz/README.md")))
    }

    @Test(.timeLimit(.minutes(1)), arguments: inputs)
    func parserSurvives(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("fuzz/" + name))))
        let passwords: [String?] = name.hasPrefix("pdf-") ? [nil, "mulu"] : [nil]
        for password in passwords {
            let start = Date()
            do {
                if name.hasPrefix("pdf-") {
                    _ = try NoticeParser.parsePDF(bytes, path: name, password: password)
                } else {
                    _ = try NoticeParser.parseText(bytes, path: name)
                }
            } catch let error as MuluError {
                #expect(error.file == name, "\(error)")
                #expect(!error.problem.isEmpty && !error.problem.contains("\n"), "\(error)")
            } catch {
                Issue.record("\(name): threw \(type(of: error)), not a MuluError: \(error)")
            }
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < 10, "\(name) (password \(password ?? "none")): \(seconds) s")
        }
    }
}
