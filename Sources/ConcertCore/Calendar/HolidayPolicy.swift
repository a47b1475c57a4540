/// What happens to a meeting whose day is not a working day (a holiday, or a day outside
/// the working week).
///
/// Workflow files spell the cases as their raw values, e.g.
/// `meeting_on_holiday: move_to_next_working_day`.
public enum HolidayPolicy: String, CaseIterable, Hashable, Codable, Sendable {
    /// To the next working day, at the same local time.
    case moveToNextWorkingDay = "move_to_next_working_day"
    /// To the previous working day, at the same local time.
    case moveToPreviousWorkingDay = "move_to_previous_working_day"
    /// Held on its day all the same.
    case keep
    /// Not held.
    case cancel
}
