import ConcertCore
import Testing

@Suite struct PortugueseHolidaysTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test(arguments: [
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
        (2027, "2027-03-28"), (2028, "2028-04-16"), (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSunday(year: Int, date: String) {
        #expect(Easter.sunday(year: year) == Self.day(date))
        #expect(Easter.sunday(year: year)?.weekday == .sunday)
    }

    @Test func easterOutsideTheGregorianYears() {
        #expect(Easter.sunday(year: 1582) == nil)
        #expect(Easter.sunday(year: 10_000) == nil)
        #expect(PortugueseHolidays.national(year: 1000).isEmpty)
    }

    @Test func thirteenNationalHolidaysIn2026() {
        let holidays = PortugueseHolidays.national(year: 2026)
        #expect(
            holidays.map(\.date.description) == [
                "2026-01-01", "2026-04-03", "2026-04-05", "2026-04-25", "2026-05-01", "2026-06-04", "2026-06-10",
                "2026-08-15", "2026-10-05", "2026-11-01", "2026-12-01", "2026-12-08", "2026-12-25",
            ])
        #expect(holidays[1].name == "Sexta-feira Santa")
        #expect(holidays[5].name == "Corpo de Deus")
        #expect(holidays[6].name == "Dia de Portugal, de Camões e das Comunidades Portuguesas")
    }

    @Test(arguments: [
        (2025, ["2025-04-18", "2025-04-20", "2025-06-19"]),
        (2026, ["2026-04-03", "2026-04-05", "2026-06-04"]),
        (2027, ["2027-03-26", "2027-03-28", "2027-05-27"]),
    ])
    func movableHolidaysFollowEaster(year: Int, dates: [String]) {
        let holidays = PortugueseHolidays.national(year: year)
        #expect(holidays.count == 13)
        let movable = holidays.filter { ["Sexta-feira Santa", "Domingo de Páscoa", "Corpo de Deus"].contains($0.name) }
        #expect(movable.map(\.date.description) == dates)
        for holiday in holidays {
            #expect(PortugueseHolidays.holiday(on: holiday.date) == holiday)
        }
    }

    /// Corpus Christi, 5 October, 1 November and 1 December were not holidays in 2013-2015.
    @Test func suspendedHolidays2013To2015() {
        for year in 2013...2015 {
            #expect(PortugueseHolidays.national(year: year).count == 9)
            #expect(PortugueseHolidays.holiday(on: CalendarDate(year: year, month: 10, day: 5)!) == nil)
        }
        #expect(PortugueseHolidays.national(year: 2016).count == 13)
        #expect(PortugueseHolidays.holiday(on: Self.day("2016-10-05"))?.name == "Implantação da República")
    }

    @Test func everyOtherDayIsNotAHoliday() {
        var count = 0
        var day = Self.day("2026-01-01")
        while day.year == 2026 {
            if PortugueseHolidays.holiday(on: day) != nil { count += 1 }
            day = day.adding(days: 1)
        }
        #expect(count == 13)
        #expect(NationalHolidays.portugal.holidays(year: 2026) == PortugueseHolidays.national(year: 2026))
        #expect(NationalHolidays(rawValue: "PT") == .portugal)
    }
}
