import ConcertCore
import Foundation
import Logging

/// The monitoring body's monthly cycle as an agent: for each period it reminds the focal points
/// whose reports are missing a set number of working days before the due day, and at the start
/// of the day after the due day records every report still missing (which starts its
/// escalation). Then it moves on to the next period.
public actor ReportingAgent {
    public static let agentName = "reporting"

    private let ledger: Ledger
    private let timeline: Timeline
    private let logger: Logger
    private let author = Author.agent(ReportingAgent.agentName)

    public init(ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
    }

    /// Schedules the current period, and the previous one's checks when its reminders went out
    /// but the daemon was down when its reports fell due. A period whose window opened before
    /// the cycle ran (a first start mid-plan) is not held against anyone. Without a reporting
    /// cycle in the plan, does nothing.
    public func start() async {
        let state = await ledger.currentState
        guard let cycle = state.plan.monitoring.reporting else { return }
        let today = CalendarDate(timeline.clock.now, in: state.timeZone)
        var current = cycle.period(on: today)
        // The first start: begin with the first window that opens from today on.
        if state.reporting.reminded.isEmpty, cycle.window(of: current).opens < today { current = current.next }
        let previous = ReportingPeriod(year: current.month == 1 ? current.year - 1 : current.year, month: current.month == 1 ? 12 : current.month - 1)
        if state.reporting.reminded.contains(previous) { await scheduleChecks(previous, cycle: cycle, state: state) }
        await schedule(current, cycle: cycle, state: state)
    }

    private func schedule(_ period: ReportingPeriod, cycle: ReportingCycle, state: PlanState) async {
        guard let calendar = try? state.plan.businessCalendar() else { return }
        let (opens, due) = cycle.window(of: period)
        guard opens <= state.plan.end else { return }
        let remindOn = max(opens, calendar.adding(workingDays: -cycle.remindWorkingDaysBefore, to: due))
        if !state.reporting.reminded.contains(period), due >= state.plan.start {
            await timeline.schedule("reports-remind:\(period)", at: calendar.openingTime(on: remindOn)) { [weak self] _ in
                await self?.remind(period)
            }
        }
        await scheduleChecks(period, cycle: cycle, state: state)
    }

    private func scheduleChecks(_ period: ReportingPeriod, cycle: ReportingCycle, state: PlanState) async {
        let due = cycle.window(of: period).due
        await timeline.schedule("reports-due:\(period)", at: due.adding(days: 1).start(in: state.timeZone)) {
            [weak self] _ in
            await self?.recordMissing(period)
        }
    }

    private func remind(_ period: ReportingPeriod) async {
        await submit(.remindReports(period: period), what: "remind reports for \(period)")
    }

    /// Records every report of the period still missing, then schedules the next period.
    private func recordMissing(_ period: ReportingPeriod) async {
        let state = await ledger.currentState
        guard let cycle = state.plan.monitoring.reporting else { return }
        let due = cycle.window(of: period).due
        for measure in state.missingReports(for: period, cycle: cycle, on: due)
        where !state.reporting.isMissing(measure.id, for: period) {
            await submit(.markReportMissed(measure: measure.id, period: period), what: "record the missing \(period) report of \(measure.id)")
        }
        let next = period.next
        let after = await ledger.currentState
        if cycle.window(of: next).due > due { await schedule(next, cycle: cycle, state: after) }
    }

    private func submit(_ command: PlanCommand, what: String) async {
        do {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: command))
            logger.info("\(what)")
        } catch let rejection as CommandRejection {
            logger.debug("nothing to do", metadata: ["action": "\(what)", "why": "\(rejection)"])
        } catch {
            logger.error("could not \(what)", metadata: ["error": "\(error)"])
        }
    }
}
