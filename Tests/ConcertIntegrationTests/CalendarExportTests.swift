import Foundation
import Testing

/// `concertctl calendar export` prints iCalendar that an independent parser reads as the
/// bodies' cadences, moved off holidays: the meetings recorded as they stand, then the
/// cadences beyond them.
@Suite("calendar export", .serialized)
struct CalendarExportTests {
    /// Parses with Python's icalendar and prints, per event, UID, local start, TZID, and
    /// whether the description mentions a move.
    static let checker = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        zones = [c["TZID"] for c in cal.walk("VTIMEZONE")]
        assert zones == ["Europe/Lisbon"], zones
        for ev in cal.walk("VEVENT"):
            start = ev.decoded("DTSTART")
            assert ev.decoded("DTEND") > start
            assert start.tzinfo is not None
            moved = "Moved from" in str(ev.get("DESCRIPTION", ""))
            attendees = ev.get("ATTENDEE", [])
            attendees = attendees if isinstance(attendees, list) else [attendees]
            agenda = "frozen" if "\\nAgenda:" in "\\n" + str(ev.get("DESCRIPTION", "")) else "provisional"
            print(ev["UID"], start.strftime("%Y-%m-%d %H:%M %a"), str(start.utcoffset()), ev["SEQUENCE"], moved, len(attendees), ev["STATUS"], agenda)
        """

    struct Row: Equatable {
        var uid: String
        var local: String
        var offset: String
        var moved: Bool
        var sequence: Int = 0
        var attendees: Int = 0
        var status: String = ""
        var agenda: String = ""
    }

    static func export(_ daemon: DaemonProcess, _ arguments: [String]) async throws -> [Row] {
        let result = try await daemon.ctl(["calendar", "export"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\r\n"), "iCalendar lines end in CRLF")
        let file = daemon.directory.appendingPathComponent("export.ics")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let parsed = try await ProcessRunner.run(TestPaths.python, ["-c", checker, file.path])
        #expect(parsed.status == 0, "icalendar must parse the export: \(parsed.stderr)")
        return parsed.stdout.split(separator: "\n").map { line in
            let f = line.split(separator: " ").map(String.init)
            return Row(
                uid: f[0], local: "\(f[1]) \(f[2]) \(f[3])", offset: f[4], moved: f[6] == "True", sequence: Int(f[5]) ?? -1,
                attendees: Int(f[7]) ?? -1, status: f[8], agenda: f[9])
        }
    }

    @Test func cadencesHolidaysAndStableUIDs() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2026-12-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }

        let committee = try await Self.export(daemon, ["--body", "committee", "--from", "2027-01-01", "--to", "2027-12-31"])
        // Every three months on the second Tuesday at 10:00 Lisbon time, winter and summer.
        #expect(committee.map(\.local) == [
            "2027-01-12 10:00 Tue", "2027-04-13 10:00 Tue", "2027-07-13 10:00 Tue", "2027-10-12 10:00 Tue",
        ])
        #expect(committee.map(\.offset) == ["0:00:00", "1:00:00", "1:00:00", "1:00:00"])

        // The working group meets on the first Wednesday; 1 December 2027 is a national holiday.
        let group = try await Self.export(
            daemon, ["--body", "secretaries-of-state", "--from", "2027-11-01", "--to", "2027-12-31"])
        #expect(group.map(\.local).contains("2027-12-02 15:00 Thu"))
        #expect(!group.map(\.local).contains { $0.hasPrefix("2027-12-01") })
        #expect(group.first { $0.local.hasPrefix("2027-12-02") }?.moved == true)

        // UIDs stay the same when exported again later.
        #expect(try await daemon.ctl("clock", "advance", "7d").status == 0)
        let again = try await Self.export(daemon, ["--body", "committee", "--from", "2027-01-01", "--to", "2027-12-31"])
        #expect(again.map(\.uid) == committee.map(\.uid))
        #expect(Set(committee.map(\.uid)).count == committee.count)

        let all = try await Self.export(daemon, ["--from", "2027-01-01", "--to", "2027-03-31"])
        #expect(all.count > committee.count)

        let unknown = try await daemon.ctl("calendar", "export", "--body", "politburo")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no body named politburo"))
        let reversed = try await daemon.ctl("calendar", "export", "--from", "2027-05-01", "--to", "2027-01-01")
        #expect(reversed.status == 1)
        try await daemon.stop()
    }

    /// The committee's meetings the agents have placed, by id.
    static func recorded(_ daemon: DaemonProcess) async throws -> [String: [String: Any]] {
        let list = try #require(try await daemon.ctl("meetings", "--body", "committee", "--json").json as? [[String: Any]])
        return Dictionary(list.compactMap { m in (m["id"] as? String).map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
    }

    @Test func recordedMeetingsAreConfirmedOnceConvenedAndTheCadenceIsProjectedBeyondThem() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2026-12-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        // The agents place meetings 120 days ahead at start: wait for January's.
        var placed: [String: [String: Any]] = [:]
        for _ in 0..<100 {
            placed = try await Self.recorded(daemon)
            if placed["committee-2027-01-12"] != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(placed["committee-2027-01-12"] != nil)
        #expect(placed["committee-2027-07-13"] == nil, "July lies beyond the agents' horizon")

        let arguments = ["--body", "committee", "--from", "2027-01-01", "--to", "2027-12-31"]
        let before = try await Self.export(daemon, arguments)
        #expect(before.map(\.uid) == [
            "committee-2027-01-12@pnipgm.concert", "committee-2027-04-13@pnipgm.concert",
            "committee-2027-07-13@pnipgm.concert", "committee-2027-10-12@pnipgm.concert",
        ])
        #expect(before.map(\.status) == ["TENTATIVE", "TENTATIVE", "TENTATIVE", "TENTATIVE"])
        #expect(before.map(\.sequence) == [0, 0, 0, 0])
        #expect(before.map(\.agenda) == ["provisional", "provisional", "provisional", "provisional"])
        #expect(before.allSatisfy { $0.attendees >= 4 }, "the members' focal points are invited")

        // 12 January 2027 is convened five working days before, on Tuesday 5 January at 09:00.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        let convened = try #require(try await Self.recorded(daemon)["committee-2027-01-12"])
        #expect(convened["status"] as? String == "convened")
        let after = try await Self.export(daemon, arguments)
        #expect(after.map(\.uid) == before.map(\.uid), "one event per meeting, recorded or projected")
        #expect(after.map(\.status) == ["CONFIRMED", "TENTATIVE", "TENTATIVE", "TENTATIVE"])
        #expect(after.map(\.sequence) == [0, 0, 0, 0])
        #expect(after.first?.agenda == "frozen")
        let recipients = (convened["convened"] as? [String])?.count ?? 0
        #expect(after.first.map { $0.attendees <= recipients && $0.attendees > 0 } == true, "those convened, with e-mail")
        // The look-ahead has placed April by now, not July or October: those are the cadence's.
        let now = try await Self.recorded(daemon)
        #expect(now["committee-2027-04-13"] != nil)
        #expect(now["committee-2027-07-13"] == nil && now["committee-2027-10-12"] == nil)

        // A meeting already past and never recorded (October 2026, before the daemon began) is
        // not projected.
        let past = try await daemon.ctl(["calendar", "export", "--body", "committee", "--from", "2026-10-01", "--to", "2026-12-31"])
        #expect(past.status == 0)
        #expect(!past.stdout.contains("BEGIN:VEVENT"))
        try await daemon.stop()
    }
}
