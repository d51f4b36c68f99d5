import Foundation

/// The repository's root folder (this file is `Tests/MuluCoreTests/Support/RunPython.swift`).
func checkoutRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// Runs `Tests/browser/<script>` with the Python of `.venv-validators/` (where `scripts/setup`
/// installs openpyxl and selenium) and returns its exit status and everything it printed.
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let root = checkoutRoot()
    let python = root.appendingPathComponent(".venv-validators/bin/python")
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
        throw RunMuluError(message: "\(python.path) is missing: run scripts/setup")
    }
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("run-python-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    let process = Process()
    process.executableURL = python
    process.arguments = [root.appendingPathComponent("Tests/browser/\(script)").path] + arguments
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
}

/// Where the page tests save their screenshots: `.build/screenshots/` (kept out of git).
func screenshotFolder() -> String {
    checkoutRoot().appendingPathComponent(".build/screenshots").path
}
