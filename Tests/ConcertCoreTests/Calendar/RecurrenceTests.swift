import ConcertCore
import Foundation
import Testing

/// Expansion with hand-checked dates (the oracle tests compare many more with dateutil).
@Suite struct RecurrenceTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!
    static let santiago = TimeZone(identifier: "America/Santiago")!

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func series(_ rule: String, _ start: String, _ zone: TimeZone = lisbon) throws -> Recurrence {
        Recurrence(
            rule: try RecurrenceRule(parsing: rule), start: try #require(LocalDateTime(iso: start)), timeZone: zone)
    }

    /// The local date-times of the first `limit` occurrences from 2000 on.
    static func local(_ recurrence: Recurrence, limit: Int) -> [String] {
        recurrence.occurrences(from: utc("2000-01-01T00:00:00Z"), through: utc("2100-01-01T00:00:00Z"), limit: limit)
            .map { LocalDateTime($0, in: recurrence.timeZone).description }
    }

    @Test func committeeMeetsOnTheSecondTuesdayEveryThreeMonthsAtTenLisbonTime() throws {
        let committee = try Self.series("FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "2026-01-13T10:00")
        let got = committee.occurrences(
            from: Self.utc("2026-01-01T00:00:00Z"), through: Self.utc("2027-02-01T00:00:00Z"))
        #expect(
            got == [
                Self.utc("2026-01-13T10:00:00Z"),  // WET
                Self.utc("2026-04-14T09:00:00Z"),  // WEST: still 10:00 on the wall
                Self.utc("2026-07-14T09:00:00Z"),
                Self.utc("2026-10-13T09:00:00Z"),
                Self.utc("2027-01-12T10:00:00Z"),
            ])
        #expect(got.allSatisfy { LocalDateTime($0, in: Self.lisbon).time == LocalTime(hour: 10, minute: 0) })
    }

    @Test func ordinalsMonthDaysAndSetPositions() throws {
        #expect(
            Self.local(try Self.series("FREQ=MONTHLY;BYDAY=1MO", "2026-01-05T10:00"), limit: 6) == [
                "2026-01-05T10:00", "2026-02-02T10:00", "2026-03-02T10:00", "2026-04-06T10:00", "2026-05-04T10:00",
                "2026-06-01T10:00",
            ])
        #expect(
            Self.local(try Self.series("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T15:00"), limit: 4) == [
                "2026-01-30T15:00", "2026-02-27T15:00", "2026-03-27T15:00", "2026-04-24T15:00",
            ])
        #expect(
            Self.local(try Self.series("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-12-31T09:00"), limit: 4) == [
                "2027-12-31T09:00", "2028-01-31T09:00", "2028-02-29T09:00", "2028-03-31T09:00",
            ])
        // The last weekday of each month.
        #expect(
            Self.local(
                try Self.series("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01T17:00"), limit: 5) == [
                    "2026-01-30T17:00", "2026-02-27T17:00", "2026-03-31T17:00", "2026-04-30T17:00",
                    "2026-05-29T17:00",
                ])
        // A month without a 31st is skipped, not shortened.
        #expect(
            Self.local(try Self.series("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T10:00"), limit: 4) == [
                "2026-01-31T10:00", "2026-03-31T10:00", "2026-05-31T10:00", "2026-07-31T10:00",
            ])
        // BYDAY mixing plain and ordinal weekdays is their union (RFC 5545).
        #expect(
            Self.local(try Self.series("FREQ=MONTHLY;BYDAY=FR,1MO;COUNT=6", "2026-06-01T10:00"), limit: 10) == [
                "2026-06-01T10:00", "2026-06-05T10:00", "2026-06-12T10:00", "2026-06-19T10:00", "2026-06-26T10:00",
                "2026-07-03T10:00",
            ])
    }

    @Test func weeklyWithIntervalAndCount() throws {
        let series = try Self.series("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10", "2026-01-06T14:00")
        let all = Self.local(series, limit: 100)
        #expect(
            all == [
                "2026-01-06T14:00", "2026-01-08T14:00", "2026-01-20T14:00", "2026-01-22T14:00", "2026-02-03T14:00",
                "2026-02-05T14:00", "2026-02-17T14:00", "2026-02-19T14:00", "2026-03-03T14:00", "2026-03-05T14:00",
            ])
        #expect(series.next(after: Self.utc("2026-03-05T14:00:00Z")) == nil)
        #expect(series.next(after: Self.utc("2026-02-19T14:00:00Z")) == Self.utc("2026-03-03T14:00:00Z"))
    }

    /// DTSTART is an occurrence only when it matches the rule, and COUNT counts matches only
    /// (python-dateutil's reading).
    @Test func startIsAnOccurrenceOnlyWhenItMatches() throws {
        let series = try Self.series("FREQ=MONTHLY;BYDAY=2TU;COUNT=2", "2026-01-01T10:00")
        #expect(Self.local(series, limit: 10) == ["2026-01-13T10:00", "2026-02-10T10:00"])
        #expect(series.firstOccurrence == Self.utc("2026-01-13T10:00:00Z"))
        #expect(series.firstLocalOccurrence == LocalDateTime(iso: "2026-01-13T10:00"))
        let matching = try Self.series("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13T10:00")
        #expect(matching.firstLocalOccurrence == matching.start)
    }

    @Test func untilAsADayIncludesThatLocalDayAndAsAnInstantIsInclusive() throws {
        #expect(
            Self.local(try Self.series("FREQ=DAILY;UNTIL=20260103", "2026-01-01T23:30", Self.santiago), limit: 10) == [
                "2026-01-01T23:30", "2026-01-02T23:30", "2026-01-03T23:30",
            ])
        // 10:00 WET is 10:00 UTC: an UNTIL exactly at an occurrence keeps it.
        #expect(
            Self.local(try Self.series("FREQ=WEEKLY;UNTIL=20260127T100000Z", "2026-01-06T10:00"), limit: 10) == [
                "2026-01-06T10:00", "2026-01-13T10:00", "2026-01-20T10:00", "2026-01-27T10:00",
            ])
        let ended = try Self.series("FREQ=WEEKLY;UNTIL=20260127T095959Z", "2026-01-06T10:00")
        #expect(ended.next(after: Self.utc("2026-01-20T10:00:00Z")) == nil)
        let before = try Self.series("FREQ=DAILY;UNTIL=20251231", "2026-01-01T10:00")
        #expect(before.firstOccurrence == nil)
        #expect(before.firstLocalOccurrence == nil)
    }

    /// 01:30 on the last Sunday of March does not exist in Lisbon: the meeting is at 02:30
    /// WEST (01:30 UTC). On the last Sunday of October 01:30 happens twice: the first, WEST.
    @Test func lisbonChangeDays() throws {
        let series = try Self.series("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "2025-03-30T01:30")
        #expect(
            series.occurrences(from: Self.utc("2025-01-01T00:00:00Z"), through: Self.utc("2026-12-31T00:00:00Z")) == [
                Self.utc("2025-03-30T01:30:00Z"), Self.utc("2025-10-26T00:30:00Z"),
                Self.utc("2026-03-29T01:30:00Z"), Self.utc("2026-10-25T00:30:00Z"),
            ])
        let daily = try Self.series("FREQ=DAILY", "2025-03-29T01:30")
        #expect(
            daily.occurrences(from: Self.utc("2025-03-29T00:00:00Z"), through: Self.utc("2025-03-31T12:00:00Z")) == [
                Self.utc("2025-03-29T01:30:00Z"), Self.utc("2025-03-30T01:30:00Z"), Self.utc("2025-03-31T00:30:00Z"),
            ])
    }

    /// Santiago changes at local midnight: 00:30 on the first Sunday of September does not
    /// exist (01:30 -03 instead); 23:30 on the Saturday before the first Sunday of April
    /// happens twice (the first, -03, is taken).
    @Test func santiagoChangeDays() throws {
        let spring = try Self.series("FREQ=DAILY", "2025-09-06T00:30", Self.santiago)
        #expect(
            spring.occurrences(from: Self.utc("2025-09-01T00:00:00Z"), through: Self.utc("2025-09-09T00:00:00Z")) == [
                Self.utc("2025-09-06T04:30:00Z"), Self.utc("2025-09-07T04:30:00Z"), Self.utc("2025-09-08T03:30:00Z"),
            ])
        let autumn = try Self.series("FREQ=WEEKLY;BYDAY=SA", "2025-03-29T23:30", Self.santiago)
        #expect(
            autumn.occurrences(from: Self.utc("2025-03-01T00:00:00Z"), through: Self.utc("2025-04-14T00:00:00Z")) == [
                Self.utc("2025-03-30T02:30:00Z"), Self.utc("2025-04-06T02:30:00Z"), Self.utc("2025-04-13T03:30:00Z"),
            ])
    }

    @Test func windowsAreInclusiveAndLimited() throws {
        let series = try Self.series("FREQ=DAILY", "2026-01-01T10:00")
        let day2 = Self.utc("2026-01-02T10:00:00Z")
        let day4 = Self.utc("2026-01-04T10:00:00Z")
        #expect(series.occurrences(from: day2, through: day4).count == 3)
        #expect(series.occurrences(from: day2, through: day4, limit: 2) == [day2, Self.utc("2026-01-03T10:00:00Z")])
        #expect(series.occurrences(from: day2, through: day4, limit: 0).isEmpty)
        #expect(series.occurrences(from: day4, through: day2).isEmpty)
        #expect(series.next(after: day2) == Self.utc("2026-01-03T10:00:00Z"))
        #expect(series.next(after: Self.utc("1990-01-01T00:00:00Z")) == Self.utc("2026-01-01T10:00:00Z"))
    }

    /// A series that began decades ago answers for today without walking from its start.
    @Test func longRunningSeries() throws {
        let monthly = try Self.series("FREQ=MONTHLY;BYMONTHDAY=15", "2016-01-15T10:00")
        let tenYears = monthly.occurrences(
            from: Self.utc("2016-01-01T00:00:00Z"), through: Self.utc("2025-12-31T00:00:00Z"))
        #expect(tenYears.count == 120)
        let old = try Self.series("FREQ=MONTHLY;BYDAY=2TU", "1990-01-09T10:00")
        #expect(old.next(after: Self.utc("2036-01-01T00:00:00Z")) == Self.utc("2036-01-08T10:00:00Z"))
        let daily = try Self.series("FREQ=DAILY", "1900-01-01T09:00")
        #expect(daily.next(after: Self.utc("9999-12-30T12:00:00Z")) == Self.utc("9999-12-31T09:00:00Z"))
        #expect(daily.next(after: Self.utc("9999-12-31T12:00:00Z")) == nil)
    }

    /// A rule no day can match ends the search after one 400-year cycle instead of looping.
    @Test func rulesThatNeverMatchEnd() throws {
        for rule in [
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=2MO", "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=2",
        ] {
            let series = try Self.series(rule, "2026-01-01T10:00")
            #expect(series.firstOccurrence == nil, "\(rule)")
            #expect(series.next(after: Self.utc("2026-01-01T00:00:00Z")) == nil, "\(rule)")
            #expect(
                series.occurrences(from: Self.utc("2026-01-01T00:00:00Z"), through: Self.utc("9999-01-01T00:00:00Z"))
                    .isEmpty, "\(rule)")
        }
        // Leap days only: every fourth year, with gaps of eight across 2100.
        let leap = try Self.series("FREQ=YEARLY", "2096-02-29T10:00", .gmt)
        #expect(leap.next(after: Self.utc("2096-03-01T00:00:00Z")) == Self.utc("2104-02-29T10:00:00Z"))
    }

    @Test func equalityIgnoresHowTheRuleWasWritten() throws {
        let a = try Self.series("FREQ=WEEKLY;BYDAY=TU,TH", "2026-01-06T10:00")
        let b = try Self.series("byday=th,tu;freq=weekly;wkst=mo", "2026-01-06T10:00")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
    }
}
