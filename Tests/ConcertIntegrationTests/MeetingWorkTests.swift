import Foundation
import Testing

/// The work around meetings, as a coordinator does it with `concertctl` on a virtual-clock
/// daemon: agendas, moved, cancelled and extraordinary meetings, minutes, tasks routed through
/// the focal-point network, absences and stand-ins, and all of it kept across a restart.
@Suite("meeting work", .serialized)
struct MeetingWorkTests {
    typealias Object = [String: Any]

    @Test func meetingsAgendasMinutesTasksAndStandIns() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }

        /// Runs concertctl, expects success, and returns its JSON output.
        func json(_ arguments: String...) async throws -> Any {
            let result = try await daemon.ctl(arguments + ["--json"])
            #expect(result.status == 0, "concertctl \(arguments.joined(separator: " ")): \(result.stderr)")
            return try #require(result.json, "concertctl \(arguments.joined(separator: " ")) printed \(result.stdout)")
        }
        func meeting(_ id: String) async throws -> Object {
            try #require(try await json("meeting", "show", id) as? Object)
        }
        func agenda(_ m: Object) -> [Object] { m["agenda"] as? [Object] ?? [] }

        // The committee's first meeting is placed at start, with its provisional agenda.
        var committee: [Object] = []
        for _ in 0..<100 {
            committee = try #require(try await json("meetings", "--body", "committee") as? [Object])
            if !committee.isEmpty { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let first = try #require(committee.first)
        #expect(first["id"] as? String == "committee-2027-01-12")
        #expect(first["status"] as? String == "scheduled")
        #expect(first["local_start"] as? String == "2027-01-12T10:00")
        #expect(first["time_zone"] as? String == "Europe/Lisbon")
        #expect(first["convocation_at"] as? String == "2027-01-05T09:00:00.000Z")
        #expect(agenda(first).map { $0["source"] as? String } == ["standing", "standing", "standing"])
        #expect(first["minutes"] is NSNull)

        // Convened five working days before: the agenda is frozen.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        let convened = try await meeting("committee-2027-01-12")
        #expect(convened["status"] as? String == "convened")
        #expect(convened["sequence"] as? Int == 0)
        #expect(!((convened["convened"] as? [String]) ?? []).isEmpty)

        // An item added after convocation updates the agenda: numbered at its end, sequence up.
        let added = try await daemon.ctl("agenda", "add", "committee-2027-01-12", "Reception capacity", "--measure", "M01")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added item 4"))
        let updated = try await meeting("committee-2027-01-12")
        #expect(updated["sequence"] as? Int == 1)
        let last = try #require(agenda(updated).last)
        #expect(last["number"] as? Int == 4)
        #expect(last["title"] as? String == "Reception capacity")
        #expect(last["source"] as? String == "added")
        #expect(last["measure"] as? String == "M01")

        // One occurrence moved, another cancelled; the rest of the series untouched.
        let moved = try #require(
            try await json(
                "meeting", "reschedule", "secretaries-of-state-2027-02-03", "--at", "2027-02-04T15:00", "--duration", "60",
                "--reason", "minister travelling") as? Object)
        #expect(moved["sequence"] as? Int == 1)
        #expect(moved["local_start"] as? String == "2027-02-04T15:00")
        #expect(moved["local_end"] as? String == "2027-02-04T16:00")
        #expect(moved["reason"] as? String == "minister travelling")
        let cancelled = try #require(
            try await json("meeting", "cancel", "secretaries-of-state-2027-03-03", "--reason", "no quorum") as? Object)
        #expect(cancelled["status"] as? String == "cancelled")
        #expect(cancelled["sequence"] as? Int == 1)
        let series = try #require(try await json("meetings", "--body", "secretaries-of-state") as? [Object])
        let others = series.filter {
            !["secretaries-of-state-2027-02-03", "secretaries-of-state-2027-03-03"].contains($0["id"] as? String)
        }
        #expect(!others.isEmpty)
        #expect(others.allSatisfy { $0["sequence"] as? Int == 0 && $0["status"] as? String != "cancelled" })
        let onlyCancelled = try #require(
            try await json("meetings", "--body", "secretaries-of-state", "--status", "cancelled") as? [Object])
        #expect(onlyCancelled.map { $0["id"] as? String } == ["secretaries-of-state-2027-03-03"])

        // An extraordinary meeting of the committee.
        let called = try #require(
            try await json(
                "meeting", "call", "committee", "--at", "2027-02-03T10:00", "--reason", "reception capacity",
                "--item", "Emergency funding") as? Object)
        let extraordinary = try #require(called["id"] as? String)
        #expect(extraordinary == "committee-2027-02-03-extraordinary")
        #expect(called["extraordinary"] as? Bool == true)
        #expect(called["status"] as? String == "scheduled")
        #expect(agenda(called).contains { $0["title"] as? String == "Emergency funding" && $0["source"] as? String == "added" })

        // Refusals and their exit codes.
        let early = try await daemon.ctl("minutes", "record", "committee-2027-01-12", "--present", "pcm")
        #expect(early.status == 1)
        #expect(early.stderr.contains("after it starts"))
        let unknown = try await daemon.ctl("meeting", "show", "committee-1999-01-01")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no meeting named"))
        let badDate = try await daemon.ctl(
            "meeting", "reschedule", "committee-2027-04-13", "--at", "2027-02-30T10:00", "--reason", "typo")
        #expect(badDate.status == 1)
        #expect(badDate.stderr.contains("2027-02-30T10:00"))
        let badStatus = try await daemon.ctl("meetings", "--status", "postponed")
        #expect(badStatus.status == 1)
        #expect(badStatus.stderr.contains("scheduled, convened, held, cancelled"))
        let noReason = try await daemon.ctl("meeting", "cancel", "committee-2027-04-13", "--reason", " ")
        #expect(noReason.status == 1)
        #expect(try await daemon.ctl("task", "show", "T99").status == 2)
        #expect(try await daemon.ctl("task", "reassign", "T1", "--reason", "x").status == 64)

        // After the meeting: minutes from a YAML file plus flags; the task goes to the owner
        // entity's technical focal point.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-12T12:00:00Z").status == 0)
        let file = daemon.directory.appendingPathComponent("minutes.yaml")
        try """
        present: [pcm, mne]
        resolved: [1]
        note: Quorum reached.
        decisions:
          - text: Approve the quarterly report
            item: 1
            tasks:
              - title: Publish the quarterly report
                owner: aima
                due: 2027-03-31
                measure: M01
        """.write(to: file, atomically: true, encoding: .utf8)
        let recorded = try #require(
            try await json(
                "minutes", "record", "committee-2027-01-12", "--file", file.path, "--present", "mai", "--decision",
                "Note the reception figures") as? Object)
        let held = try #require(recorded["meeting"] as? Object)
        #expect(held["status"] as? String == "held")
        let minutes = try #require(held["minutes"] as? Object)
        #expect(minutes["present"] as? [String] == ["pcm", "mne", "mai"])
        #expect(minutes["absent"] as? [String] == ["mtsss"])
        #expect(minutes["resolved"] as? [Int] == [1])
        #expect(minutes["unresolved"] as? [Int] == [2, 3, 4])
        #expect((minutes["decisions"] as? [Object])?.map { $0["text"] as? String } == [
            "Approve the quarterly report", "Note the reception figures",
        ])
        let tasks = try #require(recorded["tasks"] as? [Object])
        let t1 = try #require(tasks.first)
        #expect(tasks.count == 1)
        #expect(t1["id"] as? String == "T1")
        #expect(t1["owner"] as? String == "aima")
        #expect(t1["assignee"] as? String == "aima-technical")
        #expect(t1["handled_by"] as? String == "aima-technical")
        #expect(t1["routing"] as? String == "technical focal point of aima")
        #expect(t1["meeting"] as? String == "committee-2027-01-12")
        #expect(t1["status"] as? String == "open")
        #expect(t1["overdue"] as? Bool == false)

        // The item left unresolved (not the standing ones) is carried over to the body's next meeting.
        let next = try await meeting(extraordinary)
        let carried = agenda(next).filter { $0["source"] as? String == "carried_over" }
        #expect(carried.map { $0["title"] as? String } == ["Reception capacity"])
        #expect(carried.first?["carried_from"] as? String == "committee-2027-01-12")
        #expect(carried.first?["measure"] as? String == "M01")

        // A malformed minutes file is refused with its line, and nothing is recorded.
        let bad = daemon.directory.appendingPathComponent("bad.yaml")
        try "present: [pcm]\ndecisions:\n  - text: ok\n    owner: aima\n".write(to: bad, atomically: true, encoding: .utf8)
        let malformed = try await daemon.ctl("minutes", "record", extraordinary, "--file", bad.path)
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("bad.yaml:4:"), "\(malformed.stderr)")
        #expect(malformed.stderr.contains("unknown key 'owner'"))

        // The technical focal point is away: a new task goes to the deputy, and says so.
        let away = try #require(
            try await json(
                "focal-point", "away", "aima-technical", "--from", "2027-01-20", "--to", "2027-02-28", "--deputy",
                "aima-technical-deputy") as? Object)
        #expect(away["stand_in"] as? String == "aima-technical-deputy")
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-02-03T12:00:00Z").status == 0)
        let points = try #require(try await json("focal-points", "--entity", "aima") as? [Object])
        let technical = try #require(points.first { $0["id"] as? String == "aima-technical" })
        #expect((technical["away"] as? Object)?["to"] as? String == "2027-02-28")
        #expect(technical["stand_in"] as? String == "aima-technical-deputy")
        #expect(try await meeting(extraordinary)["status"] as? String == "convened")
        let second = try #require(
            try await json(
                "minutes", "record", extraordinary, "--present", "pcm", "--resolved", "1", "--file",
                try writeFile(daemon, "second.json", #"{"decisions": [{"text": "Fund the reception centres", "tasks": [{"title": "Open two centres", "owner": "aima", "due": "2027-06-30"}]}]}"#)
            ) as? Object)
        let t2 = try #require((second["tasks"] as? [Object])?.first)
        #expect(t2["id"] as? String == "T2")
        #expect(t2["assignee"] as? String == "aima-technical-deputy")
        #expect((t2["routing"] as? String)?.contains("deputy of aima-technical, away until 2027-02-28") == true)
        // The earlier task stays with its assignee, handled by the stand-in meanwhile.
        let handled = try #require(try await json("tasks", "--focal-point", "aima-technical-deputy") as? [Object])
        #expect(handled.compactMap { $0["id"] as? String } == ["T1", "T2"])
        #expect(handled.first?["assignee"] as? String == "aima-technical")
        #expect(handled.first?["handled_by"] as? String == "aima-technical-deputy")
        // Unresolved again, the item is carried over once more.
        let april = try await meeting("committee-2027-04-13")
        #expect(agenda(april).contains {
            $0["source"] as? String == "carried_over" && $0["title"] as? String == "Reception capacity"
                && $0["carried_from"] as? String == extraordinary
        })

        // Acknowledge, complete, reassign.
        #expect((try await json("task", "ack", "T1") as? Object)?["status"] as? String == "acknowledged")
        let done = try #require(try await json("task", "complete", "T1", "--note", "published") as? Object)
        #expect(done["status"] as? String == "completed")
        #expect(done["note"] as? String == "published")
        #expect(try await daemon.ctl("task", "complete", "T1").status == 1)
        #expect((try await json("task", "ack", "T2") as? Object)?["status"] as? String == "acknowledged")
        let reassigned = try #require(
            try await json("task", "reassign", "T2", "--to-entity", "mai", "--reason", "MAI leads the centres") as? Object)
        #expect(reassigned["owner"] as? String == "mai")
        #expect(reassigned["assignee"] as? String == "mai-technical")
        #expect(reassigned["status"] as? String == "open")
        let open = try #require(try await json("tasks", "--status", "open") as? [Object])
        #expect(open.compactMap { $0["id"] as? String } == ["T2"])

        // A restart keeps it all: every meeting as it was (the agents may place more ahead).
        let meetingsBefore = try #require(try await json("meetings") as? [Object])
        let tasksBefore = try #require(try await json("tasks") as? [Object])
        #expect(try await daemon.stop() == 0)
        try await daemon.start()
        let meetingsAfter = try #require(try await json("meetings") as? [Object])
        let after = Dictionary(meetingsAfter.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for before in meetingsBefore {
            let id = before["id"] as? String ?? ""
            #expect(try canonical(after[id]) == canonical(before), "meeting \(id) after the restart")
        }
        let tasksAfter = try #require(try await json("tasks") as? [Object])
        let stable = ["id", "owner", "assignee", "routing", "status", "note", "due", "completed_at"]
        #expect(tasksAfter.map { t in stable.map { "\(t[$0] ?? "")" } } == tasksBefore.map { t in stable.map { "\(t[$0] ?? "")" } })
        let pointsAfter = try #require(try await json("focal-points", "--entity", "aima") as? [Object])
        let absences = pointsAfter.first { $0["id"] as? String == "aima-technical" }?["absences"] as? [Object]
        #expect(absences?.first?["from"] as? String == "2027-01-20")
        #expect(absences?.first?["deputy"] as? String == "aima-technical-deputy")
        try await daemon.stop()
    }

    /// A JSON object as text with sorted keys, to compare objects.
    private func canonical(_ object: Object?) throws -> String {
        guard let object else { return "missing" }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private func writeFile(_ daemon: DaemonProcess, _ name: String, _ text: String) throws -> String {
        let url = daemon.directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
