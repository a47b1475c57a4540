import Foundation
import ICalendar

/// Zones, instants and events the tests share.
enum Fixtures {
    static let lisbon = zone("Europe/Lisbon")
    static let santiago = zone("America/Santiago")
    static let utc = zone("Etc/UTC")

    /// The zone named `identifier`; the tests' zones all exist, and a missing one fails the test
    /// that uses it through ``Fixtures/missingZone``.
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? missingZone
    }

    /// A zone no test expects, so that a missing zone shows as a failed expectation.
    static let missingZone = TimeZone(secondsFromGMT: 12 * 3600 + 1800) ?? .gmt

    /// The instant at which the wall clock in `zone` reads the given time (Foundation's
    /// `Calendar`, independent of the module's own arithmetic).
    static func instant(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
        in zone: TimeZone = .gmt
    ) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// A day that exists.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> ICalendarDate {
        ICalendarDate(year: year, month: month, day: day) ?? ICalendarDate(year: 1, month: 1, day: 1)!
    }

    static let organizer = ICalendarOrganizer(name: "Secretariado Técnico", email: "secretariado@example.pt")

    static let attendees = [
        ICalendarAttendee(name: "Ana Sousa", email: "ana.sousa@example.pt", role: .chair, rsvp: true),
        ICalendarAttendee(name: "Rui Lopes", email: "rui.lopes@example.pt", rsvp: true),
        ICalendarAttendee(email: "observador@example.org", role: .optionalParticipant),
    ]

    /// A two-hour meeting in Lisbon on 13 January 2026 at 10:00.
    static func meeting(sequence: Int = 0, status: ICalendarEventStatus = .confirmed) -> ICalendarEvent {
        ICalendarEvent(
            uid: "meeting-42@concert.example.pt", sequence: sequence,
            timestamp: instant(2026, 1, 5, 9, 30), start: .zoned(instant(2026, 1, 13, 10, in: lisbon), in: lisbon),
            end: .zoned(instant(2026, 1, 13, 12, in: lisbon), in: lisbon),
            summary: "Comissão de Acompanhamento, 3.ª reunião",
            description: "Ordem de trabalhos:\n1. Relatório; 2. Medidas",
            location: "Sala 2, Edifício Central", status: status, organizer: organizer, attendees: attendees,
            categories: ["Reunião", "Comissão"], url: URL(string: "https://concert.example.pt/meetings/42"),
            created: instant(2025, 12, 1, 8), lastModified: instant(2026, 1, 5, 9, 30))
    }
}
