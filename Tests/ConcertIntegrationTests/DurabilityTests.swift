import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What the daemon acknowledged is on disk: across restarts and `kill -9`.
@Suite("durability", .serialized)
struct DurabilityTests {
    /// Reports from `clients` concurrent concertctl processes, each with a unique note;
    /// returns the notes that were acknowledged (exit 0).
    static func burst(
        _ daemon: DaemonProcess, measures: [String], clients: Int, each: Int, tag: String = "r"
    ) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var acknowledged: [String] = []
                    for i in 0..<each {
                        let note = "\(tag)-client\(client)-report\(i)"
                        let measure = measures[(client * each + i) % measures.count]
                        let result = try await daemon.ctl("report", measure, "--status", "in_progress", "--note", note)
                        if result.status == 0 { acknowledged.append(note) }
                    }
                    return acknowledged
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// Every recorded event's note, paging through `concertctl events`.
    static func recordedNotes(_ daemon: DaemonProcess) async throws -> [String] {
        let result = try await daemon.ctl("events", "--since", "0", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap {
            let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            return (object?["data"] as? [String: Any])?["note"] as? String
        }
    }

    static func openMeasures(_ daemon: DaemonProcess) async throws -> [String] {
        let list = try #require(try await daemon.ctl("measures", "--json").json as? [[String: Any]])
        return list.compactMap { $0["id"] as? String }
    }

    @Test func concurrentClientsAllAcknowledgedAndVisible() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        let measures = try await Self.openMeasures(daemon)
        let acknowledged = try await Self.burst(daemon, measures: measures, clients: 8, each: 12)
        #expect(acknowledged.count == 96)
        let recorded = try await Self.recordedNotes(daemon)
        #expect(recorded.sorted() == acknowledged.sorted())

        let status = try #require(try await daemon.ctl("status", "--json").json as? [String: Any])
        // The reports, plus what the monitor recorded of its own (measures already overdue).
        #expect(status["commands_committed"] as? Int ?? 0 >= 96)
        #expect(status["commands_refused"] as? Int == 0)
        try await daemon.stop()
    }

    @Test func restartKeepsEverything() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        let measures = try await Self.openMeasures(daemon)
        let acknowledged = try await Self.burst(daemon, measures: measures, clients: 4, each: 5)
        let before = try await daemon.ctl("measures", "--json")
        let last = (try await daemon.ctl("status", "--json").json as? [String: Any])?["last_sequence"] as? Int
        #expect(try await daemon.stop() == 0)

        try await daemon.start()
        let after = try await daemon.ctl("measures", "--json")
        #expect(after.stdout == before.stdout)
        #expect(try await Self.recordedNotes(daemon).sorted() == acknowledged.sorted())
        let status = try #require(try await daemon.ctl("status", "--json").json as? [String: Any])
        // A clean stop leaves a snapshot, so the restart replays nothing.
        #expect(status["started_from_snapshot"] as? Int == last)
        #expect(status["events_replayed"] as? Int == 0)
        try await daemon.stop()
    }

    @Test func killNineLosesNothingAcknowledged() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        let measures = try await Self.openMeasures(daemon)
        for round in 0..<3 {
            let acknowledged = try await Self.burst(daemon, measures: measures, clients: 8, each: 4, tag: "round\(round)")
            #expect(acknowledged.count == 32)
            try await daemon.stop(signal: SIGKILL)
            try await daemon.start()
            let recorded = Set(try await Self.recordedNotes(daemon))
            #expect(recorded.count == 32 * (round + 1))
            #expect(Set(acknowledged).isSubset(of: recorded))
        }
        try await daemon.stop()
    }
}

/// Two daemons never share one event log.
@Suite("state folder lock", .serialized)
struct StateLockTests {
    @Test func aSecondDaemonOnTheSameStateFolderIsRefused() async throws {
        let first = try DaemonProcess(extraArguments: DaemonProcess.quietDay)
        try await first.start()
        defer { first.removeFiles() }
        let second = try await ProcessRunner.run(
            TestPaths.concertd,
            [
                "--workflows", TestPaths.samplePlan, "--state-dir", first.stateDirectory, "--socket",
                first.directory.appendingPathComponent("second.sock").path,
            ])
        #expect(second.status == 75)
        #expect(second.stderr.contains("another concertd is already using the state folder"))
        #expect(try await first.ctl("status").status == 0)
        try await first.stop()
    }
}
