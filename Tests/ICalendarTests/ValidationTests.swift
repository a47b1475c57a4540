import Foundation
import ICalendar
import Testing

/// Values the writer refuses rather than write an invalid document.
@Suite struct ValidationTests {
    static let meeting = Fixtures.meeting()

    @Test func refusesEmptyIdentifiers() {
        expectRefusal(Self.meeting.with { $0.uid = " \r\n" }.document(), .invalidIdentifier)
        expectRefusal(ICalendarDocument(productID: "", events: [Self.meeting]), .invalidIdentifier)
    }

    @Test func refusesANegativeSequence() {
        expectRefusal(Self.meeting.with { $0.sequence = -1 }.document(), .invalidSequence)
    }

    @Test func refusesAnEndNotAfterTheStart() {
        expectRefusal(Self.meeting.with { $0.end = $0.start }.document(), .invalidTimes)
        expectRefusal(
            Self.meeting.with { $0.end = .zoned(Fixtures.instant(2026, 1, 13, 9), in: Fixtures.santiago) }.document(),
            .invalidTimes)
        let day = Fixtures.day(2026, 1, 13)
        expectRefusal(
            Self.meeting.with {
                $0.start = .allDay(day); $0.end = .allDay(day)
            }.document(), .invalidTimes)
    }

    @Test func comparesEndsInOtherZonesAsInstants() throws {
        // 10:00 in Lisbon is 07:00 in Santiago (-03 in January): an end at 08:00 there is after it.
        let event = Self.meeting.with {
            $0.end = .zoned(Fixtures.instant(2026, 1, 13, 8, in: Fixtures.santiago), in: Fixtures.santiago)
        }
        let lines = try event.document().unfoldedLines()
        #expect(lines.contains("DTEND;TZID=America/Santiago:20260113T080000"))
        #expect(lines.contains("TZID:America/Santiago") && lines.contains("TZID:Europe/Lisbon"))
    }

    @Test func refusesMixingAllDayAndTimedValues() {
        let day = ICalendarEventTime.allDay(Fixtures.day(2026, 1, 14))
        expectRefusal(Self.meeting.with { $0.end = day }.document(), .invalidTimes)
        expectRefusal(Self.meeting.with { $0.recurrenceID = day }.document(), .invalidTimes)
        expectRefusal(Self.meeting.with { $0.exceptionDates = [day] }.document(), .invalidTimes)
    }

    @Test(arguments: [
        "", "WEEKLY", "FREQ=FORTNIGHTLY", "FREQ=WEEKLY;FREQ=DAILY", "FREQ=WEEKLY;COUNT=0", "BYDAY=MO",
        "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=54MO", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=WEEKLY;X-NAME=1",
        "FREQ=WEEKLY;COUNT=3;UNTIL=20260301T000000Z", "FREQ=WEEKLY;UNTIL=20260301T000000", "FREQ=WEEKLY;UNTIL=20260301",
        "FREQ=WEEKLY;UNTIL=20260230T000000Z", "FREQ=WEEKLY;", "RRULE:FREQ=WEEKLY", "FREQ=WEEKLY; COUNT=2",
        "FREQ=WEEKLY;BYDAY=ſU",
    ])
    func refusesMalformedRecurrenceRules(rule: String) {
        expectRefusal(Self.meeting.with { $0.recurrenceRule = rule }.document(), .invalidRecurrenceRule)
    }

    @Test func acceptsWellFormedRecurrenceRulesInUpperCase() throws {
        let timed = Self.meeting.with { $0.recurrenceRule = "freq=monthly;byday=2tu;until=20261231T235959Z" }
        #expect(try timed.document().unfoldedLines().contains("RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z"))
        let allDay = Self.meeting.with {
            $0.start = .allDay(Fixtures.day(2026, 1, 13))
            $0.end = nil
            $0.recurrenceRule = "FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=-1,13;WKST=MO;UNTIL=20300101"
        }
        #expect(
            try allDay.document().unfoldedLines().contains {
                $0 == "RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=-1,13;WKST=MO;UNTIL=20300101"
            })
    }

    @Test func refusesInstantsOutsideYears1To9999() throws {
        for date in [Date(timeIntervalSince1970: 1e15), Date(timeIntervalSince1970: -1e15), Date.distantPast] {
            expectRefusal(Self.meeting.with { $0.timestamp = date }.document(), .dateOutOfRange)
            expectRefusal(
                Self.meeting.with {
                    $0.start = .zoned(date, in: Fixtures.lisbon); $0.end = nil
                }.document(), .dateOutOfRange)
        }
        expectRefusal(
            Self.meeting.with { $0.created = Date(timeIntervalSince1970: .infinity) }.document(), .dateOutOfRange)
        expectRefusal(
            Self.meeting.with { $0.lastModified = Date(timeIntervalSince1970: .nan) }.document(), .dateOutOfRange)
        let far = Self.meeting.with { $0.timestamp = .distantFuture }
        #expect(try far.document().unfoldedLines().contains("DTSTAMP:40010101T000000Z"))
    }

    @Test func refusesDaysThatDoNotExist() {
        #expect(ICalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(ICalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(ICalendarDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(ICalendarDate(year: 2026, month: 13, day: 1) == nil)
        #expect(ICalendarDate(year: 9999, month: 12, day: 31)?.next == nil)
        #expect(ICalendarDate(Fixtures.instant(2026, 1, 12, 23, 30), in: Fixtures.lisbon) == Fixtures.day(2026, 1, 12))
        #expect(ICalendarDate(Fixtures.instant(2026, 7, 12, 23, 30), in: Fixtures.lisbon) == Fixtures.day(2026, 7, 13))
    }

    @Test func refusesTwoEventsWithOneIdentity() {
        let override = Self.meeting.with { $0.recurrenceID = $0.start }
        expectRefusal(
            ICalendarDocument(productID: "-//x//y//EN", events: [Self.meeting, Self.meeting]), .duplicateEvent)
        expectRefusal(ICalendarDocument(productID: "-//x//y//EN", events: [override, override]), .duplicateEvent)
    }

    @Test func writesAllDayEventsAsDates() throws {
        let event = Self.meeting.with {
            $0.start = .allDay(Fixtures.day(2026, 2, 28))
            $0.end = .allDay(Fixtures.day(2026, 3, 2))
            $0.exceptionDates = [.allDay(Fixtures.day(2027, 2, 28))]
            $0.recurrenceRule = "FREQ=YEARLY"
        }
        let lines = try event.document().unfoldedLines()
        #expect(lines.contains("DTSTART;VALUE=DATE:20260228"))
        #expect(lines.contains("DTEND;VALUE=DATE:20260302"))
        #expect(lines.contains("EXDATE;VALUE=DATE:20270228"))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
    }
}
