import Foundation
import Testing

/// `concertd --virtual-clock` and `concertctl clock`: time moves only when told, and moving it
/// returns after what fell due is recorded.
@Suite("virtual clock", .serialized)
struct VirtualClockTests {
    @Test func advancingRecordsWhatFellOverdue() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        let time = try #require(try await daemon.ctl("clock", "--json").json as? [String: Any])
        #expect(time["virtual"] as? Bool == true)
        #expect(time["today"] as? String == "2027-01-01")

        let measures = try #require(try await daemon.ctl("measures", "--json").json as? [[String: Any]])
        let future = measures.filter {
            ($0["deadline"] as? String).map { $0 > "2027-01-01" && $0 < "2030-12-31" } ?? false
        }
        let latest = try #require(future.compactMap { $0["deadline"] as? String }.max())
        let advanced = try await daemon.ctl("clock", "advance", "--to", "2030-12-31", "--json")
        #expect(advanced.status == 0, "\(advanced.stderr)")
        #expect((advanced.json as? [String: Any])?["today"] as? String == "2030-12-31")
        #expect(((advanced.json as? [String: Any])?["actions"] as? Int ?? 0) >= future.count)

        // Right when the call returns, every deadline passed by then is recorded as missed.
        let events = try await daemon.ctl("events", "--json")
        let overdue = events.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["kind"] as? String == "measure_fell_overdue" }
        let marked = Set(overdue.compactMap { $0["measure"] as? String })
        #expect(Set(future.compactMap { $0["id"] as? String }).isSubset(of: marked))
        #expect(overdue.allSatisfy { $0["by"] as? String == "agent:monitor" })
        let shown = try #require(
            try await daemon.ctl("measures", "--overdue", "--json").json as? [[String: Any]])
        #expect(shown.contains { $0["deadline"] as? String == latest })

        let back = try await daemon.ctl("clock", "advance", "--to", "2027-01-01")
        #expect(back.status == 1)
        #expect(back.stderr.contains("forward"))
        let bad = try await daemon.ctl("clock", "advance", "3 fortnights")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("not a duration"))

        // A restart with the same --virtual-clock resumes where time had got to, never behind
        // what the log has recorded.
        #expect(try await daemon.stop() == 0)
        try await daemon.start()
        let resumed = try #require(try await daemon.ctl("clock", "--json").json as? [String: Any])
        #expect(resumed["today"] as? String == "2030-12-31")
        try await daemon.stop()
    }

    @Test func theSystemClockCannotBeMoved() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }
        let refused = try await daemon.ctl("clock", "advance", "90d")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("system clock"))
        let shown = try await daemon.ctl("clock")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("system clock"))
        try await daemon.stop()
    }
}
