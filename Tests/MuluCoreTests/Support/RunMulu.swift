import Foundation

/// What a run of the `mulu` executable printed and how it exited.
struct MuluRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Where the built `mulu` executable is: `$MULU_BINARY`, or next to the test bundle in the build
/// folder (`swift test` builds it with the tests). Nil when it cannot be found.
func muluExecutable() -> URL? {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["MULU_BINARY"] {
        candidates.append(URL(fileURLWithPath: path))
    }
    // Linux: the test bundle is itself an executable, `…/debug/<Package>PackageTests.xctest`.
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    // macOS: `xctest` (or swiftpm-testing-helper) loads `…/debug/<Package>PackageTests.xctest`.
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    for candidate in candidates {
        let url = candidate.lastPathComponent == "mulu" ? candidate : candidate.appendingPathComponent("mulu")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// Runs the built `mulu` with `arguments` and waits for it. Output goes through temporary files,
/// so a large report cannot fill a pipe and deadlock. `environment`, when given, replaces the
/// test's own.
func runMulu(_ arguments: [String], environment: [String: String]? = nil) throws -> MuluRun {
    guard let executable = muluExecutable() else {
        throw RunMuluError(message: "the mulu executable was not found next to the test bundle; set MULU_BINARY")
    }
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("run-mulu-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return MuluRun(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// The `mulu` executable could not be run.
struct RunMuluError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
