import ConcertCore
import Foundation

/// Reads the times and days callers give: RFC 3339 instants, local wall-clock times and days.
enum TimeInput {
    /// An RFC 3339 instant with its offset, or a local `YYYY-MM-DDTHH:MM` read in `timeZone`.
    static func instant(_ text: String, in timeZone: TimeZone) -> Date? {
        if let local = LocalDateTime(iso: text) { return local.instant(in: timeZone) }
        return rfc3339(text)
    }

    /// An RFC 3339 instant with its offset, with or without fractional seconds.
    static func rfc3339(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return withFraction.date(from: text)
    }

    /// A meeting's end: as `instant`, or `HH:MM` on the local day of `start` in `timeZone`.
    static func end(_ text: String, start: Date, in timeZone: TimeZone) -> Date? {
        if let time = LocalTime(iso: text) {
            return LocalDateTime(date: LocalDateTime(start, in: timeZone).date, time: time).instant(in: timeZone)
        }
        return instant(text, in: timeZone)
    }

    /// The first instant of a bound given as a day (its start) or an RFC 3339 instant.
    static func lowerBound(_ text: String, in timeZone: TimeZone) -> Date? {
        if let day = CalendarDate(iso: text) { return day.start(in: timeZone) }
        return rfc3339(text)
    }

    /// The last instant of a bound given as a day (just before the next day starts) or an
    /// RFC 3339 instant.
    static func upperBound(_ text: String, in timeZone: TimeZone) -> Date? {
        if let day = CalendarDate(iso: text) { return day.adding(days: 1).start(in: timeZone).addingTimeInterval(-0.001) }
        return rfc3339(text)
    }

    /// What the accepted forms are, for error messages.
    static let forms = "an RFC 3339 instant (2027-02-10T10:00:00Z) or local time YYYY-MM-DDTHH:MM"
}
