// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The Swift sources `mulu` generates into `generated/`, compiled by the package build so that a
/// stale or broken generated file fails the build. Everything else in `generated/` is data.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let generatedRoot = packageRoot.appendingPathComponent("generated")
let generatedFiles: [String] = {
    guard let walker = FileManager.default.enumerator(atPath: generatedRoot.path) else { return [] }
    return walker.compactMap { $0 as? String }.sorted()
}()
let generatedSwift = generatedFiles.filter { $0.hasSuffix(".swift") }
let generatedOther = generatedFiles.filter { name in
    !name.hasSuffix(".swift") && !generatedSwift.contains(where: { $0.hasPrefix(name + "/") })
}

let package = Package(
    name: "mulu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mulu", targets: ["mulu"]),
        .library(name: "MuluCore", targets: ["MuluCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(name: "MuluPDF", dependencies: ["CPoppler"]),
        .target(
            name: "MuluCore",
            dependencies: ["MuluPDF", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "mulu",
            dependencies: [
                "MuluCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "MuluGenerated",
            path: "generated",
            exclude: generatedOther
        ),
        .testTarget(
            name: "MuluCoreTests",
            dependencies: ["MuluCore", "MuluPDF", "MuluGenerated"],
            exclude: ["Fixtures"]
        ),
    ]
)
