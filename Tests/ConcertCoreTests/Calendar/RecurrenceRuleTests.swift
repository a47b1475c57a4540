import ConcertCore
import Foundation
import Testing

@Suite struct RecurrenceRuleTests {
    @Test(arguments: [
        ("FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"),
        ("FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU"),
        ("freq=monthly;byday=-1fr", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("RRULE:FREQ=WEEKLY;BYDAY=TH,TU;INTERVAL=2;COUNT=10", "FREQ=WEEKLY;INTERVAL=2;COUNT=10;BYDAY=TU,TH"),
        ("BYDAY=MO,TU,WE,TH,FR;FREQ=MONTHLY;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
        ("FREQ=YEARLY;BYMONTH=10,3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1,15,1,-2,15", "FREQ=MONTHLY;BYMONTHDAY=1,15,-2,-1"),
        ("FREQ=DAILY;UNTIL=20261231T235959Z", "FREQ=DAILY;UNTIL=20261231T235959Z"),
        ("FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231"),
        ("FREQ=WEEKLY;INTERVAL=1;WKST=MO", "FREQ=WEEKLY"),
        ("FREQ=WEEKLY;WKST=SU;BYDAY=SU,MO", "FREQ=WEEKLY;BYDAY=MO,SU;WKST=SU"),
        ("FREQ=MONTHLY;BYDAY=+2TU,MO,-1FR,1MO", "FREQ=MONTHLY;BYDAY=MO,1MO,2TU,-1FR"),
        (" FREQ = YEARLY ; BYSETPOS = 1 ; BYMONTH = 6 ", "FREQ=YEARLY;BYMONTH=6;BYSETPOS=1"),
    ])
    func parsesAndPrintsCanonically(text: String, canonical: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.description == canonical)
        #expect(try RecurrenceRule(parsing: canonical) == rule)
    }

    @Test func exposesItsParts() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;COUNT=8;BYDAY=2TU,-1FR;BYMONTH=1,4")
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == 3)
        #expect(rule.count == 8)
        #expect(rule.until == nil)
        #expect(rule.byDay == [.init(.tuesday, ordinal: 2), .init(.friday, ordinal: -1)])
        #expect(rule.byMonth == [1, 4])
        #expect(rule.weekStart == .monday)
        let until = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260102T030405Z").until
        #expect(until == .instant(ISO8601DateFormatter().date(from: "2026-01-02T03:04:05Z")!))
        #expect(
            try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260102").until == .date(CalendarDate(iso: "2026-01-02")!))
    }

    @Test func buildsFromPartsWithTheSameChecks() throws {
        let rule = try RecurrenceRule(frequency: .monthly, interval: 3, byDay: [.init(.tuesday, ordinal: 2)])
        #expect(rule == (try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU")))
        #expect(throws: RecurrenceRuleError.self) { try RecurrenceRule(frequency: .daily, interval: 0) }
        let fractional = Date(timeIntervalSince1970: 1_000.75)
        let truncated = try RecurrenceRule(frequency: .daily, end: .until(.instant(fractional)))
        #expect(truncated.until == .instant(Date(timeIntervalSince1970: 1_000)))
    }

    @Test func codableAsItsText() throws {
        let rule = try RecurrenceRule(parsing: "freq=monthly;byday=2tu")
        let data = try JSONEncoder().encode([rule])
        #expect(String(decoding: data, as: UTF8.self) == #"["FREQ=MONTHLY;BYDAY=2TU"]"#)
        #expect(try JSONDecoder().decode([RecurrenceRule].self, from: data) == [rule])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RecurrenceRule].self, from: Data(#"["FREQ=HOURLY"]"#.utf8))
        }
    }

    @Test(
        arguments: [
            ("", RecurrenceRuleError.Code.syntax, nil, "the RRULE is empty"),
            ("MONTHLY", .syntax, nil, "'MONTHLY' is not a rule part: parts are NAME=VALUE separated by ';'"),
            ("FREQ=DAILY;", .syntax, nil, "empty rule part (two ';' in a row, or a ';' at the start or end)"),
            ("FREQ=", .syntax, "FREQ", "FREQ has no value"),
            ("=DAILY", .syntax, nil, "'=DAILY' has no part name before '='"),
            ("INTERVAL=2", .missingFrequency, "FREQ", "FREQ is missing: every RRULE needs one, e.g. FREQ=MONTHLY"),
            ("FREQ=DAILY;FREQ=WEEKLY", .duplicatePart, "FREQ", "FREQ appears more than once"),
            ("FREQ=HOURLY", .unsupported, "FREQ", "FREQ=HOURLY is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY"),
            (
                "FREQ=FORTNIGHTLY", .invalidValue, "FREQ",
                "FREQ=FORTNIGHTLY is not a frequency (DAILY, WEEKLY, MONTHLY or YEARLY)"
            ),
            (
                "FREQ=DAILY;BYHOUR=10", .unsupported, "BYHOUR",
                "BYHOUR is not supported: every occurrence starts at the time of day of the first one"
            ),
            (
                "FREQ=DAILY;BYMINUTE=0", .unsupported, "BYMINUTE",
                "BYMINUTE is not supported: every occurrence starts at the time of day of the first one"
            ),
            (
                "FREQ=DAILY;BYSECOND=0", .unsupported, "BYSECOND",
                "BYSECOND is not supported: every occurrence starts at the time of day of the first one"
            ),
            (
                "FREQ=YEARLY;BYWEEKNO=20", .unsupported, "BYWEEKNO",
                "BYWEEKNO is not supported; use BYMONTH, BYMONTHDAY or BYDAY"
            ),
            (
                "FREQ=YEARLY;BYYEARDAY=100", .unsupported, "BYYEARDAY",
                "BYYEARDAY is not supported; use BYMONTH, BYMONTHDAY or BYDAY"
            ),
            (
                "FREQ=DAILY;X-NAME=1", .unknownPart, "X-NAME",
                "unknown rule part 'X-NAME' (supported: BYDAY, BYMONTH, BYMONTHDAY, BYSETPOS, COUNT, FREQ, INTERVAL, UNTIL, WKST)"
            ),
            (
                "FREQ=DAILY;INTERVAL=0", .invalidValue, "INTERVAL",
                "INTERVAL must be a whole number from 1 to 10000, found 0"
            ),
            ("FREQ=DAILY;INTERVAL=-1", .invalidValue, "INTERVAL", "INTERVAL value '-1' is not a whole number"),
            ("FREQ=DAILY;INTERVAL=2.5", .invalidValue, "INTERVAL", "INTERVAL value '2.5' is not a whole number"),
            ("FREQ=DAILY;COUNT=0", .invalidValue, "COUNT", "COUNT must be a whole number from 1 to 1000000, found 0"),
            (
                "FREQ=DAILY;COUNT=99999999999999999999", .invalidValue, "COUNT",
                "COUNT value '99999999999999999999' is not a whole number"
            ),
            (
                "FREQ=DAILY;COUNT=3;UNTIL=20261231", .conflict, "COUNT",
                "COUNT and UNTIL must not both be given (RFC 5545)"
            ),
            (
                "FREQ=DAILY;UNTIL=2026-12-31", .invalidValue, "UNTIL",
                "UNTIL '2026-12-31' must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ)"
            ),
            (
                "FREQ=DAILY;UNTIL=20261231T235959", .invalidValue, "UNTIL",
                "UNTIL '20261231T235959' is a local date-time; write it in UTC with a final Z (YYYYMMDDTHHMMSSZ)"
            ),
            ("FREQ=DAILY;UNTIL=20260230", .invalidValue, "UNTIL", "UNTIL '20260230' is not a real day"),
            (
                "FREQ=DAILY;UNTIL=20260101T250000Z", .invalidValue, "UNTIL",
                "UNTIL '20260101T250000Z' is not a real time of day"
            ),
            (
                "FREQ=MONTHLY;BYDAY=2XY", .invalidValue, "BYDAY",
                "BYDAY '2XY' is not a weekday (MO, TU, WE, TH, FR, SA, SU), optionally after an ordinal such as 2TU or -1FR"
            ),
            ("FREQ=MONTHLY;BYDAY=XTU", .invalidValue, "BYDAY", "BYDAY 'XTU' has an ordinal that is not a whole number"),
            ("FREQ=MONTHLY;BYDAY=MO,,TU", .syntax, "BYDAY", "BYDAY has an empty item in 'MO,,TU'"),
            (
                "FREQ=MONTHLY;BYDAY=0TU", .invalidValue, "BYDAY",
                "BYDAY '0TU' has ordinal 0, out of range (1 to 5 or -5 to -1: a month has at most 5 of each weekday)"
            ),
            (
                "FREQ=MONTHLY;BYDAY=6TU", .invalidValue, "BYDAY",
                "BYDAY '6TU' has ordinal 6, out of range (1 to 5 or -5 to -1: a month has at most 5 of each weekday)"
            ),
            (
                "FREQ=YEARLY;BYMONTH=3;BYDAY=-6SU", .invalidValue, "BYDAY",
                "BYDAY '-6SU' has ordinal -6, out of range (1 to 5 or -5 to -1: a month has at most 5 of each weekday)"
            ),
            (
                "FREQ=YEARLY;BYDAY=54MO", .invalidValue, "BYDAY",
                "BYDAY '54MO' has ordinal 54, out of range (1 to 53 or -53 to -1: a year has at most 53 of each weekday)"
            ),
            (
                "FREQ=WEEKLY;BYDAY=2TU", .conflict, "BYDAY",
                "BYDAY '2TU' has an ordinal, which needs FREQ=MONTHLY or FREQ=YEARLY (RFC 5545); with FREQ=WEEKLY write the weekday alone"
            ),
            (
                "FREQ=DAILY;BYDAY=-1FR", .conflict, "BYDAY",
                "BYDAY '-1FR' has an ordinal, which needs FREQ=MONTHLY or FREQ=YEARLY (RFC 5545); with FREQ=DAILY write the weekday alone"
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=0", .invalidValue, "BYMONTHDAY",
                "BYMONTHDAY 0 is out of range (1 to 31, or -31 to -1 from the end)"
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=-32", .invalidValue, "BYMONTHDAY",
                "BYMONTHDAY -32 is out of range (1 to 31, or -31 to -1 from the end)"
            ),
            (
                "FREQ=WEEKLY;BYMONTHDAY=1", .conflict, "BYMONTHDAY",
                "BYMONTHDAY must not be used with FREQ=WEEKLY (RFC 5545)"
            ),
            ("FREQ=YEARLY;BYMONTH=13", .invalidValue, "BYMONTH", "BYMONTH 13 is not a month (1 to 12)"),
            ("FREQ=YEARLY;BYMONTH=-1", .invalidValue, "BYMONTH", "BYMONTH value '-1' is not a whole number"),
            (
                "FREQ=MONTHLY;BYSETPOS=1", .conflict, "BYSETPOS",
                "BYSETPOS needs another BYxxx part to pick from (BYDAY, BYMONTHDAY or BYMONTH), as RFC 5545 says"
            ),
            (
                "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", .invalidValue, "BYSETPOS",
                "BYSETPOS 0 is out of range (1 to 366, or -366 to -1)"
            ),
            (
                "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", .invalidValue, "BYSETPOS",
                "BYSETPOS 367 is out of range (1 to 366, or -366 to -1)"
            ),
            ("FREQ=WEEKLY;WKST=XX", .invalidValue, "WKST", "WKST 'XX' is not a weekday (MO, TU, WE, TH, FR, SA, SU)"),
        ] as [(String, RecurrenceRuleError.Code, String?, String)])
    func refusesWithAClearMessage(text: String, code: RecurrenceRuleError.Code, part: String?, message: String) {
        do {
            let rule = try RecurrenceRule(parsing: text)
            Issue.record("'\(text)' parsed as \(rule)")
        } catch {
            #expect(error.code == code)
            #expect(error.part == part)
            #expect(error.message == message)
            #expect(error.description == message)
        }
    }
}
