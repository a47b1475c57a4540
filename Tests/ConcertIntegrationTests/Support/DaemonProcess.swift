import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real `concertd` process on a temporary state folder and socket.
final class DaemonProcess: @unchecked Sendable {
    let directory: URL
    let stateDirectory: String
    let socketPath: String
    let workflows: String
    let extraArguments: [String]
    private(set) var process: Process?
    private var logHandle: FileHandle?

    var logPath: String { directory.appendingPathComponent("concertd.log").path }

    init(workflows: String = TestPaths.samplePlan, extraArguments: [String] = [], directory: URL? = nil) throws {
        self.directory = try directory ?? TestPaths.temporaryDirectory()
        self.stateDirectory = self.directory.appendingPathComponent("state").path
        self.socketPath = self.directory.appendingPathComponent("io.concert.sock").path
        self.workflows = workflows
        self.extraArguments = extraArguments
    }

    /// Starts the daemon and returns once a client can connect.
    func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.concertd)
        process.arguments = ["--workflows", workflows, "--state-dir", stateDirectory, "--socket", socketPath] + extraArguments
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        logHandle = log
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning {
                throw DaemonError("concertd exited with \(process.terminationStatus) before serving:\n\(self.log())")
            }
            if (try? RawSocket(path: socketPath)) != nil { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DaemonError("concertd did not serve within 60 s:\n\(self.log())")
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        guard let process else { return 0 }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw DaemonError("concertd did not stop within 30 s of signal \(signal)")
        }
        self.process = nil
        try? logHandle?.close()
        return process.terminationStatus
    }

    /// Runs concertctl against this daemon.
    func ctl(_ arguments: String...) async throws -> CommandResult {
        try await ctl(arguments)
    }

    func ctl(_ arguments: [String]) async throws -> CommandResult {
        try await ProcessRunner.run(TestPaths.concertctl, ["--socket", socketPath] + arguments)
    }

    func log() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    /// Removes the temporary folder.
    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }
}

struct DaemonError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
