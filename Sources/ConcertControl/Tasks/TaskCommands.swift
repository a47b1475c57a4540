import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// The calls of `io.concert.Tasks`: lists answered from the ledger's state, and changes
/// submitted as commands and answered once they are on disk.
struct TaskCommands {
    static let interface = "io.concert.Tasks"
    /// The most tasks one `List` returns.
    static let maximumTasks = 5_000
    static let declared: Set<String> = [
        "NoSuchTask", "NoSuchEntity", "NoSuchFocalPoint", "NoSuchMeeting", "TaskNotOpen", "InvalidArgument",
        "ReasonRequired", "TextTooLong", "RoleRequired", "NotRecorded",
    ]

    let ledger: Ledger
    let author: Author
    let now: @Sendable () -> Date

    private var commands: CoordinationCommands {
        CoordinationCommands(interface: Self.interface, declared: Self.declared, ledger: ledger, author: author)
    }

    struct ListParameters: Codable, Sendable {
        var owner: String?
        var focalPoint: String?
        var status: String?
        var meeting: String?

        enum CodingKeys: String, CodingKey {
            case owner, status, meeting
            case focalPoint = "focal_point"
        }
    }

    func list(_ p: ListParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        let today = CalendarDate(now(), in: state.timeZone)
        if let owner = p.owner, !state.plan.entities.contains(where: { $0.id.rawValue == owner }) {
            throw commands.error(for: CommandRejection(.noSuchEntity(EntityID(owner))))
        }
        if let point = p.focalPoint, state.focalPoint(FocalPointID(point)) == nil {
            throw commands.error(for: CommandRejection(.noSuchFocalPoint(FocalPointID(point))))
        }
        if let meeting = p.meeting, state.meetings[meeting] == nil {
            throw commands.error(for: CommandRejection(.noSuchMeeting(meeting)))
        }
        var status: TaskRecord.Status?
        if let text = p.status {
            guard let value = TaskRecord.Status(rawValue: text) else {
                throw commands.invalid(
                    "status",
                    "no task status '\(text)'; valid: \(TaskRecord.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = value
        }
        let point = p.focalPoint.map(FocalPointID.init)
        let tasks = TaskView.ordered(
            state.tasks.values.filter { t in
                (p.owner == nil || t.owner.rawValue == p.owner) && (status == nil || t.status == status)
                    && (p.meeting == nil || t.meeting == p.meeting)
                    && (point == nil || t.assignee == point || TaskView.handler(of: t, in: state, today: today) == point)
            }
        ).prefix(Self.maximumTasks)
        return ["tasks": .array(tasks.map { TaskView.object($0, in: state, today: today) })]
    }

    struct IDParameters: Codable, Sendable {
        var id: String
    }

    func show(_ p: IDParameters) async throws(ControlError) -> [String: JSONValue] {
        try await reply(p.id)
    }

    func acknowledge(_ p: IDParameters) async throws(ControlError) -> [String: JSONValue] {
        _ = try await commands.submit(.acknowledgeTask(task: p.id))
        return try await reply(p.id)
    }

    struct CompleteParameters: Codable, Sendable {
        var id: String
        var note: String?
    }

    func complete(_ p: CompleteParameters) async throws(ControlError) -> [String: JSONValue] {
        _ = try await commands.submit(.completeTask(TaskCompletion(task: p.id, note: p.note)))
        return try await reply(p.id)
    }

    struct ReassignParameters: Codable, Sendable {
        var id: String
        var owner: String?
        var focalPoint: String?
        var reason: String

        enum CodingKeys: String, CodingKey {
            case id, owner, reason
            case focalPoint = "focal_point"
        }
    }

    func reassign(_ p: ReassignParameters) async throws(ControlError) -> [String: JSONValue] {
        _ = try await commands.submit(
            .reassignTask(
                TaskReassignment(
                    task: p.id, owner: p.owner.map(EntityID.init), focalPoint: p.focalPoint.map(FocalPointID.init),
                    reason: p.reason)))
        return try await reply(p.id)
    }

    private func reply(_ id: String) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        guard let task = state.tasks[id] else { throw commands.error(for: CommandRejection(.noSuchTask(id))) }
        return ["task": TaskView.object(task, in: state, today: CalendarDate(now(), in: state.timeZone))]
    }
}
