import Foundation
import ICalendarChecker
import ICalendar
import Testing

/// The module's output as read by an independent implementation: Python's `icalendar`
/// (parsing, with dateutil's reading of each `VTIMEZONE`), `recurring-ical-events`
/// (expansion) and `zoneinfo` (the tz database). See ``PythonChecker``.
@Suite(.serialized) struct InteroperabilityTests {
    static func iso(_ date: Date) -> String { PythonChecker.iso(date) }

    /// Checks that the report has no problems, and that every `TZID` value converts through the
    /// document's `VTIMEZONE` to the same instant as through zoneinfo (where zoneinfo knows it).
    static func expectClean(_ report: PythonChecker.Report, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(report.problems == [], sourceLocation: sourceLocation)
        for value in report.values {
            #expect(value.vtimezone != nil, "\(value)", sourceLocation: sourceLocation)
            if value.zoneinfo != nil {
                #expect(value.vtimezone == value.zoneinfo, "\(value)", sourceLocation: sourceLocation)
            }
        }
        for zone in report.zones {
            #expect(zone.mismatches == [], "\(zone.tzid)", sourceLocation: sourceLocation)
        }
    }

    @Test func readsBackAnInvitation() throws {
        let document = GoldenOutputTests.document
        let report = try PythonChecker.check(
            document.serialized(), from: Fixtures.instant(2026, 1, 1), to: Fixtures.instant(2026, 3, 1))
        Self.expectClean(report)
        #expect(report.method == "REQUEST")
        #expect(report.zones.map(\.tzid) == ["Europe/Lisbon"])
        #expect(report.zones.first?.checked ?? 0 > 100)
        try #require(report.occurrences.count == 1)
        let occurrence = report.occurrences[0]
        let event = Fixtures.meeting(sequence: 2)
        #expect(occurrence.uid == event.uid)
        #expect(occurrence.start == "2026-01-13T10:00:00Z")
        #expect(occurrence.end == "2026-01-13T12:00:00Z")
        #expect(occurrence.summary == event.summary)
        #expect(occurrence.description == event.description)
        #expect(occurrence.location == event.location)
        #expect(occurrence.status == "CONFIRMED")
        #expect(occurrence.sequence == 2)
        #expect(occurrence.categories == ["Reunião", "Comissão"])
        #expect(occurrence.url == "https://concert.example.pt/meetings/42")
        #expect(
            occurrence.organizer
                == PythonChecker.Address(address: "mailto:secretariado@example.pt", name: "Secretariado Técnico"))
        #expect(
            occurrence.attendees == [
                PythonChecker.Address(
                    address: "mailto:ana.sousa@example.pt", name: "Ana Sousa", role: "CHAIR",
                    participation: "NEEDS-ACTION", rsvp: "TRUE"),
                PythonChecker.Address(
                    address: "mailto:rui.lopes@example.pt", name: "Rui Lopes", role: "REQ-PARTICIPANT",
                    participation: "NEEDS-ACTION", rsvp: "TRUE"),
                PythonChecker.Address(
                    address: "mailto:observador@example.org", role: "OPT-PARTICIPANT", participation: "NEEDS-ACTION"),
            ])
    }

    @Test func readsBackACancellation() throws {
        let document = Fixtures.meeting(sequence: 3, status: .cancelled).document(method: .cancel)
        let report = try PythonChecker.check(
            document.serialized(), from: Fixtures.instant(2026, 1, 1), to: Fixtures.instant(2026, 3, 1))
        Self.expectClean(report)
        #expect(report.method == "CANCEL")
        #expect(report.occurrences.map(\.status) == ["CANCELLED"])
        #expect(report.occurrences.map(\.sequence) == [3])
        #expect(report.occurrences.map(\.start) == ["2026-01-13T10:00:00Z"])
    }

    /// A weekly series in Lisbon across both changes of clock, with one occurrence dropped and
    /// one moved, and an open-ended monthly series in Santiago, read over 30 years: past the
    /// 25 years for which the yearly rules of the `VTIMEZONE`s were checked.
    @Test func expandsSeriesAcrossChangesOfClock() throws {
        let lisbon = Fixtures.lisbon
        let santiago = Fixtures.santiago
        var lisbonCalendar = Calendar(identifier: .gregorian)
        lisbonCalendar.timeZone = lisbon
        let firstWeekly = Fixtures.instant(2026, 1, 13, 10, in: lisbon)
        let weekly = (0..<60).compactMap { lisbonCalendar.date(byAdding: .weekOfYear, value: $0, to: firstWeekly) }
        let dropped = Fixtures.instant(2026, 2, 3, 10, in: lisbon)
        let moved = Fixtures.instant(2026, 4, 7, 10, in: lisbon)
        let movedTo = Fixtures.instant(2026, 4, 8, 15, in: lisbon)
        #expect(weekly.contains(dropped) && weekly.contains(moved))

        let series = Fixtures.meeting(
            2026, 1, 13, in: lisbon, uid: "weekly@concert.example.pt", rule: "FREQ=WEEKLY;COUNT=60"
        )
        .with { $0.exceptionDates = [.zoned(dropped, in: lisbon)] }
        let override = series.with {
            $0.recurrenceRule = nil
            $0.exceptionDates = []
            $0.recurrenceID = .zoned(moved, in: lisbon)
            $0.start = .zoned(movedTo, in: lisbon)
            $0.end = .zoned(movedTo.addingTimeInterval(7200), in: lisbon)
            $0.summary = "Reunião adiada"
            $0.sequence = 1
        }
        let monthly = Fixtures.meeting(
            2026, 1, 13, in: santiago, uid: "monthly@concert.example.pt", rule: "FREQ=MONTHLY;BYDAY=2TU")
        let document = ICalendarDocument(productID: "-//Concert//Tests//EN", events: [series, override, monthly])
        let start = Fixtures.instant(2026, 1, 1)
        let end = Fixtures.instant(2056, 1, 1)
        let report = try PythonChecker.check(document.serialized(), from: start, to: end)
        Self.expectClean(report)

        var santiagoCalendar = Calendar(identifier: .gregorian)
        santiagoCalendar.timeZone = santiago
        var secondTuesdays: [Date] = []
        for year in 2026..<2056 {
            for month in 1...12 {
                let parts = DateComponents(year: year, month: month, hour: 10, weekday: 3, weekdayOrdinal: 2)
                if let date = santiagoCalendar.date(from: parts) { secondTuesdays.append(date) }
            }
        }
        #expect(secondTuesdays.count == 360)
        let expectedWeekly = weekly.filter { $0 != dropped && $0 != moved }.map { ("weekly@concert.example.pt", $0) }
        let expected =
            (expectedWeekly + [("weekly@concert.example.pt", movedTo)]
            + secondTuesdays.map { ("monthly@concert.example.pt", $0) })
            .map { "\($0.0) \(Self.iso($0.1))" }.sorted { $0.split(separator: " ")[1] < $1.split(separator: " ")[1] }
        let got = report.occurrences.map { "\($0.uid ?? "") \($0.start)" }
        #expect(got.count == expected.count)
        #expect(Set(got) == Set(expected))
        #expect(report.occurrences.filter { $0.summary == "Reunião adiada" }.map(\.start) == [Self.iso(movedTo)])
        // Summer and winter both show: 10:00 in Lisbon is 10:00 UTC in January, 09:00 UTC in July.
        #expect(got.contains("weekly@concert.example.pt 2026-01-13T10:00:00Z"))
        #expect(got.contains("weekly@concert.example.pt 2026-07-14T09:00:00Z"))
        // And in Santiago, 13:00 UTC in January (-03) and 14:00 UTC in July (-04).
        #expect(got.contains("monthly@concert.example.pt 2026-01-13T13:00:00Z"))
        #expect(got.contains("monthly@concert.example.pt 2026-07-14T14:00:00Z"))
        for zone in report.zones {
            #expect(zone.transitions >= 58, "\(zone.tzid) changes clocks twice a year")
        }
        #expect(report.values.contains { $0.property == "EXDATE" && $0.vtimezone == Self.iso(dropped) })
        #expect(report.values.contains { $0.property == "RECURRENCE-ID" && $0.vtimezone == Self.iso(moved) })
    }

    @Test func keepsInjectedTextInsideItsValue() throws {
        let title = "Orçamento\r\nATTENDEE:mailto:intruso@example.org\r\nEND:VEVENT"
        let event = Fixtures.meeting().with {
            $0.summary = title
            $0.location = "Sala 1;\\ Piso 2,\nLisboa"
            $0.attendees = [
                ICalendarAttendee(name: #"Ana";ROLE=CHAIR:mailto:x@example.org"#, email: "ana@example.pt"),
                ICalendarAttendee(name: "Rui\r\nATTENDEE:mailto:y@example.org", email: "rui@example.pt"),
                ICalendarAttendee(name: "A^nB ^'C^^", email: "caret@example.pt"),
            ]
        }
        let report = try PythonChecker.check(
            event.document(method: .request).serialized(), from: Fixtures.instant(2026, 1, 1),
            to: Fixtures.instant(2026, 3, 1))
        Self.expectClean(report)
        try #require(report.occurrences.count == 1)
        let occurrence = report.occurrences[0]
        #expect(occurrence.summary == "Orçamento\nATTENDEE:mailto:intruso@example.org\nEND:VEVENT")
        #expect(occurrence.location == "Sala 1;\\ Piso 2,\nLisboa")
        #expect(
            occurrence.attendees.map(\.address) == [
                "mailto:ana@example.pt", "mailto:rui@example.pt", "mailto:caret@example.pt",
            ])
        #expect(
            occurrence.attendees.map(\.name) == [
                "Ana;ROLE=CHAIR:mailto:x@example.org", "Rui ATTENDEE:mailto:y@example.org", "A^nB ^'C^^",
            ])
        #expect(occurrence.attendees.map(\.role) == ["REQ-PARTICIPANT", "REQ-PARTICIPANT", "REQ-PARTICIPANT"])
    }

    @Test func readsZonesWithoutDaylightSavingOrWithOddOffsets() throws {
        let plusOne = try #require(TimeZone(secondsFromGMT: 3600))
        let zones = [
            Fixtures.utc, Fixtures.zone("UTC"), plusOne, Fixtures.zone("Asia/Kolkata"),
            Fixtures.zone("Australia/Lord_Howe"),
            Fixtures.zone("Pacific/Chatham"), Fixtures.zone("America/New_York"),
        ]
        let events = zones.enumerated().map { index, zone in
            Fixtures.meeting(2026, 1, 13 + index, in: zone, uid: "z\(index)@x", rule: "FREQ=MONTHLY;COUNT=24")
        }
        let document = ICalendarDocument(productID: "-//Concert//Tests//EN", events: events)
        let report = try PythonChecker.check(
            document.serialized(), from: Fixtures.instant(2026, 1, 1), to: Fixtures.instant(2028, 6, 1))
        Self.expectClean(report)
        #expect(report.zones.map(\.tzid) == zones.map(\.identifier))
        #expect(report.occurrences.count == 24 * zones.count)
        var expected: [String] = []
        for (index, zone) in zones.enumerated() {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let first = Fixtures.instant(2026, 1, 13 + index, 10, in: zone)
            expected += (0..<24).compactMap { calendar.date(byAdding: .month, value: $0, to: first) }.map {
                "z\(index)@x \(Self.iso($0))"
            }
        }
        #expect(Set(report.occurrences.map { "\($0.uid ?? "") \($0.start)" }) == Set(expected))
        // zoneinfo does not know the fixed-offset TZID, so only the VTIMEZONE converts it.
        #expect(report.values.filter { $0.tzid == plusOne.identifier }.allSatisfy { $0.zoneinfo == nil })
    }

    @Test func readsAnIrregularZoneListedChangeByChange() throws {
        // Morocco suspends summer time for Ramadan: no yearly rule fits, so the changes are listed.
        let casablanca = Fixtures.zone("Africa/Casablanca")
        let event = Fixtures.meeting(2026, 1, 13, in: casablanca, rule: "FREQ=WEEKLY;COUNT=200")
        let block = try event.document().timeZoneBlock("Africa/Casablanca")
        #expect(!block.contains { $0.hasPrefix("RRULE") })
        #expect(block.filter { $0.hasPrefix("DTSTART") }.count > 40)
        let report = try PythonChecker.check(
            event.document().serialized(), from: Fixtures.instant(2026, 1, 1), to: Fixtures.instant(2030, 1, 1))
        Self.expectClean(report)
        #expect(report.occurrences.count == 200)
    }

    @Test func readsBothPassesThroughARepeatedHour() throws {
        let instants = [
            (Fixtures.lisbon, Fixtures.instant(2026, 10, 25, 0, 30)),
            (Fixtures.lisbon, Fixtures.instant(2026, 10, 25, 1, 30)),
            (Fixtures.santiago, Fixtures.instant(2026, 4, 5, 2, 30)),
            (Fixtures.santiago, Fixtures.instant(2026, 4, 5, 3, 30)),
        ]
        let events = instants.enumerated().map { index, pair in
            Fixtures.meeting().with {
                $0.uid = "pass\(index)@x"
                $0.start = .zoned(pair.1, in: pair.0)
                $0.end = .zoned(pair.1.addingTimeInterval(1800), in: pair.0)
            }
        }
        let document = ICalendarDocument(productID: "-//Concert//Tests//EN", events: events)
        let report = try PythonChecker.check(
            document.serialized(), from: Fixtures.instant(2026, 4, 1), to: Fixtures.instant(2026, 10, 31))
        #expect(report.problems == [])
        #expect(
            Set(report.occurrences.map { "\($0.uid ?? "") \($0.start)" })
                == Set(instants.enumerated().map { "pass\($0.offset)@x \(Self.iso($0.element.1))" }))
        for value in report.values where value.property == "DTSTART" {
            #expect(value.vtimezone == value.zoneinfo, "\(value)")
        }
    }

    @Test func readsAllDayEvents() throws {
        let event = Fixtures.meeting().with {
            $0.start = .allDay(Fixtures.day(2026, 2, 28))
            $0.end = .allDay(Fixtures.day(2026, 3, 2))
            $0.recurrenceRule = "FREQ=YEARLY;COUNT=3"
            $0.exceptionDates = [.allDay(Fixtures.day(2027, 2, 28))]
        }
        let report = try PythonChecker.check(
            event.document().serialized(), from: Fixtures.instant(2026, 1, 1), to: Fixtures.instant(2030, 1, 1))
        Self.expectClean(report)
        #expect(report.occurrences.map(\.start) == ["2026-02-28", "2028-02-28"])
        #expect(report.occurrences.map(\.end) == ["2026-03-02", "2028-03-01"])
    }
}
