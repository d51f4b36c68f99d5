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

/// Every input the fuzzers (`scripts/fuzz`) found a crash, hang or sanitizer report with, kept in
/// `Fixtures/fuzz/` and run again through the parser it was found with (`text-*`: parseText,
/// `pdf-*`: parsePDF without and with the password `mulu`): it must return or throw a `MuluError`,
/// in reasonable time.
///
/// Each input first goes through the built `mulu compile` in a subprocess, so that a parser that
/// still crashes on it fails this test instead of taking the whole test process down; only when
/// that run survives is the input parsed in-process as well.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The kept inputs, `text-*` and `pdf-*`, sorted by name.
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture("fuzz"))) ?? []
        return names.filter { $0.hasPrefix("text-") || $0.hasPrefix("pdf-") }.sorted()
    }()

    @Test func findingsFolderIsThere() {
        #expect(FileManager.default.fileExists(atPath: fixture("fuzz/README.md")))
    }

    @Test(.timeLimit(.minutes(10)), arguments: inputs)
    func parserSurvives(name: String) throws {
        let path = fixture("fuzz/" + name)
        let isPDF = name.hasPrefix("pdf-")
        let passwords: [String?] = isPDF ? [nil, "mulu"] : [nil]

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-regression-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var survived = true
        for password in passwords {
            let run = try runMulu(["compile", path, "--out", out.path, "--quiet"] + (password.map { ["--password", $0] } ?? []))
            // 2: read, but the catalogue has errors (nothing written) — a verdict, not a crash.
            if run.status != 0 && run.status != 1 && run.status != 2 {
                survived = false
                Issue.record("mulu compile \(name) (password \(password ?? "none")) died with status \(run.status): \(run.stderr.prefix(2000))")
            } else if run.status == 1 {
                #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr.prefix(2000))")
            }
        }
        guard survived else { return }

        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for password in passwords {
            do {
                if isPDF {
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
        }
        // As the text fuzzer checks: read in one part and in 2–6, the same entries and diagnostics.
        if !isPDF {
            let parts = 2 + bytes.count % 5
            let one = Result { try NoticeParser.parseText(bytes, path: name, readerParts: 1) }
            let many = Result { try NoticeParser.parseText(bytes, path: name, readerParts: parts) }
            if case .success(let a) = one, case .success(let b) = many {
                #expect(a.entries == b.entries, "entries differ when read in \(parts) parts")
                #expect(a.diagnostics == b.diagnostics, "diagnostics differ when read in \(parts) parts")
            } else if case .failure(let a) = one, case .failure(let b) = many {
                #expect("\(a)" == "\(b)", "errors differ when read in \(parts) parts")
            } else {
                Issue.record("\(name): read in one part and in \(parts), one fails and the other does not")
            }
        }
    }
}
