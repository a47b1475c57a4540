import Foundation
import Testing

/// Escalations as a coordinator handles them with `concertctl` on a virtual-clock daemon: a
/// measure passes its deadline, its escalation tells the technical focal points, and is
/// acknowledged, snoozed and finally resolved by a replan; and the monthly reporting status.
///
/// Self-sufficient: the monitor's overdue mark starts the escalation in the same command, so
/// nothing here waits for the escalation agents; escalations other agents start (missing
/// monthly reports) are filtered out by subject.
@Suite("escalation control", .serialized)
struct EscalationControlTests {
    typealias Object = [String: Any]

    /// Whether the sample plan declares a monthly reporting cycle.
    static var sampleHasReportingCycle: Bool {
        let file = URL(fileURLWithPath: TestPaths.samplePlan).appendingPathComponent("monitoring.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("reporting:") }
    }

    @Test func anOverdueMeasureIsEscalatedAcknowledgedSnoozedAndResolvedByAReplan() async throws {
        // M01 (responsible mne, co-responsible ama and sef) is due 2020-03-31, the sample's
        // first deadline.
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2020-03-31T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }

        func json(_ arguments: String...) async throws -> Any {
            let result = try await daemon.ctl(arguments + ["--json"])
            #expect(result.status == 0, "concertctl \(arguments.joined(separator: " ")): \(result.stderr)")
            return try #require(result.json, "concertctl \(arguments.joined(separator: " ")) printed \(result.stdout)")
        }
        func escalation(_ id: String) async throws -> Object {
            try #require(try await json("escalation", "show", id) as? Object)
        }

        // Nothing yet.
        #expect(try #require(try await json("escalations", "--measure", "M01") as? [Object]).isEmpty)

        // The deadline passes: the monitor records it overdue, which starts the escalation.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2020-04-01T09:00:00Z").status == 0)
        var listed: [Object] = []
        for _ in 0..<100 {
            listed = try #require(
                try await json("escalations", "--measure", "M01", "--subject", "measure") as? [Object])
            if !listed.isEmpty { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(listed.count == 1)
        let started = try #require(listed.first)
        let id = try #require(started["id"] as? String)
        #expect(id.hasPrefix("E"))
        let subject = try #require(started["subject"] as? Object)
        #expect(subject["kind"] as? String == "measure")
        #expect(subject["id"] as? String == "M01")
        #expect(subject["period"] is NSNull)
        #expect((subject["title"] as? String)?.contains("e-VISA") == true)
        #expect(started["level"] as? Int == 0)
        #expect(started["level_action"] as? String == "notify technical")
        #expect(started["levels"] as? Int == 4)
        #expect(started["ladder"] as? String == "standard")
        #expect(started["state"] as? String == "open")
        #expect(started["entities"] as? [String] == ["mne", "ama", "sef"])
        #expect(started["told"] as? [String] == ["mne-technical", "ama-technical", "sef-technical"])
        #expect((started["started"] as? String)?.hasPrefix("2020-03-31T23:00:00") == true)
        #expect(started["snoozed_until"] is NSNull)
        #expect(started["meeting"] is NSNull)
        // Ten working days from 2020-04-01, Good Friday (2020-04-10) not counted; the first
        // repeat five working days on.
        let next = try #require(started["next"] as? String)
        #expect(next.contains("climbs to level 1 (notify political) on 2020-04-16"), "\(next)")
        #expect(next.contains("repeats on 2020-04-08"), "\(next)")
        let history = try #require(started["history"] as? [Object])
        #expect(history.map { $0["kind"] as? String } == ["started", "notified"])
        #expect((history.first?["detail"] as? String)?.contains("passed its deadline 2020-03-31") == true)
        #expect(history.first?["by"] as? String == "monitor")

        // The table.
        let table = try await daemon.ctl("escalations", "--measure", "M01")
        #expect(table.status == 0)
        #expect(table.stdout.contains("SUBJECT"))
        #expect(table.stdout.contains(id))
        #expect(table.stdout.contains("measure M01"))
        #expect(table.stdout.contains("0 notify technical"))

        // Acknowledged once; a second time is refused.
        let acknowledged = try #require(try await json("ack", id) as? Object)
        #expect(acknowledged["state"] as? String == "acknowledged")
        #expect(!((acknowledged["next"] as? String) ?? "").contains("repeats"))
        let again = try await daemon.ctl("ack", id)
        #expect(again.status == 1)
        #expect(again.stderr.contains("acknowledged"))

        // Snoozes: a reason and a day after today are required.
        let noReason = try await daemon.ctl("snooze", id, "--until", "2020-04-20")
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("reason"))
        let blank = try await daemon.ctl("snooze", id, "--until", "2020-04-20", "--reason", "  ")
        #expect(blank.status == 1)
        let past = try await daemon.ctl("snooze", id, "--until", "2020-03-01", "--reason", "late")
        #expect(past.status == 1)
        #expect(past.stderr.contains("after today"))
        let unreadable = try await daemon.ctl("snooze", id, "--until", "2020-04-31", "--reason", "late")
        #expect(unreadable.status == 1)
        #expect(try await daemon.ctl("snooze", id, "--reason", "late").status == 64)
        let snoozed = try #require(
            try await json("snooze", id, "--until", "2020-04-20", "--reason", "waiting for the consular network")
                as? Object)
        #expect(snoozed["state"] as? String == "snoozed")
        #expect(snoozed["snoozed_until"] as? String == "2020-04-20")
        #expect(snoozed["next"] as? String == "resumes on 2020-04-20")
        #expect(try await daemon.ctl("ack", id).status == 1)

        // The history, as JSON and as lines.
        let shown = try await escalation(id)
        let kinds = (shown["history"] as? [Object] ?? []).map { $0["kind"] as? String }
        #expect(kinds == ["started", "notified", "acknowledged", "snoozed"])
        let text = try await daemon.ctl("escalation", "show", id)
        #expect(text.status == 0)
        #expect(text.stdout.contains("History:"))
        #expect(text.stdout.contains("told mne-technical, ama-technical, sef-technical"))
        #expect(text.stdout.contains("snoozed until 2020-04-20: waiting for the consular network"))
        #expect(text.stdout.contains("level        0 of 4: notify technical (ladder standard)"))

        // A coordinator's replan settles it.
        let replan = try await daemon.ctl("replan", "M01", "--deadline", "2020-12-31", "--reason", "tender re-run")
        #expect(replan.status == 0, "\(replan.stderr)")
        let resolved = try await escalation(id)
        #expect(resolved["state"] as? String == "resolved")
        #expect(resolved["next"] as? String == "none: resolved")
        #expect(resolved["snoozed_until"] is NSNull)
        let last = try #require((resolved["history"] as? [Object])?.last)
        #expect(last["kind"] as? String == "resolved")
        #expect((last["detail"] as? String)?.contains("replanned to 2020-12-31") == true)
        let done = try #require(try await json("escalations", "--state", "resolved", "--measure", "M01") as? [Object])
        #expect(done.map { $0["id"] as? String } == [id])
        #expect(
            try #require(try await json("escalations", "--state", "open", "--subject", "measure") as? [Object]).isEmpty)
        #expect(try await daemon.ctl("ack", id).status == 1)
        #expect(try await daemon.ctl("snooze", id, "--until", "2020-05-01", "--reason", "x").status == 1)

        // Unknown things and bad filters.
        let unknown = try await daemon.ctl("escalation", "show", "E9999")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no escalation named E9999"))
        #expect(try await daemon.ctl("ack", "E9999").status == 2)
        #expect(try await daemon.ctl("snooze", "E9999", "--until", "2020-05-01", "--reason", "x").status == 2)
        #expect(try await daemon.ctl("escalations", "--measure", "M999").status == 2)
        let badState = try await daemon.ctl("escalations", "--state", "closed")
        #expect(badState.status == 1)
        #expect(badState.stderr.contains("open, acknowledged, snoozed, resolved"))
        #expect(try await daemon.ctl("escalations", "--subject", "meeting").status == 1)
        let failure = try await daemon.ctl("escalation", "show", "E9999", "--json")
        let error = try #require(
            try? JSONSerialization.jsonObject(with: Data(failure.stderr.utf8)) as? Object, "\(failure.stderr)")
        #expect(error["error"] as? String == "io.concert.Escalations.NoSuchEscalation")
        #expect(error["exit_code"] as? Int == 2)

        // The escalations survive a restart (they are folded from the log).
        #expect(try await daemon.stop() == 0)
        try await daemon.start()
        #expect(try await escalation(id)["state"] as? String == "resolved")
        try await daemon.stop()
    }

    @Test func theMonthlyReportingStatusOfAPeriod() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2020-03-31T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }

        guard Self.sampleHasReportingCycle else {
            // The plan declares no cycle: refused, exit 1.
            let result = try await daemon.ctl("reports", "--json")
            #expect(result.status == 1)
            #expect(result.stderr.contains("NoReportingCycle"))
            try await daemon.stop()
            return
        }
        let report = try await daemon.ctl("report", "M02", "--status", "in_progress", "--note", "talks under way")
        #expect(report.status == 0, "\(report.stderr)")

        // The period open today: its window opened on 25 March, reports due on 5 April.
        let current = try await daemon.ctl("reports", "--json")
        #expect(current.status == 0, "\(current.stderr)")
        let status = try #require(current.json as? Object)
        #expect(status["period"] as? String == "2020-03")
        #expect(status["opens"] as? String == "2020-03-25")
        #expect(status["due"] as? String == "2020-04-05")
        let reported = try #require(status["reported"] as? [String])
        let missing = try #require(status["missing"] as? [String])
        #expect(reported == ["M02"])
        #expect(missing.contains("M01"))
        #expect(!missing.contains("M02"))
        #expect(missing.count >= 60)

        // An earlier period by name.
        let before = try #require(try await daemon.ctl("reports", "--period", "2020-02", "--json").json as? Object)
        #expect(before["due"] as? String == "2020-03-05")

        let text = try await daemon.ctl("reports", "--period", "2020-03")
        #expect(text.status == 0)
        #expect(text.stdout.contains("window opens 2020-03-25, reports due 2020-04-05"))
        #expect(text.stdout.contains("reported     1: M02"))

        // Periods that cannot be read or lie far outside the plan.
        #expect(try await daemon.ctl("reports", "--period", "2020-13").status == 1)
        #expect(try await daemon.ctl("reports", "--period", "9999-12").status == 1)
        #expect(try await daemon.ctl("reports", "--period", "0000-01").status == 1)
        try await daemon.stop()
    }
}
