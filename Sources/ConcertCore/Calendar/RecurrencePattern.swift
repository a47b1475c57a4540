/// A rule with its defaults filled in from the first start, in the form the expansion reads.
///
/// Where a rule leaves the day unsaid, the first start says it, as RFC 5545 and
/// python-dateutil do: `FREQ=WEEKLY` alone recurs on the start's weekday, `FREQ=MONTHLY`
/// alone on its day of the month, `FREQ=YEARLY` alone on its month and day. The sets are
/// bit masks so matching a day allocates nothing.
struct RecurrencePattern: Sendable {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    /// The first start's day, as a day number.
    let startDay: Int
    let startDate: CalendarDate
    /// Bit `m` for month `m`; 0 for any month.
    let months: UInt16
    /// Bit `d` for day `d` of the month.
    let monthDaysFromStart: UInt32
    /// Bit `d` for day `-d` of the month (bit 1 is the last day).
    let monthDaysFromEnd: UInt32
    let filtersMonthDays: Bool
    /// Bit `n` for ISO weekday `n`, for `BYDAY` values without an ordinal.
    let plainWeekdays: UInt8
    /// `BYDAY` values with an ordinal.
    let ordinalWeekdays: [RecurrenceRule.WeekdayOccurrence]
    let filtersWeekdays: Bool
    /// Whether ordinals count within the year (`FREQ=YEARLY` without `BYMONTH`) rather than the month.
    let ordinalsInYear: Bool
    let setPositions: [Int]
    /// The first day (day number) of the week holding the first start, for `FREQ=WEEKLY`.
    let firstWeekDay: Int
    /// Months since year 0 of the first start's month, for `FREQ=MONTHLY`.
    let firstMonthIndex: Int

    init(rule: RecurrenceRule, start: CalendarDate) {
        frequency = rule.frequency
        interval = rule.interval
        startDate = start
        startDay = start.dayNumber
        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        if byMonthDay.isEmpty && byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.month] }
                byMonthDay = [start.day]
            case .monthly: byMonthDay = [start.day]
            case .weekly: byDay = [RecurrenceRule.WeekdayOccurrence(start.weekday)]
            case .daily: break
            }
        }
        months = byMonth.reduce(0) { $0 | (1 << UInt16($1)) }
        monthDaysFromStart = byMonthDay.filter { $0 > 0 }.reduce(0) { $0 | (1 << UInt32($1)) }
        monthDaysFromEnd = byMonthDay.filter { $0 < 0 }.reduce(0) { $0 | (1 << UInt32(-$1)) }
        filtersMonthDays = !byMonthDay.isEmpty
        plainWeekdays = byDay.filter { $0.ordinal == nil }.reduce(0) { $0 | (1 << UInt8($1.weekday.isoNumber)) }
        ordinalWeekdays = byDay.filter { $0.ordinal != nil }
        filtersWeekdays = !byDay.isEmpty
        ordinalsInYear = rule.frequency == .yearly && byMonth.isEmpty
        setPositions = rule.bySetPosition
        let offset = (start.weekday.isoNumber - rule.weekStart.isoNumber + 7) % 7
        firstWeekDay = startDay - offset
        firstMonthIndex = start.year * 12 + start.month - 1
    }

    /// How many periods in a row can hold no occurrence before none ever will: the
    /// Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks),
    /// so a pattern that matched nothing in that many periods never matches again.
    var periodsPerCycle: Int {
        switch frequency {
        case .daily: 146_097
        case .weekly: 20_871
        case .monthly: 4_800
        case .yearly: 400
        }
    }

    /// The period holding day `day` (a day number), or 0 when the day is before the start.
    func period(containing day: Int) -> Int {
        guard day > startDay else { return 0 }
        switch frequency {
        case .daily:
            return (day - startDay) / interval
        case .weekly:
            return (day - firstWeekDay) / (7 * interval)
        case .monthly:
            let civil = CalendarDate.civil(fromDayNumber: day)
            return (civil.year * 12 + civil.month - 1 - firstMonthIndex) / interval
        case .yearly:
            return (CalendarDate.civil(fromDayNumber: day).year - startDate.year) / interval
        }
    }

    /// The days (day numbers, inclusive) of period `k`; nil past 9999-12-31.
    ///
    /// The first week of a weekly rule starts at the first start's day, as in
    /// python-dateutil, so `BYSETPOS` counts only the days from the start in that week.
    func days(ofPeriod k: Int) -> ClosedRange<Int>? {
        let (step, overflow) = k.multipliedReportingOverflow(by: interval)
        guard !overflow, step < 4_000_000 else { return nil }
        let range: ClosedRange<Int>
        switch frequency {
        case .daily:
            range = (startDay + step)...(startDay + step)
        case .weekly:
            let first = firstWeekDay + 7 * step
            range = (k == 0 ? startDay : first)...(first + 6)
        case .monthly:
            let index = firstMonthIndex + step
            let year = index / 12
            let month = index % 12 + 1
            guard year <= 9999 else { return nil }
            let first = CalendarDate.dayNumber(year: year, month: month, day: 1)
            range = first...(first + CalendarDate.daysIn(month: month, year: year) - 1)
        case .yearly:
            let year = startDate.year + step
            guard year <= 9999 else { return nil }
            range =
                CalendarDate.dayNumber(
                    year: year, month: 1, day: 1)...CalendarDate.dayNumber(
                    year: year, month: 12, day: 31)
        }
        guard range.lowerBound <= CalendarDate.lastDayNumber else { return nil }
        return range.lowerBound...min(range.upperBound, CalendarDate.lastDayNumber)
    }

    /// Whether day `day` (a day number) passes every `BYxxx` filter.
    func matches(day: Int) -> Bool {
        let civil = CalendarDate.civil(fromDayNumber: day)
        if months != 0, months & (1 << UInt16(civil.month)) == 0 { return false }
        let monthLength = CalendarDate.daysIn(month: civil.month, year: civil.year)
        if filtersMonthDays {
            let fromEnd = monthLength - civil.day + 1
            guard monthDaysFromStart & (1 << UInt32(civil.day)) != 0 || monthDaysFromEnd & (1 << UInt32(fromEnd)) != 0
            else { return false }
        }
        guard filtersWeekdays else { return true }
        let weekday = CalendarDate.weekday(ofDayNumber: day)
        if plainWeekdays & (1 << UInt8(weekday.isoNumber)) != 0 { return true }
        for occurrence in ordinalWeekdays where occurrence.weekday == weekday {
            guard let ordinal = occurrence.ordinal else { continue }
            let index: Int  // 0-based position of the day in its month or year
            let length: Int
            if ordinalsInYear {
                index = day - CalendarDate.dayNumber(year: civil.year, month: 1, day: 1)
                length = CalendarDate.isLeap(civil.year) ? 366 : 365
            } else {
                index = civil.day - 1
                length = monthLength
            }
            let position = ordinal > 0 ? index / 7 + 1 : -((length - 1 - index) / 7 + 1)
            if position == ordinal { return true }
        }
        return false
    }
}
