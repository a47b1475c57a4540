/// An attendee's `ROLE` parameter (RFC 5545 3.2.16).
public enum ICalendarParticipantRole: String, Hashable, Sendable, CaseIterable {
    /// `CHAIR`: chairs the meeting.
    case chair = "CHAIR"
    /// `REQ-PARTICIPANT`: participation is required.
    case requiredParticipant = "REQ-PARTICIPANT"
    /// `OPT-PARTICIPANT`: participation is optional.
    case optionalParticipant = "OPT-PARTICIPANT"
    /// `NON-PARTICIPANT`: copied for information only.
    case nonParticipant = "NON-PARTICIPANT"
}
