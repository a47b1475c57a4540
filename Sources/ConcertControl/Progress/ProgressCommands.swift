import ConcertAgents
import ConcertCore
import Foundation

/// The changes of `io.concert.Progress`: each becomes a command for the ledger, and its
/// reply is sent only once the ledger says the events are on disk.
struct ProgressCommands {
    static let interface = "io.concert.Progress"

    let ledger: Ledger
    let author: Author

    struct ReceiptView: Codable, Sendable {
        var commandID: String
        var sequence: Int64
        var recordedAt: String
        var batchSize: Int

        enum CodingKeys: String, CodingKey {
            case sequence
            case commandID = "command_id"
            case recordedAt = "recorded_at"
            case batchSize = "batch_size"
        }

        init(_ receipt: CommitReceipt) {
            commandID = receipt.commandID
            sequence = receipt.events.last?.sequence ?? 0
            recordedAt = receipt.events.last.map { Timestamps.string($0.recordedAt) } ?? ""
            batchSize = receipt.batchSize
        }
    }

    struct ReportParameters: Codable, Sendable {
        var measure: String
        var status: Stage
        var indicators: [String: Double]?
        var note: String?
    }

    struct ReportReply: Codable, Sendable {
        var receipt: ReceiptView
        var previousStatus: Stage
        var status: Stage

        enum CodingKeys: String, CodingKey {
            case receipt, status
            case previousStatus = "previous_status"
        }
    }

    func report(_ p: ReportParameters) async throws(ControlError) -> ReportReply {
        let receipt = try await submit(
            .report(
                ProgressReport(measure: MeasureID(p.measure), stage: p.status, indicators: p.indicators ?? [:], note: p.note)))
        guard case .progressReported(let event)? = receipt.events.first?.event else {
            throw ControlError("\(Self.interface).NotRecorded", message: "the report produced no event", ["reason": .string("internal")])
        }
        return ReportReply(receipt: ReceiptView(receipt), previousStatus: event.previousStage, status: event.stage)
    }

    struct ReplanParameters: Codable, Sendable {
        var measure: String
        var deadline: String
        var reason: String
    }

    struct ReplanReply: Codable, Sendable {
        var receipt: ReceiptView
        var previousDeadline: String?
        var deadline: String

        enum CodingKeys: String, CodingKey {
            case receipt, deadline
            case previousDeadline = "previous_deadline"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(receipt, forKey: .receipt)
            try c.encode(previousDeadline, forKey: .previousDeadline)
            try c.encode(deadline, forKey: .deadline)
        }
    }

    func replan(_ p: ReplanParameters) async throws(ControlError) -> ReplanReply {
        guard let deadline = CalendarDate(iso: p.deadline) else {
            throw ControlError(
                "\(Self.interface).InvalidDeadline", message: "'\(p.deadline)' is not a date in YYYY-MM-DD form",
                ["deadline": .string(p.deadline)])
        }
        let receipt = try await submit(.replan(Replan(measure: MeasureID(p.measure), deadline: deadline, reason: p.reason)))
        guard case .measureReplanned(let event)? = receipt.events.first?.event else {
            throw ControlError("\(Self.interface).NotRecorded", message: "the replan produced no event", ["reason": .string("internal")])
        }
        return ReplanReply(
            receipt: ReceiptView(receipt), previousDeadline: event.previousDeadline?.description,
            deadline: event.deadline.description)
    }

    struct ReopenParameters: Codable, Sendable {
        var measure: String
        var reason: String
    }

    struct ReopenReply: Codable, Sendable {
        var receipt: ReceiptView
    }

    func reopen(_ p: ReopenParameters) async throws(ControlError) -> ReopenReply {
        ReopenReply(receipt: ReceiptView(try await submit(.reopen(Reopen(measure: MeasureID(p.measure), reason: p.reason)))))
    }

    private func submit(_ command: PlanCommand) async throws(ControlError) -> CommitReceipt {
        do {
            return try await ledger.submit(CommandEnvelope(author: author, command: command))
        } catch let rejection as CommandRejection {
            throw Self.error(for: rejection)
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

    /// The interface error for each way `decide` refuses a command.
    static func error(for rejection: CommandRejection) -> ControlError {
        let message = rejection.description
        let name = { (error: String) in "\(interface).\(error)" }
        switch rejection.code {
        case .noSuchMeasure(let id):
            return ControlError(name("NoSuchMeasure"), message: message + "; try concertctl measures", ["id": .string(id.rawValue)])
        case .stageTransitionNotAllowed(let measure, let from, let to):
            return ControlError(
                name("StageTransitionNotAllowed"), message: message,
                ["measure": .string(measure.rawValue), "from": .string(from.rawValue), "to": .string(to.rawValue)])
        case .continuousMeasureNotCompletable(let measure, _), .continuousMeasureHasNoDeadline(let measure):
            return ControlError(name("ContinuousMeasure"), message: message, ["measure": .string(measure.rawValue)])
        case .unknownIndicator(let measure, let indicator, let known):
            return ControlError(
                name("UnknownIndicator"), message: message,
                ["measure": .string(measure.rawValue), "indicator": .string(indicator), "known": .strings(known)])
        case .invalidIndicatorValue(let measure, let indicator):
            return ControlError(
                name("InvalidIndicatorValue"), message: message,
                ["measure": .string(measure.rawValue), "indicator": .string(indicator)])
        case .reasonRequired:
            return ControlError(name("ReasonRequired"), message: message)
        case .textTooLong(let field, let limit):
            return ControlError(name("TextTooLong"), message: message, ["field": .string(field), "limit": .int(limit)])
        case .deadlineOutsidePlan(let deadline, _, _):
            return ControlError(name("InvalidDeadline"), message: message, ["deadline": .string(deadline.description)])
        case .measureNotCompleted(let measure):
            return ControlError(name("NotCompleted"), message: message, ["measure": .string(measure.rawValue)])
        case .measureCompleted(let measure):
            return ControlError(name("AlreadyCompleted"), message: message, ["measure": .string(measure.rawValue)])
        case .noSuchBody, .noSuchMeeting, .meetingAlreadyScheduled, .meetingNotWaiting, .meetingClosed,
            .meetingNotConvened, .meetingNotStarted, .noSuchTask, .taskNotOpen, .noSuchFocalPoint, .noSuchEntity,
            .notAMember, .noSuchAgendaItem, .invalidArgument, .noSuchEscalation, .escalationNotActive, .escalationMoved,
            .noMeetingAhead, .nothingDue:
            return ControlError(name("NotRecorded"), message: message, ["reason": .string("internal")])
        case .notOverdue(let measure):
            return ControlError(
                name("NotRecorded"), message: message, ["reason": .string("not_overdue"), "measure": .string(measure.rawValue)])
        case .permissionDenied(let required, let actual):
            return ControlError(
                name("RoleRequired"), message: message,
                ["required": .string(required.rawValue), "role": .string(actual.rawValue)])
        }
    }
}
