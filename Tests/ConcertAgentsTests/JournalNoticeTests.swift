@testable import ConcertAgents
import ConcertCore
import ConcertNotices
import Foundation
import Testing

/// A notice for a focal point on `notices: journal` becomes one entry whose fields name the
/// notice, its recipient, and for an escalation its measure and level.
@Suite("journal notices")
struct JournalNoticeTests {
    @Test func anOverdueNoticeCarriesItsMeasureAndLevel() throws {
        var state = PlanState(plan: EscalatorTests.plan)
        let envelope = CommandEnvelope(
            author: Author.agent("monitor"),
            command: .markOverdue(MarkOverdue(measure: "M01", deadline: CalendarDate(iso: "2026-06-30")!)))
        let at = EscalatorTests.at("2026-07-01T00:00")
        var notices: [Notice] = []
        for event in try state.decide(envelope, now: at) {
            let recorded = RecordedPlanEvent(
                sequence: state.lastSequence + 1, recordedAt: at, author: envelope.author, commandID: envelope.id, event: event)
            state.evolve(recorded)
            notices += NoticeComposer(planID: "test").notices(for: recorded, in: state)
        }
        let notice = try #require(notices.first)
        let fields = JournalNotice.fields(for: notice)
        #expect(fields.contains("CONCERT_MEASURE=M01"))
        #expect(fields.contains("CONCERT_LEVEL=0"))
        #expect(fields.contains("CONCERT_RECIPIENT=mai-t"))
        #expect(fields.contains("CONCERT_NOTICE_KIND=overdue"))
        #expect(fields.contains("PRIORITY=4"))
        #expect(fields.contains("CONCERT_NOTICE_ID=escalation.E1.mai-t@test.concert"))
        #expect(JournalNotice.decoded(try JournalNotice.encoded(fields)) == fields)
    }
}
