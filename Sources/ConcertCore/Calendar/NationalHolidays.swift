/// A country's national holidays, computed for any year; workflow files name it by its
/// ISO 3166 code (`national_holidays: PT`).
public enum NationalHolidays: String, CaseIterable, Hashable, Codable, Sendable {
    /// Portugal's thirteen national holidays (see `PortugueseHolidays`).
    case portugal = "PT"

    /// The holidays of `year`, in date order.
    public func holidays(year: Int) -> [Holiday] {
        switch self {
        case .portugal: PortugueseHolidays.national(year: year)
        }
    }

    /// The holiday on `date`, if there is one.
    public func holiday(on date: CalendarDate) -> Holiday? {
        switch self {
        case .portugal: PortugueseHolidays.holiday(on: date)
        }
    }
}
