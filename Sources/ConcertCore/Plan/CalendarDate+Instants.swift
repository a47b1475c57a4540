import Foundation

extension CalendarDate {
    /// The day `days` after this one (before, when negative).
    public func adding(days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date()
        let moved = calendar.date(byAdding: .day, value: days, to: start) ?? start
        return CalendarDate(moved, in: calendar.timeZone)
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
