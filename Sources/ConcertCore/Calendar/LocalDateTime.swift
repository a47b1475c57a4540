/// A wall-clock date and time to the minute (`YYYY-MM-DDTHH:MM`), without a time zone.
///
/// A cadence's first meeting is one: "10:00 in Lisbon" stays 10:00 whatever the offset of
/// the day. `instant(in:)` turns it into a `Date` in a time zone and `init(_:in:)` reads one
/// back.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CalendarDate
    public let time: LocalTime

    public init(date: CalendarDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Creates a date-time, or returns nil when the day or the time of day does not exist.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        guard let date = CalendarDate(year: year, month: month, day: day),
            let time = LocalTime(hour: hour, minute: minute)
        else { return nil }
        self.init(date: date, time: time)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM` naming a real day; anything else is nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])),
            let time = LocalTime(iso: String(parts[1]))
        else { return nil }
        self.init(date: date, time: time)
    }

    public var year: Int { date.year }
    public var month: Int { date.month }
    public var day: Int { date.day }
    public var hour: Int { time.hour }
    public var minute: Int { time.minute }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String { "\(date)T\(time)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}

extension LocalDateTime: ISOText {
    public static var isoForm: String { "a local date-time in YYYY-MM-DDTHH:MM form" }
}
