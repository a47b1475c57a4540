import Foundation

/// A plan's working calendar: which days are worked, in which hours, in which time zone,
/// and which days are holidays.
///
/// It answers the questions the agents ask of time: is this a working day, which day is
/// five working days after the report was due, is it working hours now, and when do they
/// next begin (to hold a notice until then). Days are `CalendarDate`s in the calendar's
/// time zone; hours are checked on that zone's wall clock.
///
/// Holidays are the national ones, computed for any year, plus extra named days. Searches
/// for a working day stop at 9999-12-31, the last day a `CalendarDate` names.
public struct BusinessCalendar: Hashable, Sendable {
    public let timeZone: TimeZone
    public let workingDays: Set<Weekday>
    public let workingHours: WorkingHours
    /// The country whose national holidays are non-working days, if any.
    public let nationalHolidays: NationalHolidays?
    /// Extra holidays (municipal, closures), in date order.
    public let holidays: [Holiday]
    /// What happens to a meeting on a non-working day.
    public let meetingPolicy: HolidayPolicy
    private let extraHolidays: [CalendarDate: Holiday]
    /// Bit `n` set for ISO weekday `n` worked.
    private let workingMask: UInt8

    /// - Throws: `BusinessCalendarError` when `workingDays` is empty.
    public init(
        timeZone: TimeZone, workingDays: Set<Weekday> = Set(Weekday.mondayToFriday),
        workingHours: WorkingHours = .standard, nationalHolidays: NationalHolidays? = nil, holidays: [Holiday] = [],
        meetingPolicy: HolidayPolicy = .moveToNextWorkingDay
    ) throws(BusinessCalendarError) {
        guard !workingDays.isEmpty else {
            throw BusinessCalendarError(.noWorkingDays, "a business calendar needs at least one working day")
        }
        self.timeZone = timeZone
        self.workingDays = workingDays
        self.workingHours = workingHours
        self.nationalHolidays = nationalHolidays
        self.holidays = holidays.sorted()
        self.meetingPolicy = meetingPolicy
        var extra: [CalendarDate: Holiday] = [:]
        for holiday in self.holidays where extra[holiday.date] == nil { extra[holiday.date] = holiday }
        extraHolidays = extra
        workingMask = workingDays.reduce(0) { $0 | (1 << UInt8($1.isoNumber)) }
    }

    // MARK: Days

    /// The holiday on `date`: an extra one first, else a national one.
    public func holiday(on date: CalendarDate) -> Holiday? {
        extraHolidays[date] ?? nationalHolidays?.holiday(on: date)
    }

    /// Every holiday in `year`, national and extra, in date order (one per day).
    public func holidays(in year: Int) -> [Holiday] {
        var byDate: [CalendarDate: Holiday] = [:]
        for holiday in nationalHolidays?.holidays(year: year) ?? [] { byDate[holiday.date] = holiday }
        for holiday in holidays where holiday.date.year == year { byDate[holiday.date] = extraHolidays[holiday.date] }
        return byDate.values.sorted()
    }

    /// Whether `date` is in the working week and not a holiday.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        workingMask & (1 << UInt8(date.weekday.isoNumber)) != 0 && holiday(on: date) == nil
    }

    /// `date` if it is a working day, else the first working day after it.
    public func nextWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate { step(from: date, by: 1) }

    /// The first working day after `date`.
    public func nextWorkingDay(after date: CalendarDate) -> CalendarDate {
        step(from: CalendarDate(clampingDayNumber: date.dayNumber + 1), by: 1)
    }

    /// `date` if it is a working day, else the last working day before it.
    public func previousWorkingDay(onOrBefore date: CalendarDate) -> CalendarDate { step(from: date, by: -1) }

    /// The last working day before `date`.
    public func previousWorkingDay(before date: CalendarDate) -> CalendarDate {
        step(from: CalendarDate(clampingDayNumber: date.dayNumber - 1), by: -1)
    }

    /// The day `workingDays` working days after `date` (before it when negative).
    ///
    /// Counting starts the day after `date` (the day before, going back), which need not
    /// be a working day itself: adding 1 to a Friday gives the next Monday (in a
    /// Monday-to-Friday week without holidays), adding 1 to a Saturday also gives Monday,
    /// adding -1 to a Monday or a Saturday gives the Friday before, adding 0 gives `date`.
    ///
    /// `workingDays(from:to:)` undoes it: if `d` is `adding(workingDays: n, to: date)` then
    /// `workingDays(from: date, to: d)` is `n` for `n >= 0`, and for `n < 0` when `date` is
    /// a working day. A wait of five working days from a due day is
    /// `adding(workingDays: 5, to: due)`.
    public func adding(workingDays: Int, to date: CalendarDate) -> CalendarDate {
        guard workingDays != 0 else { return date }
        let direction = workingDays > 0 ? 1 : -1
        var remaining = workingDays.magnitude
        var current = date
        while remaining > 0 {
            let next = current.dayNumber + direction
            guard (CalendarDate.firstDayNumber...CalendarDate.lastDayNumber).contains(next) else { return current }
            current = step(from: CalendarDate(clampingDayNumber: next), by: direction)
            remaining -= 1
        }
        return current
    }

    /// The number of working days after `start` up to and including `end`; when `end` is
    /// before `start`, minus the number after `end` up to and including `start`, so that
    /// `workingDays(from: a, to: b) == -workingDays(from: b, to: a)`.
    ///
    /// From a Friday to the next Monday is 1 (Monday to Friday is -1); from a Friday to
    /// the Saturday after it is 0; from a day to itself is 0.
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard start != end else { return 0 }
        let (low, high, sign) = start < end ? (start, end, 1) : (end, start, -1)
        var count = 0
        var day = low.dayNumber + 1
        while day <= high.dayNumber {
            if isWorkingDay(CalendarDate(clampingDayNumber: day)) { count += 1 }
            day += 1
        }
        return sign * count
    }

    /// The first working day from `date` going in `direction` (1 or -1), `date` included;
    /// stops at the ends of the calendar.
    private func step(from date: CalendarDate, by direction: Int) -> CalendarDate {
        var day = date.dayNumber
        while !isWorkingDay(CalendarDate(clampingDayNumber: day)) {
            let next = day + direction
            guard (CalendarDate.firstDayNumber...CalendarDate.lastDayNumber).contains(next) else { break }
            day = next
        }
        return CalendarDate(clampingDayNumber: day)
    }
}
