/// Walks a rule's occurrences in order, as local days, period by period.
///
/// Each period (a day, a week, a month or a year, times the interval) is expanded on its
/// own: its days are filtered by the `BYxxx` parts, `BYSETPOS` picks among them, and days
/// before the first start, past `UNTIL` (as a day) or past `COUNT` are dropped — the order
/// python-dateutil applies them in. The buffers are reused, so walking allocates only when
/// a period holds more days than any before it.
///
/// A cursor may start at a later period (to skip years of a series that has no `COUNT`),
/// and stops by itself past 9999-12-31, past `lastDay`, or after a whole 400-year cycle
/// of periods without an occurrence (the pattern can then never match again).
struct RecurrenceCursor {
    private let pattern: RecurrencePattern
    private let remainingLimit: Int?
    private let untilDay: Int?
    private let lastDay: Int?
    private var period: Int
    private var emitted = 0
    private var emptyPeriods = 0
    private var matched: [Int] = []
    private var selected: [Int] = []
    private var index = 0
    private var finished = false

    /// - Parameters:
    ///   - firstPeriod: The period to start at; must be 0 when the rule has a `COUNT`.
    ///   - lastDay: Stop once a period starts after this day number.
    init(rule: RecurrenceRule, pattern: RecurrencePattern, firstPeriod: Int = 0, lastDay: Int? = nil) {
        self.pattern = pattern
        self.period = firstPeriod
        self.lastDay = lastDay
        remainingLimit = rule.count
        if case let .until(.date(date)) = rule.end {
            untilDay = date.dayNumber
        } else {
            untilDay = nil
        }
    }

    /// The next occurrence's day number, or nil when the series (or the search) is over.
    mutating func next() -> Int? {
        while !finished {
            if index < selected.count {
                let day = selected[index]
                index += 1
                if let untilDay, day > untilDay { break }
                if let remainingLimit, emitted >= remainingLimit { break }
                emitted += 1
                return day
            }
            fill()
        }
        finished = true
        return nil
    }

    /// Expands the next period into `selected`.
    private mutating func fill() {
        selected.removeAll(keepingCapacity: true)
        index = 0
        guard let days = pattern.days(ofPeriod: period), lastDay.map({ days.lowerBound <= $0 }) ?? true,
            untilDay.map({ days.lowerBound <= $0 }) ?? true
        else {
            finished = true
            return
        }
        period += 1
        matched.removeAll(keepingCapacity: true)
        for day in days where pattern.matches(day: day) { matched.append(day) }
        if pattern.setPositions.isEmpty {
            swap(&matched, &selected)
        } else {
            for position in pattern.setPositions {
                let at = position > 0 ? position - 1 : matched.count + position
                if matched.indices.contains(at) { selected.append(matched[at]) }
            }
            selected.sort()
            removeRepeats(&selected)
        }
        // Days before the first start are not occurrences (only the first period has any).
        if let first = selected.first, first < pattern.startDay {
            selected.removeAll { $0 < pattern.startDay }
        }
        if selected.isEmpty {
            emptyPeriods += 1
            if emptyPeriods > pattern.periodsPerCycle { finished = true }
        } else {
            emptyPeriods = 0
        }
    }

    private func removeRepeats(_ days: inout [Int]) {
        var write = 0
        for read in days.indices where read == 0 || days[read] != days[write - 1] {
            days[write] = days[read]
            write += 1
        }
        days.removeLast(days.count - write)
    }
}
