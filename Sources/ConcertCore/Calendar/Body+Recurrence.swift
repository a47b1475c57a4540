import Foundation

extension Body {
    /// The body's meeting series: its cadence from its first meeting, in its time zone
    /// (`defaultTimeZone` when it names none); nil when the body has no cadence or the
    /// cadence does not read (a plan loaded by `WorkflowLoader` has only readable ones).
    public func recurrence(defaultTimeZone: String) -> Recurrence? {
        guard let cadence, let firstMeeting, let rule = try? RecurrenceRule(parsing: cadence),
            let start = LocalDateTime(iso: firstMeeting), let zone = TimeZone(identifier: timeZone ?? defaultTimeZone)
        else { return nil }
        return Recurrence(rule: rule, start: start, timeZone: zone)
    }
}
