import Foundation

/// Between wall-clock time and instants, in an IANA time zone.
///
/// Offsets come from Foundation's `TimeZone` (its tz database); the day arithmetic is
/// plain integers, so the conversion is exact to the second and costs two or three offset
/// look-ups.
extension LocalDateTime {
    /// The instant this wall-clock time names in `timeZone`.
    ///
    /// It follows RFC 5545 (§3.3.5) and agrees with Python's `zoneinfo` for `fold=0`:
    /// - a time that does not exist (in the gap when clocks go forward) is read with the
    ///   offset from before the gap, so it lands later by the gap's length: 01:30 in
    ///   Lisbon on the last Sunday of March is 02:30 WEST;
    /// - a time that happens twice (when clocks go back) is the first of the two: 01:30 in
    ///   Lisbon on the last Sunday of October is 01:30 WEST, not WET.
    public func instant(in timeZone: TimeZone) -> Date {
        Date(timeIntervalSince1970: TimeInterval(ZoneClock.instantSeconds(localSeconds: localSeconds, in: timeZone)))
    }

    /// The wall-clock time in `timeZone` at `instant`, to the minute (seconds are dropped).
    ///
    /// Instants before year 1 or after year 9999 are clamped to the first or last minute a
    /// `LocalDateTime` can name.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = ZoneClock.localSeconds(instantSeconds: ZoneClock.seconds(of: instant), in: timeZone)
        self.init(localSeconds: local)
    }

    /// Seconds since 1970-01-01T00:00 on the wall clock (as if the zone were UTC).
    var localSeconds: Int { date.dayNumber * 86_400 + time.minuteOfDay * 60 }

    /// The date-time of wall-clock seconds, clamped to years 1 to 9999.
    init(localSeconds: Int) {
        let day = ZoneClock.floorDivide(localSeconds, 86_400)
        guard day >= CalendarDate.firstDayNumber else {
            self.init(date: CalendarDate(clampingDayNumber: day), time: .midnight)
            return
        }
        guard day <= CalendarDate.lastDayNumber else {
            self.init(date: CalendarDate(clampingDayNumber: day), time: LocalTime(uncheckedHour: 23, minute: 59))
            return
        }
        let minute = (localSeconds - day * 86_400) / 60
        self.init(
            date: CalendarDate(clampingDayNumber: day), time: LocalTime(uncheckedHour: minute / 60, minute: minute % 60)
        )
    }
}

/// Offset arithmetic shared by the conversions and the recurrence engine.
enum ZoneClock {
    /// Whole seconds since 1970 of an instant, floored and kept within years 0 to 10000 so
    /// that later arithmetic cannot overflow (NaN reads as 1970).
    static func seconds(of instant: Date) -> Int {
        let value = instant.timeIntervalSince1970
        guard value.isFinite else { return value > 0 ? maximumSeconds : (value < 0 ? minimumSeconds : 0) }
        let clamped = min(max(value.rounded(.down), Double(minimumSeconds)), Double(maximumSeconds))
        return Int(clamped)
    }

    private static let minimumSeconds = (CalendarDate.firstDayNumber - 400) * 86_400
    private static let maximumSeconds = (CalendarDate.lastDayNumber + 400) * 86_400

    static func localSeconds(instantSeconds: Int, in timeZone: TimeZone) -> Int {
        instantSeconds + offset(timeZone, at: instantSeconds)
    }

    /// The earliest instant whose wall clock reads `localSeconds`; in a gap, the instant
    /// read with the offset from before the gap.
    ///
    /// The offsets a day before and a day after bound the ones that can apply (real zones
    /// change offset at most once in two days), so the candidates are those two.
    static func instantSeconds(localSeconds: Int, in timeZone: TimeZone) -> Int {
        let before = offset(timeZone, at: localSeconds - 86_400)
        let after = offset(timeZone, at: localSeconds + 86_400)
        if before == after { return localSeconds - before }
        // The larger offset gives the earlier instant; try it first.
        for candidate in [max(before, after), min(before, after)]
        where offset(timeZone, at: localSeconds - candidate) == candidate {
            return localSeconds - candidate
        }
        return localSeconds - before
    }

    static func offset(_ timeZone: TimeZone, at seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
