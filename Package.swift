// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fracttal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fracttal", targets: ["fracttal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.7.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "FracttalModel"),
        // The system's libyaml: FracttalConfig reads its event stream and writes export's scalars with its emitter.
        // scripts/release.sh links it statically.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(
            name: "FracttalConfig",
            dependencies: ["FracttalModel", "CLibYAML"],
            resources: [.copy("Resources/fracttal.schema.json")]
        ),
        .target(
            name: "FracttalAPI",
            dependencies: [
                "FracttalModel",
                "FracttalConcurrency",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "FracttalConcurrency"),
        .target(name: "FracttalPlan", dependencies: ["FracttalModel"]),
        .target(name: "FracttalApply", dependencies: ["FracttalModel", "FracttalPlan", "FracttalConcurrency"]),
        .target(
            name: "FracttalSandbox",
            dependencies: [
                "FracttalConcurrency",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The web console, mounted on the sandbox by `sandbox serve` only.
        .target(
            name: "FracttalConsole",
            dependencies: [
                "FracttalSandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "FracttalCLI",
            dependencies: [
                "FracttalModel", "FracttalConfig", "FracttalAPI", "FracttalPlan", "FracttalApply", "FracttalSandbox",
                "FracttalConsole", "FracttalConcurrency",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "fracttal", dependencies: ["FracttalCLI"]),
        .executableTarget(
            name: "fracttal-bench",
            dependencies: [
                "FracttalSandbox", "FracttalAPI", "FracttalModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: plain ones, and the sandbox launcher for the targets that serve the sandbox.
        .target(name: "FracttalTestSupport", dependencies: ["FracttalModel", "FracttalConcurrency"], path: "Tests/FracttalTestSupport"),
        .target(
            name: "FracttalSandboxTestSupport",
            dependencies: [
                "FracttalSandbox", "FracttalTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/FracttalSandboxTestSupport"
        ),
        .testTarget(name: "FracttalModelTests", dependencies: ["FracttalModel"]),
        .testTarget(name: "FracttalConcurrencyTests", dependencies: ["FracttalConcurrency"]),
        // Yams (its own copy of libyaml 0.2.5, the system's version) reads export's output back as a second YAML reader.
        .testTarget(name: "FracttalConfigTests", dependencies: [
            "FracttalConfig", "FracttalModel", "FracttalPlan", "FracttalTestSupport", .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "FracttalAPITests", dependencies: [
            "FracttalAPI", "FracttalModel", "FracttalSandbox", "FracttalTestSupport", "FracttalSandboxTestSupport",
            "FracttalConcurrency",
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        ]),
        .testTarget(
            name: "FracttalPlanTests", dependencies: ["FracttalPlan", "FracttalModel", "FracttalTestSupport"], resources: [.copy("Snapshots")]),
        .testTarget(name: "FracttalApplyTests", dependencies: [
            "FracttalApply", "FracttalPlan", "FracttalModel", "FracttalTestSupport", "FracttalConcurrency",
        ]),
        .testTarget(name: "FracttalSandboxTests", dependencies: [
            "FracttalSandbox", "FracttalTestSupport", "FracttalSandboxTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "FracttalConsoleTests", dependencies: [
            "FracttalConsole", "FracttalSandbox", "FracttalSandboxTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "FracttalCLITests", dependencies: [
            "FracttalCLI", "FracttalSandbox", "FracttalTestSupport", "FracttalSandboxTestSupport",
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "FracttalSandbox", "FracttalAPI", "FracttalModel", "FracttalTestSupport", "FracttalSandboxTestSupport",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Hummingbird", package: "hummingbird"),
            "FracttalConcurrency",
        ]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
