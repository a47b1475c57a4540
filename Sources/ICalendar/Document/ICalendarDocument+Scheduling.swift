extension ICalendarDocument {
    /// The rules of RFC 5546 for `REQUEST` and `CANCEL` that a writer can check: one event
    /// (one `UID`) per message, an `ORGANIZER` and at least one `ATTENDEE` in every `VEVENT`,
    /// and, in a cancellation, no `STATUS` but `CANCELLED`.
    func checkSchedulingRules() throws(ICalendarError) {
        guard let method, method == .request || method == .cancel else { return }
        guard let first = events.first else {
            throw ICalendarError(.schedulingRule, "a \(method.rawValue) document needs an event")
        }
        for event in events {
            guard event.uid == first.uid else {
                throw ICalendarError(
                    .schedulingRule,
                    "a \(method.rawValue) document concerns one event, but has UIDs \(first.uid) and \(event.uid)")
            }
            guard event.organizer != nil else {
                throw ICalendarError(
                    .schedulingRule, "event \(event.uid) in a \(method.rawValue) document has no ORGANIZER")
            }
            guard !event.attendees.isEmpty else {
                throw ICalendarError(
                    .schedulingRule, "event \(event.uid) in a \(method.rawValue) document has no ATTENDEE")
            }
            if method == .cancel, let status = event.status, status != .cancelled {
                throw ICalendarError(
                    .schedulingRule,
                    "event \(event.uid) in a CANCEL document has STATUS \(status.rawValue), not CANCELLED")
            }
        }
    }
}
