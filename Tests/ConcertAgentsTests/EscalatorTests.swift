import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Logging
import Testing

/// The escalator and the monthly cycle on virtual time, over a real event log: escalations
/// repeat, climb in working days, reach the working group's and then the committee's agenda;
/// reports are reminded and recorded missing.
@Suite("escalator", .serialized)
struct EscalatorTests {
    static let zone = TimeZone(identifier: "Europe/Lisbon")!
    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static let ladder = EscalationLadder(
        id: "standard",
        steps: [
            EscalationStep(action: .notify(.technical), trigger: .workingDays(0), repeatEveryWorkingDays: 5, maxRepeats: 1),
            EscalationStep(action: .notify(.political), trigger: .workingDays(10)),
            EscalationStep(action: .agenda("wg"), trigger: .workingDays(5)),
            EscalationStep(action: .agenda("committee"), trigger: .afterMeeting),
        ])

    static let plan: Plan = {
        var plan = LedgerTests.plan
        plan.measures = Array(plan.measures.prefix(2))
        plan.bodies = [
            Body(id: "wg", name: "Working group", kind: .workingGroup, members: ["mai"]),
            Body(id: "committee", name: "Committee", kind: .committee, members: ["mai"]),
        ]
        plan.focalPoints = [
            FocalPoint(id: "mai-p", entity: "mai", level: .political, name: "P"),
            FocalPoint(id: "mai-t", entity: "mai", level: .technical, name: "T"),
        ]
        plan.monitoring = MonitoringPolicy(
            reporting: ReportingCycle(opensOnDay: 25, dueOnDay: 5, remindWorkingDaysBefore: 3), ladders: [ladder],
            defaultLadder: "standard")
        return plan
    }()

    struct Setup {
        let ledger: Ledger
        let timeline: Timeline
        let writer: Task<Void, Never>
        let follower: Task<Void, Never>
        let store: any EventStore

        static func make(at start: Date) async throws -> Setup {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-\(UUID().uuidString)")
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            let clock = VirtualClock(startingAt: start)
            let ledger = try await Ledger(store: store, plan: EscalatorTests.plan, now: { clock.now }, logger: Logger(label: "t"))
            let timeline = Timeline(clock: clock, logger: Logger(label: "t"))
            let monitor = Monitor(ledger: ledger, timeline: timeline, logger: Logger(label: "t"))
            let writer = Task { await ledger.runWriter() }
            await monitor.start()
            let follower = Task { await monitor.run() }
            return Setup(ledger: ledger, timeline: timeline, writer: writer, follower: follower, store: store)
        }

        /// Moves time, then lets the agents see what that recorded and move again to the same
        /// instant (their follow-ups may be due already).
        func advance(to instant: Date) async throws {
            try await timeline.advance(to: instant)
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(60))
                try await timeline.advance(to: instant)
            }
        }

        func submit(_ command: PlanCommand, by author: Author) async throws {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: command))
            try await Task.sleep(for: .milliseconds(60))
        }

        func kinds() async throws -> [String] {
            try await store.events(after: 0, limit: 10_000).map(\.kind)
        }

        func close() async throws {
            follower.cancel()
            await ledger.stop()
            await writer.value
            try await store.close()
        }
    }

    static func meeting(_ body: BodyID, _ day: String) -> PlannedMeeting {
        PlannedMeeting(
            id: "\(body)-\(day)", body: body, occurrence: LocalDateTime(iso: "\(day)T10:00")!, start: at("\(day)T10:00"),
            end: at("\(day)T11:00"), timeZone: zone, venue: nil, movedFrom: nil)
    }

    @Test func anOverdueMeasureClimbsTheWholeLadder() async throws {
        // Both measures are due 2026-06-30 (a Tuesday); M02 is completed, M01 is not.
        let setup = try await Setup.make(at: Self.at("2026-06-29T09:00"))
        let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)
        try await setup.submit(.report(ProgressReport(measure: "M02", stage: .completed)), by: coordinator)

        try await setup.advance(to: Self.at("2026-07-01T08:00"))
        var state = await setup.ledger.currentState
        let record = try #require(state.escalations["E1"])
        #expect(record.subject == .measure("M01"))
        #expect(record.told == ["mai-t"])
        #expect(state.escalations.count == 1)

        // One repeat, five working days later at the opening of the day (Wednesday 8 July, 09:00).
        try await setup.advance(to: Self.at("2026-07-08T08:59"))
        #expect(await setup.ledger.currentState.escalations["E1"]?.notices == 1)
        try await setup.advance(to: Self.at("2026-07-08T09:00"))
        #expect(await setup.ledger.currentState.escalations["E1"]?.notices == 2)
        // The repeat limit holds.
        try await setup.advance(to: Self.at("2026-07-14T12:00"))
        #expect(await setup.ledger.currentState.escalations["E1"]?.notices == 2)

        // Ten working days after 1 July: Wednesday 15 July at 09:00, to the political focal point.
        try await setup.advance(to: Self.at("2026-07-15T09:00"))
        state = await setup.ledger.currentState
        #expect(state.escalations["E1"]?.level == 1)
        #expect(state.escalations["E1"]?.told == ["mai-t", "mai-p"])

        // Level 2 needs a working-group meeting ahead: none is placed, so it waits and retries.
        try await setup.advance(to: Self.at("2026-07-22T09:00"))
        #expect(await setup.ledger.currentState.escalations["E1"]?.level == 1)
        let wg = Author.agent("wg")
        try await setup.submit(.scheduleMeeting(Self.meeting("wg", "2026-07-29")), by: wg)
        try await setup.submit(.scheduleMeeting(Self.meeting("committee", "2026-09-01")), by: Author.agent("committee"))
        try await setup.advance(to: Self.at("2026-07-23T09:00"))
        state = await setup.ledger.currentState
        #expect(state.escalations["E1"]?.level == 2)
        #expect(state.escalations["E1"]?.meeting == "wg-2026-07-29")
        #expect(state.meetings["wg-2026-07-29"]?.added.first?.source == .escalation)

        // Held (minutes recorded) and still unresolved: the committee's agenda.
        try await setup.submit(.conveneMeeting(meeting: "wg-2026-07-29"), by: wg)
        try await setup.advance(to: Self.at("2026-07-29T12:00"))
        try await setup.submit(.recordMinutes(MinutesDraft(meeting: "wg-2026-07-29", present: ["mai"])), by: coordinator)
        try await setup.advance(to: Self.at("2026-07-29T12:00"))
        state = await setup.ledger.currentState
        #expect(state.escalations["E1"]?.level == 3)
        #expect(state.escalations["E1"]?.meeting == "committee-2026-09-01")

        // A replan resolves it and nothing more happens.
        try await setup.submit(
            .replan(Replan(measure: "M01", deadline: Self.day("2027-06-30"), reason: "new contract")), by: coordinator)
        try await setup.advance(to: Self.at("2026-12-31T12:00"))
        state = await setup.ledger.currentState
        #expect(state.escalations["E1"]?.state == .resolved)
        #expect(
            state.escalations["E1"]?.history.map(\.kind) == [
                .started, .notified, .notified, .raised, .notified, .raised, .placed, .raised, .placed, .resolved,
            ])
        try await setup.close()
    }

    @Test func theMonthlyCycleRemindsAndRecordsMissingReports() async throws {
        let setup = try await Setup.make(at: Self.at("2027-01-10T09:00"))
        let focalPoint = Author.user(uid: 1001, name: "rui", role: .focalPoint)
        try await setup.advance(to: Self.at("2027-01-27T10:00"))
        try await setup.submit(.report(ProgressReport(measure: "M01", stage: .inProgress)), by: focalPoint)

        // Reminders three working days before Friday 5 February: Tuesday 2 February, 09:00.
        try await setup.advance(to: Self.at("2027-02-02T08:59"))
        #expect(await setup.ledger.currentState.reporting.reminded.isEmpty)
        try await setup.advance(to: Self.at("2027-02-02T09:00"))
        var state = await setup.ledger.currentState
        #expect(state.reporting.reminded == [ReportingPeriod(year: 2027, month: 1)])

        // At the start of 6 February M02's report is recorded missing; M01's came in.
        try await setup.advance(to: Self.at("2027-02-06T00:00"))
        state = await setup.ledger.currentState
        #expect(state.reporting.isMissing("M02", for: ReportingPeriod(year: 2027, month: 1)))
        #expect(!state.reporting.isMissing("M01", for: ReportingPeriod(year: 2027, month: 1)))
        let id = try #require(state.activeEscalations[.report("M02", period: ReportingPeriod(year: 2027, month: 1))])

        // The next period runs on its own; M02's second miss joins its open escalation.
        try await setup.advance(to: Self.at("2027-03-06T00:00"))
        state = await setup.ledger.currentState
        #expect(state.reporting.reminded.contains(ReportingPeriod(year: 2027, month: 2)))
        #expect(state.reporting.isMissing("M02", for: ReportingPeriod(year: 2027, month: 2)))
        #expect(state.reporting.isMissing("M01", for: ReportingPeriod(year: 2027, month: 2)))
        #expect(state.escalations.values.filter { $0.subject.kind == "report" && $0.subject.measure == "M02" }.count == 1)
        // M02 reports: its escalation is settled.
        try await setup.submit(.report(ProgressReport(measure: "M02", stage: .inProgress)), by: focalPoint)
        #expect(await setup.ledger.currentState.escalations[id]?.state == .resolved)
        try await setup.close()
    }
}
