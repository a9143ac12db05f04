// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "msp",
    products: [
        .executable(name: "msp", targets: ["msp"]),
        .library(name: "MSPDomain", targets: ["MSPDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        // SHA-256 of the focal points' link tokens (only the hash is stored).
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // The .xlsx container (a ZIP archive, deflated through the system's zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The rules of the domain: deadlines, categories on a day, names, roster order. No database.
        .target(
            name: "MSPDomain",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            // UTS #39 confusable skeletons (Names/LookAlike.swift): ICU's spoof checker, in the ICU that Foundation
            // carries on Linux, linked explicitly since msp calls it directly.
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]
        ),
        // The SQLite store: migrations (from migrations/, embedded), records, queries.
        // Files msp writes: created exclusively, never through a link, readable by their owner only.
        .target(name: "MSPFiles"),
        .target(
            name: "MSPStore",
            dependencies: [
                "MSPDomain", "MSPFiles", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the import's inserts (StatementBinder.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: [.plugin(name: "EmbedResources")]
        ),
        // The application layer: every operation a front end can ask (register, import, withdraw, reports...),
        // typed requests, results and errors. No options, files or HTTP.
        .target(
            name: "MSPApplication",
            dependencies: [
                "MSPDomain", "MSPFiles", "MSPStore",
                // bcrypt for the portal's passwords: its C core and a Swift wrapper, no HTTP.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // SHA-256 of focal points' link tokens.
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Documents both front ends publish (the list of participants as HTML), and the escaping HTML writer.
        .target(name: "MSPDocuments", dependencies: ["MSPDomain"]),
        // Office Open XML workbooks (.xlsx): sheets of typed cells (text, numbers, dates), written into a ZIP archive
        // by ZIPFoundation. Knows nothing of meetings or of the command line.
        .target(name: "MSPWorkbook", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The web portal: a Hummingbird application over the registration desk; templates and static files
        // (portal/) embedded at build time.
        .target(
            name: "MSPServer",
            dependencies: [
                "MSPDomain", "MSPApplication", "MSPDocuments", "MSPMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // HMAC of a focal point's link, as the CSRF token of its forms.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: [.plugin(name: "EmbedResources")]
        ),
        // Sending the outbox's e-mails: a hand-written SMTP client (POSIX sockets), the .eml outbox folder, one
        // delivery pass, and the Service that runs passes inside msp serve.
        .target(
            name: "MSPMail",
            dependencies: [
                "MSPDomain", "MSPApplication",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The commands: parse options, call the application layer, print.
        .target(
            name: "MSPCommands",
            dependencies: [
                "MSPDomain", "MSPFiles", "MSPApplication", "MSPDocuments", "MSPMail", "MSPWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
                "CStandardOutput",
            ]
        ),
        // Whether C's standard output stream failed a write (Swift 6 cannot name `stdout`).
        .target(name: "CStandardOutput"),
        // The binary: a thin shell around MSPCommands.
        .executableTarget(
            // The portal (MSPServer) is linked here, not by the command line's library: `msp serve` gets it from
            // the executable (MSP.portal), so MSPCommands and the tests that use it carry no HTTP stack.
            name: "msp", dependencies: ["MSPCommands", "MSPServer", "CMallocTuning"],
            // SwiftPM exports every symbol of an executable (about 36,700 here): the dynamic loader then resolves
            // them at every start, and the runtime's dladdr at start searches them. Nothing loads msp as a library
            // (the end-to-end tests run it), so they stay private: a quarter less start-up work (bench/results.md).
            // Linked by the toolchain's lld rather than gold, for packed relative relocations (DT_RELR, glibc 2.36):
            // the loader applies the binary's 125,000 relocations from a 25 KB bitmap instead of a 3 MB table,
            // 11% fewer instructions at start.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker",
                        "--no-export-dynamic",
                    ], .when(platforms: [.linux]))
            ]),
        // glibc's malloc tuning (mallopt lives in <malloc.h>, which Swift's Glibc module does not export).
        .target(name: "CMallocTuning"),

        // Build-time embedding of migrations/*.sql and fixtures/* into the binary.
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"]
        ),

        .testTarget(
            name: "MSPDomainTests",
            dependencies: [
                "MSPDomain", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "MSPDocumentsTests", dependencies: ["MSPDocuments"]),
        .testTarget(
            name: "MSPServerTests",
            dependencies: [
                "MSPServer", "MSPApplication", "MSPDomain", "MSPStore", "MSPDocuments",
                // The command line's reports, to prove the portal words each report as the command line does.
                "MSPCommands",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "MSPApplicationTests",
            dependencies: [
                "MSPApplication", "MSPDomain", "MSPStore",
                // Reading tables directly (a focal point's token hash).
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "MSPMailTests",
            dependencies: [
                "MSPMail", "MSPApplication", "MSPDomain", "MSPStore", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // For tests only: a workbook opened as a reader opens it (ZIPFoundation, and Foundation's XML parser, which
        // the release binary must not link).
        .target(
            name: "WorkbookReading", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/WorkbookReading"),
        .testTarget(
            name: "MSPWorkbookTests",
            dependencies: ["MSPWorkbook", "WorkbookReading", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "MSPStoreTests",
            dependencies: ["MSPStore", "MSPDomain", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "MSPEndToEndTests",
            dependencies: [
                "MSPDomain", "MSPDocuments", .product(name: "GRDB", package: "GRDB.swift"),
                // That the binary's malloc tuning takes effect (MallocTuningTests).
                "CMallocTuning",
                // For the property-based test of CSV output (CSVOutput lives in MSPCommands).
                "MSPCommands", .product(name: "CSV", package: "CSV.swift"),
                // Opening the workbooks msp writes (--format xlsx).
                "MSPWorkbook", "WorkbookReading",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
