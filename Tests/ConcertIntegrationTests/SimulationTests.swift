import Foundation
import Testing

/// `concertctl simulate` projects without changing anything, and what it projects happens:
/// meetings, their convocations and the notices they send, measures falling overdue.
@Suite("simulate", .serialized)
struct SimulationTests {
    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func theProjectionChangesNothingAndComesTrue() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        // Let the monitor record what is already overdue at the start.
        try await Task.sleep(for: .milliseconds(300))
        let before = (try await daemon.ctl("status", "--json").json as? [String: Any])?["last_sequence"] as? Int

        let projected = try #require(try await daemon.ctl("simulate", "--until", "2028-12-31", "--json").json as? [[String: Any]])
        #expect(!projected.isEmpty)
        let times = projected.compactMap { $0["at"] as? String }
        #expect(times == times.sorted(), "entries come in order")
        for key in ["at", "kind", "subject", "summary"] {
            #expect(projected.allSatisfy { $0[key] != nil }, "entries have \(key)")
        }
        let committee = projected.filter { $0["kind"] as? String == "meeting" && $0["subject"] as? String == "committee" }
        #expect(committee.count == 8, "the committee meets every three months")
        let after = (try await daemon.ctl("status", "--json").json as? [String: Any])?["last_sequence"] as? Int
        #expect(after == before, "simulating records nothing")

        let expected = projected.filter { $0["kind"] as? String == "measure_overdue" }.map {
            "\($0["subject"] as? String ?? "") \($0["at"] as? String ?? "")"
        }
        #expect(try await daemon.ctl("clock", "advance", "--to", "2028-12-31T23:59:59Z").status == 0)
        let recorded = Self.lines(try await daemon.ctl("events", "--since", "\(before ?? 0)", "--json").stdout)
            .filter { $0["kind"] as? String == "measure_fell_overdue" }
            .map { "\($0["measure"] as? String ?? "") \($0["at"] as? String ?? "")" }
        #expect(recorded.sorted() == expected.sorted())

        let past = try await daemon.ctl("simulate", "--until", "2020-01-01")
        #expect(past.status == 1)
        #expect(past.stderr.contains("before today"))
        try await daemon.stop()
    }

    @Test func convocationsAndTheirNoticesAreProjectedAsTheAgentsThenSendThem() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        // Wait for the agents to place the committee's January meeting.
        for _ in 0..<100 {
            let placed = try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]]
            if placed?.contains(where: { $0["id"] as? String == "committee-2027-01-12" }) == true { break }
            try await Task.sleep(for: .milliseconds(50))
        }

        let projected = try #require(
            try await daemon.ctl("simulate", "--until", "2027-07-31", "--json").json as? [[String: Any]])
        func entries(_ kind: String) -> [[String: Any]] { projected.filter { $0["kind"] as? String == kind } }
        let kinds = Set(projected.compactMap { $0["kind"] as? String })
        #expect(kinds.isSubset(of: ["meeting", "convocation", "notice", "task_due", "measure_overdue"]), "\(kinds)")

        // January's meeting is recorded; its convocation falls on 5 January at 09:00 Lisbon.
        let convocation = try #require(entries("convocation").first { $0["subject"] as? String == "committee-2027-01-12" })
        #expect(convocation["at"] as? String == "2027-01-05T09:00:00.000Z")
        let notices = entries("notice").filter {
            $0["at"] as? String == "2027-01-05T09:00:00.000Z"
                && ($0["summary"] as? String)?.hasPrefix("convocation for committee-2027-01-12 to ") == true
        }
        #expect(!notices.isEmpty)
        // July is beyond the agents' horizon: projected from the cadence, convocation included.
        #expect(entries("meeting").contains { ($0["summary"] as? String)?.contains("[committee-2027-07-13, projected]") == true })
        #expect(entries("convocation").contains { $0["subject"] as? String == "committee-2027-07-13" })

        // What was projected happens: the convocation goes to exactly the focal points noticed.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        let meetings = try #require(try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
        let january = try #require(meetings.first { $0["id"] as? String == "committee-2027-01-12" })
        #expect(january["status"] as? String == "convened")
        #expect(Set(january["convened"] as? [String] ?? []) == Set(notices.compactMap { $0["subject"] as? String }))

        // Once convened, the meeting is still projected, its convocation no longer.
        let later = try #require(
            try await daemon.ctl("simulate", "--until", "2027-01-31", "--json").json as? [[String: Any]])
        #expect(later.contains { $0["kind"] as? String == "meeting" && ($0["summary"] as? String)?.contains("[committee-2027-01-12, convened]") == true })
        #expect(!later.contains { $0["kind"] as? String == "convocation" && $0["subject"] as? String == "committee-2027-01-12" })
        try await daemon.stop()
    }
}
