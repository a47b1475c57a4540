import Foundation

extension CalendarDate {
    /// The day `days` after this one (before, when negative), clamped to the years 1 to 9999.
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(clampingDayNumber: dayNumber + days)
    }

    /// The first instant of this day in `timeZone` (midnight, or the first valid time after a
    /// gap that swallows midnight).
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date()
        return calendar.startOfDay(for: noon)
    }
}
