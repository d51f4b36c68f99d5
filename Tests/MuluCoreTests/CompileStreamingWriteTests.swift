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

/// `CatalogueCompiler.write`, which streams the encoders into their files, against the in-memory
/// `files(for:)`, and the atomic-write guarantees on that path.
@Suite("Compile: streamed writing")
struct CompileStreamingWriteTests {
    func loaded(_ catalogue: Catalogue, metadata: CatalogueMetadata? = nil) -> CatalogueLoader.Loaded {
        CatalogueLoader.Loaded(catalogue: catalogue, metadata: metadata, notice: nil, noticeBytes: nil)
    }

    @Test(arguments: [false, true])
    func streamedFilesAreTheInMemoryFiles(bom: Bool) throws {
        let samples = [
            loaded(CompileSamples.twoEntries, metadata: CompileSamples.metadata), loaded(CompileSamples.awkward),
            // Larger than a streaming chunk, so every file is written in several pieces.
            loaded(CompileSamples.many(5_000)),
        ]
        for sample in samples {
            let options = CatalogueCompiler.Options(schemaRef: "../../schemas/catalogue.schema.json", byteOrderMark: bom)
            try withTemporaryFolder { root in
                let dir = root + "/out"
                let names = try CatalogueCompiler.write(sample, options: options, into: dir)
                let files = try CatalogueCompiler.files(for: sample, options: options)
                #expect(names == files.map(\.name))
                #expect(names == CatalogueCompiler.fileNames(for: sample))
                #expect(try contents(dir) == names.sorted(), "only the files, no temporaries")
                for file in files {
                    #expect(FileManager.default.contents(atPath: dir + "/" + file.name).map { [UInt8]($0) } == file.bytes, "\(file.name)")
                }
            }
        }
    }

    @Test func replacesEveryFileTogether() throws {
        try withTemporaryFolder { dir in
            let sample = loaded(CompileSamples.many(40))
            _ = try CatalogueCompiler.write(loaded(CompileSamples.awkward), options: .init(), into: dir)
            let names = try CatalogueCompiler.write(sample, options: .init(), into: dir)
            // Both runs name the Swift file after the catalogue id `notice` gives.
            #expect(try contents(dir) == names.sorted())
            for file in try CatalogueCompiler.files(for: sample, options: .init()) {
                #expect(FileManager.default.contents(atPath: dir + "/" + file.name).map { [UInt8]($0) } == file.bytes)
            }
        }
    }

    @Test func aTargetThatIsAFolderLeavesEverythingAsItWas() throws {
        try withTemporaryFolder { dir in
            _ = try CatalogueCompiler.write(loaded(CompileSamples.twoEntries), options: .init(), into: dir)
            try FileManager.default.removeItem(atPath: dir + "/datapackage.json")
            try FileManager.default.createDirectory(atPath: dir + "/datapackage.json", withIntermediateDirectories: false)
            let before = try contents(dir).map { FileManager.default.contents(atPath: dir + "/" + $0) }
            do {
                _ = try CatalogueCompiler.write(loaded(CompileSamples.awkward), options: .init(), into: dir)
                Issue.record("replaced a folder")
            } catch let error as MuluError {
                #expect(error.file == dir + "/datapackage.json")
                #expect(error.problem == "cannot write: is a folder")
            }
            #expect(try contents(dir) == ["Notice.swift", "catalogue.csv", "catalogue.json", "catalogue.xlsx", "datapackage.json", "index.html"])
            #expect(try contents(dir).map { FileManager.default.contents(atPath: dir + "/" + $0) } == before)
        }
    }

    @Test func anUnwritableFolderThrowsAndCreatesNothing() throws {
        do {
            _ = try CatalogueCompiler.write(loaded(CompileSamples.twoEntries), options: .init(), into: "/proc/mulu-out")
            Issue.record("wrote into /proc")
        } catch let error as MuluError {
            #expect(error.problem.hasPrefix("cannot write: "))
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/mulu-out"))
    }

    /// A file larger than the background-sync interval, written in odd-sized pieces, reads back
    /// the same: its whole blocks written with `O_DIRECT` where the file system takes it (the
    /// temporary folder, on ext4 here), and its tail through the page cache.
    @Test func aLargeFileSyncedInTheBackgroundIsWhole() throws {
        try writeLargeFile(in: nil)
    }

    /// The same on tmpfs, which may refuse `O_DIRECT`: every block through the page cache.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "no /dev/shm"))
    func aLargeFileOnTmpfsIsWhole() throws {
        try writeLargeFile(in: "/dev/shm")
    }

    func writeLargeFile(in place: String?) throws {
        var rng = SplitMix(seed: 7)
        let size = AtomicWriter.TemporaryFile.syncInterval * 2 + 12_345
        let block = (0..<65_521).map { _ in UInt8.random(in: 0...255, using: &rng) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        while bytes.count < size {
            bytes.append(UInt8(truncatingIfNeeded: bytes.count >> 16))
            bytes.append(contentsOf: block.prefix(size - bytes.count))
        }
        try withTemporaryFolder(in: place) { dir in
            let transaction = try AtomicWriter.Transaction(names: ["big", "small"], into: dir)
            try transaction.write(0) { file in
                bytes.withUnsafeBytes { raw in
                    var i = 0
                    while i < raw.count {
                        let n = min(Int.random(in: 1...3_000_000, using: &rng), raw.count - i)
                        file.append(UnsafeRawBufferPointer(rebasing: raw[i..<(i + n)]))
                        i += n
                    }
                }
            }
            try transaction.write(1) { _ in }
            #expect(try contents(dir).count == 2, "only the two temporary files before the commit")
            #expect(!FileManager.default.fileExists(atPath: dir + "/big"))
            try transaction.commit()
            #expect(try contents(dir) == ["big", "small"])
            #expect(FileManager.default.contents(atPath: dir + "/big").map { [UInt8]($0) } == bytes)
            #expect(FileManager.default.contents(atPath: dir + "/small") == Data())
        }
    }

    @Test func aTransactionRolledBackLeavesNothing() throws {
        try withTemporaryFolder { root in
            let dir = root + "/a/b"
            let transaction = try AtomicWriter.Transaction(names: ["x", "y"], into: dir)
            try transaction.write(0) { file in [UInt8](repeating: 1, count: 10).withUnsafeBytes { file.append($0) } }
            transaction.rollBack()
            #expect(try contents(root).isEmpty, "the folders it made are gone too")
        }
    }

    @Test func aDroppedValueIsFreed() {
        final class Probe: @unchecked Sendable {
            let freed: DispatchSemaphore
            init(_ freed: DispatchSemaphore) { self.freed = freed }
            deinit { freed.signal() }
        }
        let freed = DispatchSemaphore(value: 0)
        Parallel.dropInBackground([Probe(freed)])
        #expect(freed.wait(timeout: .now() + 10) == .success)
    }

    struct Failure: Error {}

    @Test func pairReturnsBothResultsOrTheSecondsError() throws {
        let (a, b) = try Parallel.pair({ (1...100).reduce(0, +) }) { "b" }
        #expect(a == 5050 && b == "b")
        #expect(throws: Failure.self) { try Parallel.pair({ 1 }) { () throws -> Int in throw Failure() } }
    }

    /// Work in the second task that is itself parallel gets every core: two tasks that wait for
    /// each other finish (run one after the other, each would time out waiting).
    ///
    /// The wait is long because the test runner keeps the pool's threads busy with other suites:
    /// the second task may start only when one of them ends. Run serially it fails after a minute.
    @Test func pairLeavesTheCoresToNestedParallelWork() throws {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        let (_, met) = try Parallel.pair({ 0 }) { () -> [Bool] in
            let (first, second) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let tasks: [@Sendable () -> Bool] = [
                { first.signal(); return second.wait(timeout: .now() + 60) == .success },
                { second.signal(); return first.wait(timeout: .now() + 60) == .success },
            ]
            return Parallel.run(tasks)
        }
        #expect(met == [true, true])
    }

    @Test func runEachRunsEveryTaskAndKeepsTheOrder() {
        let tasks: [@Sendable () -> Int] = (0..<5).map { i in { (0...i * 1000).reduce(0, +) } }
        #expect(Parallel.runEach(tasks) == (0..<5).map { (0...$0 * 1000).reduce(0, +) })
        #expect(Parallel.runEach([@Sendable () -> Int]()) == [])
    }
}
