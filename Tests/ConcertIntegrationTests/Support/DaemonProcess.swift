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
    /// A program that starts the daemon, e.g. systemd-socket-activate, with its arguments.
    let launcher: [String]
    /// The socket clients use: the daemon's own, or the launcher's.
    let clientSocketPath: String
    /// Variables added to (or, when nil, removed from) the daemon's environment.
    var environment: [String: String?] = [:]
    private(set) var process: Process?
    private var logHandle: FileHandle?

    var logPath: String { directory.appendingPathComponent("concertd.log").path }
    var pidFile: String { directory.appendingPathComponent("concertd.pid").path }

    /// Starts the command in argv[2...] with a clean signal mask, writes its pid to argv[1],
    /// waits for it and exits as it did.
    static let supervisor = """
        import os, signal, sys
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        pid = os.fork()
        if pid == 0:
            os.execv(sys.argv[2], sys.argv[2:])
        with open(sys.argv[1] + ".tmp", "w") as f:
            f.write(str(pid))
        os.rename(sys.argv[1] + ".tmp", sys.argv[1])
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        sys.exit(code if code >= 0 else 128 - code)
        """

    /// The daemon's own pid (under a launcher, not the supervisor's).
    var daemonPID: pid_t? {
        guard let process else { return nil }
        if launcher.isEmpty { return process.processIdentifier }
        return (try? String(contentsOfFile: pidFile, encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// A virtual day before any of the sample plan's deadlines: no agent records anything on
    /// its own, so a test sees only what it did.
    static let quietDay = ["--virtual-clock", "2019-09-01T09:00:00Z"]

    init(
        workflows: String = TestPaths.samplePlan, extraArguments: [String] = [], directory: URL? = nil,
        socketActivated: Bool = false, socketName: String? = nil
    ) throws {
        self.directory = try directory ?? TestPaths.temporaryDirectory()
        self.stateDirectory = self.directory.appendingPathComponent("state").path
        self.socketPath = self.directory.appendingPathComponent("io.concert.sock").path
        self.workflows = workflows
        self.extraArguments = extraArguments
        if socketActivated {
            let activated = self.directory.appendingPathComponent("activated.sock").path
            launcher =
                ["/usr/bin/systemd-socket-activate", "-l", activated] + (socketName.map { ["--fdname=\($0)"] } ?? [])
            clientSocketPath = activated
        } else {
            launcher = []
            clientSocketPath = socketPath
        }
    }

    /// Starts the daemon and returns once a client can connect (or at once, when
    /// `waitUntilServing` is false: for tests that watch start-up themselves).
    func start(waitUntilServing: Bool = true) async throws {
        let process = Process()
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        let command =
            launcher + [TestPaths.concertd, "--workflows", workflows, "--state-dir", stateDirectory, "--socket", socketPath]
            + extraArguments
        if launcher.isEmpty {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        } else {
            // A launcher such as systemd-socket-activate closes every inherited descriptor before
            // it execs the daemon, which Foundation's Process takes for the child's exit. A small
            // supervisor stays in between (with a clean signal mask) and records the daemon's pid.
            try? FileManager.default.removeItem(atPath: pidFile)
            process.executableURL = URL(fileURLWithPath: TestPaths.python)
            process.arguments = ["-c", Self.supervisor, pidFile] + command
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        logHandle = log
        try process.run()
        self.process = process
        guard waitUntilServing else { return }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning {
                throw DaemonError("concertd exited with \(process.terminationStatus) before serving:\n\(self.log())")
            }
            if let probe = try? RawSocket(path: clientSocketPath) {
                // A call answered means the daemon serves (under activation, connecting starts it).
                probe.send(Data(#"{"method":"org.varlink.service.GetInfo"}"#.utf8) + Data([0]))
                if probe.receiveMessage() != nil { return }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DaemonError("concertd did not serve within 60 s:\n\(self.log())")
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        guard let process else { return 0 }
        if let pid = daemonPID { kill(pid, signal) }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        if process.isRunning {
            if let pid = daemonPID { kill(pid, SIGKILL) }
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
        try await ProcessRunner.run(TestPaths.concertctl, ["--socket", clientSocketPath] + arguments)
    }

    func log() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    deinit {
        if let process, process.isRunning {
            if let pid = daemonPID { kill(pid, SIGKILL) }
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
