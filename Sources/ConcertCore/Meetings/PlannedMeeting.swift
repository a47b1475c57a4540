import Foundation

/// A meeting of a body where its cadence and the plan's business calendar place it.
public struct PlannedMeeting: Hashable, Sendable {
    /// Stable across changes: the body and the day its cadence gives (`committee-2027-01-12`).
    public var id: String
    public var body: BodyID
    /// Where the cadence puts it, before the holiday policy moves it.
    public var occurrence: LocalDateTime
    public var start: Date
    public var end: Date
    public var timeZone: TimeZone
    public var venue: String?
    /// The holiday the meeting was moved away from, if any.
    public var movedFrom: Holiday?

    public init(
        id: String, body: BodyID, occurrence: LocalDateTime, start: Date, end: Date, timeZone: TimeZone,
        venue: String?, movedFrom: Holiday?
    ) {
        self.id = id
        self.body = body
        self.occurrence = occurrence
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.venue = venue
        self.movedFrom = movedFrom
    }
}
