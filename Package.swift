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
        // Every stage, for tools built on mulu (Bench/, Fuzz/): import the modules you use.
        .library(
            name: "Mulu",
            targets: [
                "MuluSupport", "MuluModel", "MuluPDF", "MuluOCR", "MuluExtract", "MuluTable", "MuluScan",
                "MuluEntries", "MuluOutput", "MuluDiff", "MuluPipeline",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The targets follow the data; each imports only targets listed before it (README: Layout).
        .target(
            name: "MuluSupport",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "MuluModel", dependencies: ["MuluSupport"]),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(name: "MuluPDF", dependencies: ["CPoppler", "MuluModel"]),
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim"])]
        ),
        .target(name: "MuluOCR", dependencies: ["CTesseract", "MuluPDF"]),
        .target(name: "MuluExtract", dependencies: ["MuluModel", "MuluPDF"]),
        .target(name: "MuluTable", dependencies: ["MuluSupport", "MuluModel", "MuluExtract"]),
        .target(
            name: "MuluScan",
            dependencies: ["MuluSupport", "MuluModel", "MuluPDF", "MuluOCR", "MuluExtract", "MuluTable"]
        ),
        .target(name: "MuluEntries", dependencies: ["MuluSupport", "MuluModel", "MuluExtract", "MuluTable"]),
        // zlib deflates the workbook (DeterministicZip); libdeflate a large sheet, in chunks.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "MuluOutput", dependencies: ["MuluModel", "CZlib", "CDeflate"]),
        .target(
            name: "MuluDiff",
            dependencies: [
                "MuluModel", "MuluOutput",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "MuluPipeline",
            dependencies: [
                "MuluSupport", "MuluModel", "MuluPDF", "MuluExtract", "MuluTable", "MuluScan", "MuluEntries",
                "MuluOutput", "MuluDiff",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "mulu",
            dependencies: [
                "MuluSupport", "MuluModel", "MuluTable", "MuluScan", "MuluOutput", "MuluDiff", "MuluPipeline",
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
            dependencies: [
                "MuluSupport", "MuluModel", "MuluPDF", "MuluOCR", "MuluExtract", "MuluTable", "MuluScan",
                "MuluEntries", "MuluOutput", "MuluDiff", "MuluPipeline", "MuluGenerated",
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
