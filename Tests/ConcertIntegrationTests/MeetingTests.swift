import Foundation
import Testing

/// The bodies place their meetings ahead and convene them the declared working days before.
@Suite("meetings", .serialized)
struct MeetingTests {
    @Test func meetingsArePlacedAheadAndConvenedOnTime() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        // The agents place meetings at start: wait for the committee's first one.
        var meetings: [[String: Any]] = []
        for _ in 0..<100 {
            meetings = try #require(
                try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
            if !meetings.isEmpty { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let first = try #require(meetings.first)
        #expect(first["id"] as? String == "committee-2027-01-12")
        #expect(first["status"] as? String == "scheduled")
        // Before convocation the agenda shown is provisional: what would be frozen now.
        let provisional = (first["agenda"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        #expect(provisional?.first == "State of implementation by axis")

        // 12 Jan 2027 is a Tuesday; five working days before is Tuesday 5 Jan, at 09:00 Lisbon.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T08:59:00Z").status == 0)
        let before = try #require(try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
        #expect(before.first?["status"] as? String == "scheduled")
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        let after = try #require(try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
        let convened = try #require(after.first)
        #expect(convened["status"] as? String == "convened")
        #expect(convened["convened_at"] as? String == "2027-01-05T09:00:00.000Z")
        let frozen = (convened["agenda"] as? [[String: Any]]) ?? []
        #expect(frozen.first?["title"] as? String == "State of implementation by axis")
        #expect(frozen.first?["number"] as? Int == 1)
        #expect(frozen.first?["source"] as? String == "standing")
        #expect(
            Set((convened["convened"] as? [String]) ?? [])
                == [
                    "pcm-political", "pcm-technical", "mne-political", "mne-technical", "mai-political", "mai-technical",
                    "mtsss-political", "mtsss-technical",
                ], "every member entity's political and technical focal point")

        let events = try await daemon.ctl("events", "--json")
        let kinds = events.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(kinds.contains { $0["kind"] as? String == "meeting_convened" && $0["subject"] as? String == "committee-2027-01-12" && $0["by"] as? String == "agent:committee" })

        // A restart keeps the meetings and does not place them twice.
        #expect(try await daemon.stop() == 0)
        try await daemon.start()
        let again = try #require(try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
        #expect(again.map { $0["id"] as? String } == after.map { $0["id"] as? String })
        #expect(again.first?["status"] as? String == "convened")
        try await daemon.stop()
    }
}
