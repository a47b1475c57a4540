import Foundation

/// An iCalendar recurrence rule (RFC 5545 §3.3.10), the subset a meeting cadence needs.
///
/// Supported: `FREQ` (`DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY`), `INTERVAL`, `COUNT`, `UNTIL`
/// (a date, or a UTC date-time), `BYDAY` with optional ordinals (`2TU`, `-1FR`),
/// `BYMONTHDAY` (1 to 31 and -31 to -1), `BYMONTH`, `BYSETPOS` and `WKST`. Refused with an
/// error naming the part: `BYHOUR`, `BYMINUTE`, `BYSECOND` (a meeting keeps its first
/// start's time of day), `BYWEEKNO`, `BYYEARDAY`, sub-daily frequencies and unknown parts,
/// and the combinations RFC 5545 forbids.
///
/// A rule is validated and normalised when made (lists sorted, repeats dropped), so two
/// rules for the same recurrence compare equal and `description` prints the canonical form:
/// `FREQ;INTERVAL;COUNT|UNTIL;BYMONTH;BYMONTHDAY;BYDAY;BYSETPOS;WKST`, defaults
/// (`INTERVAL=1`, `WKST=MO`) left out.
///
/// ```swift
/// let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU")
/// ```
///
/// A rule alone names no instants: `Recurrence` adds the first start and the time zone.
public struct RecurrenceRule: Hashable, Sendable {
    /// How often the rule's periods come: every day, week, month or year (times `interval`).
    public enum Frequency: String, CaseIterable, Hashable, Sendable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// One `BYDAY` value: a weekday, with an ordinal for "the second Tuesday" (`2TU`) or
    /// "the last Friday" (`-1FR`) of the month or year.
    public struct WeekdayOccurrence: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// 1 for the first, -1 for the last, ...; nil for every such weekday.
        public let ordinal: Int?
        public let weekday: Weekday

        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `2TU`, `-1FR`, `MO`.
        public var description: String { (ordinal.map(String.init) ?? "") + weekday.rawValue }

        /// Plain weekdays first, then positive ordinals, then negative ones; weekdays in ISO order.
        public static func < (lhs: WeekdayOccurrence, rhs: WeekdayOccurrence) -> Bool {
            (rank(lhs.ordinal), lhs.weekday.isoNumber) < (rank(rhs.ordinal), rhs.weekday.isoNumber)
        }

        private static func rank(_ ordinal: Int?) -> Int {
            guard let ordinal else { return Int.min }
            return ordinal > 0 ? ordinal - 1000 : -ordinal
        }
    }

    /// The end of an `UNTIL`: a day (every occurrence on that day in the series' time zone
    /// is included) or an instant (written in UTC).
    public enum Until: Hashable, Sendable {
        case date(CalendarDate)
        case instant(Date)
    }

    /// How a series ends.
    public enum End: Hashable, Sendable {
        case never
        /// After this many occurrences (`COUNT`).
        case count(Int)
        /// At this bound, inclusive (`UNTIL`).
        case until(Until)
    }

    /// The largest `INTERVAL` accepted.
    public static let maximumInterval = 10_000
    /// The largest `COUNT` accepted.
    public static let maximumCount = 1_000_000

    public let frequency: Frequency
    /// Every how many periods, 1 or more.
    public let interval: Int
    public let end: End
    /// Months, 1 to 12, ascending.
    public let byMonth: [Int]
    /// Days of the month, 1 to 31 or -31 to -1 (-1 is the last day); positive ones first.
    public let byMonthDay: [Int]
    public let byDay: [WeekdayOccurrence]
    /// Positions in each period's set of occurrences, 1 to 366 or -366 to -1; positive first.
    public let bySetPosition: [Int]
    /// The first day of the week (`WKST`); it matters for `FREQ=WEEKLY` with an interval.
    public let weekStart: Weekday

    /// Makes and checks a rule from its parts, as RFC 5545 constrains them.
    ///
    /// - Throws: `RecurrenceRuleError` naming the offending part.
    public init(
        frequency: Frequency, interval: Int = 1, end: End = .never, byMonth: [Int] = [], byMonthDay: [Int] = [],
        byDay: [WeekdayOccurrence] = [], bySetPosition: [Int] = [], weekStart: Weekday = .monday
    ) throws(RecurrenceRuleError) {
        try RecurrenceRule.check(
            frequency: frequency, interval: interval, end: end, byMonth: byMonth, byMonthDay: byMonthDay,
            byDay: byDay, bySetPosition: bySetPosition)
        self.frequency = frequency
        self.interval = interval
        if case let .until(.instant(instant)) = end {
            self.end = .until(.instant(Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down))))
        } else {
            self.end = end
        }
        self.byMonth = Array(Set(byMonth)).sorted()
        self.byMonthDay = RecurrenceRule.signedOrder(byMonthDay)
        self.byDay = Array(Set(byDay)).sorted()
        self.bySetPosition = RecurrenceRule.signedOrder(bySetPosition)
        self.weekStart = weekStart
    }

    /// The `COUNT`, if the series ends after a number of occurrences.
    public var count: Int? {
        if case let .count(count) = end { return count }
        return nil
    }

    /// The `UNTIL`, if the series ends at a day or an instant.
    public var until: Until? {
        if case let .until(until) = end { return until }
        return nil
    }

    /// Positive values ascending, then negative ones ascending (`1,15,-2,-1`), without repeats.
    private static func signedOrder(_ values: [Int]) -> [Int] {
        let unique = Set(values)
        return unique.filter { $0 > 0 }.sorted() + unique.filter { $0 < 0 }.sorted()
    }

    private static func check(
        frequency: Frequency, interval: Int, end: End, byMonth: [Int], byMonthDay: [Int],
        byDay: [WeekdayOccurrence], bySetPosition: [Int]
    ) throws(RecurrenceRuleError) {
        guard (1...maximumInterval).contains(interval) else {
            throw RecurrenceRuleError(
                .invalidValue, part: "INTERVAL",
                "INTERVAL must be a whole number from 1 to \(maximumInterval), found \(interval)")
        }
        switch end {
        case .never: break
        case let .count(count):
            guard (1...maximumCount).contains(count) else {
                throw RecurrenceRuleError(
                    .invalidValue, part: "COUNT",
                    "COUNT must be a whole number from 1 to \(maximumCount), found \(count)")
            }
        case let .until(.instant(instant)):
            let seconds = instant.timeIntervalSince1970
            let first = Double(CalendarDate.firstDayNumber) * 86_400
            let last = Double(CalendarDate.lastDayNumber + 1) * 86_400
            guard seconds.isFinite, seconds >= first, seconds < last else {
                throw RecurrenceRuleError(.invalidValue, part: "UNTIL", "UNTIL must fall in the years 1 to 9999")
            }
        case .until(.date): break
        }
        if let month = byMonth.first(where: { !(1...12).contains($0) }) {
            throw RecurrenceRuleError(.invalidValue, part: "BYMONTH", "BYMONTH \(month) is not a month (1 to 12)")
        }
        if let day = byMonthDay.first(where: { $0 == 0 || abs($0) > 31 }) {
            throw RecurrenceRuleError(
                .invalidValue, part: "BYMONTHDAY",
                "BYMONTHDAY \(day) is out of range (1 to 31, or -31 to -1 from the end)")
        }
        if !byMonthDay.isEmpty, frequency == .weekly {
            throw RecurrenceRuleError(
                .conflict, part: "BYMONTHDAY", "BYMONTHDAY must not be used with FREQ=WEEKLY (RFC 5545)")
        }
        try checkOrdinals(frequency: frequency, byMonth: byMonth, byDay: byDay)
        if let position = bySetPosition.first(where: { $0 == 0 || abs($0) > 366 }) {
            throw RecurrenceRuleError(
                .invalidValue, part: "BYSETPOS", "BYSETPOS \(position) is out of range (1 to 366, or -366 to -1)")
        }
        if !bySetPosition.isEmpty, byMonth.isEmpty, byMonthDay.isEmpty, byDay.isEmpty {
            throw RecurrenceRuleError(
                .conflict, part: "BYSETPOS",
                "BYSETPOS needs another BYxxx part to pick from (BYDAY, BYMONTHDAY or BYMONTH), as RFC 5545 says")
        }
    }

    private static func checkOrdinals(
        frequency: Frequency, byMonth: [Int], byDay: [WeekdayOccurrence]
    ) throws(RecurrenceRuleError) {
        for day in byDay {
            guard let ordinal = day.ordinal else { continue }
            guard frequency == .monthly || frequency == .yearly else {
                throw RecurrenceRuleError(
                    .conflict, part: "BYDAY",
                    "BYDAY '\(day)' has an ordinal, which needs FREQ=MONTHLY or FREQ=YEARLY (RFC 5545); "
                        + "with FREQ=\(frequency.rawValue) write the weekday alone")
            }
            let inMonth = frequency == .monthly || !byMonth.isEmpty
            let limit = inMonth ? 5 : 53
            guard ordinal != 0, abs(ordinal) <= limit else {
                let scope = inMonth ? "a month has at most 5 of each weekday" : "a year has at most 53 of each weekday"
                throw RecurrenceRuleError(
                    .invalidValue, part: "BYDAY",
                    "BYDAY '\(day)' has ordinal \(ordinal), out of range (1 to \(limit) or -\(limit) to -1: \(scope))")
            }
        }
    }
}
