/// A public holiday or other non-working day, with its name.
public struct Holiday: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let date: CalendarDate
    public let name: String

    public init(date: CalendarDate, name: String) {
        self.date = date
        self.name = name
    }

    /// `2026-06-10 Dia de Portugal, ...`.
    public var description: String { "\(date) \(name)" }

    public static func < (lhs: Holiday, rhs: Holiday) -> Bool { (lhs.date, lhs.name) < (rhs.date, rhs.name) }
}
