import ConcertCore
import Foundation
import Testing

/// The monthly reporting cycle and the escalation ladder: pure rules, as `decide` and `evolve`
/// apply them.
@Suite("escalations")
struct EscalationTests {
    static let standard = EscalationLadder(
        id: "standard",
        steps: [
            EscalationStep(action: .notify(.technical), trigger: .workingDays(0), repeatEveryWorkingDays: 5, maxRepeats: 2),
            EscalationStep(action: .notify(.political), trigger: .workingDays(10)),
            EscalationStep(action: .agenda("wg"), trigger: .workingDays(10)),
            EscalationStep(action: .agenda("committee"), trigger: .afterMeeting),
        ])

    static let plan: Plan = {
        var plan = Fixtures.plan
        plan.bodies = [
            Body(id: "wg", name: "Working group", kind: .workingGroup, members: ["mne", "aima"]),
            Body(id: "committee", name: "Committee", kind: .committee, members: ["mne", "aima"]),
        ]
        plan.focalPoints = [
            FocalPoint(id: "mne-p", entity: "mne", level: .political, name: "P"),
            FocalPoint(id: "mne-t", entity: "mne", level: .technical, name: "T", deputy: "mne-t2"),
            FocalPoint(id: "mne-t2", entity: "mne", level: .technical, name: "T2"),
            FocalPoint(id: "aima-t", entity: "aima", level: .technical, name: "A"),
            FocalPoint(id: "mtsss-t", entity: "mtsss", level: .technical, name: "L"),
        ]
        plan.monitoring = MonitoringPolicy(
            reporting: ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3), ladders: [standard],
            defaultLadder: "standard")
        return plan
    }()

    static let monitor = Author.agent("monitor")
    static let zone = TimeZone(identifier: "Europe/Lisbon")!
    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// M01 (deadline 2024-06-30, responsible mne, co-responsible aima) marked overdue.
    static func overdue() throws -> PlanState {
        var state = PlanState(plan: plan)
        try Fixtures.apply(
            .markOverdue(MarkOverdue(measure: "M01", deadline: day("2024-06-30"))), by: monitor, to: &state,
            at: at("2024-07-01T00:00"))
        return state
    }

    @Test func aMissedDeadlineStartsAnEscalationThatTellsTheTechnicalFocalPoints() throws {
        let state = try Self.overdue()
        let record = try #require(state.escalations["E1"])
        #expect(record.subject == .measure("M01"))
        #expect(record.ladder == Self.standard)
        #expect(record.entities == ["mne", "aima"])
        #expect(record.level == 0)
        #expect(record.state == .open)
        #expect(record.notices == 1)
        #expect(record.told == ["mne-t", "aima-t"])
        #expect(record.history.map(\.kind) == [.started, .notified])
        #expect(state.activeEscalations[.measure("M01")] == "E1")
    }

    @Test func theLadderIsSnapshottedWhenTheEscalationStarts() throws {
        var state = try Self.overdue()
        var changed = Self.plan
        changed.monitoring.ladders = [EscalationLadder(id: "standard", steps: [Self.standard.steps[1]])]
        state.replacePlan(changed)
        #expect(state.escalations["E1"]?.ladder == Self.standard)
    }

    @Test func repeatsAreBoundedAndStopOnAcknowledgementButTheLadderStillClimbs() throws {
        var state = try Self.overdue()
        let repeatNotice = PlanCommand.advanceEscalation(EscalationAdvance(escalation: "E1", action: .repeatNotice, level: 0))
        try Fixtures.apply(repeatNotice, by: Self.monitor, to: &state, at: Self.at("2024-07-08T09:00"))
        try Fixtures.apply(repeatNotice, by: Self.monitor, to: &state, at: Self.at("2024-07-15T09:00"))
        #expect(state.escalations["E1"]?.notices == 3)
        #expect(throws: CommandRejection(.nothingDue("no repeat due for E1"))) {
            try Fixtures.apply(repeatNotice, by: Self.monitor, to: &state, at: Self.at("2024-07-22T09:00"))
        }
        try Fixtures.apply(.acknowledgeEscalation(id: "E1"), by: Fixtures.focalPoint, to: &state, at: Self.at("2024-07-16T09:00"))
        #expect(state.escalations["E1"]?.state == .acknowledged)
        // Climbing: the political focal point of each entity that has one.
        try Fixtures.apply(
            .advanceEscalation(EscalationAdvance(escalation: "E1", action: .raise, level: 0)), by: Self.monitor, to: &state,
            at: Self.at("2024-07-16T10:00"))
        let record = try #require(state.escalations["E1"])
        #expect(record.level == 1)
        #expect(record.state == .open, "acknowledging stops repeats at a level, not the ladder")
        #expect(record.told == ["mne-t", "aima-t", "mne-p"])
        // A stale advance (the agent saw level 0) is refused.
        #expect(throws: CommandRejection(.escalationMoved("E1"))) {
            try Fixtures.apply(
                .advanceEscalation(EscalationAdvance(escalation: "E1", action: .raise, level: 0)), by: Self.monitor,
                to: &state, at: Self.at("2024-07-16T11:00"))
        }
    }

    @Test func agendaLevelsPutTheMatterOnTheBodysNextMeeting() throws {
        var state = try Self.overdue()
        let raise = { (level: Int) in PlanCommand.advanceEscalation(EscalationAdvance(escalation: "E1", action: .raise, level: level)) }
        try Fixtures.apply(raise(0), by: Self.monitor, to: &state, at: Self.at("2024-07-16T10:00"))
        #expect(throws: CommandRejection(.noMeetingAhead("wg"))) {
            try Fixtures.apply(raise(1), by: Self.monitor, to: &state, at: Self.at("2024-07-30T10:00"))
        }
        let wg = PlannedMeeting(
            id: "wg-2024-08-07", body: "wg", occurrence: LocalDateTime(iso: "2024-08-07T15:00")!, start: Self.at("2024-08-07T15:00"),
            end: Self.at("2024-08-07T16:00"), timeZone: Self.zone, venue: nil, movedFrom: nil)
        try Fixtures.apply(.scheduleMeeting(wg), by: Author.agent("wg"), to: &state, at: Self.at("2024-07-30T09:00"))
        try Fixtures.apply(raise(1), by: Self.monitor, to: &state, at: Self.at("2024-07-30T10:00"))
        let record = try #require(state.escalations["E1"])
        #expect(record.level == 2)
        #expect(record.meeting == "wg-2024-08-07")
        let added = try #require(state.meetings["wg-2024-08-07"]?.added.first)
        #expect(added.source == .escalation)
        #expect(added.measure == "M01")
        #expect(added.title.hasPrefix("Escalation E1 (level 2): measure M01"))
    }

    @Test func aCompletedReportOrAnApprovedReplanResolvesIt() throws {
        var state = try Self.overdue()
        try Fixtures.apply(
            .replan(Replan(measure: "M01", deadline: Self.day("2027-06-30"), reason: "procurement")), to: &state,
            at: Self.at("2024-07-10T10:00"))
        let record = try #require(state.escalations["E1"])
        #expect(record.state == .resolved)
        #expect(record.history.last?.detail.hasPrefix("replanned to 2027-06-30 by ana") == true)
        #expect(state.activeEscalations.isEmpty)
        #expect(throws: CommandRejection(.escalationNotActive(escalation: "E1", state: .resolved))) {
            try Fixtures.apply(.acknowledgeEscalation(id: "E1"), to: &state, at: Self.at("2024-07-11T10:00"))
        }
        // A focal point's progress report that is not "completed" does not resolve a new one.
        try Fixtures.apply(
            .markOverdue(MarkOverdue(measure: "M01", deadline: Self.day("2027-06-30"))), by: Self.monitor, to: &state,
            at: Self.at("2027-07-01T00:00"))
        #expect(state.activeEscalations[.measure("M01")] == "E2")
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .inProgress)), by: Fixtures.focalPoint, to: &state, at: Self.at("2027-07-02T10:00"))
        #expect(state.escalations["E2"]?.state == .open)
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .completed)), by: Fixtures.focalPoint, to: &state, at: Self.at("2027-07-03T10:00"))
        #expect(state.escalations["E2"]?.state == .resolved)
    }

    @Test func snoozePausesWithAReasonAndExpires() throws {
        var state = try Self.overdue()
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(
                .snoozeEscalation(EscalationSnooze(escalation: "E1", until: Self.day("2024-08-01"), reason: "holidays")),
                by: Fixtures.focalPoint, to: &state, at: Self.at("2024-07-02T10:00"))
        }
        #expect(throws: CommandRejection(.reasonRequired)) {
            try Fixtures.apply(
                .snoozeEscalation(EscalationSnooze(escalation: "E1", until: Self.day("2024-08-01"), reason: "")), to: &state,
                at: Self.at("2024-07-02T10:00"))
        }
        try Fixtures.apply(
            .snoozeEscalation(EscalationSnooze(escalation: "E1", until: Self.day("2024-08-01"), reason: "holidays")), to: &state,
            at: Self.at("2024-07-02T10:00"))
        #expect(state.escalations["E1"]?.state == .snoozed)
        #expect(state.escalations["E1"]?.snoozedUntil == Self.at("2024-08-01T00:00"))
        #expect(throws: CommandRejection(.nothingDue("E1 cannot climb now"))) {
            try Fixtures.apply(
                .advanceEscalation(EscalationAdvance(escalation: "E1", action: .raise, level: 0)), by: Self.monitor, to: &state,
                at: Self.at("2024-07-20T10:00"))
        }
        try Fixtures.apply(
            .advanceEscalation(EscalationAdvance(escalation: "E1", action: .resume, level: 0)), by: Self.monitor, to: &state,
            at: Self.at("2024-08-01T00:00"))
        #expect(state.escalations["E1"]?.state == .open)
    }

    @Test func theMonthlyCycleRemindsThenRecordsMissingReportsWhichEscalate() throws {
        var state = PlanState(plan: Self.plan)
        let cycle = try #require(Self.plan.monitoring.reporting)
        #expect(cycle.window(of: ReportingPeriod(year: 2027, month: 1)).opens == Self.day("2027-01-25"))
        #expect(cycle.window(of: ReportingPeriod(year: 2027, month: 1)).due == Self.day("2027-02-05"))
        #expect(cycle.period(on: Self.day("2027-02-03")) == ReportingPeriod(year: 2027, month: 1))
        #expect(cycle.period(on: Self.day("2027-02-10")) == ReportingPeriod(year: 2027, month: 2))
        let january = ReportingPeriod(year: 2027, month: 1)
        // M03 reports in the window; M01 and M02 do not.
        try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress)), by: Fixtures.focalPoint, to: &state, at: Self.at("2027-01-27T10:00"))
        try Fixtures.apply(.remindReports(period: january), by: Self.monitor, to: &state, at: Self.at("2027-02-02T09:00"))
        #expect(state.reporting.reminded == [january])
        #expect(throws: CommandRejection(.nothingDue("2027-01 already reminded"))) {
            try Fixtures.apply(.remindReports(period: january), by: Self.monitor, to: &state, at: Self.at("2027-02-02T09:00"))
        }
        #expect(throws: CommandRejection(.nothingDue("the 2027-01 report of M03 is not missing"))) {
            try Fixtures.apply(.markReportMissed(measure: "M03", period: january), by: Self.monitor, to: &state, at: Self.at("2027-02-06T00:00"))
        }
        #expect(throws: CommandRejection(.nothingDue("the 2027-01 report of M01 is not missing"))) {
            try Fixtures.apply(.markReportMissed(measure: "M01", period: january), by: Self.monitor, to: &state, at: Self.at("2027-02-05T12:00"))
        }
        try Fixtures.apply(.markReportMissed(measure: "M01", period: january), by: Self.monitor, to: &state, at: Self.at("2027-02-06T00:00"))
        let id = try #require(state.activeEscalations[.report("M01", period: january)])
        #expect(state.escalations[id]?.told == ["mne-t"], "the responsible entity's technical focal point")
        // The report coming in settles it.
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .inProgress)), by: Fixtures.focalPoint, to: &state, at: Self.at("2027-02-07T10:00"))
        #expect(state.escalations[id]?.state == .resolved)
    }

    @Test func remindersGoToEachResponsibleTechnicalFocalPointWithItsMeasures() throws {
        var state = PlanState(plan: Self.plan)
        let events = try state.decide(
            CommandEnvelope(author: Self.monitor, command: .remindReports(period: ReportingPeriod(year: 2027, month: 1))),
            now: Self.at("2027-02-02T09:00"))
        guard case .reportsReminded(let reminded)? = events.first else {
            Issue.record("no reminder")
            return
        }
        #expect(reminded.due == Self.day("2027-02-05"))
        #expect(
            reminded.reminders.map { [$0.focalPoint.rawValue] + $0.measures.map(\.rawValue) } == [
                ["mne-t", "M01"], ["aima-t", "M02"], ["mtsss-t", "M03"],
            ])
        state.evolve(RecordedPlanEvent(sequence: 1, recordedAt: Self.at("2027-02-02T09:00"), author: Self.monitor, commandID: "c", event: events[0]))
        #expect(state.reporting.reminded.count == 1)
    }

    @Test func anOverdueTaskEscalatesAndItsCompletionResolvesIt() throws {
        var state = PlanState(plan: Self.plan)
        let planned = PlannedMeeting(
            id: "wg-2027-01-06", body: "wg", occurrence: LocalDateTime(iso: "2027-01-06T15:00")!, start: Self.at("2027-01-06T15:00"),
            end: Self.at("2027-01-06T16:00"), timeZone: Self.zone, venue: nil, movedFrom: nil)
        try Fixtures.apply(.scheduleMeeting(planned), by: Author.agent("wg"), to: &state, at: Self.at("2027-01-01T09:00"))
        try Fixtures.apply(.conveneMeeting(meeting: "wg-2027-01-06"), by: Author.agent("wg"), to: &state, at: Self.at("2027-01-02T09:00"))
        let task = MinutesDraft.TaskDraft(title: "Send figures", owner: "aima", due: Self.day("2027-01-20"))
        try Fixtures.apply(
            .recordMinutes(MinutesDraft(meeting: "wg-2027-01-06", present: ["aima"], decisions: [.init(text: "Figures", tasks: [task])])),
            to: &state, at: Self.at("2027-01-06T17:00"))
        #expect(throws: CommandRejection(.nothingDue("task T1 is not newly overdue"))) {
            try Fixtures.apply(.markTaskOverdue(task: "T1"), by: Self.monitor, to: &state, at: Self.at("2027-01-20T12:00"))
        }
        try Fixtures.apply(.markTaskOverdue(task: "T1"), by: Self.monitor, to: &state, at: Self.at("2027-01-21T00:00"))
        #expect(state.tasks["T1"]?.overdueSince == Self.day("2027-01-20"))
        let id = try #require(state.activeEscalations[.task("T1")])
        #expect(state.escalations[id]?.told == ["aima-t"])
        try Fixtures.apply(.completeTask(TaskCompletion(task: "T1")), by: Fixtures.focalPoint, to: &state, at: Self.at("2027-01-22T10:00"))
        #expect(state.escalations[id]?.state == .resolved)
        #expect(state.tasks["T1"]?.overdueSince == nil)
    }

    @Test func escalationsSurviveASnapshotAndTheirEventsReadBack() throws {
        var state = try Self.overdue()
        try Fixtures.apply(
            .snoozeEscalation(EscalationSnooze(escalation: "E1", until: Self.day("2024-08-01"), reason: "holidays")), to: &state,
            at: Self.at("2024-07-02T10:00"))
        let restored = PlanState(plan: Self.plan, snapshot: try PlanState.decodeSnapshot(state.encodedSnapshot()))
        #expect(restored.escalations == state.escalations)
        #expect(restored.activeEscalations == state.activeEscalations)
        let events: [PlanEvent] = [
            .reportsReminded(ReportsReminded(period: ReportingPeriod(year: 2027, month: 1), due: Self.day("2027-02-05"), reminders: [.init(focalPoint: "mne-t", measures: ["M01"], routing: "r")])),
            .reportMissed(ReportMissed(measure: "M01", period: ReportingPeriod(year: 2027, month: 1), due: Self.day("2027-02-05"))),
            .taskFellOverdue(TaskFellOverdue(task: "T1", due: Self.day("2027-01-20"))),
            .escalationStarted(EscalationStarted(escalation: "E1", subject: .report("M01", period: ReportingPeriod(year: 2027, month: 1)), ladder: Self.standard, entities: ["mne"], reason: "r")),
            .escalationRaised(EscalationRaised(escalation: "E1", level: 1)),
            .escalationNotified(EscalationNotified(escalation: "E1", level: 1, repeatNumber: 2, recipients: ["mne-p"])),
            .escalationPlaced(EscalationPlaced(escalation: "E1", level: 2, meeting: "wg-2027-02-03")),
            .escalationAcknowledged(EscalationAcknowledged(escalation: "E1", level: 1)),
            .escalationSnoozed(EscalationSnoozed(escalation: "E1", until: Self.day("2027-03-01"), reason: "r")),
            .escalationResumed(EscalationResumed(escalation: "E1")),
            .escalationResolved(EscalationResolved(escalation: "E1", resolution: "r")),
        ]
        for event in events {
            #expect(try PlanEvent.decode(kind: event.kind, payload: event.encodedPayload()) == event)
        }
    }
}
