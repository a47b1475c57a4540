import Foundation
import ICalendar
import Testing

/// `METHOD:REQUEST` invitations and `METHOD:CANCEL` cancellations (RFC 5546).
@Suite struct SchedulingTests {
    @Test func writesAnInvitation() throws {
        let lines = try Fixtures.meeting().document(method: .request).unfoldedLines()
        #expect(
            Array(lines.prefix(5)) == [
                "BEGIN:VCALENDAR", "PRODID:-//Concert//Tests//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
                "METHOD:REQUEST",
            ])
        #expect(lines.filter { $0.hasPrefix("ATTENDEE") && $0.contains("RSVP=TRUE") }.count == 2)
    }

    @Test func writesACancellationWithARaisedSequence() throws {
        let cancellation = Fixtures.meeting(sequence: 3, status: .cancelled).document(method: .cancel)
        let lines = try cancellation.unfoldedLines()
        #expect(lines.contains("METHOD:CANCEL"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("SEQUENCE:3"))
        #expect(lines.contains("UID:meeting-42@concert.example.pt"))
        #expect(cancellation.contentType == "text/calendar; charset=utf-8; method=CANCEL")
    }

    @Test func acceptsACancellationWithoutStatus() throws {
        let lines = try Fixtures.meeting().with { $0.status = nil }.document(method: .cancel).unfoldedLines()
        #expect(!lines.contains { $0.hasPrefix("STATUS") })
    }

    @Test func refusesACancellationThatIsStillConfirmed() {
        expectRefusal(Fixtures.meeting(status: .confirmed).document(method: .cancel), .schedulingRule)
    }

    @Test(arguments: [ICalendarMethod.request, .cancel])
    func refusesAMessageWithoutOrganizerOrAttendees(method: ICalendarMethod) {
        let cancelled = Fixtures.meeting(status: .cancelled)
        expectRefusal(cancelled.with { $0.organizer = nil }.document(method: method), .schedulingRule)
        expectRefusal(cancelled.with { $0.attendees = [] }.document(method: method), .schedulingRule)
        expectRefusal(ICalendarDocument(productID: "-//x//y//EN", method: method), .schedulingRule)
    }

    @Test func refusesAMessageAboutTwoEvents() {
        let other = Fixtures.meeting().with { $0.uid = "meeting-43@concert.example.pt" }
        let document = ICalendarDocument(
            productID: "-//x//y//EN", method: .request, events: [Fixtures.meeting(), other])
        expectRefusal(document, .schedulingRule)
    }

    @Test func acceptsASeriesAndItsOverrideInOneMessage() throws {
        let series = Fixtures.meeting(2026, 1, 13, in: Fixtures.lisbon, uid: "series@x", rule: "FREQ=WEEKLY;COUNT=4")
        let moved = series.with {
            $0.recurrenceRule = nil
            $0.recurrenceID = .zoned(Fixtures.instant(2026, 1, 20, 10), in: Fixtures.lisbon)
            $0.start = .zoned(Fixtures.instant(2026, 1, 21, 15), in: Fixtures.lisbon)
            $0.end = .zoned(Fixtures.instant(2026, 1, 21, 17), in: Fixtures.lisbon)
        }
        let document = ICalendarDocument(productID: "-//x//y//EN", method: .request, events: [series, moved])
        let lines = try document.unfoldedLines()
        #expect(lines.contains("RECURRENCE-ID;TZID=Europe/Lisbon:20260120T100000"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
    }

    @Test func publishesAnyNumberOfEventsWithoutOrganizer() throws {
        let events = (1...3).map { day in
            Fixtures.meeting(2026, 2, day, in: Fixtures.lisbon).with {
                $0.organizer = nil
                $0.attendees = []
            }
        }
        let lines = try ICalendarDocument(productID: "-//x//y//EN", method: .publish, events: events).unfoldedLines()
        #expect(lines.contains("METHOD:PUBLISH"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
    }
}
