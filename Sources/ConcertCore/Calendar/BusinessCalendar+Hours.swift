import Foundation

extension BusinessCalendar {
    /// Whether `instant` falls on a working day, within working hours, on the calendar's
    /// wall clock.
    public func isWithinWorkingHours(_ instant: Date) -> Bool {
        let local = LocalDateTime(instant, in: timeZone)
        return isWorkingDay(local.date) && workingHours.contains(local.time)
    }

    /// `instant` itself when it is within working hours, else the next start of working
    /// hours: today's when working hours have not begun yet on a working day, else the
    /// next working day's. A notice held outside working hours goes out then.
    public func nextWorkingTime(atOrAfter instant: Date) -> Date {
        if isWithinWorkingHours(instant) { return instant }
        let local = LocalDateTime(instant, in: timeZone)
        let day: CalendarDate
        if isWorkingDay(local.date) && local.time < workingHours.start {
            day = local.date
        } else {
            day = nextWorkingDay(after: local.date)
        }
        let opening = LocalDateTime(date: day, time: workingHours.start).instant(in: timeZone)
        // Only at the very end of the calendar can there be no later opening.
        return max(opening, instant)
    }

    /// The start of working hours on `date`, as an instant.
    public func openingTime(on date: CalendarDate) -> Date {
        LocalDateTime(date: date, time: workingHours.start).instant(in: timeZone)
    }

    /// The end of working hours on `date`, as an instant.
    public func closingTime(on date: CalendarDate) -> Date {
        LocalDateTime(date: date, time: workingHours.end).instant(in: timeZone)
    }
}
