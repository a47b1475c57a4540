import Foundation

/// An event as the log holds it: its place in the sequence, when, who, and which command.
public struct RecordedPlanEvent: Hashable, Sendable {
    public var sequence: Int64
    public var recordedAt: Date
    public var author: Author
    public var commandID: String
    public var event: PlanEvent

    public init(sequence: Int64, recordedAt: Date, author: Author, commandID: String, event: PlanEvent) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.author = author
        self.commandID = commandID
        self.event = event
    }
}
