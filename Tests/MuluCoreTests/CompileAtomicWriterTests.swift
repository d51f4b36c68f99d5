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

@Suite("Compile: AtomicWriter")
struct CompileAtomicWriterTests {
    @Test func writesEveryFileAndCreatesTheFolder() throws {
        try withTemporaryFolder { root in
            let out = root + "/a/b/out"
            try AtomicWriter.write([(name: "x.json", bytes: Array("{}\n".utf8)), (name: "y.csv", bytes: [])], into: out)
            #expect(try contents(out) == ["x.json", "y.csv"])
            #expect(FileManager.default.contents(atPath: out + "/x.json") == Data("{}\n".utf8))
            #expect(FileManager.default.contents(atPath: out + "/y.csv") == Data())
            let mode = try FileManager.default.attributesOfItem(atPath: out + "/x.json")[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o044 } == 0o044, "readable by group and others")
        }
    }

    @Test func replacesExistingFiles() throws {
        try withTemporaryFolder { dir in
            try AtomicWriter.write([(name: "f", bytes: Array("old".utf8))], into: dir)
            try AtomicWriter.write([(name: "f", bytes: Array("new".utf8))], into: dir)
            #expect(FileManager.default.contents(atPath: dir + "/f") == Data("new".utf8))
            #expect(try contents(dir) == ["f"])
        }
    }

    @Test func aPathUnderAFileThrowsAndLeavesNothing() throws {
        try withTemporaryFolder { root in
            try Data("I am a file".utf8).write(to: URL(fileURLWithPath: root + "/file"))
            for out in [root + "/file", root + "/file/out", root + "/file/a/b"] {
                do {
                    try AtomicWriter.write([(name: "catalogue.json", bytes: [1])], into: out)
                    Issue.record("wrote into \(out)")
                } catch let error as MuluError {
                    #expect(error.file == out)
                    #expect(error.problem.hasPrefix("cannot write: "), "\(error)")
                }
            }
            #expect(try contents(root) == ["file"])
            #expect(FileManager.default.contents(atPath: root + "/file") == Data("I am a file".utf8))
        }
    }

    @Test func aFailedRunLeavesExistingFilesAndNoTemporaries() throws {
        try withTemporaryFolder { dir in
            try AtomicWriter.write([(name: "catalogue.json", bytes: Array("old json".utf8)), (name: "catalogue.csv", bytes: Array("old csv".utf8))], into: dir)
            // The second target is a folder: nothing may be replaced, not even the first file.
            try FileManager.default.createDirectory(atPath: dir + "/datapackage.json", withIntermediateDirectories: false)
            do {
                try AtomicWriter.write([
                    (name: "catalogue.json", bytes: Array("new json".utf8)),
                    (name: "datapackage.json", bytes: Array("new".utf8)),
                    (name: "catalogue.csv", bytes: Array("new csv".utf8)),
                ], into: dir)
                Issue.record("replaced a folder")
            } catch let error as MuluError {
                #expect(error.file == dir + "/datapackage.json")
                #expect(error.problem == "cannot write: is a folder")
            }
            #expect(try contents(dir) == ["catalogue.csv", "catalogue.json", "datapackage.json"])
            #expect(FileManager.default.contents(atPath: dir + "/catalogue.json") == Data("old json".utf8))
            #expect(FileManager.default.contents(atPath: dir + "/catalogue.csv") == Data("old csv".utf8))
        }
    }

    /// A rename that fails after others succeeded (here: a target made a folder after the
    /// up-front checks) puts back the files already replaced and removes the new ones.
    @Test func aRenameThatFailsLateRestoresTheFilesAlreadyReplaced() throws {
        try withTemporaryFolder { dir in
            try AtomicWriter.write([(name: "a.json", bytes: Array("old a".utf8)), (name: "c.csv", bytes: Array("old c".utf8))], into: dir)
            let transaction = try AtomicWriter.Transaction(names: ["a.json", "b.json", "c.csv"], into: dir)
            for n in 0..<3 {
                try transaction.write(n) { file in Array("new \(n)".utf8).withUnsafeBytes { file.append($0) } }
            }
            try FileManager.default.removeItem(atPath: dir + "/c.csv")
            try FileManager.default.createDirectory(atPath: dir + "/c.csv/inside", withIntermediateDirectories: true)
            do {
                try transaction.commit()
                Issue.record("renamed over a folder")
            } catch let error as MuluError {
                #expect(error.file == dir + "/c.csv")
                #expect(error.problem.hasPrefix("cannot write: "), "\(error)")
            }
            #expect(try contents(dir) == ["a.json", "c.csv"])
            #expect(FileManager.default.contents(atPath: dir + "/a.json") == Data("old a".utf8))
        }
    }

    @Test func rejectsNamesThatAreNotPlainFileNames() throws {
        try withTemporaryFolder { dir in
            for name in ["", ".", "..", "a/b", "../x"] {
                #expect(throws: MuluError.self) { try AtomicWriter.write([(name: name, bytes: [])], into: dir) }
            }
            #expect(throws: MuluError.self) { try AtomicWriter.write([(name: "a", bytes: []), (name: "a", bytes: [])], into: dir) }
            let names = try contents(dir)
            #expect(names.isEmpty)
        }
    }

    @Test func unwritableFolderThrowsUpFront() throws {
        // Root ignores permission bits, so use a place no one can write: /proc.
        #expect(throws: MuluError.self) { try AtomicWriter.write([(name: "f", bytes: [])], into: "/proc/mulu-out") }
        do {
            try AtomicWriter.write([(name: "f", bytes: [])], into: "/proc")
            Issue.record("wrote into /proc")
        } catch let error as MuluError {
            #expect(error.file == "/proc")
            #expect(error.problem.hasPrefix("cannot write: "))
        }
    }
}
