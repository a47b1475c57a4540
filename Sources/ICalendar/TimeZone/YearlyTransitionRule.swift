/// A yearly rule for a zone's change of clocks, as `RRULE` text for a `VTIMEZONE` observance:
/// "the last Sunday of March", "the first Sunday on or after 2 April", "21 March".
///
/// A rule is only ever derived from the changes Foundation reports and then checked against
/// every one of them, so a summary is never a guess: where no single rule fits every year,
/// there is no summary and the caller lists the changes one by one.
struct YearlyTransitionRule: Hashable, Sendable {
    /// The `RRULE` value, e.g. `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`.
    var text: String

    private static let weekdayNames = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// The rule that the local onsets of `changes` (one a year, in consecutive years) all
    /// follow, or nil if there is none.
    ///
    /// All changes must fall in the same month at the same wall-clock time; the day must be
    /// the last given weekday of the month, the first given weekday on or after a day of the
    /// month, or a fixed day of the month.
    static func fitting(_ changes: [ZoneTransition]) -> YearlyTransitionRule? {
        let onsets = changes.map(\.localOnset)
        guard let first = onsets.first else { return nil }
        for (index, onset) in onsets.enumerated() {
            guard onset.year == first.year + index, onset.month == first.month, onset.hour == first.hour,
                onset.minute == first.minute, onset.second == first.second
            else { return nil }
        }
        let month = "FREQ=YEARLY;BYMONTH=\(first.month);"
        let weekday = weekdayNames[first.weekday]
        let sameWeekday = onsets.allSatisfy { $0.weekday == first.weekday }
        if sameWeekday, onsets.allSatisfy({ $0.day + 7 > CivilDateTime.daysIn(month: $0.month, year: $0.year) }) {
            return YearlyTransitionRule(text: month + "BYDAY=-1" + weekday)
        }
        let shortestMonth = first.month == 2 ? 28 : CivilDateTime.daysIn(month: first.month, year: 1)
        if sameWeekday {
            for earliest in max(1, first.day - 6)...first.day where earliest + 6 <= shortestMonth {
                guard onsets.allSatisfy({ (earliest...earliest + 6).contains($0.day) }) else { continue }
                if (earliest - 1) % 7 == 0 {
                    return YearlyTransitionRule(text: month + "BYDAY=\((earliest - 1) / 7 + 1)" + weekday)
                }
                let days = (earliest...earliest + 6).map(String.init).joined(separator: ",")
                return YearlyTransitionRule(text: month + "BYMONTHDAY=" + days + ";BYDAY=" + weekday)
            }
        }
        if onsets.allSatisfy({ $0.day == first.day }) {
            return YearlyTransitionRule(text: month + "BYMONTHDAY=\(first.day)")
        }
        return nil
    }
}
