import Foundation

extension BusinessCalendar {
    /// Where a meeting planned for `meeting` (local time) is held under `policy`: on its
    /// own day when that is a working day; otherwise moved to the next or previous working
    /// day at the same local time, kept, or cancelled (nil).
    ///
    /// - Parameters:
    ///   - policy: The policy to apply; the calendar's `meetingPolicy` by default.
    public func reschedule(_ meeting: LocalDateTime, policy: HolidayPolicy? = nil) -> LocalDateTime? {
        guard !isWorkingDay(meeting.date) else { return meeting }
        switch policy ?? meetingPolicy {
        case .keep: return meeting
        case .cancel: return nil
        case .moveToNextWorkingDay:
            return LocalDateTime(date: nextWorkingDay(after: meeting.date), time: meeting.time)
        case .moveToPreviousWorkingDay:
            return LocalDateTime(date: previousWorkingDay(before: meeting.date), time: meeting.time)
        }
    }

    /// `reschedule(_:policy:)` for a meeting given as an instant, read on the calendar's
    /// wall clock; the result keeps the meeting's local time of day.
    public func reschedule(_ meeting: Date, policy: HolidayPolicy? = nil) -> Date? {
        let local = LocalDateTime(meeting, in: timeZone)
        guard !isWorkingDay(local.date) else { return meeting }
        return reschedule(local, policy: policy).map { $0.instant(in: timeZone) }
    }
}

extension BusinessCalendar {
    /// When a meeting starting at `start` is convened: at the opening of the working day
    /// `workingDaysBefore` working days before the meeting's day (in the calendar's zone).
    public func convocationTime(forMeetingAt start: Date, workingDaysBefore: Int) -> Date {
        let day = CalendarDate(start, in: timeZone)
        return openingTime(on: adding(workingDays: -workingDaysBefore, to: day))
    }
}
