import Foundation

/// A meeting as the log records it: placed by its body's agent, then convened.
public struct MeetingRecord: Hashable, Codable, Sendable {
    public enum Status: String, Hashable, Codable, Sendable {
        case scheduled
        case convened
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
    /// Raised on every change, as iCalendar's SEQUENCE.
    public var sequence: Int
    /// Frozen at convocation.
    public var agenda: [String]
    public var convenedAt: Date?
    /// Who the convocation went to.
    public var convened: [FocalPointID]
}
