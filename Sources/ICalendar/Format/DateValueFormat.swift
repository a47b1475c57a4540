import Foundation

/// The RFC 5545 value forms for instants, days and UTC offsets.
enum DateValueFormat {
    /// `YYYYMMDDTHHMMSSZ` (RFC 5545 3.3.5, form 2), rounding down to the second.
    static func utc(_ date: Date, _ what: @autoclosure () -> String) throws(ICalendarError) -> String {
        let seconds = try CivilDateTime.seconds(of: date, what())
        return CivilDateTime(secondsSince1970: seconds).basicFormat + "Z"
    }

    /// `YYYYMMDD` (RFC 5545 3.3.4).
    static func date(_ day: ICalendarDate) -> String {
        CivilDateTime.pad(day.year, 4) + CivilDateTime.pad(day.month, 2) + CivilDateTime.pad(day.day, 2)
    }

    /// `+HHMM`, or `+HHMMSS` when the offset has seconds (RFC 5545 3.3.14). `-0000` is never
    /// written: a zero offset is `+0000`.
    static func utcOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text =
            sign + CivilDateTime.pad(magnitude / 3600, 2) + CivilDateTime.pad(magnitude % 3600 / 60, 2)
        return magnitude % 60 == 0 ? text : text + CivilDateTime.pad(magnitude % 60, 2)
    }
}
