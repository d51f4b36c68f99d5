// swift-tools-version:6.0
// libFuzzer harnesses for mulu's parsers. A separate package, so the main build never links them:
// `scripts/fuzz SECONDS` builds it (release, a toolset adding `-sanitize=fuzzer,address -use-ld=lld`
// to every Swift module, every Mulu module included, so libFuzzer sees its coverage) and runs both.
// Each harness's top-level code hands control to libFuzzer through `LLVMFuzzerRunDriver`, since
// SwiftPM gives every executable its own `main`.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so look the folder's name up rather than
/// assuming the checkout is called `mulu`.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent

let package = Package(
    name: "mulu-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "FuzzText",
            dependencies: ["CFuzzDriver", .product(name: "Mulu", package: rootIdentity)]),
        .executableTarget(
            name: "FuzzPDF",
            dependencies: ["CFuzzDriver", .product(name: "Mulu", package: rootIdentity)]),
    ]
)
