import Foundation
import Testing

/// The real daemon serves the sample plan to concertctl.
@Suite("serving the sample plan", .serialized)
struct ServingTests {
    @Test func statusAndMeasures() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }

        let status = try await daemon.ctl("status", "--json")
        #expect(status.status == 0, "\(status.stderr)")
        let statusObject = try #require(status.json as? [String: Any])
        #expect(statusObject["plan"] as? String == "pnipgm")
        #expect((statusObject["measures"] as? Int ?? 0) >= 30)

        let measures = try await daemon.ctl("measures", "--json")
        #expect(measures.status == 0, "\(measures.stderr)")
        let list = try #require(measures.json as? [[String: Any]])
        #expect(list.count >= 30)
        for key in ["id", "title", "status", "deadline", "axis", "objectives", "responsible", "co_responsible"] {
            #expect(list.allSatisfy { $0.keys.contains(key) }, "every measure has \(key)")
        }
        #expect(list.allSatisfy { ($0["status"] as? String) == "not_started" })

        let axis1 = try #require(try await daemon.ctl("measures", "--axis", "1", "--json").json as? [[String: Any]])
        #expect(!axis1.isEmpty && axis1.count < list.count)
        #expect(axis1.allSatisfy { $0["axis"] as? Int == 1 })

        let table = try await daemon.ctl("measures")
        #expect(table.status == 0)
        #expect(table.stdout.contains("ID"))
        #expect(table.stdout.contains(list[0]["id"] as! String))

        try await daemon.stop()
    }

    @Test func reportReplanAndHistory() async throws {
        let daemon = try DaemonProcess(extraArguments: DaemonProcess.quietDay)
        try await daemon.start()
        defer { daemon.removeFiles() }
        let list = try #require(try await daemon.ctl("measures", "--json").json as? [[String: Any]])
        let id = try #require(list.first(where: { ($0["continuous"] as? Bool) == false })?["id"] as? String)

        let report = try await daemon.ctl("report", id, "--status", "in_progress", "--note", "kick-off held", "--json")
        #expect(report.status == 0, "\(report.stderr)")
        let reply = try #require(report.json as? [String: Any])
        #expect(reply["status"] as? String == "in_progress")
        #expect(((reply["receipt"] as? [String: Any])?["sequence"] as? Int ?? 0) >= 1)

        let replan = try await daemon.ctl("replan", id, "--deadline", "2029-06-30", "--reason", "budget moved", "--json")
        #expect(replan.status == 0, "\(replan.stderr)")

        let shown = try #require(try await daemon.ctl("measure", "show", id, "--json").json as? [String: Any])
        #expect(shown["status"] as? String == "in_progress")
        #expect(shown["deadline"] as? String == "2029-06-30")
        let history = try #require(shown["history"] as? [[String: Any]])
        #expect(history.count == 2)
        #expect(history[0]["note"] as? String == "kick-off held")
        #expect(history[0]["status"] as? String == "in_progress")
        for key in ["at", "by", "status", "indicators", "note"] {
            #expect(history.allSatisfy { $0.keys.contains(key) }, "history entries have \(key)")
        }

        let human = try await daemon.ctl("measure", "show", id)
        #expect(human.stdout.contains("kick-off held"))
        try await daemon.stop()
    }

    @Test func clearErrorsAndExitCodes() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start()
        defer { daemon.removeFiles() }

        let unknown = try await daemon.ctl("measure", "show", "M999")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no measure named M999; try concertctl measures"))

        let badStage = try await daemon.ctl("report", "M999", "--status", "finished")
        #expect(badStage.status == 64)
        #expect(badStage.stderr.contains("not_started"))

        let list = try #require(try await daemon.ctl("measures", "--json").json as? [[String: Any]])
        let id = try #require(list.first(where: { ($0["continuous"] as? Bool) == false })?["id"] as? String)
        #expect(try await daemon.ctl("report", id, "--status", "completed").status == 0)
        let backwards = try await daemon.ctl("report", id, "--status", "in_progress")
        #expect(backwards.status == 1)
        #expect(backwards.stderr.contains("completed"))
        #expect(backwards.stderr.contains("reopen"))
        let reopened = try await daemon.ctl("reopen", id, "--reason", "evidence missing")
        #expect(reopened.status == 0, "\(reopened.stderr)")

        let badIndicator = try await daemon.ctl("report", id, "--status", "in_progress", "--indicator", "nonsense=3")
        #expect(badIndicator.status == 1)
        #expect(badIndicator.stderr.contains("no indicator named 'nonsense'"))

        let unreachable = try await ProcessRunner.run(TestPaths.concertctl, ["--socket", daemon.directory.path + "/nope.sock", "status"])
        #expect(unreachable.status == 69)
        #expect(unreachable.stderr.contains("nope.sock"))
        try await daemon.stop()
    }

    @Test func eventsFollowSeesCommittedReports() async throws {
        let daemon = try DaemonProcess(extraArguments: DaemonProcess.quietDay)
        try await daemon.start()
        defer { daemon.removeFiles() }
        let list = try #require(try await daemon.ctl("measures", "--json").json as? [[String: Any]])
        let id = try #require(list.first?["id"] as? String)
        #expect(try await daemon.ctl("report", id, "--status", "in_progress", "--note", "one").status == 0)

        // Replays from the start, then streams live; --count ends it after two events.
        async let follow = daemon.ctl("events", "--follow", "--since", "0", "--json", "--count", "2")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await daemon.ctl("report", id, "--status", "in_progress", "--note", "two").status == 0)
        let streamed = try await follow
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let lines = streamed.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 2)
        #expect(lines.map { $0["sequence"] as? Int } == [1, 2])
        #expect(lines.map { ($0["data"] as? [String: Any])?["note"] as? String } == ["one", "two"])
        #expect(lines.allSatisfy { $0["kind"] as? String == "progress_reported" && $0["measure"] as? String == id })
        try await daemon.stop()
    }
}
