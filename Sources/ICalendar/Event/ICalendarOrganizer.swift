/// The `ORGANIZER` of an event (RFC 5545 3.8.4.3): who convenes it and receives replies.
public struct ICalendarOrganizer: Hashable, Sendable {
    /// The display name, written as the `CN` parameter; nil or empty leaves `CN` out.
    public var name: String?
    /// The e-mail address, written as a `mailto:` URI (e.g. `secretariat@example.org`).
    public var email: String

    /// Creates an organizer.
    ///
    /// - Parameters:
    ///   - name: The display name, or nil.
    ///   - email: The e-mail address.
    public init(name: String? = nil, email: String) {
        self.name = name
        self.email = email
    }
}
