import ConcertCore
import Foundation
import Logging

/// The agent that moves escalations up their ladders: it keeps, for each active escalation,
/// the wake-ups of its next repeat, its next climb and the end of its snooze on the shared
/// timeline, and re-reads an escalation whenever the log says it changed. Waits are counted in
/// working days of the plan's business calendar, from the opening of working hours.
public actor Escalator {
    public static let agentName = "escalator"

    private let ledger: Ledger
    private let timeline: Timeline
    private let logger: Logger
    private let author = Author.agent(Escalator.agentName)
    private var events: AsyncThrowingStream<RecordedPlanEvent, any Error>?

    public init(ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
    }

    /// Subscribes to the log and schedules every active escalation; call before `run()`.
    public func start() async {
        if events == nil { events = await ledger.subscribe().events }
        let state = await ledger.currentState
        for record in state.escalations.values where record.isActive {
            await schedule(record.id, in: state)
        }
    }

    /// Follows the log until cancelled.
    public func run() async {
        if events == nil { events = await ledger.subscribe().events }
        guard let events else { return }
        self.events = nil
        do {
            for try await recorded in events {
                await follow(recorded.event)
            }
        } catch {
            logger.warning("escalator lagged behind the event stream; rescheduling every escalation")
            await start()
            await run()
        }
    }

    private func follow(_ event: PlanEvent) async {
        switch event {
        case .escalationStarted(let e):
            logger.notice(
                "escalation started",
                metadata: [
                    "message_id": "escalation_started", "escalation": "\(e.escalation)", "subject": "\(e.subject)",
                    "measure": "\(e.subject.measure?.rawValue ?? "")", "reason": "\(e.reason)",
                ])
            await schedule(e.escalation, in: await ledger.currentState)
        case .escalationRaised(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationNotified(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationPlaced(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationAcknowledged(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationSnoozed(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationResumed(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .escalationResolved(let e): await schedule(e.escalation, in: await ledger.currentState)
        case .minutesRecorded(let e): await meetingChanged(e.meeting)
        case .meetingCancelled(let e): await meetingChanged(e.meeting)
        default:
            break
        }
    }

    /// A meeting an escalation waits on was held or cancelled.
    private func meetingChanged(_ meeting: String) async {
        let state = await ledger.currentState
        for record in state.escalations.values where record.isActive && record.meeting == meeting {
            await schedule(record.id, in: state)
        }
    }

    private static func key(_ kind: String, _ id: String) -> String { "escalation-\(kind):\(id)" }

    /// Puts the escalation's next repeat, climb or resumption on the timeline (and removes what
    /// no longer applies).
    private func schedule(_ id: String, in state: PlanState) async {
        let keys = ["repeat", "raise", "resume", "place"].map { Self.key($0, id) }
        guard let record = state.escalations[id], record.isActive, let calendar = try? state.plan.businessCalendar()
        else {
            for key in keys { await timeline.cancel(key) }
            return
        }
        let zone = calendar.timeZone
        func opening(_ workingDays: Int, after instant: Date) -> Date {
            calendar.openingTime(on: calendar.adding(workingDays: workingDays, to: CalendarDate(instant, in: zone)))
        }
        if record.state == .snoozed, let until = record.snoozedUntil {
            for key in keys where key != Self.key("resume", id) { await timeline.cancel(key) }
            await plan(id, .resume, level: record.level, at: until)
            return
        }
        await timeline.cancel(Self.key("resume", id))

        // Repeats at this level, while nobody has acknowledged it.
        if record.state == .open, let step = record.step, case .notify = step.action,
            let every = step.repeatEveryWorkingDays, record.notices <= step.maxRepeats, let last = record.lastNotified
        {
            await plan(id, .repeatNotice, level: record.level, at: opening(every, after: last))
        } else {
            await timeline.cancel(Self.key("repeat", id))
        }

        // An agenda level whose meeting is missing (none was placed yet, or it was cancelled).
        if let step = record.step, case .agenda = step.action,
            record.meeting.flatMap({ state.meetings[$0] }).map({ $0.status == .cancelled }) ?? true
        {
            await plan(id, .place, level: record.level, at: max(timeline.clock.now, opening(0, after: timeline.clock.now)))
        } else {
            await timeline.cancel(Self.key("place", id))
        }

        // The climb.
        switch record.nextStep?.trigger {
        case .workingDays(let days)?:
            await plan(id, .raise, level: record.level, at: opening(days, after: record.levelSince))
        case .afterMeeting?:
            if let meeting = record.meeting.flatMap({ state.meetings[$0] }), meeting.status == .held {
                await plan(id, .raise, level: record.level, at: timeline.clock.now)
            } else {
                await timeline.cancel(Self.key("raise", id))
            }
        case nil:
            await timeline.cancel(Self.key("raise", id))
        }
    }

    private func plan(_ id: String, _ action: EscalationAdvance.Action, level: Int, at: Date) async {
        let kind = action == .repeatNotice ? "repeat" : action.rawValue
        await timeline.schedule(Self.key(kind, id), at: at) { [weak self] _ in
            await self?.advance(id, action, level: level)
        }
    }

    private func advance(_ id: String, _ action: EscalationAdvance.Action, level: Int) async {
        let command = PlanCommand.advanceEscalation(EscalationAdvance(escalation: id, action: action, level: level))
        do {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: command))
            var metadata: Logger.Metadata = ["escalation": "\(id)", "level": "\(level)"]
            if action == .raise {
                metadata["message_id"] = "escalation_raised"
                metadata["level"] = "\(level + 1)"
            }
            logger.notice("escalation \(action.rawValue)", metadata: metadata)
        } catch let rejection as CommandRejection {
            if case .noMeetingAhead = rejection.code {
                // Try again on the next working day: the body's agent places meetings ahead.
                let state = await ledger.currentState
                if let calendar = try? state.plan.businessCalendar() {
                    let next = calendar.nextWorkingDay(after: CalendarDate(timeline.clock.now, in: calendar.timeZone))
                    await plan(id, action, level: level, at: calendar.openingTime(on: next))
                }
            }
            logger.debug("escalation unchanged", metadata: ["escalation": "\(id)", "action": "\(action.rawValue)", "why": "\(rejection)"])
        } catch {
            logger.error("could not advance an escalation", metadata: ["escalation": "\(id)", "error": "\(error)"])
        }
    }
}
