import Foundation

/// A meeting as the log records it: placed, convened, perhaps moved or cancelled, then held.
public struct MeetingRecord: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        /// On the calendar, agenda still open.
        case scheduled
        /// Agenda frozen and sent to the members' focal points.
        case convened
        /// Its minutes are recorded.
        case held
        case cancelled
    }

    public var id: String
    public var body: BodyID
    public var start: Date
    public var end: Date
    public var timeZone: String
    public var venue: String?
    /// The day the cadence gave, when the calendar moved the meeting off a holiday.
    public var movedFrom: CalendarDate?
    public var status: Status
    /// Raised on every change after it was placed, as iCalendar's SEQUENCE.
    public var sequence: Int
    /// The agenda, frozen at convocation (then extended only by updates).
    public var agenda: [AgendaItem]
    /// Items put on the agenda before convocation, in the order they came.
    public var added: [AgendaItem]
    public var convenedAt: Date?
    /// Who the convocation went to.
    public var convened: [FocalPointID]
    /// Called outside the cadence.
    public var extraordinary: Bool
    /// Why it was called, moved or cancelled (the latest).
    public var reason: String?
    public var minutes: Minutes?
    /// When it last changed.
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, body, start, end, timeZone, venue, movedFrom, status, sequence, agenda, added, convenedAt
        case convened, extraordinary, reason, minutes, updatedAt
    }

    public init(_ scheduled: MeetingScheduled, at: Date) {
        id = scheduled.meeting
        body = scheduled.body
        start = scheduled.start
        end = scheduled.end
        timeZone = scheduled.timeZone
        venue = scheduled.venue
        movedFrom = scheduled.movedFrom
        status = .scheduled
        sequence = 0
        agenda = []
        added = []
        convenedAt = nil
        convened = []
        extraordinary = scheduled.extraordinary
        reason = scheduled.reason
        minutes = nil
        updatedAt = at
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        body = try c.decode(BodyID.self, forKey: .body)
        start = try c.decode(Date.self, forKey: .start)
        end = try c.decode(Date.self, forKey: .end)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        movedFrom = try c.decodeIfPresent(CalendarDate.self, forKey: .movedFrom)
        status = try c.decode(Status.self, forKey: .status)
        sequence = try c.decode(Int.self, forKey: .sequence)
        let items = try c.decode([AgendaItem].self, forKey: .agenda)
        agenda = items.contains { $0.number == 0 } ? items.numbered() : items
        added = try c.decodeIfPresent([AgendaItem].self, forKey: .added) ?? []
        convenedAt = try c.decodeIfPresent(Date.self, forKey: .convenedAt)
        convened = try c.decode([FocalPointID].self, forKey: .convened)
        extraordinary = try c.decodeIfPresent(Bool.self, forKey: .extraordinary) ?? false
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        minutes = try c.decodeIfPresent(Minutes.self, forKey: .minutes)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt)
    }

    /// Whether the meeting still lies ahead and can be changed.
    public var isOpen: Bool { status == .scheduled || status == .convened }
}
