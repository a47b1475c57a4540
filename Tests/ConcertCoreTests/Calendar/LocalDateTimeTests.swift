import ConcertCore
import Foundation
import Testing

@Suite struct LocalDateTimeTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!
    static let santiago = TimeZone(identifier: "America/Santiago")!

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    static func local(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

    @Test func parsesAndPrintsISO() {
        let value = LocalDateTime(iso: "2026-01-13T10:00")
        #expect(value == LocalDateTime(year: 2026, month: 1, day: 13, hour: 10, minute: 0))
        #expect(value?.description == "2026-01-13T10:00")
        #expect(value?.date == CalendarDate(year: 2026, month: 1, day: 13))
        #expect(value?.time == LocalTime(hour: 10, minute: 0))
        for bad in [
            "2026-01-13 10:00", "2026-01-13T10", "2026-01-13T10:00:00", "2026-02-30T10:00", "2026-01-13T24:00",
            "2026-01-13T10:60", "2026-1-13T10:00", "2026-01-13T1:00", "", "T10:00", "2026-01-13T+1:00",
        ] {
            #expect(LocalDateTime(iso: bad) == nil, "\(bad)")
        }
        #expect(LocalTime(iso: "09:00")?.minuteOfDay == 540)
        #expect(LocalTime(iso: "9:00") == nil)
        #expect(LocalTime(iso: "23:59")?.description == "23:59")
        #expect(Self.local("2026-01-13T09:59") < Self.local("2026-01-13T10:00"))
        #expect(Self.local("2025-12-31T23:59") < Self.local("2026-01-01T00:00"))
    }

    @Test func codableAsISOText() throws {
        let value = Self.local("2026-03-19T10:00")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-19T10:00"]"#)
        #expect(try JSONDecoder().decode([LocalDateTime].self, from: data) == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDateTime].self, from: Data(#"["x"]"#.utf8))
        }
    }

    @Test func keepsWallClockTimeAcrossOffsets() {
        // 10:00 in Lisbon is 10:00 UTC in winter (WET) and 09:00 UTC in summer (WEST).
        #expect(Self.local("2026-01-13T10:00").instant(in: Self.lisbon) == Self.utc("2026-01-13T10:00:00Z"))
        #expect(Self.local("2026-07-14T10:00").instant(in: Self.lisbon) == Self.utc("2026-07-14T09:00:00Z"))
        // Santiago is -03 in (southern) summer, -04 in winter.
        #expect(Self.local("2026-01-13T10:00").instant(in: Self.santiago) == Self.utc("2026-01-13T13:00:00Z"))
        #expect(Self.local("2026-07-14T10:00").instant(in: Self.santiago) == Self.utc("2026-07-14T14:00:00Z"))
    }

    /// Lisbon springs forward at 01:00 UTC on the last Sunday of March: 01:00-01:59 local
    /// does not exist; such a time moves later by the gap (one hour).
    @Test func timeInTheSpringGapMovesForwardByTheGap() {
        #expect(Self.local("2025-03-30T00:59").instant(in: Self.lisbon) == Self.utc("2025-03-30T00:59:00Z"))
        #expect(Self.local("2025-03-30T01:00").instant(in: Self.lisbon) == Self.utc("2025-03-30T01:00:00Z"))
        #expect(Self.local("2025-03-30T01:30").instant(in: Self.lisbon) == Self.utc("2025-03-30T01:30:00Z"))
        #expect(Self.local("2025-03-30T02:00").instant(in: Self.lisbon) == Self.utc("2025-03-30T01:00:00Z"))
        #expect(LocalDateTime(Self.utc("2025-03-30T01:30:00Z"), in: Self.lisbon) == Self.local("2025-03-30T02:30"))
        // Santiago springs forward at local midnight on the first Sunday of September.
        #expect(Self.local("2025-09-07T00:30").instant(in: Self.santiago) == Self.utc("2025-09-07T04:30:00Z"))
        #expect(LocalDateTime(Self.utc("2025-09-07T04:30:00Z"), in: Self.santiago) == Self.local("2025-09-07T01:30"))
    }

    /// Lisbon falls back at 01:00 UTC on the last Sunday of October: 01:00-01:59 local
    /// happens twice; the first (WEST) is taken.
    @Test func ambiguousTimeInTheAutumnFoldIsTheFirst() {
        #expect(Self.local("2025-10-26T01:30").instant(in: Self.lisbon) == Self.utc("2025-10-26T00:30:00Z"))
        #expect(Self.local("2025-10-26T02:00").instant(in: Self.lisbon) == Self.utc("2025-10-26T02:00:00Z"))
        #expect(LocalDateTime(Self.utc("2025-10-26T01:30:00Z"), in: Self.lisbon) == Self.local("2025-10-26T01:30"))
        // Santiago falls back at local midnight: Saturday 23:00-23:59 happens twice.
        #expect(Self.local("2025-04-05T23:30").instant(in: Self.santiago) == Self.utc("2025-04-06T02:30:00Z"))
        #expect(Self.local("2025-04-06T00:30").instant(in: Self.santiago) == Self.utc("2025-04-06T04:30:00Z"))
    }

    /// The conversion agrees with Foundation's `Calendar`, which resolves gaps and folds the same way.
    @Test func agreesWithFoundationCalendarEveryHalfHourAroundChanges() {
        for (zone, day) in [
            (Self.lisbon, "2025-03-30"), (Self.lisbon, "2025-10-26"), (Self.santiago, "2025-04-05"),
            (Self.santiago, "2025-04-06"), (Self.santiago, "2025-09-06"), (Self.santiago, "2025-09-07"),
        ] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let date = CalendarDate(iso: day)!
            for minute in stride(from: 0, to: 1440, by: 30) {
                let local = LocalDateTime(date: date, time: LocalTime(hour: minute / 60, minute: minute % 60)!)
                let components = DateComponents(
                    year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute)
                #expect(local.instant(in: zone) == calendar.date(from: components), "\(local) \(zone.identifier)")
            }
        }
    }

    @Test func roundTripsEveryExistingMinuteOfAChangeDay() {
        let start = Self.utc("2025-10-25T22:00:00Z")
        for step in 0..<(6 * 60) {
            let instant = start.addingTimeInterval(TimeInterval(step * 60))
            let local = LocalDateTime(instant, in: Self.lisbon)
            // In the fold the second pass reads back as the first, an hour earlier.
            let back = local.instant(in: Self.lisbon)
            #expect(back == instant || back == instant.addingTimeInterval(-3600), "\(local)")
        }
    }

    @Test func extremeInstantsAreClamped() {
        #expect(LocalDateTime(Date.distantFuture, in: Self.lisbon).year == 4001)
        #expect(LocalDateTime(Date(timeIntervalSince1970: 1e15), in: Self.lisbon) == Self.local("9999-12-31T23:59"))
        #expect(LocalDateTime(Date(timeIntervalSince1970: -1e15), in: .gmt) == Self.local("0001-01-01T00:00"))
        #expect(LocalDateTime(Date(timeIntervalSince1970: .nan), in: .gmt) == Self.local("1970-01-01T00:00"))
    }

    @Test func calendarDateArithmetic() {
        let day = CalendarDate(iso: "2026-02-27")!
        #expect(day.weekday == .friday)
        #expect(day.days(to: CalendarDate(iso: "2027-02-27")!) == 365)
        #expect(day.days(to: CalendarDate(iso: "2026-02-01")!) == -26)
        #expect(CalendarDate(iso: "1970-01-01")!.weekday == .thursday)
        #expect(CalendarDate(iso: "2000-02-29")!.dayOfYear == 60)
        #expect(Weekday(isoNumber: 7) == .sunday)
        #expect(Weekday(isoNumber: 0) == nil)
    }
}
