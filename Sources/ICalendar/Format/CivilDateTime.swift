import Foundation

/// A wall-clock date and time in the proleptic Gregorian calendar, with no zone: the form
/// iCalendar writes as `YYYYMMDDTHHMMSS`.
///
/// The arithmetic is done on whole seconds since 1970 (Howard Hinnant's `days_from_civil`
/// and `civil_from_days`), so it does not depend on `Calendar`'s settings or locale.
struct CivilDateTime: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// The earliest instant written: 0001-01-02T00:00:00Z, so that any UTC offset stays in year 1.
    static let earliestSeconds = -62_135_510_400
    /// The latest instant written: 9999-12-30T23:59:59Z, so that any UTC offset stays in year 9999.
    static let latestSeconds = 253_402_214_399

    /// The wall-clock time `seconds` after 1970-01-01T00:00:00.
    init(secondsSince1970 seconds: Int) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = CivilDateTime.civil(fromDays: days)
        self.year = y
        self.month = m
        self.day = d
        self.hour = secondOfDay / 3600
        self.minute = secondOfDay % 3600 / 60
        self.second = secondOfDay % 60
    }

    /// Whole seconds of `date` since 1970 (rounded down), or an error when the instant is not
    /// finite or falls outside the years iCalendar can write.
    static func seconds(of date: Date, _ what: @autoclosure () -> String) throws(ICalendarError) -> Int {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, interval >= Double(earliestSeconds), interval < Double(latestSeconds + 1) else {
            throw ICalendarError(.dateOutOfRange, "\(what()) is outside years 1 to 9999")
        }
        return Int(interval.rounded(.down))
    }

    /// Seconds since 1970 of this wall-clock time read as UTC.
    var secondsSince1970: Int {
        CivilDateTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// `YYYYMMDDTHHMMSS`.
    var basicFormat: String {
        CivilDateTime.pad(year, 4) + CivilDateTime.pad(month, 2) + CivilDateTime.pad(day, 2) + "T"
            + CivilDateTime.pad(hour, 2) + CivilDateTime.pad(minute, 2) + CivilDateTime.pad(second, 2)
    }

    /// The day of the week, 0 for Sunday to 6 for Saturday.
    var weekday: Int {
        (CivilDateTime.days(year: year, month: month, day: day) + 4).floorModulo(7)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian day.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian day that is `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder of ``floorDivided(by:)``, always in `0..<divisor` for a positive divisor.
    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
