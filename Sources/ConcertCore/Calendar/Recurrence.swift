import Foundation

/// A recurring series: a rule, the local start of its first occurrence and a time zone —
/// RFC 5545's RRULE with DTSTART;TZID.
///
/// Occurrences are expanded in wall-clock time and only then turned into instants, so a
/// meeting keeps its local time across daylight-saving changes (10:00 in Lisbon is 10:00
/// WET in January and 10:00 WEST in July). A local time that does not exist on a day
/// (clocks going forward) moves later by the gap's length; one that happens twice (clocks
/// going back) is the first of the two (see `LocalDateTime.instant(in:)`).
///
/// The start is an occurrence only when it matches the rule, and `COUNT` counts only
/// occurrences that match. This is python-dateutil's reading; RFC 5545 instead counts
/// DTSTART as the first instance whatever the rule says, but also requires DTSTART to
/// match the rule, so for a well-formed series the two agree. Two further choices, where
/// RFC 5545 leaves room:
/// - `UNTIL` as a date includes every occurrence on that day in the series' time zone;
///   as a UTC date-time it includes occurrences up to and including that instant.
/// - `BYDAY` mixing plain and ordinal weekdays (`BYDAY=MO,2TU`) is their union, as
///   RFC 5545 says (python-dateutil returns their intersection).
///
/// Queries cost time in proportion to the periods between their window and the series'
/// start only when the rule has a `COUNT` (occurrences must be counted from the start);
/// otherwise they start at the period of their window, so a series that began years ago
/// is as cheap as a new one.
public struct Recurrence: Hashable, Sendable {
    public let rule: RecurrenceRule
    /// The local start of the series; its time of day is every occurrence's.
    public let start: LocalDateTime
    public let timeZone: TimeZone
    private let pattern: RecurrencePattern

    public init(rule: RecurrenceRule, start: LocalDateTime, timeZone: TimeZone) {
        self.rule = rule
        self.start = start
        self.timeZone = timeZone
        self.pattern = RecurrencePattern(rule: rule, start: start.date)
    }

    /// How many occurrences `occurrences(from:through:limit:)` returns at most by default.
    public static let defaultLimit = 1000

    /// The occurrences from `from` through `through` (both inclusive), in order, at most `limit`.
    ///
    /// - Parameters:
    ///   - limit: The most occurrences to return; 0 or less returns none.
    public func occurrences(from: Date, through: Date, limit: Int = Recurrence.defaultLimit) -> [Date] {
        guard limit > 0, from <= through else { return [] }
        let throughDay = LocalDateTime(through, in: timeZone).date.dayNumber
        var cursor = makeCursor(startingNear: from, lastDay: throughDay + 2)
        var result: [Date] = []
        while result.count < limit, let instant = nextInstant(&cursor) {
            if instant > through { break }
            if instant >= from { result.append(instant) }
        }
        return result
    }

    /// The first occurrence strictly after `instant`, or nil when the series has ended.
    public func next(after instant: Date) -> Date? {
        var cursor = makeCursor(startingNear: instant, lastDay: nil)
        while let occurrence = nextInstant(&cursor) {
            if occurrence > instant { return occurrence }
        }
        return nil
    }

    /// The series' first occurrence: the start when it matches the rule, else the first
    /// day after it that does; nil when the rule never matches.
    public var firstOccurrence: Date? {
        var cursor = RecurrenceCursor(rule: rule, pattern: pattern)
        return nextInstant(&cursor)
    }

    /// The local date-time of the series' first occurrence (see `firstOccurrence`).
    public var firstLocalOccurrence: LocalDateTime? {
        var cursor = RecurrenceCursor(rule: rule, pattern: pattern)
        guard let day = cursor.next() else { return nil }
        let local = LocalDateTime(date: CalendarDate(clampingDayNumber: day), time: start.time)
        return withinUntil(local.instant(in: timeZone)) ? local : nil
    }

    /// A cursor at the period holding the day before `instant`'s local day (the margin
    /// covers offsets and folds), or at the start when the rule counts occurrences.
    private func makeCursor(startingNear instant: Date, lastDay: Int?) -> RecurrenceCursor {
        var firstPeriod = 0
        if rule.count == nil {
            let day = LocalDateTime(instant, in: timeZone).date.dayNumber - 1
            firstPeriod = pattern.period(containing: day)
        }
        return RecurrenceCursor(rule: rule, pattern: pattern, firstPeriod: firstPeriod, lastDay: lastDay)
    }

    /// The cursor's next occurrence as an instant; nil past the end or past `UNTIL`.
    private func nextInstant(_ cursor: inout RecurrenceCursor) -> Date? {
        guard let day = cursor.next() else { return nil }
        let seconds = ZoneClock.instantSeconds(localSeconds: day * 86_400 + start.time.minuteOfDay * 60, in: timeZone)
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        return withinUntil(instant) ? instant : nil
    }

    private func withinUntil(_ instant: Date) -> Bool {
        guard case let .until(.instant(until)) = rule.end else { return true }
        return instant <= until
    }

    public static func == (lhs: Recurrence, rhs: Recurrence) -> Bool {
        lhs.rule == rhs.rule && lhs.start == rhs.start && lhs.timeZone == rhs.timeZone
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(start)
        hasher.combine(timeZone)
    }
}
