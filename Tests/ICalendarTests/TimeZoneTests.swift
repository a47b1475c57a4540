import Foundation
import ICalendar
import Testing

/// `VTIMEZONE`s built from Foundation's transitions.
@Suite struct TimeZoneTests {
    static func observance(_ kind: String, _ start: String, _ from: String, _ to: String, _ name: String) -> [String] {
        [
            "BEGIN:\(kind)", "DTSTART:\(start)", "TZOFFSETFROM:\(from)", "TZOFFSETTO:\(to)", "TZNAME:\(name)",
            "END:\(kind)",
        ]
    }

    static func zone(_ identifier: String, _ observances: [[String]]) -> [String] {
        ["BEGIN:VTIMEZONE", "TZID:\(identifier)"] + observances.flatMap { $0 } + ["END:VTIMEZONE"]
    }

    @Test func describesLisbonWinterAndSummerTime() throws {
        let block = try Fixtures.yearOfMeetings(in: Fixtures.lisbon).timeZoneBlock("Europe/Lisbon")
        #expect(
            block
                == Self.zone(
                    "Europe/Lisbon",
                    [
                        // Last Sunday of October 2025, 01:00 UTC: 02:00 WEST becomes 01:00 WET.
                        Self.observance("STANDARD", "20251026T020000", "+0100", "+0000", "WET"),
                        // Last Sunday of March 2026, 01:00 UTC: 01:00 WET becomes 02:00 WEST.
                        Self.observance("DAYLIGHT", "20260329T010000", "+0000", "+0100", "WEST"),
                        Self.observance("STANDARD", "20261025T020000", "+0100", "+0000", "WET"),
                    ]))
    }

    @Test func describesSantiagoChangesInAprilAndSeptember() throws {
        let block = try Fixtures.yearOfMeetings(in: Fixtures.santiago).timeZoneBlock("America/Santiago")
        #expect(
            block
                == Self.zone(
                    "America/Santiago",
                    [
                        // First Sunday on or after 2 September 2025, 04:00 UTC: 00:00 -04 becomes 01:00 -03.
                        Self.observance("DAYLIGHT", "20250907T000000", "-0400", "-0300", "-03"),
                        // First Sunday on or after 2 April 2026, 03:00 UTC: 00:00 -03 becomes 23:00 -04.
                        Self.observance("STANDARD", "20260405T000000", "-0300", "-0400", "-04"),
                        Self.observance("DAYLIGHT", "20260906T000000", "-0400", "-0300", "-03"),
                    ]))
    }

    @Test func givesUTCASingleStandardObservance() throws {
        for recurring in [false, true] {
            let event = Fixtures.meeting(2026, 1, 13, in: Fixtures.utc, rule: recurring ? "FREQ=WEEKLY" : nil)
            let block = try event.document().timeZoneBlock("Etc/UTC")
            #expect(
                block == Self.zone("Etc/UTC", [Self.observance("STANDARD", "19700101T000000", "+0000", "+0000", "UTC")])
            )
        }
        // Foundation names TimeZone(identifier: "UTC") "GMT".
        let gmt = Fixtures.zone("UTC")
        let block = try Fixtures.meeting(2026, 1, 13, in: gmt).document().timeZoneBlock("GMT")
        #expect(block == Self.zone("GMT", [Self.observance("STANDARD", "19700101T000000", "+0000", "+0000", "GMT")]))
    }

    @Test func givesAFixedOffsetASingleStandardObservance() throws {
        let plusOne = try #require(TimeZone(secondsFromGMT: 3600))
        let block = try Fixtures.meeting(2026, 7, 1, in: plusOne, rule: "FREQ=DAILY").document().timeZoneBlock(
            plusOne.identifier)
        #expect(block.filter { $0.hasPrefix("BEGIN:") } == ["BEGIN:VTIMEZONE", "BEGIN:STANDARD"])
        #expect(block.contains("DTSTART:19700101T000000"))
        #expect(block.contains("TZOFFSETFROM:+0100") && block.contains("TZOFFSETTO:+0100"))
        let kolkata = try Fixtures.meeting(2026, 7, 1, in: Fixtures.zone("Asia/Kolkata")).document().timeZoneBlock(
            "Asia/Kolkata")
        #expect(
            kolkata
                == Self.zone("Asia/Kolkata", [Self.observance("STANDARD", "19700101T000000", "+0530", "+0530", "IST")]))
    }

    @Test func summarisesTheYearlyRuleForRecurringEvents() throws {
        let document = ICalendarDocument(
            productID: "-//Concert//Tests//EN",
            events: [
                Fixtures.meeting(2026, 1, 13, in: Fixtures.lisbon, rule: "FREQ=MONTHLY;BYDAY=2TU"),
                Fixtures.meeting(2026, 1, 13, in: Fixtures.santiago, rule: "FREQ=MONTHLY;BYDAY=2TU"),
            ])
        let lisbon = try document.timeZoneBlock("Europe/Lisbon")
        #expect(lisbon.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
        #expect(lisbon.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
        #expect(
            lisbon.filter { $0.hasPrefix("DTSTART:") } == [
                "DTSTART:20251026T020000", "DTSTART:20260329T010000", "DTSTART:20261025T020000",
            ])
        let santiago = try document.timeZoneBlock("America/Santiago")
        #expect(santiago.contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU"))
        #expect(santiago.contains("RRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU"))
    }

    @Test func exposesTheObservancesThroughItsInitializer() throws {
        let lisbon = Fixtures.lisbon
        let zone = try ICalendarTimeZone(
            lisbon, covering: Fixtures.instant(2026, 1, 1)...Fixtures.instant(2026, 12, 31))
        #expect(zone.identifier == "Europe/Lisbon")
        #expect(zone.observances.map(\.kind) == [.standard, .daylight, .standard])
        #expect(zone.observances.map(\.offsetTo) == [0, 3600, 0])
        #expect(zone.observances.map(\.name) == ["WET", "WEST", "WET"])
        #expect(zone.observances[1].onset == Fixtures.instant(2026, 3, 29, 1))
        #expect(zone.observances.allSatisfy { $0.yearlyRule == nil })
    }

    @Test func writesTheSecondPassThroughARepeatedHourInUTC() throws {
        // 25 October 2026: Lisbon reads 01:30 at 00:30 UTC (WEST) and again at 01:30 UTC (WET).
        let first = Fixtures.meeting().with {
            $0.start = .zoned(Fixtures.instant(2026, 10, 25, 0, 30), in: Fixtures.lisbon)
            $0.end = nil
        }
        let second = first.with { $0.start = .zoned(Fixtures.instant(2026, 10, 25, 1, 30), in: Fixtures.lisbon) }
        #expect(try first.document().unfoldedLines().contains("DTSTART;TZID=Europe/Lisbon:20261025T013000"))
        #expect(try second.document().unfoldedLines().contains("DTSTART:20261025T013000Z"))
        // Just before and at the spring change, wall-clock time skips 01:00 to 02:00.
        let spring = first.with { $0.start = .zoned(Fixtures.instant(2026, 3, 29, 1), in: Fixtures.lisbon) }
        #expect(try spring.document().unfoldedLines().contains("DTSTART;TZID=Europe/Lisbon:20260329T020000"))
    }

    @Test func roundsInstantsDownToTheSecond() throws {
        let event = Fixtures.meeting().with {
            $0.start = .zoned(Fixtures.instant(2026, 1, 13, 10).addingTimeInterval(0.999), in: Fixtures.lisbon)
            $0.end = nil
            $0.timestamp = Fixtures.instant(2026, 1, 5).addingTimeInterval(-0.25)
        }
        let lines = try event.document().unfoldedLines()
        #expect(lines.contains("DTSTART;TZID=Europe/Lisbon:20260113T100000"))
        #expect(lines.contains("DTSTAMP:20260104T235959Z"))
    }
}
