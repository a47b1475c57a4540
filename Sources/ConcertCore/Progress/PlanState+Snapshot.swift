import Foundation

/// The recorded part of a `PlanState`, as a snapshot stores it.
///
/// The plan's configuration is not in the snapshot: it is read from Workflows/ at start.
public struct PlanStateSnapshot: Codable, Sendable {
    public static let formatVersion = 1

    public var lastSequence: Int64
    public var progress: [MeasureID: MeasureProgress]
    public var meetings: [String: MeetingRecord]
    public var tasks: [String: TaskRecord]
    public var absences: [Absence]

    public init(
        lastSequence: Int64, progress: [MeasureID: MeasureProgress], meetings: [String: MeetingRecord] = [:],
        tasks: [String: TaskRecord] = [:], absences: [Absence] = []
    ) {
        self.lastSequence = lastSequence
        self.progress = progress
        self.meetings = meetings
        self.tasks = tasks
        self.absences = absences
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lastSequence = try c.decode(Int64.self, forKey: .lastSequence)
        progress = try c.decode([MeasureID: MeasureProgress].self, forKey: .progress)
        meetings = try c.decodeIfPresent([String: MeetingRecord].self, forKey: .meetings) ?? [:]
        tasks = try c.decodeIfPresent([String: TaskRecord].self, forKey: .tasks) ?? [:]
        absences = try c.decodeIfPresent([Absence].self, forKey: .absences) ?? []
    }
}

extension PlanState {
    public var snapshot: PlanStateSnapshot {
        PlanStateSnapshot(
            lastSequence: lastSequence, progress: progress, meetings: meetings, tasks: tasks, absences: absences)
    }

    /// The state from a snapshot, under the current configuration.
    public init(plan: Plan, snapshot: PlanStateSnapshot) {
        self.init(plan: plan, progress: snapshot.progress, lastSequence: snapshot.lastSequence)
        meetings = snapshot.meetings
        tasks = snapshot.tasks
        absences = snapshot.absences
    }

    public func encodedSnapshot() throws -> Data {
        try JSONEncoder().encode(snapshot)
    }

    public static func decodeSnapshot(_ data: Data) throws -> PlanStateSnapshot {
        try JSONDecoder().decode(PlanStateSnapshot.self, from: data)
    }
}
