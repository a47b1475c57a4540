import Foundation

/// A day without a time or a zone, written `YYYYMMDD`: the start or end of an all-day event.
public struct ICalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a day, or returns nil when the triple is not a day of the Gregorian calendar in
    /// years 1 to 9999.
    ///
    /// - Parameters:
    ///   - year: The year, 1 to 9999.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDateTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day that `instant` falls on in `timeZone`, or nil outside years 1 to 9999.
    ///
    /// - Parameters:
    ///   - instant: Any instant of the day.
    ///   - timeZone: The zone whose wall clock names the day.
    public init?(_ instant: Date, in timeZone: TimeZone) {
        guard let seconds = try? CivilDateTime.seconds(of: instant, "the instant") else { return nil }
        let local = CivilDateTime(secondsSince1970: seconds + timeZone.secondsFromGMT(for: instant))
        self.init(year: local.year, month: local.month, day: local.day)
    }

    /// The day after this one, or nil after 9999-12-31.
    public var next: ICalendarDate? {
        let (y, m, d) = CivilDateTime.civil(fromDays: CivilDateTime.days(year: year, month: month, day: day) + 1)
        return ICalendarDate(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        CivilDateTime.pad(year, 4) + "-" + CivilDateTime.pad(month, 2) + "-" + CivilDateTime.pad(day, 2)
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: ICalendarDate, rhs: ICalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
