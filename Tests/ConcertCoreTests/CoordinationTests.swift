import ConcertCore
import Foundation
import Testing

/// Meetings changed one at a time, agendas with carry-over, minutes, tasks routed through the
/// focal-point network, absences: the pure rules, as `decide` and `evolve` apply them.
@Suite("coordination commands")
struct CoordinationTests {
    static let plan: Plan = {
        var plan = Fixtures.plan
        plan.bodies = [
            Body(
                id: "committee", name: "Committee", kind: .committee, chair: "mne", members: ["mne", "aima"],
                durationMinutes: 90, venues: ["Lisbon"], standingAgenda: ["State of play", "Overdue measures"])
        ]
        plan.focalPoints = [
            FocalPoint(id: "mne-p", entity: "mne", level: .political, name: "P"),
            FocalPoint(id: "mne-t", entity: "mne", level: .technical, name: "T", deputy: "mne-t2"),
            FocalPoint(id: "mne-t2", entity: "mne", level: .technical, name: "T2"),
            FocalPoint(id: "aima-p", entity: "aima", level: .political, name: "Q"),
        ]
        return plan
    }()

    static let agent = Author.agent("committee")
    static let zone = TimeZone(identifier: "Europe/Lisbon")!
    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func planned(_ day: String) -> PlannedMeeting {
        let start = at("\(day)T10:00")
        return PlannedMeeting(
            id: "committee-\(day)", body: "committee", occurrence: LocalDateTime(iso: "\(day)T10:00")!, start: start,
            end: start.addingTimeInterval(5_400), timeZone: zone, venue: "Lisbon", movedFrom: nil)
    }

    /// A state with the January meeting placed and convened on 5 January.
    static func convened() throws -> PlanState {
        var state = PlanState(plan: plan)
        let early = at("2027-01-04T09:00")
        try Fixtures.apply(.scheduleMeeting(planned("2027-01-12")), by: agent, to: &state, at: early)
        try Fixtures.apply(.scheduleMeeting(planned("2027-04-13")), by: agent, to: &state, at: early)
        try Fixtures.apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "Budget", measure: "M01")),
            to: &state, at: early)
        try Fixtures.apply(.conveneMeeting(meeting: "committee-2027-01-12"), by: agent, to: &state, at: at("2027-01-05T09:00"))
        return state
    }

    @Test func convocationFreezesStandingThenAddedItemsNumbered() throws {
        let state = try Self.convened()
        let meeting = try #require(state.meetings["committee-2027-01-12"])
        #expect(meeting.status == .convened)
        #expect(meeting.sequence == 0)
        #expect(meeting.agenda.map(\.number) == [1, 2, 3])
        #expect(meeting.agenda.map(\.title) == ["State of play", "Overdue measures", "Budget"])
        #expect(meeting.agenda.map(\.source) == [.standing, .standing, .added])
        #expect(meeting.agenda[2].measure == "M01")
        // The member entities' focal points, not those who are only someone's deputy.
        #expect(meeting.convened == ["mne-p", "mne-t", "aima-p"])
    }

    @Test func aConvocationGoesToTheStandInOfAFocalPointAway() throws {
        var state = PlanState(plan: Self.plan)
        let early = Self.at("2027-01-04T09:00")
        try Fixtures.apply(.scheduleMeeting(Self.planned("2027-01-12")), by: Self.agent, to: &state, at: early)
        try Fixtures.apply(
            .setAway(Absence(focalPoint: "mne-t", from: Self.day("2027-01-05"), to: Self.day("2027-01-05"))), to: &state, at: early)
        try Fixtures.apply(.conveneMeeting(meeting: "committee-2027-01-12"), by: Self.agent, to: &state, at: Self.at("2027-01-05T09:00"))
        #expect(state.meetings["committee-2027-01-12"]?.convened == ["mne-p", "mne-t2", "aima-p"])
    }

    @Test func anItemAfterConvocationIsAnUpdateThatRaisesTheSequence() throws {
        var state = try Self.convened()
        try Fixtures.apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "Late item")), to: &state,
            at: Self.at("2027-01-06T09:00"))
        let meeting = try #require(state.meetings["committee-2027-01-12"])
        #expect(meeting.sequence == 1)
        #expect(meeting.agenda.last == AgendaItem(number: 4, title: "Late item", source: .added))
        // An escalation (an agent's item) is marked as such.
        try Fixtures.apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "M01 overdue", measure: "M01")),
            by: Author.agent("monitor"), to: &state, at: Self.at("2027-01-06T10:00"))
        #expect(state.meetings["committee-2027-01-12"]?.agenda.last?.source == .escalation)
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(
                .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "x")), by: Fixtures.focalPoint,
                to: &state, at: Self.at("2027-01-06T10:00"))
        }
    }

    @Test func rescheduleAndCancelChangeOneOccurrenceAndRaiseItsSequence() throws {
        var state = try Self.convened()
        let now = Self.at("2027-01-06T09:00")
        try Fixtures.apply(
            .rescheduleMeeting(
                MeetingReschedule(meeting: "committee-2027-01-12", start: Self.at("2027-01-14T15:00"), reason: "minister abroad")),
            to: &state, at: now)
        var meeting = try #require(state.meetings["committee-2027-01-12"])
        #expect(meeting.sequence == 1)
        #expect(meeting.start == Self.at("2027-01-14T15:00"))
        #expect(meeting.end == Self.at("2027-01-14T16:30"))
        #expect(meeting.status == .convened)
        #expect(meeting.reason == "minister abroad")
        #expect(state.meetings["committee-2027-04-13"]?.sequence == 0)

        try Fixtures.apply(.cancelMeeting(meeting: "committee-2027-04-13", reason: "merged"), to: &state, at: now)
        meeting = try #require(state.meetings["committee-2027-04-13"])
        #expect(meeting.status == .cancelled)
        #expect(meeting.sequence == 1)
        #expect(throws: CommandRejection(.meetingClosed(meeting: "committee-2027-04-13", status: .cancelled))) {
            try Fixtures.apply(.cancelMeeting(meeting: "committee-2027-04-13", reason: "again"), to: &state, at: now)
        }
        #expect(throws: CommandRejection(.reasonRequired)) {
            try Fixtures.apply(.cancelMeeting(meeting: "committee-2027-01-12", reason: "  "), to: &state, at: now)
        }
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(
                .cancelMeeting(meeting: "committee-2027-01-12", reason: "x"), by: Fixtures.focalPoint, to: &state, at: now)
        }
        // Into the past: refused.
        #expect(throws: CommandRejection.self) {
            try Fixtures.apply(
                .rescheduleMeeting(MeetingReschedule(meeting: "committee-2027-01-12", start: Self.at("2027-01-01T10:00"), reason: "x")),
                to: &state, at: now)
        }
    }

    @Test func anExtraordinaryMeetingGetsItsOwnIdAndItems() throws {
        var state = PlanState(plan: Self.plan)
        let now = Self.at("2027-02-01T09:00")
        let call = ExtraordinaryMeeting(
            body: "committee", start: Self.at("2027-02-03T11:00"), reason: "visa backlog", items: ["Backlog plan"])
        try Fixtures.apply(.callExtraordinaryMeeting(call), to: &state, at: now)
        try Fixtures.apply(.callExtraordinaryMeeting(call), to: &state, at: now)
        let first = try #require(state.meetings["committee-2027-02-03-extraordinary"])
        #expect(first.extraordinary)
        #expect(first.end == Self.at("2027-02-03T12:30"))
        #expect(first.venue == "Lisbon")
        #expect(state.meetings["committee-2027-02-03-extraordinary-2"] != nil)
        #expect(state.agenda(of: first).map(\.title) == ["State of play", "Overdue measures", "Backlog plan"])
        #expect(throws: CommandRejection(.noSuchBody("nobody"))) {
            try Fixtures.apply(
                .callExtraordinaryMeeting(ExtraordinaryMeeting(body: "nobody", start: Self.at("2027-02-03T11:00"), reason: "x")),
                to: &state, at: now)
        }
    }

    static func minutes(resolved: [Int], tasks: [MinutesDraft.TaskDraft]) -> MinutesDraft {
        MinutesDraft(
            meeting: "committee-2027-01-12", present: ["mne"],
            decisions: [MinutesDraft.DecisionDraft(text: "Fund the portal", item: 3, tasks: tasks)], resolved: resolved)
    }

    @Test func minutesRecordAttendanceAndCreateRoutedTasks() throws {
        var state = try Self.convened()
        let task = MinutesDraft.TaskDraft(title: "Draft the tender", owner: "mne", due: Self.day("2027-02-15"), measure: "M01")
        #expect(throws: CommandRejection(.meetingNotStarted(meeting: "committee-2027-01-12", start: Self.at("2027-01-12T10:00")))) {
            try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [1], tasks: [task])), to: &state, at: Self.at("2027-01-12T09:00"))
        }
        #expect(throws: CommandRejection(.noSuchAgendaItem(meeting: "committee-2027-01-12", number: 9))) {
            try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [9], tasks: [])), to: &state, at: Self.at("2027-01-12T12:00"))
        }
        var stranger = Self.minutes(resolved: [], tasks: [])
        stranger.present = ["mtsss"]
        #expect(throws: CommandRejection(.notAMember(entity: "mtsss", body: "committee"))) {
            try Fixtures.apply(.recordMinutes(stranger), to: &state, at: Self.at("2027-01-12T12:00"))
        }
        try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [1], tasks: [task])), to: &state, at: Self.at("2027-01-12T12:00"))
        let meeting = try #require(state.meetings["committee-2027-01-12"])
        #expect(meeting.status == .held)
        let minutes = try #require(meeting.minutes)
        #expect(minutes.present == ["mne"])
        #expect(minutes.absent == ["aima"])
        #expect(minutes.unresolved == [2, 3])
        #expect(minutes.decisions == [Decision(number: 1, text: "Fund the portal", item: 3, tasks: ["T1"])])
        let created = try #require(state.tasks["T1"])
        #expect(created.owner == "mne")
        #expect(created.assignee == "mne-t")
        #expect(created.routing == "technical focal point of mne")
        #expect(created.status == .open)
        #expect(created.meeting == "committee-2027-01-12")
        #expect(created.item == 3)
        #expect(throws: CommandRejection(.meetingClosed(meeting: "committee-2027-01-12", status: .held))) {
            try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [1], tasks: [])), to: &state, at: Self.at("2027-01-12T13:00"))
        }
    }

    @Test func unresolvedItemsCarryOverToTheBodysNextMeeting() throws {
        var state = try Self.convened()
        try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [1], tasks: [])), to: &state, at: Self.at("2027-01-12T12:00"))
        let next = try #require(state.meetings["committee-2027-04-13"])
        let agenda = state.agenda(of: next)
        #expect(agenda.map(\.title) == ["State of play", "Overdue measures", "Budget"])
        #expect(agenda[2].source == .carriedOver)
        #expect(agenda[2].carriedFrom == "committee-2027-01-12")
        #expect(agenda[2].measure == "M01")
        try Fixtures.apply(.conveneMeeting(meeting: "committee-2027-04-13"), by: Self.agent, to: &state, at: Self.at("2027-04-06T09:00"))
        #expect(state.meetings["committee-2027-04-13"]?.agenda == agenda)
    }

    @Test func aCancelledMeetingsItemsCarryOverToTheNextOne() throws {
        var state = try Self.convened()
        try Fixtures.apply(.cancelMeeting(meeting: "committee-2027-01-12", reason: "crisis"), to: &state, at: Self.at("2027-01-06T09:00"))
        try Fixtures.apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-04-13", title: "Visas")), to: &state,
            at: Self.at("2027-01-06T10:00"))
        let next = try #require(state.meetings["committee-2027-04-13"])
        let agenda = state.agenda(of: next)
        #expect(agenda.map(\.title) == ["State of play", "Overdue measures", "Budget", "Visas"])
        #expect(agenda[2].source == .carriedOver)
        #expect(agenda[2].carriedFrom == "committee-2027-01-12")
        #expect(agenda[2].measure == "M01")
        #expect(agenda[3].source == .added)
    }

    @Test func tasksGoToTheDeputyWhileTheFocalPointIsAway() throws {
        var state = try Self.convened()
        let now = Self.at("2027-01-12T12:00")
        try Fixtures.apply(
            .setAway(Absence(focalPoint: "mne-t", from: Self.day("2027-01-10"), to: Self.day("2027-01-20"))), to: &state, at: now)
        let task = MinutesDraft.TaskDraft(title: "Draft the tender", owner: "mne", due: Self.day("2027-02-15"))
        try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [], tasks: [task])), to: &state, at: now)
        let created = try #require(state.tasks["T1"])
        #expect(created.assignee == "mne-t2")
        #expect(created.routing == "technical focal point of mne; deputy of mne-t, away until 2027-01-20")
        // After the absence the focal point handles its own again.
        #expect(state.standIn(for: "mne-t", on: Self.day("2027-01-21")).focalPoint == "mne-t")
        // A named stand-in overrides the declared deputy; a stand-in away too is followed.
        try Fixtures.apply(
            .setAway(Absence(focalPoint: "mne-t2", from: Self.day("2027-01-15"), to: Self.day("2027-01-16"), deputy: "mne-p")),
            to: &state, at: now)
        #expect(state.standIn(for: "mne-t", on: Self.day("2027-01-15")).focalPoint == "mne-p")
        #expect(throws: CommandRejection(.noSuchFocalPoint("ghost"))) {
            try Fixtures.apply(
                .setAway(Absence(focalPoint: "ghost", from: Self.day("2027-01-15"), to: Self.day("2027-01-16"))), to: &state, at: now)
        }
        #expect(throws: CommandRejection.self) {
            try Fixtures.apply(
                .setAway(Absence(focalPoint: "mne-t", from: Self.day("2027-01-16"), to: Self.day("2027-01-15"))), to: &state, at: now)
        }
    }

    @Test func tasksAreAcknowledgedCompletedAndReassigned() throws {
        var state = try Self.convened()
        let now = Self.at("2027-01-12T12:00")
        let task = MinutesDraft.TaskDraft(title: "Draft the tender", owner: "mne", due: Self.day("2027-02-15"))
        try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [], tasks: [task, task])), to: &state, at: now)
        try Fixtures.apply(.acknowledgeTask(task: "T1"), by: Fixtures.focalPoint, to: &state, at: now)
        #expect(state.tasks["T1"]?.status == .acknowledged)
        #expect(throws: CommandRejection(.taskNotOpen(task: "T1", status: .acknowledged))) {
            try Fixtures.apply(.acknowledgeTask(task: "T1"), by: Fixtures.focalPoint, to: &state, at: now)
        }
        try Fixtures.apply(.completeTask(TaskCompletion(task: "T1", note: "sent")), by: Fixtures.focalPoint, to: &state, at: now)
        #expect(state.tasks["T1"]?.status == .completed)
        #expect(state.tasks["T1"]?.note == "sent")
        #expect(throws: CommandRejection(.permissionDenied(required: .coordinator, actual: .focalPoint))) {
            try Fixtures.apply(
                .reassignTask(TaskReassignment(task: "T2", owner: "aima", reason: "theirs")), by: Fixtures.focalPoint,
                to: &state, at: now)
        }
        try Fixtures.apply(.reassignTask(TaskReassignment(task: "T2", owner: "aima", reason: "theirs")), to: &state, at: now)
        // aima has only a political focal point: the task goes there.
        #expect(state.tasks["T2"]?.owner == "aima")
        #expect(state.tasks["T2"]?.assignee == "aima-p")
        #expect(state.tasks["T2"]?.routing == "political focal point of aima")
        #expect(throws: CommandRejection(.noSuchTask("T9"))) {
            try Fixtures.apply(.acknowledgeTask(task: "T9"), to: &state, at: now)
        }
        #expect(throws: CommandRejection(.taskNotOpen(task: "T1", status: .completed))) {
            try Fixtures.apply(.reassignTask(TaskReassignment(task: "T1", owner: "aima", reason: "x")), to: &state, at: now)
        }
        #expect(throws: CommandRejection(.permissionDenied(required: .focalPoint, actual: .observer))) {
            try Fixtures.apply(.acknowledgeTask(task: "T2"), by: Fixtures.observer, to: &state, at: now)
        }
    }

    @Test func everythingSurvivesASnapshotAndTheLogsJSON() throws {
        var state = try Self.convened()
        let now = Self.at("2027-01-12T12:00")
        try Fixtures.apply(
            .setAway(Absence(focalPoint: "mne-t", from: Self.day("2027-01-10"), to: Self.day("2027-01-20"))), to: &state, at: now)
        let task = MinutesDraft.TaskDraft(title: "Draft the tender", owner: "mne", due: Self.day("2027-02-15"))
        try Fixtures.apply(.recordMinutes(Self.minutes(resolved: [1], tasks: [task])), to: &state, at: now)
        let restored = PlanState(plan: Self.plan, snapshot: try PlanState.decodeSnapshot(state.encodedSnapshot()))
        #expect(restored.meetings == state.meetings)
        #expect(restored.tasks == state.tasks)
        #expect(restored.absences == state.absences)
    }

    @Test func everyNewEventReadsBackFromItsStoredForm() throws {
        let events: [PlanEvent] = [
            .meetingRescheduled(
                MeetingRescheduled(meeting: "m", previousStart: Self.at("2027-01-12T10:00"), start: Self.at("2027-01-13T10:00"),
                    end: Self.at("2027-01-13T11:00"), venue: "Porto", reason: "r")),
            .meetingCancelled(MeetingCancelled(meeting: "m", reason: "r")),
            .agendaItemAdded(AgendaItemAdded(meeting: "m", item: AgendaItem(number: 4, title: "t", source: .escalation, measure: "M01"), update: true)),
            .minutesRecorded(
                MinutesRecorded(
                    meeting: "m",
                    minutes: Minutes(present: ["mne"], absent: [], decisions: [Decision(number: 1, text: "d", item: 1, tasks: ["T1"])],
                        resolved: [1], unresolved: [2], note: "n"))),
            .taskCreated(
                TaskCreated(task: "T1", title: "t", owner: "mne", assignee: "mne-t", routing: "r", due: Self.day("2027-02-01"),
                    measure: "M01", meeting: "m", decision: 1, item: 1)),
            .taskAcknowledged(TaskAcknowledged(task: "T1")),
            .taskCompleted(TaskCompleted(task: "T1", note: nil)),
            .taskReassigned(TaskReassigned(task: "T1", owner: "aima", assignee: nil, routing: "r", reason: "r")),
            .focalPointAway(FocalPointAway(absence: Absence(focalPoint: "mne-t", from: Self.day("2027-01-01"), to: Self.day("2027-01-02")))),
        ]
        for event in events {
            #expect(try PlanEvent.decode(kind: event.kind, payload: event.encodedPayload()) == event)
        }
        #expect(Set(events.map(\.kind)).count == events.count)
    }

    @Test func anAgendaStoredAsPlainTitlesStillReads() throws {
        let legacy = Data(#"{"meeting":"m","agenda":["A","B"],"recipients":["mne-p"]}"#.utf8)
        let event = try PlanEvent.decode(kind: "meeting_convened", payload: legacy)
        guard case .meetingConvened(let convened) = event else {
            Issue.record("not a convocation")
            return
        }
        #expect(convened.agenda == [AgendaItem(number: 1, title: "A", source: .standing), AgendaItem(number: 2, title: "B", source: .standing)])
    }
}
