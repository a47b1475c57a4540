/// An attendee's `PARTSTAT` parameter for an event (RFC 5545 3.2.12).
public enum ICalendarParticipationStatus: String, Hashable, Sendable, CaseIterable {
    /// `NEEDS-ACTION`: no answer yet; what an invitation carries.
    case needsAction = "NEEDS-ACTION"
    /// `ACCEPTED`.
    case accepted = "ACCEPTED"
    /// `DECLINED`.
    case declined = "DECLINED"
    /// `TENTATIVE`.
    case tentative = "TENTATIVE"
    /// `DELEGATED`.
    case delegated = "DELEGATED"
}
