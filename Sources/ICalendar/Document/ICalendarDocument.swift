/// A `VCALENDAR` object (RFC 5545 3.4): events and the `VTIMEZONE`s they need, ready to be
/// written as `text/calendar`.
///
/// ```swift
/// let document = ICalendarDocument(productID: "-//Example//Scheduler 1.0//EN", method: .request, events: [meeting])
/// let text = try document.serialized()          // CRLF-ended, folded content lines
/// let type = document.contentType                // text/calendar; charset=utf-8; method=REQUEST
/// ```
///
/// With a method of ``ICalendarMethod/request`` or ``ICalendarMethod/cancel`` the document is
/// a scheduling message (iTIP, RFC 5546) and must concern one event: every `VEVENT` shares one
/// `UID` (a series and its overrides), has an organizer and at least one attendee, and in a
/// cancellation has no status but `CANCELLED`.
public struct ICalendarDocument: Hashable, Sendable {
    /// `PRODID`: who wrote the document, e.g. `-//Example//Scheduler 1.0//EN`.
    public var productID: String
    /// `METHOD`, or nil for a plain calendar object (a file, not a message).
    public var method: ICalendarMethod?
    /// The events, written in this order.
    public var events: [ICalendarEvent]

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - productID: `PRODID`, e.g. `-//Example//Scheduler 1.0//EN`.
    ///   - method: `METHOD`, or nil.
    ///   - events: The events.
    public init(productID: String, method: ICalendarMethod? = nil, events: [ICalendarEvent] = []) {
        self.productID = productID
        self.method = method
        self.events = events
    }

    /// The MIME type of the serialized document, with the `method` parameter that mail clients
    /// read to offer accept and decline (RFC 6047 2.4): `text/calendar; charset=utf-8;
    /// method=REQUEST`.
    public var contentType: String {
        "text/calendar; charset=utf-8" + (method.map { "; method=" + $0.rawValue } ?? "")
    }
}
