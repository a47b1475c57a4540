/// An `ATTENDEE` of an event (RFC 5545 3.8.4.1).
public struct ICalendarAttendee: Hashable, Sendable {
    /// The display name, written as the `CN` parameter; nil or empty leaves `CN` out.
    public var name: String?
    /// The e-mail address, written as a `mailto:` URI.
    public var email: String
    /// The `ROLE` parameter.
    public var role: ICalendarParticipantRole
    /// The `PARTSTAT` parameter.
    public var participation: ICalendarParticipationStatus
    /// Whether a reply is expected: `RSVP=TRUE` when true, left out (the default, FALSE) when not.
    public var rsvp: Bool

    /// Creates an attendee.
    ///
    /// - Parameters:
    ///   - name: The display name, or nil.
    ///   - email: The e-mail address.
    ///   - role: The role; required participant unless told.
    ///   - participation: The participation status; needs action unless told.
    ///   - rsvp: Whether a reply is expected.
    public init(
        name: String? = nil, email: String, role: ICalendarParticipantRole = .requiredParticipant,
        participation: ICalendarParticipationStatus = .needsAction, rsvp: Bool = false
    ) {
        self.name = name
        self.email = email
        self.role = role
        self.participation = participation
        self.rsvp = rsvp
    }
}
