import Foundation

/// When an event starts or ends, or which occurrence an override or exception names.
public enum ICalendarEventTime: Hashable, Sendable {
    /// An instant, written as the wall-clock time it has in a zone, with that zone's `TZID`
    /// (`DTSTART;TZID=Europe/Lisbon:20260113T100000`); the document then carries a `VTIMEZONE`
    /// for the zone. The instant is rounded down to the whole second.
    ///
    /// The `TZID` is `TimeZone.identifier` (note that Foundation names
    /// `TimeZone(identifier: "UTC")` "GMT"; use "Etc/UTC" to have "Etc/UTC" written).
    ///
    /// One case cannot be written as wall-clock time: the second pass through a repeated hour
    /// when clocks go back (in Lisbon, 01:30 on the last Sunday of October happens twice, and
    /// RFC 5545 3.3.5 reads such a local time as the first). That instant is written in UTC
    /// instead (`DTSTART:20261025T013000Z`), so the instant is never changed.
    case zoned(Date, in: TimeZone)

    /// A whole day (`DTSTART;VALUE=DATE:20260113`). As an end, the day after the last day of
    /// the event (RFC 5545 `DTEND` is exclusive).
    case allDay(ICalendarDate)

    /// Whether this is an all-day value.
    var isAllDay: Bool {
        if case .allDay = self { return true }
        return false
    }
}
