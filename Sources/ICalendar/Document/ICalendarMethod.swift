/// A document's `METHOD` (RFC 5546 1.4): what a receiving calendar is asked to do with it.
public enum ICalendarMethod: String, Hashable, Sendable, CaseIterable {
    /// `PUBLISH`: for information; nothing to answer (a calendar feed or export).
    case publish = "PUBLISH"
    /// `REQUEST`: an invitation or an update of one; mail clients offer accept and decline.
    case request = "REQUEST"
    /// `CANCEL`: the event (or the occurrences sent) will not take place.
    case cancel = "CANCEL"
}
