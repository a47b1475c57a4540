import ConcertAgents
import ConcertCore
import Foundation

/// Submits the meeting, task and focal-point commands of one interface to the ledger, and
/// turns a refusal into that interface's error.
///
/// A command is answered only once the ledger says its events are on disk.
struct CoordinationCommands {
    /// The interface's name, e.g. `io.concert.Meetings`.
    let interface: String
    /// The error names the interface declares; a refusal with another name is sent as
    /// `InvalidArgument`.
    let declared: Set<String>
    let ledger: Ledger
    let author: Author

    /// Submits a command; returns its receipt once the events are durable.
    func submit(_ command: PlanCommand) async throws(ControlError) -> CommitReceipt {
        do {
            return try await ledger.submit(CommandEnvelope(author: author, command: command))
        } catch let rejection as CommandRejection {
            throw error(for: rejection)
        } catch let failure as LedgerError {
            let reason: String
            switch failure.code {
            case .stopping: reason = "stopping"
            case .overloaded: reason = "overloaded"
            case .storeFailed: reason = "store_failed"
            }
            throw ControlError("\(interface).NotRecorded", message: failure.message, ["reason": .string(reason)])
        } catch {
            throw ControlError(
                "\(interface).NotRecorded", message: "the change was not recorded: \(error)",
                ["reason": .string("internal")])
        }
    }

    /// The interface error for a refusal.
    func error(for rejection: CommandRejection) -> ControlError {
        let (name, fields) = Self.error(for: rejection.code)
        let message = rejection.description + Self.hint(for: rejection.code)
        guard declared.contains(name) else {
            return ControlError("\(interface).InvalidArgument", message: message, ["field": .string("command")])
        }
        return ControlError("\(interface).\(name)", message: message, fields)
    }

    /// A pointer to the command that lists what exists, for the "no such" refusals.
    private static func hint(for code: CommandRejection.Code) -> String {
        switch code {
        case .noSuchMeeting: return "; try concertctl meetings"
        case .noSuchTask: return "; try concertctl tasks"
        case .noSuchFocalPoint: return "; try concertctl focal-points"
        case .noSuchEntity: return "; try concertctl entities"
        case .noSuchMeasure: return "; try concertctl measures"
        case .noSuchAgendaItem(let meeting, _): return "; try concertctl meeting show \(meeting)"
        default: return ""
        }
    }

    /// The short error name and typed fields for each refusal.
    static func error(for code: CommandRejection.Code) -> (String, [String: ErrorField]) {
        switch code {
        case .noSuchMeasure(let id): return ("NoSuchMeasure", ["id": .string(id.rawValue)])
        case .noSuchBody(let id): return ("NoSuchBody", ["id": .string(id.rawValue)])
        case .noSuchMeeting(let id): return ("NoSuchMeeting", ["id": .string(id)])
        case .noSuchTask(let id): return ("NoSuchTask", ["id": .string(id)])
        case .noSuchFocalPoint(let id): return ("NoSuchFocalPoint", ["id": .string(id.rawValue)])
        case .noSuchEntity(let id): return ("NoSuchEntity", ["id": .string(id.rawValue)])
        case .noSuchAgendaItem(let meeting, let number):
            return ("NoSuchAgendaItem", ["meeting": .string(meeting), "number": .int(number)])
        case .meetingClosed(let meeting, let status):
            return ("MeetingClosed", ["meeting": .string(meeting), "status": .string(status.rawValue)])
        case .meetingNotConvened(let meeting): return ("MeetingNotConvened", ["meeting": .string(meeting)])
        case .meetingNotStarted(let meeting, let start):
            return ("MeetingNotStarted", ["meeting": .string(meeting), "start": .string(Timestamps.string(start))])
        case .taskNotOpen(let task, let status):
            return ("TaskNotOpen", ["task": .string(task), "status": .string(status.rawValue)])
        case .notAMember(let entity, let body):
            return ("NotAMember", ["entity": .string(entity.rawValue), "body": .string(body.rawValue)])
        case .invalidArgument(let field, _): return ("InvalidArgument", ["field": .string(field)])
        case .reasonRequired: return ("ReasonRequired", [:])
        case .textTooLong(let field, let limit): return ("TextTooLong", ["field": .string(field), "limit": .int(limit)])
        case .permissionDenied(let required, let actual):
            return ("RoleRequired", ["required": .string(required.rawValue), "role": .string(actual.rawValue)])
        case .noSuchEscalation(let id): return ("NoSuchEscalation", ["id": .string(id)])
        case .escalationNotActive(let id, let state):
            return ("NotActive", ["id": .string(id), "state": .string(state.rawValue)])
        case .stageTransitionNotAllowed, .continuousMeasureNotCompletable, .unknownIndicator, .invalidIndicatorValue,
            .deadlineOutsidePlan, .continuousMeasureHasNoDeadline, .measureNotCompleted, .measureCompleted, .notOverdue,
            .meetingAlreadyScheduled, .meetingNotWaiting, .escalationMoved, .noMeetingAhead, .nothingDue:
            return ("InvalidArgument", ["field": .string("command")])
        }
    }

    /// An `InvalidArgument` error of this interface.
    func invalid(_ field: String, _ message: String) -> ControlError {
        ControlError("\(interface).InvalidArgument", message: message, ["field": .string(field)])
    }
}
