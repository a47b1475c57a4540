import ConcertCore
import Testing

/// Easter Sunday, on which four Portuguese holidays hang, compared with dateutil's for
/// every Gregorian year a `CalendarDate` can name.
@Suite struct EasterOracleTests {
    @Test func easterMatchesDateutilForEveryYear() throws {
        let years = Array(1583...9999)
        let expected: [String]
        do {
            expected = try DateutilOracle.easterSundays(years)
        } catch {
            Issue.record("python-dateutil is needed for this test: \(error)")
            return
        }
        let got = years.map { Easter.sunday(year: $0)?.description ?? "none" }
        #expect(got.count == expected.count)
        for (year, (mine, theirs)) in zip(years, zip(got, expected)) where mine != theirs {
            Issue.record("Easter \(year): \(mine), dateutil says \(theirs)")
        }
    }
}
