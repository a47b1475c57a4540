import Foundation

/// What a meeting did, as its minutes record it.
public struct Minutes: Hashable, Codable, Sendable {
    /// The member entities present and absent.
    public var present: [EntityID]
    public var absent: [EntityID]
    public var decisions: [Decision]
    /// Agenda item numbers the meeting resolved; the others carry over to the body's next meeting.
    public var resolved: [Int]
    public var unresolved: [Int]
    public var note: String?

    public init(
        present: [EntityID], absent: [EntityID], decisions: [Decision], resolved: [Int], unresolved: [Int],
        note: String?
    ) {
        self.present = present
        self.absent = absent
        self.decisions = decisions
        self.resolved = resolved
        self.unresolved = unresolved
        self.note = note
    }
}

/// A decision taken at a meeting, with the tasks it created.
public struct Decision: Hashable, Codable, Sendable {
    /// 1, 2, ... within the meeting.
    public var number: Int
    public var text: String
    /// The agenda item it answers, if any.
    public var item: Int?
    /// The ids of the tasks it created.
    public var tasks: [String]

    public init(number: Int, text: String, item: Int?, tasks: [String]) {
        self.number = number
        self.text = text
        self.item = item
        self.tasks = tasks
    }
}
