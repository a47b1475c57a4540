import Foundation
import ICalendar

extension Fixtures {
    /// A meeting from 10:00 to 12:00 wall-clock time in `zone` on the given day.
    static func meeting(
        _ year: Int, _ month: Int, _ day: Int, in zone: TimeZone, uid: String? = nil, rule: String? = nil
    ) -> ICalendarEvent {
        Fixtures.meeting().with {
            $0.uid = uid ?? "meeting-\(year)\(month)\(day)-\(zone.identifier)@concert.example.pt"
            $0.start = .zoned(instant(year, month, day, 10, in: zone), in: zone)
            $0.end = .zoned(instant(year, month, day, 12, in: zone), in: zone)
            $0.recurrenceRule = rule
        }
    }

    /// Meetings on 13 January, 12 May and 10 November 2026 in `zone`: a span across both
    /// changes of clock of a northern or southern zone.
    static func yearOfMeetings(in zone: TimeZone) -> ICalendarDocument {
        ICalendarDocument(
            productID: "-//Concert//Tests//EN",
            events: [meeting(2026, 1, 13, in: zone), meeting(2026, 5, 12, in: zone), meeting(2026, 11, 10, in: zone)])
    }
}

extension ICalendarDocument {
    /// The unfolded lines of the `VTIMEZONE` whose `TZID` is `identifier`, BEGIN to END.
    func timeZoneBlock(_ identifier: String) throws -> [String] {
        let lines = try unfoldedLines()
        guard let tzid = lines.firstIndex(of: "TZID:" + identifier),
            let end = lines[tzid...].firstIndex(of: "END:VTIMEZONE")
        else { return [] }
        return Array(lines[(tzid - 1)...end])
    }
}
