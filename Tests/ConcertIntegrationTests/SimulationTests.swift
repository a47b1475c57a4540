import Foundation
import Testing

/// `concertctl simulate` projects without changing anything, and what it projects happens.
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
}
