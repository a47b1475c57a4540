// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Concert",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "concertd", targets: ["concertd"]),
        .executable(name: "concertctl", targets: ["concertctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "ConcertCore", swiftSettings: strict),
        .target(name: "ICalendar", swiftSettings: strict),
        .target(name: "Mail", swiftSettings: strict),
        .systemLibrary(name: "CSystemd", path: "Sources/CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(
            name: "Systemd", dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "ConcertWorkflows",
            dependencies: ["ConcertCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .target(
            name: "ConcertStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(
            name: "Varlink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "ConcertAgents",
            dependencies: [
                "ConcertCore", "ConcertStore", "ConcertNotices", "Mail", "Systemd",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .target(
            name: "ConcertNotices",
            dependencies: ["ConcertCore", "ICalendar", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/convocation.en.mustache"),
                .embedInCode("Templates/convocation.pt.mustache"),
                .embedInCode("Templates/update.en.mustache"),
                .embedInCode("Templates/update.pt.mustache"),
                .embedInCode("Templates/cancellation.en.mustache"),
                .embedInCode("Templates/cancellation.pt.mustache"),
                .embedInCode("Templates/task.en.mustache"),
                .embedInCode("Templates/task.pt.mustache"),
                .embedInCode("Templates/reminder.en.mustache"),
                .embedInCode("Templates/reminder.pt.mustache"),
                .embedInCode("Templates/escalation.en.mustache"),
                .embedInCode("Templates/escalation.pt.mustache"),
                .embedInCode("Templates/digest.en.mustache"),
                .embedInCode("Templates/digest.pt.mustache"),
            ],
            swiftSettings: strict),
        .target(
            name: "ConcertControl",
            dependencies: [
                "ConcertCore", "ConcertAgents", "ConcertWorkflows", "ConcertNotices", "Mail", "Varlink", "ICalendar",
                "Systemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [
                .embedInCode("Interfaces/io.concert.Plan.varlink"),
                .embedInCode("Interfaces/io.concert.Progress.varlink"),
                .embedInCode("Interfaces/io.concert.Events.varlink"),
                .embedInCode("Interfaces/io.concert.Daemon.varlink"),
                .embedInCode("Interfaces/io.concert.Clock.varlink"),
                .embedInCode("Interfaces/io.concert.Calendar.varlink"),
                .embedInCode("Interfaces/io.concert.Simulation.varlink"),
                .embedInCode("Interfaces/io.concert.Meetings.varlink"),
                .embedInCode("Interfaces/io.concert.Tasks.varlink"),
                .embedInCode("Interfaces/io.concert.FocalPoints.varlink"),
                .embedInCode("Interfaces/io.concert.Notices.varlink"),
                .embedInCode("Interfaces/io.concert.Escalations.varlink"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "concertd",
            dependencies: [
                "ConcertControl", "ConcertAgents", "ConcertStore", "ConcertWorkflows", "Systemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "concertctl",
            dependencies: [
                "ConcertControl", "ConcertCore", "ConcertWorkflows", "Varlink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .testTarget(name: "ConcertCoreTests", dependencies: ["ConcertCore"], swiftSettings: strict),
        // The Python checker both iCalendar-producing test targets read their output with.
        .target(name: "ICalendarChecker", path: "Tests/ICalendarChecker", swiftSettings: strict),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar", "ICalendarChecker"], swiftSettings: strict),
        .testTarget(name: "MailTests", dependencies: ["Mail"], swiftSettings: strict),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(
            name: "ConcertNoticesTests", dependencies: ["ConcertNotices", "ConcertCore", "ICalendar", "ICalendarChecker"],
            swiftSettings: strict),
        .testTarget(
            name: "ConcertWorkflowsTests", dependencies: ["ConcertWorkflows", "ConcertCore"],
            swiftSettings: strict),
        .testTarget(name: "ConcertStoreTests", dependencies: ["ConcertStore"], swiftSettings: strict),
        .testTarget(
            name: "VarlinkTests",
            dependencies: [
                "Varlink",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ConcertAgentsTests", dependencies: ["ConcertAgents", "ConcertCore", "ConcertStore", "Mail"],
            swiftSettings: strict),
        .testTarget(
            name: "ConcertIntegrationTests",
            dependencies: ["Varlink", "ConcertControl"],
            swiftSettings: strict),
    ]
)
