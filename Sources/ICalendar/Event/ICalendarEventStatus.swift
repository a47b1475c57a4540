/// An event's `STATUS` (RFC 5545 3.8.1.11).
public enum ICalendarEventStatus: String, Hashable, Sendable, CaseIterable {
    /// `TENTATIVE`: proposed, not yet confirmed.
    case tentative = "TENTATIVE"
    /// `CONFIRMED`: will take place.
    case confirmed = "CONFIRMED"
    /// `CANCELLED`: will not take place; required in a `METHOD:CANCEL` document.
    case cancelled = "CANCELLED"
}
