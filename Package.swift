// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecs-role-wizard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecs-role-wizard", targets: ["ecs-role-wizard"]),
        .library(name: "RoleWizardCore", targets: ["RoleWizardCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The model core: plans, roles, IAM policy grammar, validation, building blocks,
        // presets, catalogs and renderers. No terminal, no printing.
        .target(
            name: "RoleWizardCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/managed-policies.tsv"), .copy("Resources/iam-catalog.tsv")]
        ),
        // ncursesw, found with pkg-config; only the terminal backend imports it.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The wizard's screens: state, update and render into a cell grid. No ncurses here.
        .target(
            name: "Screens",
            dependencies: ["RoleWizardCore"],
            path: "Screens"
        ),
        .executableTarget(
            name: "ecs-role-wizard",
            dependencies: [
                "RoleWizardCore",
                "Screens",
                "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Per-key update + render timings (scripts/bench.sh); not a test.
        .executableTarget(
            name: "wizard-bench",
            dependencies: ["RoleWizardCore", "Screens"]
        ),
        .testTarget(
            name: "RoleWizardCoreTests",
            dependencies: ["RoleWizardCore"]
        ),
        .testTarget(
            name: "ScreensTests",
            dependencies: ["Screens"],
            // Read from the source tree by path (re-recorded there with RECORD_GOLDENS=1), not bundled.
            exclude: ["Goldens"]
        ),
    ]
)
