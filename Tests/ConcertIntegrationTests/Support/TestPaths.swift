import Foundation

/// Where the tests find the package, the built binaries, the sample plan and Python.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["CONCERT_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    static var concertd: String { binDirectory.appendingPathComponent("concertd").path }
    static var concertctl: String { binDirectory.appendingPathComponent("concertctl").path }
    static var samplePlan: String { packageRoot.appendingPathComponent("Workflows/pnipgm").path }

    static var python: String {
        if let python = ProcessInfo.processInfo.environment["CONCERT_PYTHON"] { return python }
        return packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// A fresh, short temporary folder (socket paths must stay under 108 bytes).
    static func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/concert-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
