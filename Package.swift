// swift-tools-version: 6.1
import PackageDescription

/// DocExtract: PDF + JSON Schema → schema-valid JSON with provenance.
///
/// Module map (library first, thin executables):
/// - `ExtractCore`: vocabulary types and the `Stage` protocol; no I/O.
/// - `CPoppler`, `CTesseract`, `CCurl`: system libraries found through pkg-config.
/// - `PopplerStage`, `TesseractStage`: the native evidence stages.
/// - `StageCache`: the on-disk stage cache, a decorator around stages (SHA-256 keys via swift-crypto).
/// - `JSONSchema`: draft 2020-12 validator (Foundation only).
/// - `ModelClients`: language/vision model clients over libcurl, the local llama.cpp server.
/// - `DocExtract`: the public `Extractor` facade.
/// - `ReviewReport`: the self-contained HTML review page of an extraction (Foundation only).
/// - `WatchService`: the hot folder (`extract watch`): claims, journal, retries, graceful shutdown.
/// - `Evaluation`: scoring extractions against ground truth with the schemas' `x-compare` rules.
/// - `ExtractCLI` + `extract`: commands; the executable only calls into `ExtractCLI`.
/// - `ExtractTestSupport`: in-memory twins for tests (fake model server, fixtures, headless chromium, PNG decoding
///   through `CZlib`).
let package = Package(
    name: "DocExtract",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "DocExtract", targets: ["DocExtract"]),
        .library(name: "JSONSchema", targets: ["JSONCore", "JSONSchema"]),
        .executable(name: "extract", targets: ["extract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: System libraries
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Only for tests: decoding browser screenshots.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Library modules
        .target(name: "ExtractCore"),
        .target(name: "PopplerStage", dependencies: ["ExtractCore", "CPoppler"]),
        .target(name: "TesseractStage", dependencies: ["ExtractCore", "CTesseract"]),
        .target(
            name: "StageCache",
            dependencies: ["ExtractCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "JSONCore"),
        .target(name: "JSONSchema", dependencies: ["JSONCore"]),
        .target(name: "Provenance", dependencies: ["ExtractCore", "JSONCore"]),
        .target(name: "Layout", dependencies: ["ExtractCore"]),
        .target(
            name: "VisionLayout",
            dependencies: ["ExtractCore", "JSONCore", "JSONSchema", "ModelClients", "PopplerStage"]
        ),
        .target(
            name: "Synthesis",
            dependencies: ["ExtractCore", "JSONCore", "JSONSchema", "ModelClients", "Provenance"]
        ),
        .target(
            name: "ModelClients",
            dependencies: ["CCurl", "JSONCore", "JSONSchema", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "DocExtract",
            dependencies: [
                "ExtractCore", "PopplerStage", "TesseractStage", "StageCache", "JSONCore", "JSONSchema",
                "ModelClients", "Provenance", "Synthesis", "Layout", "VisionLayout",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "WatchService",
            dependencies: [
                "DocExtract", "ExtractCore", "JSONCore", "ModelClients",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Evaluation",
            dependencies: ["ExtractCore", "JSONCore", "JSONSchema", "Provenance"]
        ),
        .target(
            name: "ExtractCLI",
            dependencies: [
                "DocExtract", "ExtractCore", "PopplerStage", "TesseractStage", "JSONCore", "JSONSchema",
                "ModelClients", "Synthesis", "StageCache", "ReviewReport", "WatchService", "Evaluation", "Provenance",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ReviewReport", dependencies: ["DocExtract", "ExtractCore", "JSONCore"]),
        .executableTarget(name: "extract", dependencies: ["ExtractCLI"]),
        .target(
            name: "ExtractTestSupport",
            dependencies: ["ExtractCore", "StageCache", "ModelClients", "JSONCore", "CZlib"]
        ),

        // MARK: Benchmarks (run by `make bench`)
        .executableTarget(
            name: "BenchEvidence",
            dependencies: ["ExtractCore", "PopplerStage", "TesseractStage"]
        ),
        .executableTarget(name: "BenchJSONSchema", dependencies: ["JSONCore", "JSONSchema"]),
        .executableTarget(name: "BenchPipeline", dependencies: ["ExtractTestSupport", "DocExtract"]),
        .executableTarget(name: "BenchLayout", dependencies: ["ExtractCore", "PopplerStage", "Layout"]),
        .executableTarget(name: "BenchModels", dependencies: ["ModelClients", "JSONCore", "ExtractTestSupport"]),
        .executableTarget(name: "BenchWatch"),

        // MARK: Tests
        .testTarget(name: "ExtractCoreTests", dependencies: ["ExtractCore"]),
        .testTarget(
            name: "EvaluationTests", dependencies: ["Evaluation", "JSONCore", "ExtractCore", "ExtractTestSupport"]
        ),
        .testTarget(
            name: "DocExtractTests",
            dependencies: [
                "DocExtract", "ExtractCore", "PopplerStage", "StageCache", "ExtractTestSupport", "JSONCore", "ModelClients",
                "Synthesis",
            ]
        ),
        .testTarget(
            name: "ProvenanceTests",
            dependencies: [
                "Provenance", "ExtractCore", "JSONCore", "ExtractTestSupport", "PopplerStage", "TesseractStage",
                "Evaluation",
            ]
        ),
        .testTarget(
            name: "LayoutTests", dependencies: ["Layout", "ExtractCore", "PopplerStage", "ExtractTestSupport"]
        ),
        // Uses only `import DocExtract`, as a user's package would.
        .testTarget(name: "DocExtractAPITests", dependencies: ["DocExtract"]),
        .testTarget(name: "StageCacheTests", dependencies: ["StageCache", "ExtractCore", "ExtractTestSupport"]),
        .testTarget(
            name: "PopplerStageTests",
            dependencies: ["PopplerStage", "ExtractCore", "ExtractTestSupport"]
        ),
        .testTarget(
            name: "TesseractStageTests",
            dependencies: ["TesseractStage", "PopplerStage", "ExtractCore", "ExtractTestSupport"]
        ),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONCore", "JSONSchema", "ExtractTestSupport"]),
        .testTarget(
            name: "ModelClientsTests",
            dependencies: ["ModelClients", "JSONCore", "JSONSchema", "ExtractTestSupport"]
        ),
        .testTarget(
            name: "WatchServiceTests",
            dependencies: ["WatchService", "ExtractTestSupport", "JSONCore", "DocExtract"]
        ),
        .testTarget(
            name: "ExtractCLITests",
            dependencies: ["ExtractCLI", "DocExtract", "ExtractCore", "ExtractTestSupport", "JSONCore"]
        ),
        .testTarget(
            name: "ReviewReportTests",
            dependencies: [
                "ReviewReport", "DocExtract", "ExtractCore", "PopplerStage", "ExtractTestSupport", "JSONCore",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
