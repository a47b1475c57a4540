import ConcertCore
import ConcertNotices
import Foundation
import Testing

/// Reminders and escalation notices: who gets them, in which language, what they say, and how
/// they thread.
@Suite("monitoring notices")
struct MonitoringNoticeTests {
    static let ladder = EscalationLadder(
        id: "standard",
        steps: [
            EscalationStep(action: .notify(.technical), trigger: .workingDays(0), repeatEveryWorkingDays: 5, maxRepeats: 1),
            EscalationStep(action: .notify(.political), trigger: .workingDays(10)),
        ])

    static let plan: Plan = {
        var plan = NoticeFixtures.plan
        plan.focalPoints = plan.focalPoints.map {
            var point = $0
            if point.id == "mne-t" {
                point.channels = NoticeFixtures.mail("tecnico@mne.pt")
                point.language = "en"
            }
            return point
        }
        plan.monitoring = MonitoringPolicy(
            reporting: ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3), ladders: [ladder],
            defaultLadder: "standard")
        return plan
    }()

    static let monitor = Author.agent("monitor")
    static let composer = NoticeComposer(planID: "pnip")

    /// Applies a command and returns the notices its events cause, as the postman composes them.
    static func notices(_ command: PlanCommand, by author: Author, state: inout PlanState, at: Date) throws -> [Notice] {
        let envelope = CommandEnvelope(author: author, command: command)
        var notices: [Notice] = []
        for event in try state.decide(envelope, now: at) {
            let recorded = RecordedPlanEvent(
                sequence: state.lastSequence + 1, recordedAt: at, author: author, commandID: envelope.id, event: event)
            state.evolve(recorded)
            notices += composer.notices(for: recorded, in: state)
        }
        return notices
    }

    @Test func anOverdueMeasureTellsTheTechnicalFocalPointThenRepeatsInTheSameThread() throws {
        var state = PlanState(plan: Self.plan)
        let first = try Self.notices(
            .markOverdue(MarkOverdue(measure: "M01", deadline: NoticeFixtures.day("2029-06-30"))), by: Self.monitor,
            state: &state, at: NoticeFixtures.at("2029-07-01T00:00"))
        try #require(first.count == 1)
        let notice = first[0]
        #expect(notice.kind == .overdue)
        #expect(notice.recipient == "mne-t")
        #expect(notice.subject == "Overdue: measure M01 (e-VISA portal) [E1]")
        #expect(notice.messageID == "escalation.E1.mne-t@pnip.concert")
        #expect(notice.thread == nil)
        #expect(notice.text.contains("measure M01 (e-VISA portal) passed its deadline 2029-06-30 while not started."))
        #expect(notice.text.contains("concertctl ack E1"))
        #expect(notice.text.contains("concertctl report M01 --status completed"))
        #expect(notice.text.contains("Level:   0 of 2 (notify technical)"))
        #expect(notice.text.contains("Next:    repeats on 2029-07-06 (1 of 1); climbs to level 1 (notify political) on 2029-07-13"))

        let again = try Self.notices(
            .advanceEscalation(EscalationAdvance(escalation: "E1", action: .repeatNotice, level: 0)), by: Self.monitor,
            state: &state, at: NoticeFixtures.at("2029-07-09T09:00"))
        try #require(again.count == 1)
        #expect(again[0].thread == "escalation.E1.mne-t@pnip.concert")
        #expect(again[0].messageID != again[0].thread)
        #expect(again[0].text.contains("(Reminder 1.)"))

        // Level 1: the political focal point, in Portuguese, opening its own thread.
        let raised = try Self.notices(
            .advanceEscalation(EscalationAdvance(escalation: "E1", action: .raise, level: 0)), by: Self.monitor,
            state: &state, at: NoticeFixtures.at("2029-07-16T09:00"))
        try #require(raised.count == 1)
        #expect(raised[0].kind == .escalation)
        #expect(raised[0].recipient == "mne-p")
        #expect(raised[0].subject == "Escalado (nível 1): measure M01 (e-VISA portal) [E1]")
        #expect(raised[0].messageID == "escalation.E1.mne-p@pnip.concert")
        #expect(raised[0].text.contains("Como não foi resolvido"))
        #expect(raised[0].text.contains("concertctl ack E1"))
    }

    @Test func aReminderListsTheRecipientsMeasuresAndTheCommandToReport() throws {
        var state = PlanState(plan: Self.plan)
        let notices = try Self.notices(
            .remindReports(period: ReportingPeriod(year: 2027, month: 1)), by: Self.monitor, state: &state,
            at: NoticeFixtures.at("2027-02-02T09:00"))
        try #require(notices.count == 1)
        #expect(notices[0].kind == .reminder)
        #expect(notices[0].recipient == "mne-t")
        #expect(notices[0].subject == "Reminder: monthly report due 2027-02-05 (1 measure)")
        #expect(notices[0].text.contains("M01  e-VISA portal (not started, deadline 2029-06-30)"))
        #expect(notices[0].text.contains("concertctl report M01 --status in_progress"))
    }
}
