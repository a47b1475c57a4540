import ConcertCore
import Foundation
import Logging

/// The monitoring body as an agent: it keeps one wake-up per unfinished measure, at the start
/// of the day after its deadline (in the plan's time zone), and when that comes records that
/// the measure fell overdue. Replans, reopenings and completions move or remove the wake-up.
public actor Monitor {
    public static let agentName = "monitor"

    private let ledger: Ledger
    private let timeline: Timeline
    private let logger: Logger
    private let author = Author.agent(Monitor.agentName)

    public init(ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
    }

    /// Schedules a check for every measure; call once at start, before `run()`.
    public func start() async {
        let state = await ledger.currentState
        for measure in state.plan.measures {
            await scheduleCheck(measure.id, in: state)
        }
    }

    /// Follows committed events and keeps each measure's wake-up in step, until cancelled.
    public func run() async {
        let (_, events) = await ledger.subscribe()
        do {
            for try await event in events {
                switch event.event {
                case .measureReplanned, .measureReopened, .progressReported:
                    guard let measure = event.event.measure else { continue }
                    await scheduleCheck(measure, in: await ledger.currentState)
                default:
                    break
                }
            }
        } catch {
            // Fell behind the live stream: rebuild every wake-up from the state.
            logger.warning("monitor lagged behind the event stream; rescheduling every measure")
            await start()
            await run()
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
}
