// swift-tools-version:6.0
// Benchmark helpers for scripts/bench, kept out of the main build: a separate package that depends
// on this one by path.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so look the folder's name up rather than
/// assuming the checkout is called `mulu`.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

let package = Package(
    name: "mulu-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "ParserBench",
            dependencies: [.product(name: "Mulu", package: rootIdentity)]),
    ]
)
