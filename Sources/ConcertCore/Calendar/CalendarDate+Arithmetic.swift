/// Day arithmetic on `CalendarDate`, with no `Calendar` and no time zone (`adding(days:)`
/// is in `CalendarDate+Instants.swift`).
///
/// Days are counted on the proleptic Gregorian calendar as a *day number*: days since
/// 1970-01-01 (negative before it), computed with Howard Hinnant's `days_from_civil`
/// algorithm. Every `CalendarDate` (years 1 to 9999) has one.
extension CalendarDate {
    /// The first day a `CalendarDate` can name, 0001-01-01, as a day number.
    static let firstDayNumber = dayNumber(year: 1, month: 1, day: 1)
    /// The last day a `CalendarDate` can name, 9999-12-31, as a day number.
    static let lastDayNumber = dayNumber(year: 9999, month: 12, day: 31)

    /// The day of the week.
    public var weekday: Weekday { CalendarDate.weekday(ofDayNumber: dayNumber) }

    /// The number of days from this day to `other`: positive when `other` is later.
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The day of the year, 1 for 1 January.
    public var dayOfYear: Int { dayNumber - CalendarDate.dayNumber(year: year, month: 1, day: 1) + 1 }

    /// Days since 1970-01-01.
    var dayNumber: Int { CalendarDate.dayNumber(year: year, month: month, day: day) }

    /// The day with day number `dayNumber`, or nil outside years 1 to 9999.
    init?(dayNumber: Int) {
        guard (CalendarDate.firstDayNumber...CalendarDate.lastDayNumber).contains(dayNumber) else { return nil }
        let civil = CalendarDate.civil(fromDayNumber: dayNumber)
        self.init(uncheckedYear: civil.year, month: civil.month, day: civil.day)
    }

    /// The day with day number `dayNumber`, clamped to 0001-01-01 ... 9999-12-31.
    init(clampingDayNumber dayNumber: Int) {
        let clamped = min(max(dayNumber, CalendarDate.firstDayNumber), CalendarDate.lastDayNumber)
        let civil = CalendarDate.civil(fromDayNumber: clamped)
        self.init(uncheckedYear: civil.year, month: civil.month, day: civil.day)
    }

    /// A day known to be valid (computed, not read), so no check is needed.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 of a valid Gregorian (year, month, day).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The (year, month, day) of a day number.
    static func civil(fromDayNumber dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The ISO weekday of a day number (1970-01-01 was a Thursday).
    static func weekday(ofDayNumber dayNumber: Int) -> Weekday {
        let index = ((dayNumber + 3) % 7 + 7) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// Whether `year` has 29 February.
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
}
