import Foundation

/// One line of a measure's history: a report, a replan or a reopening.
public struct HistoryEntry: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable {
        case report
        case replan
        case reopen
        /// The monitor found the measure past its deadline, unfinished.
        case overdue
    }

    public var sequence: Int64
    public var at: Date
    public var by: Author
    public var kind: Kind
    /// The measure's stage after this entry.
    public var stage: Stage
    public var indicators: [String: Double]
    public var note: String?
    /// The new deadline, for a replan.
    public var deadline: CalendarDate?

    public init(
        sequence: Int64, at: Date, by: Author, kind: Kind, stage: Stage,
        indicators: [String: Double] = [:], note: String? = nil, deadline: CalendarDate? = nil
    ) {
        self.sequence = sequence
        self.at = at
        self.by = by
        self.kind = kind
        self.stage = stage
        self.indicators = indicators
        self.note = note
        self.deadline = deadline
    }
}
