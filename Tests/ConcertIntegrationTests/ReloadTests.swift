import Foundation
import Testing

/// `concertctl reload` and SIGHUP re-read Workflows/: a broken folder is refused with its
/// problems and the old plan keeps serving; a good change is picked up.
@Suite("reload", .serialized)
struct ReloadTests {
    private static let title = "Launch the e-VISA portal for online visa applications and status tracking"

    /// A copy of the sample plan the test may edit.
    private func planCopy(in directory: URL) throws -> URL {
        let copy = directory.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestPaths.samplePlan), to: copy)
        return copy
    }

    private func edit(_ folder: URL, _ file: String, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "the sample plan changed: \(old) is not in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    private func title(_ daemon: DaemonProcess) async throws -> String? {
        let shown = try await daemon.ctl("measure", "show", "M01", "--json")
        return (shown.json as? [String: Any])?["title"] as? String
    }

    @Test func brokenIsRefusedAndGoodIsPickedUp() async throws {
        let directory = try TestPaths.temporaryDirectory()
        let workflows = try planCopy(in: directory)
        let daemon = try DaemonProcess(
            workflows: workflows.path, extraArguments: DaemonProcess.quietDay,
            directory: directory.appendingPathComponent("daemon"))
        try FileManager.default.createDirectory(at: daemon.directory, withIntermediateDirectories: true)
        defer {
            daemon.removeFiles()
            try? FileManager.default.removeItem(at: directory)
        }
        try await daemon.start()

        let unchanged = try await daemon.ctl("reload")
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("unchanged"), "\(unchanged.stdout)")

        // A YAML syntax error and an unknown responsible entity: refused, old plan kept.
        try edit(workflows, "measures-axis-1.yaml", "    axis: 1\n    objectives: [3, 5]", "    axis: [1\n    objectives: [3, 5]")
        let refused = try await daemon.ctl("reload")
        #expect(refused.status == 1, "\(refused.stdout) \(refused.stderr)")
        #expect(refused.stderr.contains("reload refused"), "\(refused.stderr)")
        #expect(refused.stderr.contains("measures-axis-1.yaml"), "no diagnostic names the file: \(refused.stderr)")
        let json = try await daemon.ctl("reload", "--json")
        #expect(json.status == 1)
        #expect(json.stderr.contains("io.concert.Daemon.ReloadRefused"), "\(json.stderr)")
        #expect(try await title(daemon) == Self.title, "the old plan no longer serves")
        #expect(daemon.log().contains("reload refused"))

        // Fixed, with a new title: picked up.
        try edit(workflows, "measures-axis-1.yaml", "    axis: [1\n", "    axis: 1\n")
        try edit(workflows, "measures-axis-1.yaml", Self.title, "Launch the renewed e-VISA portal")
        let reloaded = try await daemon.ctl("reload", "--json")
        #expect(reloaded.status == 0, "\(reloaded.stderr)")
        let reply = reloaded.json as? [String: Any]
        #expect(reply?["plan"] as? String == "pnipgm")
        #expect(reply?["changed"] as? Bool == true)
        #expect((reply?["measures"] as? Int ?? 0) > 0)
        #expect(try await title(daemon) == "Launch the renewed e-VISA portal")

        // A change of plan id is refused too: a running daemon keeps its plan.
        try edit(workflows, "plan.yaml", "id: pnipgm", "id: another")
        let otherPlan = try await daemon.ctl("reload")
        #expect(otherPlan.status == 1, "\(otherPlan.stdout) \(otherPlan.stderr)")
        #expect(otherPlan.stderr.contains("id changed"), "\(otherPlan.stderr)")

        #expect(try await daemon.stop() == 0, "\(daemon.log())")
    }

    @Test func refusedReloadShowsInStatus() async throws {
        let directory = try TestPaths.temporaryDirectory()
        let workflows = try planCopy(in: directory)
        let daemon = try DaemonProcess(
            workflows: workflows.path, extraArguments: DaemonProcess.quietDay,
            directory: directory.appendingPathComponent("daemon"))
        try FileManager.default.createDirectory(at: daemon.directory, withIntermediateDirectories: true)
        let listener = try NotifyListener(directory: daemon.directory)
        daemon.environment = ["NOTIFY_SOCKET": listener.socketPath, "WATCHDOG_USEC": nil]
        defer {
            listener.stop()
            daemon.removeFiles()
            try? FileManager.default.removeItem(at: directory)
        }
        try await daemon.start()
        try edit(workflows, "measures-axis-1.yaml", "    axis: 1\n    objectives: [3, 5]", "    axis: [1\n    objectives: [3, 5]")
        #expect(try await daemon.ctl("reload").status == 1)
        let messages = try await listener.wait(for: "STATUS= with the refusal") {
            $0.contains { $0.hasPrefix("STATUS=") && $0.contains("reload refused") }
        }
        let reloading = try #require(messages.firstIndex(of: "RELOADING=1"))
        #expect(messages[reloading...].contains("READY=1"), "a refused reload must still end with READY=1")
        #expect(try await daemon.stop() == 0, "\(daemon.log())")
    }
}
