import Foundation

/// A meeting was placed on the calendar: by its body's agent where the cadence puts it, or by a
/// coordinator as an extraordinary meeting.
public struct MeetingScheduled: Hashable, Codable, Sendable {
    public var meeting: String
    public var body: BodyID
    public var start: Date
    public var end: Date
    public var timeZone: String
    public var venue: String?
    public var movedFrom: CalendarDate?
    /// Called outside the cadence, and why.
    public var extraordinary: Bool
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case meeting, body, start, end, venue, extraordinary, reason
        case timeZone = "time_zone"
        case movedFrom = "moved_from"
    }

    public init(_ planned: PlannedMeeting) {
        meeting = planned.id
        body = planned.body
        start = planned.start
        end = planned.end
        timeZone = planned.timeZone.identifier
        venue = planned.venue
        movedFrom = planned.movedFrom?.date
        extraordinary = false
        reason = nil
    }

    public init(
        meeting: String, body: BodyID, start: Date, end: Date, timeZone: String, venue: String?,
        extraordinary: Bool, reason: String?
    ) {
        self.meeting = meeting
        self.body = body
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.venue = venue
        self.movedFrom = nil
        self.extraordinary = extraordinary
        self.reason = reason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meeting = try c.decode(String.self, forKey: .meeting)
        body = try c.decode(BodyID.self, forKey: .body)
        start = try c.decode(Date.self, forKey: .start)
        end = try c.decode(Date.self, forKey: .end)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        movedFrom = try c.decodeIfPresent(CalendarDate.self, forKey: .movedFrom)
        extraordinary = try c.decodeIfPresent(Bool.self, forKey: .extraordinary) ?? false
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
    }
}

/// A meeting was convened: its agenda frozen and sent to the members' focal points.
public struct MeetingConvened: Hashable, Codable, Sendable {
    public var meeting: String
    public var agenda: [AgendaItem]
    public var recipients: [FocalPointID]

    public init(meeting: String, agenda: [AgendaItem], recipients: [FocalPointID]) {
        self.meeting = meeting
        self.agenda = agenda
        self.recipients = recipients
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meeting = try c.decode(String.self, forKey: .meeting)
        let items = try c.decode([AgendaItem].self, forKey: .agenda)
        agenda = items.contains { $0.number == 0 } ? items.numbered() : items
        recipients = try c.decode([FocalPointID].self, forKey: .recipients)
    }
}

/// A coordinator moved one meeting (its start, end or venue); its SEQUENCE goes up.
public struct MeetingRescheduled: Hashable, Codable, Sendable {
    public var meeting: String
    public var previousStart: Date
    public var start: Date
    public var end: Date
    public var venue: String?
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case meeting, start, end, venue, reason
        case previousStart = "previous_start"
    }

    public init(meeting: String, previousStart: Date, start: Date, end: Date, venue: String?, reason: String) {
        self.meeting = meeting
        self.previousStart = previousStart
        self.start = start
        self.end = end
        self.venue = venue
        self.reason = reason
    }
}

/// A coordinator cancelled one meeting; its SEQUENCE goes up and those convened are told.
public struct MeetingCancelled: Hashable, Codable, Sendable {
    public var meeting: String
    public var reason: String

    public init(meeting: String, reason: String) {
        self.meeting = meeting
        self.reason = reason
    }
}

/// An item was put on a meeting's agenda: before convocation it joins the agenda then frozen;
/// after, it is numbered at the end and the convened members are sent an update.
public struct AgendaItemAdded: Hashable, Codable, Sendable {
    public var meeting: String
    public var item: AgendaItem
    /// True when the agenda was already frozen, so the item is an update to the convocation.
    public var update: Bool

    public init(meeting: String, item: AgendaItem, update: Bool) {
        self.meeting = meeting
        self.item = item
        self.update = update
    }
}

/// The minutes of a meeting were recorded; the meeting is held.
public struct MinutesRecorded: Hashable, Codable, Sendable {
    public var meeting: String
    public var minutes: Minutes

    public init(meeting: String, minutes: Minutes) {
        self.meeting = meeting
        self.minutes = minutes
    }
}
