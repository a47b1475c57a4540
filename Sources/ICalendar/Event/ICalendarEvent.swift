import Foundation

/// One `VEVENT` (RFC 5545 3.6.1): a meeting, a recurring series of meetings, or one
/// overridden occurrence of a series.
///
/// The writer keeps the rules of iCalendar that a value type cannot: callers keep `uid` the
/// same for the life of the meeting and raise `sequence` on every change that attendees must
/// see (RFC 5546 2.1.4), so that a mail client replaces the event it holds instead of adding
/// another.
///
/// A series is an event with a ``recurrenceRule``; one occurrence of it that differs (moved,
/// renamed, cancelled) is a second event with the same ``uid`` and a ``recurrenceID`` naming
/// the occurrence's original start; an occurrence that is simply dropped is listed in the
/// series' ``exceptionDates``.
public struct ICalendarEvent: Hashable, Sendable {
    /// `UID`: the event's identity, the same across every update (e.g. `meeting-42@example.org`).
    public var uid: String
    /// `SEQUENCE`: 0 for the first version, raised on every significant change.
    public var sequence: Int
    /// `DTSTAMP`: when this version of the event was written out, written in UTC.
    public var timestamp: Date
    /// `DTSTART`.
    public var start: ICalendarEventTime
    /// `DTEND`, or nil for an event with no duration (or, all-day, lasting the start day).
    public var end: ICalendarEventTime?
    /// `SUMMARY`: the title.
    public var summary: String?
    /// `DESCRIPTION`: free text, line breaks allowed.
    public var description: String?
    /// `LOCATION`: where, as text.
    public var location: String?
    /// `STATUS`.
    public var status: ICalendarEventStatus?
    /// `ORGANIZER`; required in `REQUEST` and `CANCEL` documents.
    public var organizer: ICalendarOrganizer?
    /// `ATTENDEE`s in the order given; at least one in `REQUEST` and `CANCEL` documents.
    public var attendees: [ICalendarAttendee]
    /// `CATEGORIES`, written as one comma-separated property; empty names are left out, and so is
    /// the property when none remains.
    public var categories: [String]
    /// `URL`: a page about the event.
    public var url: URL?
    /// `CREATED`: when the event was first recorded, written in UTC.
    public var created: Date?
    /// `LAST-MODIFIED`: when the event was last changed, written in UTC.
    public var lastModified: Date?
    /// `RRULE`: the recurrence rule as RFC 5545 text without the property name, e.g.
    /// `FREQ=MONTHLY;BYDAY=2TU;COUNT=10`. It is checked, not interpreted: rule parts must be
    /// known and well formed, `COUNT` and `UNTIL` exclusive, and `UNTIL` a UTC time (timed
    /// events) or a date (all-day events).
    public var recurrenceRule: String?
    /// `RECURRENCE-ID`: for an override, the original start of the occurrence it replaces,
    /// of the same kind (timed or all-day) as the series' start.
    public var recurrenceID: ICalendarEventTime?
    /// `EXDATE`s: starts of occurrences of the series that do not take place, each of the same
    /// kind as ``start``; each is written as its own property.
    public var exceptionDates: [ICalendarEventTime]

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - uid: The event's identity, the same across updates.
    ///   - sequence: The revision, 0 first and raised on every change.
    ///   - timestamp: When this version is written out (`DTSTAMP`).
    ///   - start: When the event starts.
    ///   - end: When it ends (exclusive for all-day events), or nil.
    ///   - summary: The title.
    ///   - description: Free text.
    ///   - location: Where, as text.
    ///   - status: Tentative, confirmed or cancelled.
    ///   - organizer: Who convenes it.
    ///   - attendees: Who is invited.
    ///   - categories: Category names.
    ///   - url: A page about the event.
    ///   - created: When it was first recorded.
    ///   - lastModified: When it was last changed.
    ///   - recurrenceRule: `RRULE` text, e.g. `FREQ=WEEKLY;COUNT=4`.
    ///   - recurrenceID: For an override, the original start of the occurrence it replaces.
    ///   - exceptionDates: Starts of occurrences that do not take place.
    public init(
        uid: String, sequence: Int = 0, timestamp: Date, start: ICalendarEventTime,
        end: ICalendarEventTime? = nil, summary: String? = nil, description: String? = nil,
        location: String? = nil, status: ICalendarEventStatus? = nil, organizer: ICalendarOrganizer? = nil,
        attendees: [ICalendarAttendee] = [], categories: [String] = [], url: URL? = nil, created: Date? = nil,
        lastModified: Date? = nil, recurrenceRule: String? = nil, recurrenceID: ICalendarEventTime? = nil,
        exceptionDates: [ICalendarEventTime] = []
    ) {
        self.uid = uid
        self.sequence = sequence
        self.timestamp = timestamp
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
        self.categories = categories
        self.url = url
        self.created = created
        self.lastModified = lastModified
        self.recurrenceRule = recurrenceRule
        self.recurrenceID = recurrenceID
        self.exceptionDates = exceptionDates
    }

    /// Every time value of the event: start, end, recurrence ID and exception dates.
    var allTimes: [ICalendarEventTime] {
        [start] + (end.map { [$0] } ?? []) + (recurrenceID.map { [$0] } ?? []) + exceptionDates
    }
}
