// swift-tools-version:6.0
// The portal's multipart parser (Sources/MSPServer/Forms/MultipartForm.swift, compiled here from the same file)
// beside vapor/multipart-kit's, on the body of a portal submission: the measurement behind keeping our own
// (bench/results.md, "Multipart"). Standalone, so msp's build does not carry MultipartKit:
//   swift run -c release --package-path bench/multipart
import PackageDescription

let package = Package(
    name: "multipart-bench",
    dependencies: [.package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1")],
    targets: [
        .executableTarget(
            name: "MultipartBench",
            dependencies: [.product(name: "MultipartKit", package: "multipart-kit")],
            swiftSettings: [.swiftLanguageMode(.v5)])
    ]
)
