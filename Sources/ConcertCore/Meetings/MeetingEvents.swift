import Foundation

/// A body's agent placed a meeting on the calendar.
public struct MeetingScheduled: Hashable, Codable, Sendable {
    public var meeting: String
    public var body: BodyID
    public var start: Date
    public var end: Date
    public var timeZone: String
    public var venue: String?
    public var movedFrom: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case meeting, body, start, end, venue
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
    }
}

/// A meeting was convened: its agenda frozen and sent to the members' focal points.
public struct MeetingConvened: Hashable, Codable, Sendable {
    public var meeting: String
    public var agenda: [String]
    public var recipients: [FocalPointID]
}
