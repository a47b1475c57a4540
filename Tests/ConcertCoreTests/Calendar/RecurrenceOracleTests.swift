import ConcertCore
import Foundation
import Testing

/// Expansion compared with python-dateutil's `rrule` for a table of rules × time zones,
/// with DTSTARTs and windows around the daylight-saving changes of Lisbon (last Sundays of
/// March and October, 01:00 UTC) and Santiago (first Sundays of April and September, at
/// local midnight).
@Suite struct RecurrenceOracleTests {
    struct Series: Sendable {
        var rule: String
        var start: String
        /// The window, UTC; by default from 2015 through 2031.
        var from = "2015-01-01T00:00:00Z"
        var through = "2031-01-01T00:00:00Z"
        var limit = 60
    }

    static let zones = ["Europe/Lisbon", "America/Santiago", "UTC"]

    static let table: [Series] = [
        // The sample plan's cadences.
        Series(rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2026-01-13T10:00"),
        Series(rule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", start: "2026-01-13T10:00"),
        Series(rule: "FREQ=MONTHLY;BYDAY=1WE", start: "2026-01-07T15:00"),
        Series(rule: "FREQ=MONTHLY;INTERVAL=6;BYDAY=3TH", start: "2026-03-19T10:00"),
        Series(rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", start: "2026-01-08T14:30"),
        // Ordinals, month days, set positions.
        Series(rule: "FREQ=MONTHLY;BYDAY=-1FR", start: "2025-01-31T15:00"),
        Series(rule: "FREQ=MONTHLY;BYDAY=-2MO;COUNT=15", start: "2025-01-20T09:00"),
        Series(rule: "FREQ=MONTHLY;BYMONTHDAY=-1", start: "2025-01-31T09:30"),
        Series(rule: "FREQ=MONTHLY;BYMONTHDAY=1,15,-1", start: "2025-01-01T08:00"),
        Series(rule: "FREQ=MONTHLY;BYMONTHDAY=31", start: "2025-01-31T10:00"),
        Series(rule: "FREQ=MONTHLY", start: "2025-01-30T10:00"),
        Series(rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", start: "2025-01-31T17:00"),
        Series(rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", start: "2025-01-01T12:00"),
        Series(rule: "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=8,9,10,11,12,13,14", start: "2025-01-14T10:00"),
        Series(rule: "FREQ=MONTHLY;BYMONTH=3,4,9,10;BYDAY=1SU,-1SU", start: "2025-03-02T00:30"),
        // Yearly: Lisbon's change days themselves, inside the gap (01:30) and the fold.
        Series(rule: "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", start: "2025-03-30T01:30"),
        Series(rule: "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", start: "2025-03-30T10:00"),
        Series(rule: "FREQ=YEARLY;BYMONTH=4,9;BYDAY=1SU", start: "2025-04-06T00:30"),
        Series(rule: "FREQ=YEARLY;BYMONTH=4,9;BYDAY=1SA", start: "2025-04-05T23:30"),
        Series(rule: "FREQ=YEARLY", start: "2024-02-29T10:00"),
        Series(rule: "FREQ=YEARLY;BYDAY=20MO", start: "2025-05-19T10:00"),
        Series(rule: "FREQ=YEARLY;BYDAY=-1FR", start: "2025-12-26T10:00"),
        Series(rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", start: "2025-02-28T18:00"),
        Series(rule: "FREQ=YEARLY;INTERVAL=2;BYMONTH=6;BYDAY=MO,TU;BYSETPOS=2", start: "2025-06-03T09:00"),
        Series(rule: "FREQ=YEARLY;BYMONTHDAY=13;BYDAY=FR", start: "2025-06-13T13:00"),
        // Weekly: intervals, week start, set positions in a first week cut by DTSTART.
        Series(rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10", start: "2026-01-06T14:00"),
        Series(rule: "FREQ=WEEKLY", start: "2025-03-27T01:30"),
        Series(rule: "FREQ=WEEKLY;BYDAY=SA", start: "2025-03-01T23:30"),
        Series(rule: "FREQ=WEEKLY;BYDAY=SU", start: "2025-08-03T00:30"),
        Series(rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU", start: "2025-01-06T10:00"),
        Series(rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", start: "2025-01-06T10:00"),
        Series(rule: "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=2", start: "2025-01-08T10:00"),
        Series(rule: "FREQ=WEEKLY;BYMONTH=10;BYDAY=SU", start: "2025-10-05T01:30"),
        // Daily around the changes: Lisbon's gap and fold at 01:30, Santiago's gap at 00:30
        // (September) and fold at 23:30 (the Saturday before the first Sunday of April).
        Series(rule: "FREQ=DAILY;UNTIL=20250405T235959Z", start: "2025-03-25T01:30"),
        Series(rule: "FREQ=DAILY;UNTIL=20251030", start: "2025-10-22T01:30"),
        Series(rule: "FREQ=DAILY;COUNT=20", start: "2025-09-01T00:30"),
        Series(rule: "FREQ=DAILY;UNTIL=20250410", start: "2025-04-01T23:30"),
        Series(rule: "FREQ=DAILY;INTERVAL=10;BYMONTH=3,4,9,10", start: "2025-03-01T00:30"),
        Series(rule: "FREQ=DAILY;BYDAY=MO,FR;BYMONTHDAY=13", start: "2025-01-13T10:00"),
        Series(rule: "FREQ=DAILY;INTERVAL=3;COUNT=40", start: "2025-03-20T01:30"),
        // UNTIL exactly at an occurrence is inclusive.
        Series(rule: "FREQ=WEEKLY;UNTIL=20260127T100000Z", start: "2026-01-06T10:00"),
        // A series that began years ago, queried later (the cursor starts near the window).
        Series(
            rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2006-01-10T10:00", from: "2026-02-01T00:00:00Z",
            through: "2027-06-30T00:00:00Z"),
        Series(
            rule: "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE", start: "2001-01-03T09:00", from: "2026-03-01T00:00:00Z",
            through: "2026-12-31T00:00:00Z"),
        Series(
            rule: "FREQ=DAILY;INTERVAL=7", start: "1999-12-31T01:30", from: "2026-03-01T00:00:00Z",
            through: "2026-04-30T00:00:00Z"),
        Series(
            rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", start: "1996-03-31T01:30", from: "2020-01-01T00:00:00Z",
            through: "2030-12-31T00:00:00Z"),
    ]

    static var requests: [DateutilOracle.Request] {
        zones.flatMap { zone in
            table.map { series in
                DateutilOracle.Request(
                    rule: series.rule, start: series.start, zone: zone, from: series.from, through: series.through,
                    limit: series.limit)
            }
        }
    }

    @Test func expansionMatchesDateutil() throws {
        let requests = Self.requests
        let expected: [[String]]
        do {
            expected = try DateutilOracle.expand(requests)
        } catch {
            Issue.record("python-dateutil is needed for this test: \(error)")
            return
        }
        try #require(expected.count == requests.count)
        var compared = 0
        for (request, wanted) in zip(requests, expected) {
            let recurrence = try Self.recurrence(request)
            let got = recurrence.occurrences(
                from: try Self.date(request.from), through: try Self.date(request.through), limit: request.limit)
            #expect(got.map(Self.text) == wanted, "\(request)")
            compared += wanted.count
        }
        // The table is not vacuous: most series have many occurrences in their window.
        #expect(compared > 3000)
    }

    /// `next(after:)` walks the same occurrences one by one, from any instant between them.
    @Test func nextAfterMatchesDateutil() throws {
        let requests = Self.requests
        let expected: [[String]]
        do {
            expected = try DateutilOracle.expand(requests)
        } catch {
            Issue.record("python-dateutil is needed for this test: \(error)")
            return
        }
        for (request, wanted) in zip(requests, expected) {
            let recurrence = try Self.recurrence(request)
            let instants = try wanted.map(Self.date)
            for (previous, next) in zip(instants, instants.dropFirst()) {
                #expect(recurrence.next(after: previous) == next, "\(request) after \(Self.text(previous))")
                #expect(
                    recurrence.next(after: previous.addingTimeInterval(60)) == next,
                    "\(request) after \(Self.text(previous)) + 1 min")
            }
            if let first = instants.first {
                #expect(recurrence.next(after: first.addingTimeInterval(-1)) == first, "\(request) first")
            }
        }
    }

    static func recurrence(_ request: DateutilOracle.Request) throws -> Recurrence {
        Recurrence(
            rule: try RecurrenceRule(parsing: request.rule), start: try #require(LocalDateTime(iso: request.start)),
            timeZone: try #require(TimeZone(identifier: request.zone)))
    }

    static func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    static func text(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
