import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for systemd's notification socket: a Python datagram listener that writes every
/// assignment it receives to a file, one per line, with the moment it arrived.
final class NotifyListener: @unchecked Sendable {
    let socketPath: String
    let recordPath: String
    private let process = Process()

    static let script = """
        import os, socket, sys, time
        path, record = sys.argv[1], sys.argv[2]
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(path)
        with open(record + ".tmp", "w") as f:
            pass
        os.rename(record + ".tmp", record)
        with open(record, "a") as f:
            while True:
                data = s.recv(65536).decode()
                now = time.monotonic()
                for line in data.split("\\n"):
                    if line:
                        f.write("%.6f %s\\n" % (now, line))
                f.flush()
        """

    init(directory: URL) throws {
        socketPath = directory.appendingPathComponent("notify.sock").path
        recordPath = directory.appendingPathComponent("notify.log").path
        process.executableURL = URL(fileURLWithPath: TestPaths.python)
        process.arguments = ["-c", Self.script, socketPath, recordPath]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: recordPath) {
            guard Date() < deadline, process.isRunning else { throw DaemonError("the notify listener did not start") }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Every assignment received so far, in order.
    func messages() -> [String] {
        let text = (try? String(contentsOfFile: recordPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
        }
    }

    /// Waits until `predicate` holds for the messages, or throws after `seconds`.
    @discardableResult
    func wait(
        seconds: Double = 30, pollEvery milliseconds: Int = 2, for what: String,
        _ predicate: ([String]) -> Bool
    ) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = messages()
            if predicate(current) { return current }
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        throw DaemonError("no \(what) within \(seconds) s; received: \(messages())")
    }

    func count(_ message: String) -> Int { messages().filter { $0 == message }.count }

    func stop() {
        if process.isRunning {
            // SIGKILL: the test process's blocked signals are inherited, SIGTERM may never arrive.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// sd_notify(3) as systemd would see it: readiness only once a client can be served, the
/// watchdog while the ledger answers, reloads, and stopping.
@Suite("systemd notify", .serialized)
struct SystemdNotifyTests {
    /// A daemon on the sample plan with a notify listener and, optionally, a watchdog.
    private func supervisedDaemon(
        watchdogUSec: Int? = nil, workflows: String = TestPaths.samplePlan, extra: [String: String?] = [:]
    ) throws -> (DaemonProcess, NotifyListener) {
        let daemon = try DaemonProcess(workflows: workflows, extraArguments: DaemonProcess.quietDay)
        let listener = try NotifyListener(directory: daemon.directory)
        // No WATCHDOG_PID: sd_watchdog_enabled accepts its absence (the daemon runs under a
        // supervisor whose pid the test does not know in advance).
        var environment: [String: String?] = [
            "NOTIFY_SOCKET": listener.socketPath, "WATCHDOG_PID": nil, "WATCHDOG_USEC": watchdogUSec.map(String.init),
        ]
        for (name, value) in extra { environment[name] = value }
        daemon.environment = environment
        return (daemon, listener)
    }

    @Test func readyOnlyOnceAClientIsServed() async throws {
        let (daemon, listener) = try supervisedDaemon()
        defer { daemon.removeFiles() }
        try await daemon.start(waitUntilServing: false)
        try await listener.wait(for: "READY=1") { $0.contains("READY=1") }
        // Right when READY=1 arrives, a client connects and is answered.
        let probe = try RawSocket(path: daemon.socketPath)
        #expect(probe.send(Data(#"{"method":"io.concert.Daemon.GetStatus"}"#.utf8) + Data([0])))
        let reply = try #require(probe.receiveMessage(), "no reply right after READY=1")
        #expect(reply.contains("pnipgm"))

        let messages = listener.messages()
        let status = try #require(messages.first { $0.hasPrefix("STATUS=") })
        #expect(status.hasPrefix("STATUS=serving; "), "\(status)")
        #expect(status.contains(" measures, ") && status.contains(" overdue, ") && status.contains(" open escalations, last event "))
        #expect(!messages.contains("STOPPING=1"))

        #expect(try await daemon.stop() == 0, "\(daemon.log())")
        let after = listener.messages()
        #expect(after.contains("STOPPING=1"), "\(after)")
        if let ready = after.firstIndex(of: "READY=1"), let stopping = after.firstIndex(of: "STOPPING=1") {
            #expect(ready < stopping)
        }
        listener.stop()
    }

    @Test func outsideSystemdNothingIsSent() async throws {
        let daemon = try DaemonProcess(extraArguments: DaemonProcess.quietDay)
        defer { daemon.removeFiles() }
        daemon.environment = ["NOTIFY_SOCKET": nil, "WATCHDOG_USEC": nil]
        try await daemon.start()
        #expect(try await daemon.ctl("status").status == 0)
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
        #expect(!daemon.log().contains("watchdog enabled"))
    }

    @Test func watchdogPingsWhileTheLedgerAnswers() async throws {
        let (daemon, listener) = try supervisedDaemon(watchdogUSec: 400_000)
        defer { daemon.removeFiles() }
        try await daemon.start()
        // Half of 400 ms: a ping every 200 ms.
        try await listener.wait(seconds: 10, for: "five WATCHDOG=1") { $0.filter { $0 == "WATCHDOG=1" }.count >= 5 }
        #expect(daemon.log().contains("watchdog enabled"))
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
        listener.stop()
    }

    @Test func aStalledLedgerStopsThePings() async throws {
        let (daemon, listener) = try supervisedDaemon(
            watchdogUSec: 400_000, extra: ["CONCERT_TEST_STALL_LEDGER_AFTER_SECONDS": "1.5"])
        defer { daemon.removeFiles() }
        try await daemon.start()
        try await listener.wait(seconds: 10, for: "WATCHDOG=1 before the stall") { $0.contains("WATCHDOG=1") }
        let deadline = Date().addingTimeInterval(20)
        while !daemon.log().contains("withholding watchdog pings") && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(daemon.log().contains("stalling the ledger's writer"), "\(daemon.log())")
        #expect(daemon.log().contains("withholding watchdog pings"), "\(daemon.log())")
        let before = listener.count("WATCHDOG=1")
        try await Task.sleep(for: .seconds(1.2))
        #expect(listener.count("WATCHDOG=1") == before, "the watchdog was pinged while the ledger stalled")
        // The control socket still answers reads: only the writer is wedged.
        #expect(try await daemon.ctl("status", "--json").status == 0)
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
        listener.stop()
    }

    @Test func reloadingAroundSIGHUP() async throws {
        let (daemon, listener) = try supervisedDaemon()
        defer { daemon.removeFiles() }
        try await daemon.start()
        try await listener.wait(for: "READY=1") { $0.contains("READY=1") }
        let pid = try #require(daemon.daemonPID)
        kill(pid, SIGHUP)
        let messages = try await listener.wait(for: "READY=1 after RELOADING=1") { messages in
            guard let reloading = messages.firstIndex(of: "RELOADING=1") else { return false }
            return messages[reloading...].contains("READY=1")
        }
        let reloading = try #require(messages.firstIndex(of: "RELOADING=1"))
        let stamp = messages[(reloading + 1)...].first { $0.hasPrefix("MONOTONIC_USEC=") }
        let usec = try #require(stamp.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }, "\(messages)")
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowUSec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        #expect(usec <= nowUSec && nowUSec - usec < 60_000_000, "MONOTONIC_USEC is not CLOCK_MONOTONIC")
        #expect(daemon.log().contains("plan reloaded"))
        // Still serving after the reload.
        #expect(try await daemon.ctl("status").status == 0)
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
        #expect(listener.messages().contains("STOPPING=1"))
        listener.stop()
    }
}
