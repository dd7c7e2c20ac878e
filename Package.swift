// swift-tools-version: 6.1
// Vigía: a terminal command center for a city security operations room.
// Targets are named after what they do; dependencies point one way:
// vigia → Console → Engine → (Hotspots, CameraAlerts, FaceMatch, SocialFlags, Store) → VigiaCore;
// vigia → SampleData (the sample generator) → Engine, FaceMatch;
// FaceMatch → CFaceKernels, Console → CNCurses.
import PackageDescription

let package = Package(
    name: "Vigia",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigia", targets: ["vigia"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // Frigate's own config.yml, read by `vigia cameras import` (issue 21).
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // No pkgConfig: ncursesw's .pc adds -D flags SwiftPM rejects; the
        // module map links it and the header lives in the default include path.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "VigiaCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Hotspots", dependencies: ["VigiaCore"]),
        .target(name: "CameraAlerts", dependencies: ["VigiaCore"]),
        // Dense similarity kernels in C: AVX-512 / AVX-512 VNNI chosen at run
        // time, with a portable fallback (Swift has no per-function target).
        .target(name: "CFaceKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "FaceMatch", dependencies: ["VigiaCore", "CFaceKernels"]),
        .target(name: "SocialFlags", dependencies: ["VigiaCore"]),
        .target(name: "Store", dependencies: [
            "VigiaCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Engine", dependencies: [
            "VigiaCore", "Hotspots", "CameraAlerts", "FaceMatch", "SocialFlags", "Store",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Collections", package: "swift-collections"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Console", dependencies: ["Engine", "CNCurses"]),
        // Writes the shipped synthetic files from a seed, with the engine's own file codecs.
        .target(name: "SampleData", dependencies: ["Engine", "FaceMatch"]),
        // The command line is a front end: every analysis and the store are behind Engine.
        .executableTarget(name: "vigia", dependencies: [
            "Engine", "Console", "SampleData",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fuzzing (Tests/Fuzz/run builds the driver with libFuzzer); the
        // regression tests replay the seed corpora and past findings.
        .target(name: "FuzzTargets", dependencies: ["Engine", "Console", "CameraAlerts", "FaceMatch", "SocialFlags", "VigiaCore"], path: "Tests/Fuzz/FuzzTargets"),
        .executableTarget(name: "vigia-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Driver"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Regression"),

        .testTarget(name: "VigiaCoreTests", dependencies: ["VigiaCore", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "HotspotsTests", dependencies: ["Hotspots"]),
        .testTarget(name: "CameraAlertsTests", dependencies: ["CameraAlerts"]),
        .testTarget(name: "FaceMatchTests", dependencies: ["FaceMatch"]),
        .testTarget(name: "SocialFlagsTests", dependencies: ["SocialFlags"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EngineTests", dependencies: [
            "Engine", "Store", "SampleData", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData", "Engine", "FaceMatch", "SocialFlags", "CameraAlerts"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console"], exclude: ["Golden"]),
        .testTarget(name: "vigiaTests", dependencies: [
            "vigia", "VigiaCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
