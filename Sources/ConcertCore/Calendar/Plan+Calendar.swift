import Foundation

extension Plan {
    /// The plan's business calendar, in the plan's time zone.
    ///
    /// A plan loaded by `WorkflowLoader` always has one; the errors are for plans made in code.
    ///
    /// - Throws: `BusinessCalendarError` for an unknown time zone or an empty working week.
    public func businessCalendar() throws(BusinessCalendarError) -> BusinessCalendar {
        guard let zone = TimeZone(identifier: timeZone) else {
            throw BusinessCalendarError(.unknownTimeZone, "'\(timeZone)' is not a known IANA time zone")
        }
        return try calendar.calendar(timeZone: zone)
    }
}
