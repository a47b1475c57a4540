/// A day of the week, spelled as iCalendar spells it (`MO` ... `SU`).
///
/// The cases are in ISO 8601 order, Monday first; `isoNumber` is 1 for Monday and 7 for
/// Sunday. Workflow files and RRULEs use the two-letter raw values.
public enum Weekday: String, CaseIterable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    case monday = "MO"
    case tuesday = "TU"
    case wednesday = "WE"
    case thursday = "TH"
    case friday = "FR"
    case saturday = "SA"
    case sunday = "SU"

    /// Monday to Friday, the default working week.
    public static let mondayToFriday: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The ISO 8601 number of the day: Monday 1 ... Sunday 7.
    public var isoNumber: Int {
        switch self {
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        case .sunday: 7
        }
    }

    /// The day with ISO 8601 number `isoNumber` (Monday 1 ... Sunday 7), or nil outside 1...7.
    public init?(isoNumber: Int) {
        guard (1...7).contains(isoNumber) else { return nil }
        self = Weekday.allCases[isoNumber - 1]
    }

    public var description: String { rawValue }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
