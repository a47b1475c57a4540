import ConcertCore
import Foundation
import Logging

/// The monitoring body as an agent: it keeps one wake-up per unfinished measure, at the start
/// of the day after its deadline (in the plan's time zone), and when that comes records that
/// the measure fell overdue. Replans, reopenings and completions move or remove the wake-up.
/// Tasks are watched the same way against their due days. The monitoring body also runs the
/// monthly reporting cycle (``ReportingAgent``) and moves escalations up their ladders
/// (``Escalator``).
public actor Monitor {
    public static let agentName = "monitor"

    private let ledger: Ledger
    private let timeline: Timeline
    private let logger: Logger
    private let author = Author.agent(Monitor.agentName)
    public let escalator: Escalator
    public let reporting: ReportingAgent

    public init(ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
        escalator = Escalator(ledger: ledger, timeline: timeline, logger: logger)
        reporting = ReportingAgent(ledger: ledger, timeline: timeline, logger: logger)
    }

    /// Schedules a check for every measure; call once at start, before `run()`.
    public func start() async {
        await scheduleAll()
        await escalator.start()
        await reporting.start()
    }

    private func scheduleAll() async {
        let state = await ledger.currentState
        for measure in state.plan.measures {
            await scheduleCheck(measure.id, in: state)
        }
        for task in state.tasks.values {
            await scheduleTaskCheck(task.id, in: state)
        }
    }

    /// Follows committed events and keeps each measure's wake-up in step, and runs the
    /// escalator, until cancelled.
    public func run() async {
        let escalator = self.escalator
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await escalator.run() }
            group.addTask { await self.followLog() }
        }
    }

    private func followLog() async {
        let (_, events) = await ledger.subscribe()
        do {
            for try await event in events {
                switch event.event {
                case .measureReplanned, .measureReopened, .progressReported:
                    guard let measure = event.event.measure else { continue }
                    await scheduleCheck(measure, in: await ledger.currentState)
                case .taskCreated(let e):
                    await scheduleTaskCheck(e.task, in: await ledger.currentState)
                case .taskCompleted(let e):
                    await timeline.cancel(Self.taskKey(e.task))
                default:
                    break
                }
            }
        } catch {
            // Fell behind the live stream: rebuild every wake-up from the state.
            logger.warning("monitor lagged behind the event stream; rescheduling every measure")
            await scheduleAll()
            await followLog()
        }
    }

    private func scheduleCheck(_ id: MeasureID, in state: PlanState) async {
        let key = "overdue:\(id)"
        guard let measure = state.measure(id), let deadline = state.overdueDeadline(of: measure),
            state.progress(of: measure).overdueSince != deadline
        else {
            await timeline.cancel(key)
            return
        }
        let at = deadline.adding(days: 1).start(in: state.timeZone)
        await timeline.schedule(key, at: at) { [weak self] _ in
            await self?.check(id, deadline: deadline)
        }
    }

    private func check(_ id: MeasureID, deadline: CalendarDate) async {
        do {
            _ = try await ledger.submit(
                CommandEnvelope(author: author, command: .markOverdue(MarkOverdue(measure: id, deadline: deadline))))
            logger.info("measure fell overdue", metadata: ["measure": "\(id)", "deadline": "\(deadline)"])
        } catch let rejection as CommandRejection {
            logger.debug("no overdue mark", metadata: ["measure": "\(id)", "why": "\(rejection)"])
        } catch {
            logger.error("could not record an overdue measure", metadata: ["measure": "\(id)", "error": "\(error)"])
        }
        await scheduleCheck(id, in: await ledger.currentState)
    }

    private static func taskKey(_ id: String) -> String { "task-overdue:\(id)" }

    /// One wake-up per unfinished task, at the start of the day after its due day.
    private func scheduleTaskCheck(_ id: String, in state: PlanState) async {
        let key = Self.taskKey(id)
        guard let task = state.tasks[id], task.status != .completed, task.overdueSince != task.due else {
            await timeline.cancel(key)
            return
        }
        let at = task.due.adding(days: 1).start(in: state.timeZone)
        await timeline.schedule(key, at: at) { [weak self] _ in
            await self?.checkTask(id)
        }
    }

    private func checkTask(_ id: String) async {
        do {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: .markTaskOverdue(task: id)))
            logger.info("task fell overdue", metadata: ["task": "\(id)"])
        } catch let rejection as CommandRejection {
            logger.debug("no overdue mark", metadata: ["task": "\(id)", "why": "\(rejection)"])
        } catch {
            logger.error("could not record an overdue task", metadata: ["task": "\(id)", "error": "\(error)"])
        }
    }
}
