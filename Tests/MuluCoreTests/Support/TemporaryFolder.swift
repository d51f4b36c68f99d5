import Foundation

/// Runs `body` with a fresh temporary folder (in `parent`, else the system's temporary
/// folder), removed when it returns.
func withTemporaryFolder(in parent: String? = nil, _ body: (String) throws -> Void) throws {
    let base = parent.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
    let dir = base.appendingPathComponent("mulu-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try body(dir)
}

/// The names in folder `dir`, sorted.
func contents(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
}
