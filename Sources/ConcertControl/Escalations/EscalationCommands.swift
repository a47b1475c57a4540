import ConcertAgents
import ConcertCore
import Foundation
import Varlink

/// The calls of `io.concert.Escalations`: lists answered from the ledger's state, and
/// acknowledgements and snoozes submitted as commands and answered once they are on disk.
struct EscalationCommands {
    static let interface = "io.concert.Escalations"
    /// The most escalations one `List` returns.
    static let maximumEscalations = 5_000
    static let declared: Set<String> = [
        "NoSuchEscalation", "NoSuchMeasure", "NotActive", "InvalidArgument", "ReasonRequired", "TextTooLong",
        "RoleRequired", "NotRecorded",
    ]
    static let subjectKinds = ["measure", "task", "report"]

    let ledger: Ledger
    let author: Author
    let now: @Sendable () -> Date

    private var commands: CoordinationCommands {
        CoordinationCommands(interface: Self.interface, declared: Self.declared, ledger: ledger, author: author)
    }

    struct ListParameters: Codable, Sendable {
        var state: String?
        var subject: String?
        var measure: String?
        var level: Int?
    }

    func list(_ p: ListParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        var wanted: EscalationRecord.State?
        if let text = p.state {
            guard let value = EscalationRecord.State(rawValue: text) else {
                throw commands.invalid(
                    "state",
                    "no escalation state '\(text)'; valid: \(EscalationRecord.State.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            wanted = value
        }
        if let kind = p.subject, !Self.subjectKinds.contains(kind) {
            throw commands.invalid(
                "subject", "no subject kind '\(kind)'; valid: \(Self.subjectKinds.joined(separator: ", "))")
        }
        if let measure = p.measure, state.measure(MeasureID(measure)) == nil {
            throw error(for: CommandRejection(.noSuchMeasure(MeasureID(measure))))
        }
        if let level = p.level, level < 0 {
            throw commands.invalid("level", "a level is 0 or more")
        }
        let escalations = EscalationView.ordered(
            state.escalations.values.filter { r in
                (wanted == nil || r.state == wanted) && (p.subject == nil || r.subject.kind == p.subject)
                    && (p.measure == nil || r.subject.measure?.rawValue == p.measure)
                    && (p.level == nil || r.level == p.level)
            }
        ).prefix(Self.maximumEscalations)
        return ["escalations": .array(escalations.map { EscalationView.object($0, in: state) })]
    }

    struct IDParameters: Codable, Sendable {
        var id: String
    }

    func show(_ p: IDParameters) async throws(ControlError) -> [String: JSONValue] {
        try await reply(p.id)
    }

    func acknowledge(_ p: IDParameters) async throws(ControlError) -> [String: JSONValue] {
        try await submit(.acknowledgeEscalation(id: p.id))
        return try await reply(p.id)
    }

    struct SnoozeParameters: Codable, Sendable {
        var id: String
        var until: String
        var reason: String
    }

    func snooze(_ p: SnoozeParameters) async throws(ControlError) -> [String: JSONValue] {
        guard let until = CalendarDate(iso: p.until) else {
            throw commands.invalid("until", "'\(p.until)' is not \(CalendarDate.isoForm)")
        }
        try await submit(.snoozeEscalation(EscalationSnooze(escalation: p.id, until: until, reason: p.reason)))
        return try await reply(p.id)
    }

    struct ReportsParameters: Codable, Sendable {
        var period: String?
    }

    /// The monthly reporting status of one period.
    func listReports(_ p: ReportsParameters) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        guard let cycle = state.plan.monitoring.reporting else {
            throw ControlError(
                "\(Self.interface).NoReportingCycle",
                message: "the plan declares no monthly reporting cycle (monitoring: reporting: in its Workflows folder)"
            )
        }
        let today = CalendarDate(now(), in: state.timeZone)
        let period: ReportingPeriod
        if let text = p.period {
            guard let value = ReportingPeriod(text) else {
                throw commands.invalid("period", "'\(text)' is not a period in YYYY-MM form")
            }
            // Periods far from the plan would reach days a calendar date cannot hold.
            let years = (state.plan.start.year - 1)...(state.plan.end.year + 1)
            guard years.contains(value.year) else {
                throw commands.invalid(
                    "period", "\(text) is outside the plan, which runs from \(state.plan.start) to \(state.plan.end)")
            }
            period = value
        } else {
            period = cycle.period(on: today)
        }
        let (opens, due) = cycle.window(of: period)
        let reported = state.plan.measures.filter { state.hasReported($0, for: period, cycle: cycle) }
        let missing = state.missingReports(for: period, cycle: cycle, on: min(today, due))
        return [
            "period": .string(period.description), "opens": .string(opens.description), "due": .string(due.description),
            "reported": .array(reported.map { .string($0.id.rawValue) }),
            "missing": .array(missing.map { .string($0.id.rawValue) }),
        ]
    }

    /// Submits a command; returns once its events are durable.
    private func submit(_ command: PlanCommand) async throws(ControlError) {
        do {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: command))
        } catch let rejection as CommandRejection {
            throw error(for: rejection)
        } catch let failure as LedgerError {
            let reason: String
            switch failure.code {
            case .stopping: reason = "stopping"
            case .overloaded: reason = "overloaded"
            case .storeFailed: reason = "store_failed"
            }
            throw ControlError("\(Self.interface).NotRecorded", message: failure.message, ["reason": .string(reason)])
        } catch {
            throw ControlError(
                "\(Self.interface).NotRecorded", message: "the change was not recorded: \(error)",
                ["reason": .string("internal")])
        }
    }

    /// The interface error for a refusal: the escalation's own ones here, the rest as every
    /// coordination interface names them.
    func error(for rejection: CommandRejection) -> ControlError {
        switch rejection.code {
        case .noSuchEscalation(let id):
            return ControlError(
                "\(Self.interface).NoSuchEscalation", message: "\(rejection); try concertctl escalations",
                ["id": .string(id)])
        case .escalationNotActive(let id, let state):
            let hint: String
            switch state {
            case .resolved: hint = "; it is settled"
            case .acknowledged: hint = "; it is already taken in hand"
            case .snoozed: hint = "; it resumes when its snooze ends"
            case .open: hint = ""
            }
            return ControlError(
                "\(Self.interface).NotActive", message: "\(rejection)\(hint)",
                ["id": .string(id), "state": .string(state.rawValue)])
        case .noSuchMeasure(let id):
            return ControlError(
                "\(Self.interface).NoSuchMeasure", message: "\(rejection); try concertctl measures",
                ["id": .string(id.rawValue)])
        default:
            return commands.error(for: rejection)
        }
    }

    private func reply(_ id: String) async throws(ControlError) -> [String: JSONValue] {
        let state = await ledger.currentState
        guard let record = state.escalations[id] else { throw error(for: CommandRejection(.noSuchEscalation(id))) }
        return ["escalation": EscalationView.object(record, in: state)]
    }
}
