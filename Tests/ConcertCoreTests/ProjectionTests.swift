import ConcertCore
import Foundation
import Testing

/// The projection reads the record first and the cadences beyond it: meetings, their
/// convocations and notices, tasks falling due, measures falling overdue, in order.
@Suite("projection")
struct ProjectionTests {
    static let plan: Plan = {
        var plan = Fixtures.plan
        plan.bodies = [
            Body(
                id: "committee", name: "Committee", kind: .committee, chair: "mne", members: ["mne", "aima"],
                cadence: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", firstMeeting: "2026-01-13T10:00",
                timeZone: "Europe/Lisbon", durationMinutes: 120, venues: ["Lisbon"], standingAgenda: ["State of play"])
        ]
        plan.focalPoints = [
            FocalPoint(
                id: "mne-p", entity: "mne", level: .political, name: "Paula",
                channels: [ContactChannel(kind: .email, address: "paula@mne.pt")], deputy: "mne-d"),
            FocalPoint(id: "mne-d", entity: "mne", level: .political, name: "Duarte"),
            FocalPoint(id: "aima-t", entity: "aima", level: .technical, name: "Tomás"),
        ]
        return plan
    }()

    static let agent = Author.agent("committee")
    static let zone = TimeZone(identifier: "Europe/Lisbon")!
    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static let calendar = (try? plan.businessCalendar())!
    static let now = at("2027-01-01T09:00")

    static func planned(_ id: String) throws -> PlannedMeeting {
        try #require(
            plan.plannedMeetings(
                of: plan.bodies[0], from: at("2027-01-01T00:00"), through: at("2027-12-31T00:00"), calendar: calendar
            ).first { $0.id == id })
    }

    static func rows(_ entries: [ProjectedEntry], _ kinds: Set<ProjectedEntry.Kind>) -> [String] {
        entries.filter { kinds.contains($0.kind) }.map {
            "\(LocalDateTime($0.at, in: zone)) \($0.kind.rawValue) \($0.subject)"
        }
    }

    /// A declared deputy is sent nothing while the focal point it stands in for is there.
    @Test func meetingsAreProjectedWithTheirConvocationsAndOneNoticePerRecipient() throws {
        let state = PlanState(plan: Self.plan)
        let entries = state.projection(from: Self.now, until: Self.at("2027-04-30T23:59"), calendar: Self.calendar)
        #expect(
            Self.rows(entries, [.meeting, .convocation, .notice]) == [
                "2027-01-05T09:00 convocation committee-2027-01-12",
                "2027-01-05T09:00 notice aima-t",
                "2027-01-05T09:00 notice mne-p",
                "2027-01-12T10:00 meeting committee",
                "2027-04-06T09:00 convocation committee-2027-04-13",
                "2027-04-06T09:00 notice aima-t",
                "2027-04-06T09:00 notice mne-p",
                "2027-04-13T10:00 meeting committee",
            ])
        let notice = try #require(entries.first { $0.kind == .notice && $0.subject == "mne-p" })
        #expect(notice.summary == "convocation for committee-2027-01-12 to Paula")
        #expect(
            entries.first { $0.kind == .notice && $0.subject == "aima-t" }?.summary
                == "convocation for committee-2027-01-12 to Tomás (no e-mail address)")
        #expect(
            entries.first { $0.kind == .meeting }?.summary
                == "Committee meets at Lisbon [committee-2027-01-12, projected]")
        #expect(entries.map(\.at) == entries.map(\.at).sorted())
    }

    @Test func aConvocationInsideTheWindowForAMeetingBeyondItIsShown() {
        let state = PlanState(plan: Self.plan)
        let entries = state.projection(from: Self.now, until: Self.at("2027-01-08T00:00"), calendar: Self.calendar)
        #expect(Self.rows(entries, [.meeting, .convocation]) == ["2027-01-05T09:00 convocation committee-2027-01-12"])
        // A convocation already past is not projected, though its meeting is.
        let late = state.projection(
            from: Self.at("2027-01-06T09:00"), until: Self.at("2027-01-31T00:00"), calendar: Self.calendar)
        #expect(Self.rows(late, [.meeting, .convocation, .notice]) == ["2027-01-12T10:00 meeting committee"])
    }

    @Test func theRecordReplacesTheCadence() throws {
        var state = PlanState(plan: Self.plan)
        let early = Self.at("2026-12-01T09:00")
        try Fixtures.apply(
            .scheduleMeeting(try Self.planned("committee-2027-01-12")), by: Self.agent, to: &state, at: early)
        try Fixtures.apply(
            .scheduleMeeting(try Self.planned("committee-2027-04-13")), by: Self.agent, to: &state, at: early)
        try Fixtures.apply(
            .scheduleMeeting(try Self.planned("committee-2027-07-13")), by: Self.agent, to: &state, at: early)
        // January moves two days later; April is cancelled; July is convened early.
        try Fixtures.apply(
            .rescheduleMeeting(
                MeetingReschedule(meeting: "committee-2027-01-12", start: Self.at("2027-01-14T15:00"), reason: "travel")
            ),
            to: &state, at: early)
        try Fixtures.apply(.cancelMeeting(meeting: "committee-2027-04-13", reason: "no quorum"), to: &state, at: early)
        try Fixtures.apply(.conveneMeeting(meeting: "committee-2027-07-13"), by: Self.agent, to: &state, at: early)
        let before = state.meetings

        let entries = state.projection(from: Self.now, until: Self.at("2027-10-31T23:59"), calendar: Self.calendar)
        #expect(
            Self.rows(entries, [.meeting, .convocation]) == [
                "2027-01-07T09:00 convocation committee-2027-01-12",
                "2027-01-14T15:00 meeting committee",
                "2027-07-13T10:00 meeting committee",
                "2027-10-05T09:00 convocation committee-2027-10-12",
                "2027-10-12T10:00 meeting committee",
            ])
        #expect(
            entries.first { $0.kind == .meeting }?.summary
                == "Committee meets at Lisbon [committee-2027-01-12, scheduled]")
        #expect(entries.contains { $0.summary.contains("[committee-2027-07-13, convened]") })
        #expect(state.meetings == before, "projecting changes nothing")
    }

    @Test func noticesGoToTheStandInOfAFocalPointAwayOnTheConvocationDay() throws {
        var state = PlanState(plan: Self.plan)
        try Fixtures.apply(
            .setAway(Absence(focalPoint: "mne-p", from: Self.day("2027-01-04"), to: Self.day("2027-01-06"))),
            to: &state, at: Self.now)
        let entries = state.projection(from: Self.now, until: Self.at("2027-04-30T23:59"), calendar: Self.calendar)
        #expect(
            Self.rows(entries, [.notice]) == [
                "2027-01-05T09:00 notice aima-t",
                "2027-01-05T09:00 notice mne-d",
                "2027-04-06T09:00 notice aima-t",
                "2027-04-06T09:00 notice mne-p",
            ])
        #expect(
            entries.first { $0.kind == .notice && $0.subject == "mne-d" }?.summary
                == "convocation for committee-2027-01-12 to Duarte (deputy of mne-p, away until 2027-01-06) (no e-mail address)"
        )
    }

    @Test func openTasksFallDueAtTheEndOfTheirDay() throws {
        var state = PlanState(plan: Self.plan)
        let early = Self.at("2026-12-01T09:00")
        try Fixtures.apply(
            .scheduleMeeting(try Self.planned("committee-2027-01-12")), by: Self.agent, to: &state, at: early)
        try Fixtures.apply(.conveneMeeting(meeting: "committee-2027-01-12"), by: Self.agent, to: &state, at: early)
        try Fixtures.apply(
            .recordMinutes(
                MinutesDraft(
                    meeting: "committee-2027-01-12", present: ["mne", "aima"],
                    decisions: [
                        .init(
                            text: "Act", item: 1,
                            tasks: [
                                .init(title: "Draft the decree", owner: "mne", due: Self.day("2027-02-15")),
                                .init(title: "Count the visas", owner: "aima", due: Self.day("2027-02-20")),
                                .init(title: "Later", owner: "aima", due: Self.day("2027-09-01")),
                            ])
                    ])), to: &state, at: Self.at("2027-01-12T12:00"))
        try Fixtures.apply(
            .completeTask(TaskCompletion(task: "T2", note: "done")), to: &state, at: Self.at("2027-01-13T12:00"))

        let entries = state.projection(
            from: Self.at("2027-01-13T12:00"), until: Self.at("2027-03-31T23:59"), calendar: Self.calendar)
        let due = entries.filter { $0.kind == .taskDue }
        #expect(due.map(\.subject) == ["T1"], "completed and later tasks are left out")
        #expect(due.first?.at == Self.at("2027-02-16T00:00"))
        #expect(
            due.first?.summary
                == "T1 falls due (due 2027-02-15, open): Draft the decree; owner mne, assigned to Paula")
    }

    @Test func theLimitKeepsTheEarliest() {
        let state = PlanState(plan: Self.plan)
        let all = state.projection(from: Self.now, until: Self.at("2028-12-31T00:00"), calendar: Self.calendar)
        let first = state.projection(
            from: Self.now, until: Self.at("2028-12-31T00:00"), calendar: Self.calendar, limit: 3)
        #expect(first == Array(all.prefix(3)))
        #expect(state.projection(from: Self.now, until: Self.now, calendar: Self.calendar).isEmpty)
    }
}
