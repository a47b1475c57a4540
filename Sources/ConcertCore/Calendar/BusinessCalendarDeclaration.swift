import Foundation

/// A plan's business calendar as its workflow declares it (`calendar:`), before it is
/// tied to the plan's time zone.
///
/// Without a declaration a plan works Monday to Friday, 09:00 to 17:30, with no holidays,
/// and moves a meeting on a non-working day to the next working day.
public struct BusinessCalendarDeclaration: Hashable, Codable, Sendable {
    /// The working week, in ISO order.
    public var workingDays: [Weekday]
    public var workingHours: WorkingHours
    /// The country whose national holidays apply, for every year.
    public var nationalHolidays: NationalHolidays?
    /// Extra holidays, in date order.
    public var holidays: [Holiday]
    public var meetingOnHoliday: HolidayPolicy

    public init(
        workingDays: [Weekday] = Weekday.mondayToFriday, workingHours: WorkingHours = .standard,
        nationalHolidays: NationalHolidays? = nil, holidays: [Holiday] = [],
        meetingOnHoliday: HolidayPolicy = .moveToNextWorkingDay
    ) {
        self.workingDays = Array(Set(workingDays)).sorted()
        self.workingHours = workingHours
        self.nationalHolidays = nationalHolidays
        self.holidays = holidays.sorted()
        self.meetingOnHoliday = meetingOnHoliday
    }

    /// Monday to Friday, 09:00 to 17:30, no holidays, meetings moved to the next working day.
    public static let standard = BusinessCalendarDeclaration()

    /// The calendar in `timeZone`.
    ///
    /// - Throws: `BusinessCalendarError` when `workingDays` is empty.
    public func calendar(timeZone: TimeZone) throws(BusinessCalendarError) -> BusinessCalendar {
        try BusinessCalendar(
            timeZone: timeZone, workingDays: Set(workingDays), workingHours: workingHours,
            nationalHolidays: nationalHolidays, holidays: holidays, meetingPolicy: meetingOnHoliday)
    }
}
