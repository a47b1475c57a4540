/// One month of the reporting cycle, named by the month its window opens in (`2027-01`).
public struct ReportingPeriod: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// The month after this one.
    public var next: ReportingPeriod {
        month == 12 ? ReportingPeriod(year: year + 1, month: 1) : ReportingPeriod(year: year, month: month + 1)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = ReportingPeriod(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM: \(text)"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension ReportingCycle {
    /// The days a period's window opens and its reports fall due (both in the plan's zone).
    public func window(of period: ReportingPeriod) -> (opens: CalendarDate, due: CalendarDate) {
        let opens = CalendarDate(year: period.year, month: period.month, day: opensOnDay)!
        let dueMonth = dueOnDay <= opensOnDay ? period.next : period
        let due = CalendarDate(year: dueMonth.year, month: dueMonth.month, day: dueOnDay)!
        return (opens, due)
    }

    /// The period whose window is open on `day`, or else the next one to open.
    public func period(on day: CalendarDate) -> ReportingPeriod {
        var period = ReportingPeriod(year: day.year, month: day.month)
        // The window of the previous month may still be open (due next month).
        let previous = ReportingPeriod(year: day.month == 1 ? day.year - 1 : day.year, month: day.month == 1 ? 12 : day.month - 1)
        if window(of: previous).due >= day { return previous }
        if window(of: period).due < day { period = period.next }
        return period
    }
}
