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
    public var escalations: [String: EscalationRecord]
    public var reporting: ReportingRecord

    public init(
        lastSequence: Int64, progress: [MeasureID: MeasureProgress], meetings: [String: MeetingRecord] = [:],
        tasks: [String: TaskRecord] = [:], absences: [Absence] = [], escalations: [String: EscalationRecord] = [:],
        reporting: ReportingRecord = ReportingRecord()
    ) {
        self.lastSequence = lastSequence
        self.progress = progress
        self.meetings = meetings
        self.tasks = tasks
        self.absences = absences
        self.escalations = escalations
        self.reporting = reporting
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lastSequence = try c.decode(Int64.self, forKey: .lastSequence)
        progress = try c.decode([MeasureID: MeasureProgress].self, forKey: .progress)
        meetings = try c.decodeIfPresent([String: MeetingRecord].self, forKey: .meetings) ?? [:]
        tasks = try c.decodeIfPresent([String: TaskRecord].self, forKey: .tasks) ?? [:]
        absences = try c.decodeIfPresent([Absence].self, forKey: .absences) ?? []
        escalations = try c.decodeIfPresent([String: EscalationRecord].self, forKey: .escalations) ?? [:]
        reporting = try c.decodeIfPresent(ReportingRecord.self, forKey: .reporting) ?? ReportingRecord()
    }
}

extension PlanState {
    public var snapshot: PlanStateSnapshot {
        PlanStateSnapshot(
            lastSequence: lastSequence, progress: progress, meetings: meetings, tasks: tasks, absences: absences,
            escalations: escalations, reporting: reporting)
    }

    /// The state from a snapshot, under the current configuration.
    public init(plan: Plan, snapshot: PlanStateSnapshot) {
        self.init(plan: plan, progress: snapshot.progress, lastSequence: snapshot.lastSequence)
        meetings = snapshot.meetings
        tasks = snapshot.tasks
        absences = snapshot.absences
        escalations = snapshot.escalations
        reporting = snapshot.reporting
        for (id, record) in escalations where record.isActive { activeEscalations[record.subject] = id }
    }

    public func encodedSnapshot() throws -> Data {
        try JSONEncoder().encode(snapshot)
    }

    public static func decodeSnapshot(_ data: Data) throws -> PlanStateSnapshot {
        try JSONDecoder().decode(PlanStateSnapshot.self, from: data)
    }
}
