import Foundation

/// The path of a file in `Tests/MuluCoreTests/Fixtures` (`name` may include a subfolder, `bad/x.pdf`).
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
        .path
}
