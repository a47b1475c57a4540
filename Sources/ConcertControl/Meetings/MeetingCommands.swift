import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// The calls of `io.concert.Meetings`: questions answered from the ledger's state, and changes
/// submitted as commands and answered once they are on disk.
struct MeetingCommands {
    static let interface = "io.concert.Meetings"
    /// The most meetings one `List` returns.
    static let maximumMeetings = 5_000
    /// The longest meeting, in minutes.
    static let maximumMinutes = 24 * 60
    static let declared: Set<String> = [
        "NoSuchMeeting", "NoSuchBody", "NoSuchMeasure", "NoSuchEntity", "NoSuchAgendaItem", "MeetingClosed",
        "MeetingNotConvened", "MeetingNotStarted", "NotAMember", "InvalidArgument", "ReasonRequired", "TextTooLong",
        "RoleRequired", "NotRecorded",
    ]

    let ledger: Ledger
    let author: Author
    let now: @Sendable () -> Date

    private var commands: CoordinationCommands {
        CoordinationCommands(interface: Self.interface, declared: Self.declared, ledger: ledger, author: author)
    }

    // MARK: - Questions

    struct ListParameters: Codable, Sendable {
        var body: String?
        var status: String?
        var from: String?
        var to: String?
    }

    func list(_ p: ListParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        if let body = p.body { _ = try self.body(body, in: state) }
        var status: MeetingRecord.Status?
        if let text = p.status {
            guard let value = MeetingRecord.Status(rawValue: text) else {
                throw commands.invalid(
                    "status",
                    "no meeting status '\(text)'; valid: \(MeetingRecord.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = value
        }
        let from = try p.from.map { text throws(ControlError) in
            guard let date = TimeInput.lowerBound(text, in: state.timeZone) else { throw notADay("from", text) }
            return date
        }
        let to = try p.to.map { text throws(ControlError) in
            guard let date = TimeInput.upperBound(text, in: state.timeZone) else { throw notADay("to", text) }
            return date
        }
        if let from, let to, to < from {
            throw commands.invalid("to", "to (\(p.to ?? "")) comes before from (\(p.from ?? ""))")
        }
        let meetings = state.meetings.values
            .filter { m in
                (p.body == nil || m.body.rawValue == p.body) && (status == nil || m.status == status)
                    && (from.map { m.start >= $0 } ?? true) && (to.map { m.start <= $0 } ?? true)
            }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            .prefix(Self.maximumMeetings)
        let calendar = try? state.plan.businessCalendar()
        return ["meetings": .array(meetings.map { MeetingView.object($0, in: state, calendar: calendar) })]
    }

    struct ShowParameters: Codable, Sendable {
        var id: String
    }

    func show(_ p: ShowParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        return ["meeting": view(try meeting(p.id, in: state), in: state)]
    }

    // MARK: - Changes

    struct RescheduleParameters: Codable, Sendable {
        var id: String
        var start: String
        var end: String?
        var durationMinutes: Int?
        var venue: String?
        var reason: String

        enum CodingKeys: String, CodingKey {
            case id, start, end, venue, reason
            case durationMinutes = "duration_minutes"
        }
    }

    func reschedule(_ p: RescheduleParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        let meeting = try meeting(p.id, in: state)
        let zone = TimeZone(identifier: meeting.timeZone) ?? state.timeZone
        let start = try instant(p.start, field: "start", in: zone)
        var end: Date?
        if let text = p.end {
            guard p.durationMinutes == nil else {
                throw commands.invalid("end", "give the end or the duration, not both")
            }
            guard let value = TimeInput.end(text, start: start, in: zone) else {
                throw commands.invalid(
                    "end", "end '\(text)' is not \(TimeInput.forms), nor HH:MM on the start's day (\(zone.identifier))")
            }
            end = value
        } else if let minutes = p.durationMinutes {
            end = start.addingTimeInterval(TimeInterval(try duration(minutes) * 60))
        }
        _ = try await commands.submit(
            .rescheduleMeeting(MeetingReschedule(meeting: meeting.id, start: start, end: end, venue: p.venue, reason: p.reason)))
        return try await reply(meeting.id)
    }

    struct CancelParameters: Codable, Sendable {
        var id: String
        var reason: String
    }

    func cancel(_ p: CancelParameters) async throws(ControlError) -> [String: JSONValue] {
        _ = try await commands.submit(.cancelMeeting(meeting: p.id, reason: p.reason))
        return try await reply(p.id)
    }

    struct CallParameters: Codable, Sendable {
        var body: String
        var start: String
        var durationMinutes: Int?
        var venue: String?
        var reason: String
        var items: [String]?

        enum CodingKeys: String, CodingKey {
            case body, start, venue, reason, items
            case durationMinutes = "duration_minutes"
        }
    }

    func callExtraordinary(_ p: CallParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        let body = try body(p.body, in: state)
        let zone = body.timeZone.flatMap(TimeZone.init(identifier:)) ?? state.timeZone
        let start = try instant(p.start, field: "start", in: zone)
        let minutes = try p.durationMinutes.map { value throws(ControlError) in try duration(value) }
        let receipt = try await commands.submit(
            .callExtraordinaryMeeting(
                ExtraordinaryMeeting(
                    body: body.id, start: start, durationMinutes: minutes, venue: p.venue, reason: p.reason,
                    items: p.items ?? [])))
        guard case .meetingScheduled(let scheduled)? = receipt.events.first?.event else {
            throw ControlError(
                "\(Self.interface).NotRecorded", message: "the call produced no meeting", ["reason": .string("internal")])
        }
        return try await reply(scheduled.meeting)
    }

    struct AddAgendaItemParameters: Codable, Sendable {
        var meeting: String
        var title: String
        var measure: String?
    }

    func addAgendaItem(_ p: AddAgendaItemParameters) async throws(ControlError) -> [String: JSONValue] {
        _ = try await commands.submit(
            .addAgendaItem(AgendaItemRequest(meeting: p.meeting, title: p.title, measure: p.measure.map(MeasureID.init))))
        return try await reply(p.meeting)
    }

    struct TaskInput: Codable, Sendable {
        var title: String
        var owner: String
        var due: String
        var measure: String?
    }

    struct DecisionInput: Codable, Sendable {
        var text: String
        var item: Int?
        var tasks: [TaskInput]?
    }

    struct MinutesParameters: Codable, Sendable {
        var meeting: String
        var present: [String]
        var resolved: [Int]
        var decisions: [DecisionInput]
        var note: String?
    }

    func recordMinutes(_ p: MinutesParameters) async throws(ControlError) -> [String: JSONValue] {
        var decisions: [MinutesDraft.DecisionDraft] = []
        for decision in p.decisions {
            var tasks: [MinutesDraft.TaskDraft] = []
            for task in decision.tasks ?? [] {
                guard let due = CalendarDate(iso: task.due) else {
                    throw commands.invalid("due", "task '\(task.title)': due '\(task.due)' is not a day in YYYY-MM-DD form")
                }
                tasks.append(
                    MinutesDraft.TaskDraft(
                        title: task.title, owner: EntityID(task.owner), due: due, measure: task.measure.map(MeasureID.init)))
            }
            decisions.append(MinutesDraft.DecisionDraft(text: decision.text, item: decision.item, tasks: tasks))
        }
        let receipt = try await commands.submit(
            .recordMinutes(
                MinutesDraft(
                    meeting: p.meeting, present: p.present.map(EntityID.init), decisions: decisions, resolved: p.resolved,
                    note: p.note)))
        let created = receipt.events.compactMap { recorded -> String? in
            guard case .taskCreated(let task) = recorded.event else { return nil }
            return task.task
        }
        let state = await ledger.currentState
        let today = CalendarDate(now(), in: state.timeZone)
        var reply = try await reply(p.meeting, state: state)
        reply["tasks"] = .array(created.compactMap { state.tasks[$0] }.map { TaskView.object($0, in: state, today: today) })
        return reply
    }

    // MARK: - Helpers

    private func reply(_ id: String, state given: PlanState? = nil) async throws(ControlError) -> [String: JSONValue] {
        let state: PlanState
        if let given { state = given } else { state = await ledger.currentState }
        return ["meeting": view(try meeting(id, in: state), in: state)]
    }

    private func view(_ meeting: MeetingRecord, in state: PlanState) -> JSONValue {
        MeetingView.object(meeting, in: state, calendar: try? state.plan.businessCalendar())
    }

    private func meeting(_ id: String, in state: PlanState) throws(ControlError) -> MeetingRecord {
        guard let meeting = state.meetings[id] else {
            throw commands.error(for: CommandRejection(.noSuchMeeting(id)))
        }
        return meeting
    }

    private func body(_ id: String, in state: PlanState) throws(ControlError) -> Body {
        guard let body = state.body(BodyID(id)) else {
            throw ControlError(
                "\(Self.interface).NoSuchBody",
                message: "no body named \(id); the plan has: \(state.plan.bodies.map(\.id.rawValue).joined(separator: ", "))",
                ["id": .string(id)])
        }
        return body
    }

    private func instant(_ text: String, field: String, in zone: TimeZone) throws(ControlError) -> Date {
        guard let date = TimeInput.instant(text, in: zone) else {
            throw commands.invalid(field, "\(field) '\(text)' is not \(TimeInput.forms) (\(zone.identifier))")
        }
        return date
    }

    private func duration(_ minutes: Int) throws(ControlError) -> Int {
        guard minutes > 0, minutes <= Self.maximumMinutes else {
            throw commands.invalid("duration_minutes", "a meeting lasts from 1 to \(Self.maximumMinutes) minutes")
        }
        return minutes
    }

    private func notADay(_ field: String, _ text: String) -> ControlError {
        commands.invalid(field, "\(field) '\(text)' is not a day in YYYY-MM-DD form nor an RFC 3339 instant")
    }
}
