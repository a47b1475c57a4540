import ConcertCore
import Foundation
import Testing

@Suite("decide and evolve")
struct DecideTests {
    @Test func reportMovesForwardAndRecordsHistory() throws {
        var state = PlanState(plan: Fixtures.plan)
        try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress, indicators: ["learners": 120], note: "first cohort")), to: &state)
        try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .completed, indicators: ["learners": 1000])), by: Fixtures.focalPoint, to: &state)
        let progress = state.progress(of: state.measure("M03")!)
        #expect(progress.stage == .completed)
        #expect(progress.indicatorValues == ["learners": 1000])
        #expect(progress.history.map(\.stage) == [.inProgress, .completed])
        #expect(progress.history.first?.note == "first cohort")
        #expect(progress.history.last?.by.name == "rui")
        #expect(state.lastSequence == 2)
    }

    @Test(arguments: [
        (Stage.notStarted, Stage.inProgress, true), (.notStarted, .completed, true), (.notStarted, .notStarted, true),
        (.inProgress, .inProgress, true), (.inProgress, .completed, true), (.inProgress, .notStarted, false),
        (.completed, .completed, false), (.completed, .inProgress, false), (.completed, .notStarted, false),
    ])
    func stageTransitions(from: Stage, to: Stage, allowed: Bool) throws {
        var state = PlanState(plan: Fixtures.plan)
        if from != .notStarted {
            try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: from)), to: &state)
        }
        let before = state.lastSequence
        let command = PlanCommand.report(ProgressReport(measure: "M01", stage: to))
        if allowed {
            try Fixtures.apply(command, to: &state)
            #expect(state.progress(of: state.measure("M01")!).stage == to)
        } else {
            #expect(throws: CommandRejection.self) { try Fixtures.apply(command, to: &state) }
            #expect(state.lastSequence == before)
        }
    }

    @Test func completedMeasureReopensOnlyByCoordinatorWithReason() throws {
        var state = PlanState(plan: Fixtures.plan)
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .completed)), to: &state)
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(.reopen(Reopen(measure: "M01", reason: "audit found gaps")), by: Fixtures.focalPoint, to: &state)
        }
        #expect(throws: CommandRejection(.reasonRequired)) {
            try Fixtures.apply(.reopen(Reopen(measure: "M01", reason: "  ")), to: &state)
        }
        try Fixtures.apply(.reopen(Reopen(measure: "M01", reason: "audit found gaps")), to: &state)
        let progress = state.progress(of: state.measure("M01")!)
        #expect(progress.stage == .inProgress)
        #expect(progress.history.last?.kind == .reopen)
        #expect(progress.history.last?.note == "audit found gaps")
    }

    @Test func reopenOfUncompletedMeasureIsRefused() {
        var state = PlanState(plan: Fixtures.plan)
        #expect(throws: CommandRejection(.measureNotCompleted("M01"))) {
            try Fixtures.apply(.reopen(Reopen(measure: "M01", reason: "x")), to: &state)
        }
    }

    @Test func unknownMeasureAndIndicatorAreRefused() {
        var state = PlanState(plan: Fixtures.plan)
        #expect(throws: CommandRejection(.noSuchMeasure("M99"))) {
            try Fixtures.apply(.report(ProgressReport(measure: "M99", stage: .inProgress)), to: &state)
        }
        #expect(throws: CommandRejection(.unknownIndicator(measure: "M03", indicator: "teachers", known: ["learners"]))) {
            try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress, indicators: ["teachers": 3])), to: &state)
        }
        #expect(throws: CommandRejection(.invalidIndicatorValue(measure: "M03", indicator: "learners"))) {
            try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress, indicators: ["learners": .nan])), to: &state)
        }
        #expect(state.lastSequence == 0)
    }

    @Test func observersCannotReport() {
        var state = PlanState(plan: Fixtures.plan)
        #expect(throws: CommandRejection(.permissionDenied(required: .focalPoint, actual: .observer))) {
            try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .inProgress)), by: Fixtures.observer, to: &state)
        }
    }

    @Test func continuousMeasureCompletesOnlyAfterPlanEnd() throws {
        var state = PlanState(plan: Fixtures.plan)
        #expect(throws: CommandRejection(.continuousMeasureNotCompletable(measure: "M02", planEnd: Fixtures.plan.end))) {
            try Fixtures.apply(.report(ProgressReport(measure: "M02", stage: .completed)), to: &state)
        }
        let afterEnd = ISO8601DateFormatter().date(from: "2031-01-02T10:00:00Z")!
        try Fixtures.apply(.report(ProgressReport(measure: "M02", stage: .completed)), to: &state, at: afterEnd)
        #expect(state.progress(of: state.measure("M02")!).stage == .completed)
    }

    @Test func replanChangesDeadlineAndOverdue() throws {
        var state = PlanState(plan: Fixtures.plan)
        let today = CalendarDate(iso: "2026-11-23")!
        let m01 = state.measure("M01")!
        #expect(state.isOverdue(m01, today: today))
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(.replan(Replan(measure: "M01", deadline: CalendarDate(iso: "2027-06-30")!, reason: "budget")), by: Fixtures.focalPoint, to: &state)
        }
        #expect(throws: CommandRejection.self) {
            try Fixtures.apply(.replan(Replan(measure: "M01", deadline: CalendarDate(iso: "2031-06-30")!, reason: "budget")), to: &state)
        }
        try Fixtures.apply(.replan(Replan(measure: "M01", deadline: CalendarDate(iso: "2027-06-30")!, reason: "budget")), to: &state)
        #expect(!state.isOverdue(m01, today: today))
        #expect(state.progress(of: m01).deadline == CalendarDate(iso: "2027-06-30"))
        #expect(state.progress(of: m01).history.last?.deadline == CalendarDate(iso: "2027-06-30"))
        #expect(throws: CommandRejection(.continuousMeasureHasNoDeadline("M02"))) {
            try Fixtures.apply(.replan(Replan(measure: "M02", deadline: CalendarDate(iso: "2027-06-30")!, reason: "x")), to: &state)
        }
    }

    @Test func overdueRules() throws {
        var state = PlanState(plan: Fixtures.plan)
        let today = CalendarDate(iso: "2026-11-23")!
        #expect(state.measures(matching: MeasureFilter(overdue: true), today: today).map(\.id) == ["M01"])
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .completed)), to: &state)
        #expect(state.measures(matching: MeasureFilter(overdue: true), today: today).isEmpty)
        // A continuous measure is overdue only once the plan has ended.
        #expect(state.isOverdue(state.measure("M02")!, today: CalendarDate(iso: "2031-01-01")!))
        // The deadline day itself is not overdue yet.
        #expect(!state.isOverdue(state.measure("M03")!, today: CalendarDate(iso: "2027-12-31")!))
    }

    @Test func filtersCombine() {
        let state = PlanState(plan: Fixtures.plan)
        let today = CalendarDate(iso: "2026-11-23")!
        #expect(state.measures(matching: MeasureFilter(axis: 1), today: today).map(\.id) == ["M01", "M03"])
        #expect(state.measures(matching: MeasureFilter(objective: 9), today: today).map(\.id) == ["M02", "M03"])
        #expect(state.measures(matching: MeasureFilter(thematicArea: 1), today: today).map(\.id) == ["M01", "M03"])
        #expect(state.measures(matching: MeasureFilter(entity: "aima"), today: today).map(\.id) == ["M01", "M02"])
        #expect(state.measures(matching: MeasureFilter(axis: 1, stage: .notStarted, overdue: false), today: today).map(\.id) == ["M03"])
    }

    @Test func summaryCounts() throws {
        var state = PlanState(plan: Fixtures.plan)
        try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress)), to: &state)
        let summary = state.summary(today: CalendarDate(iso: "2026-11-23")!)
        #expect(summary.measures == 3)
        #expect(summary.notStarted == 2)
        #expect(summary.inProgress == 1)
        #expect(summary.overdue == 1)
        #expect(summary.continuous == 1)
        #expect(summary.byAxis.map(\.measures) == [2, 1])
    }

    @Test func eventsRoundTripThroughPayloadAndSnapshot() throws {
        var state = PlanState(plan: Fixtures.plan)
        try Fixtures.apply(.report(ProgressReport(measure: "M03", stage: .inProgress, indicators: ["learners": 5], note: "n")), to: &state)
        try Fixtures.apply(.replan(Replan(measure: "M01", deadline: CalendarDate(iso: "2027-01-31")!, reason: "r")), to: &state)
        let events: [PlanEvent] = [
            .progressReported(ProgressReported(measure: "M03", previousStage: .notStarted, stage: .inProgress, indicators: ["learners": 5], note: "n")),
            .measureReplanned(MeasureReplanned(measure: "M01", previousDeadline: nil, deadline: CalendarDate(iso: "2027-01-31")!, reason: "r")),
            .measureReopened(MeasureReopened(measure: "M01", reason: "x")),
        ]
        for event in events {
            #expect(try PlanEvent.decode(kind: event.kind, payload: event.encodedPayload()) == event)
        }
        let restored = PlanState(plan: Fixtures.plan, snapshot: try PlanState.decodeSnapshot(state.encodedSnapshot()))
        #expect(restored.progress == state.progress)
        #expect(restored.lastSequence == state.lastSequence)
        #expect(throws: UnknownEventKind.self) { try PlanEvent.decode(kind: "meteor_struck", payload: Data("{}".utf8)) }
    }

    @Test func calendarDatesAreStrict() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-1-01") == nil)
        #expect(CalendarDate(iso: "２０２５-01-01") == nil)
        #expect(CalendarDate(iso: "2025-01-01")?.description == "2025-01-01")
    }
}

@Suite("overdue marks")
struct OverdueMarkTests {
    static let monitor = Author.agent("monitor")

    @Test func theMonitorMarksOncePerMissedDeadline() throws {
        var state = PlanState(plan: Fixtures.plan)
        let deadline = CalendarDate(iso: "2024-06-30")!
        let mark = PlanCommand.markOverdue(MarkOverdue(measure: "M01", deadline: deadline))
        // Not before the day after the deadline (in the plan's time zone).
        let onTheDay = ISO8601DateFormatter().date(from: "2024-06-30T22:30:00Z")!
        #expect(throws: CommandRejection(.notOverdue("M01"))) { try Fixtures.apply(mark, by: Self.monitor, to: &state, at: onTheDay) }
        let nextDay = ISO8601DateFormatter().date(from: "2024-06-30T23:00:00Z")!
        try Fixtures.apply(mark, by: Self.monitor, to: &state, at: nextDay)
        #expect(state.progress(of: state.measure("M01")!).overdueSince == deadline)
        #expect(state.progress(of: state.measure("M01")!).history.last?.kind == .overdue)
        #expect(throws: CommandRejection(.notOverdue("M01"))) { try Fixtures.apply(mark, by: Self.monitor, to: &state, at: nextDay) }
        // A replan clears the mark; the new deadline can be missed again.
        try Fixtures.apply(.replan(Replan(measure: "M01", deadline: CalendarDate(iso: "2025-01-31")!, reason: "late tender")), to: &state)
        #expect(state.progress(of: state.measure("M01")!).overdueSince == nil)
        #expect(throws: CommandRejection(.notOverdue("M01"))) { try Fixtures.apply(mark, by: Self.monitor, to: &state, at: Fixtures.now) }
        try Fixtures.apply(
            .markOverdue(MarkOverdue(measure: "M01", deadline: CalendarDate(iso: "2025-01-31")!)), by: Self.monitor, to: &state)
    }

    @Test func onlyTheAgentMarksAndNeverACompletedMeasure() throws {
        var state = PlanState(plan: Fixtures.plan)
        let mark = PlanCommand.markOverdue(MarkOverdue(measure: "M01", deadline: CalendarDate(iso: "2024-06-30")!))
        #expect(throws: CommandRejection(.permissionDenied(required: .agent, actual: .coordinator))) {
            try Fixtures.apply(mark, to: &state)
        }
        try Fixtures.apply(.report(ProgressReport(measure: "M01", stage: .completed)), to: &state)
        #expect(throws: CommandRejection(.notOverdue("M01"))) { try Fixtures.apply(mark, by: Self.monitor, to: &state) }
    }

    @Test func continuousMeasuresFallDueAtThePlanEnd() throws {
        var state = PlanState(plan: Fixtures.plan)
        #expect(state.overdueDeadline(of: state.measure("M02")!) == Fixtures.plan.end)
        let after = ISO8601DateFormatter().date(from: "2031-01-01T00:00:00Z")!
        try Fixtures.apply(
            .markOverdue(MarkOverdue(measure: "M02", deadline: Fixtures.plan.end)), by: Self.monitor, to: &state, at: after)
        #expect(state.progress(of: state.measure("M02")!).overdueSince == Fixtures.plan.end)
    }
}

@Suite("meeting commands")
struct MeetingCommandTests {
    static let plan: Plan = {
        var plan = Fixtures.plan
        plan.bodies = [
            Body(id: "committee", name: "Committee", kind: .committee, members: ["mne", "aima"], standingAgenda: ["State of play"])
        ]
        plan.focalPoints = [
            FocalPoint(id: "mne-p", entity: "mne", level: .political, name: "P"),
            FocalPoint(id: "mne-t", entity: "mne", level: .technical, name: "T"),
            FocalPoint(id: "aima-p", entity: "aima", level: .political, name: "Q"),
        ]
        return plan
    }()

    static let planned = PlannedMeeting(
        id: "committee-2027-01-12", body: "committee", occurrence: LocalDateTime(iso: "2027-01-12T10:00")!,
        start: Fixtures.now, end: Fixtures.now.addingTimeInterval(7_200), timeZone: TimeZone(identifier: "Europe/Lisbon")!,
        venue: "Lisbon", movedFrom: nil)

    @Test func onlyTheBodysAgentPlacesAndConvenesOnce() throws {
        var state = PlanState(plan: Self.plan)
        let agent = Author.agent("committee")
        #expect(throws: CommandRejection(.permissionDenied(required: .agent, actual: .coordinator))) {
            try Fixtures.apply(.scheduleMeeting(Self.planned), to: &state)
        }
        try Fixtures.apply(.scheduleMeeting(Self.planned), by: agent, to: &state)
        #expect(throws: CommandRejection(.meetingAlreadyScheduled(Self.planned.id))) {
            try Fixtures.apply(.scheduleMeeting(Self.planned), by: agent, to: &state)
        }
        #expect(state.meetings[Self.planned.id]?.status == .scheduled)
        try Fixtures.apply(.conveneMeeting(meeting: Self.planned.id), by: agent, to: &state)
        let meeting = try #require(state.meetings[Self.planned.id])
        #expect(meeting.status == .convened)
        #expect(meeting.agenda == [AgendaItem(number: 1, title: "State of play", source: .standing)])
        #expect(meeting.convened == ["mne-p", "mne-t", "aima-p"])
        #expect(throws: CommandRejection(.meetingNotWaiting(Self.planned.id))) {
            try Fixtures.apply(.conveneMeeting(meeting: Self.planned.id), by: agent, to: &state)
        }
        #expect(throws: CommandRejection(.noSuchMeeting("nope"))) {
            try Fixtures.apply(.conveneMeeting(meeting: "nope"), by: agent, to: &state)
        }
        // Meetings survive a snapshot.
        let restored = PlanState(plan: Self.plan, snapshot: try PlanState.decodeSnapshot(state.encodedSnapshot()))
        #expect(restored.meetings == state.meetings)
    }
}
