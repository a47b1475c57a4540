import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Logging
import Testing

/// The monitor records, once, that a measure passed its deadline unfinished; on virtual time.
@Suite("monitor")
struct MonitorTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!

    struct Setup {
        let clock: VirtualClock
        let ledger: Ledger
        let timeline: Timeline
        let monitor: Monitor
        let writer: Task<Void, Never>
        let follower: Task<Void, Never>
        let store: any EventStore

        static func make(at start: String) async throws -> Setup {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)")
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            let clock = VirtualClock(startingAt: ISO8601DateFormatter().date(from: start)!)
            let ledger = try await Ledger(store: store, plan: LedgerTests.plan, now: { clock.now }, logger: Logger(label: "t"))
            let timeline = Timeline(clock: clock, logger: Logger(label: "t"))
            let monitor = Monitor(ledger: ledger, timeline: timeline, logger: Logger(label: "t"))
            let writer = Task { await ledger.runWriter() }
            await monitor.start()
            let follower = Task { await monitor.run() }
            return Setup(clock: clock, ledger: ledger, timeline: timeline, monitor: monitor, writer: writer, follower: follower, store: store)
        }

        func overdueEvents() async throws -> [RecordedEvent] {
            try await store.events(after: 0, limit: 1000).filter { $0.kind == "measure_fell_overdue" }
        }

        func close() async throws {
            follower.cancel()
            await ledger.stop()
            await writer.value
            try await store.close()
        }
    }

    @Test func aMissedDeadlineIsRecordedOnceAtTheStartOfTheNextDay() async throws {
        // Every test measure is due 2026-06-30.
        let setup = try await Setup.make(at: "2026-06-01T09:00:00Z")
        try await setup.timeline.advance(to: ISO8601DateFormatter().date(from: "2026-06-30T22:59:00Z")!)
        #expect(try await setup.overdueEvents().isEmpty)
        // Midnight in Lisbon (summer time) is 23:00 UTC.
        try await setup.timeline.advance(to: ISO8601DateFormatter().date(from: "2026-07-15T00:00:00Z")!)
        let events = try await setup.overdueEvents()
        #expect(events.count == 10)
        #expect(events.allSatisfy { $0.recordedAt == ISO8601DateFormatter().date(from: "2026-06-30T23:00:00Z")! })
        #expect(events.allSatisfy { $0.actor.name == "monitor" && $0.actor.kind == .agent })
        try await setup.timeline.advance(to: ISO8601DateFormatter().date(from: "2027-01-01T00:00:00Z")!)
        #expect(try await setup.overdueEvents().count == 10)
        let state = await setup.ledger.currentState
        #expect(state.progress[MeasureID("M01")]?.overdueSince == CalendarDate(iso: "2026-06-30"))
        try await setup.close()
    }

    @Test func completedMeasuresAreSparedAndReplansMoveTheCheck() async throws {
        let setup = try await Setup.make(at: "2026-06-01T09:00:00Z")
        let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)
        _ = try await setup.ledger.submit(
            CommandEnvelope(author: coordinator, command: .report(ProgressReport(measure: "M01", stage: .completed))))
        _ = try await setup.ledger.submit(
            CommandEnvelope(
                author: coordinator,
                command: .replan(Replan(measure: "M02", deadline: CalendarDate(iso: "2026-09-30")!, reason: "budget"))))
        // Let the monitor see the replan before time moves.
        while await setup.timeline.nextDue == nil { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(50))
        try await setup.timeline.advance(to: ISO8601DateFormatter().date(from: "2026-07-15T00:00:00Z")!)
        var measures = try await setup.overdueEvents().compactMap(\.subject)
        #expect(!measures.contains("M01"))
        #expect(!measures.contains("M02"))
        #expect(measures.count == 8)
        try await setup.timeline.advance(to: ISO8601DateFormatter().date(from: "2026-10-02T00:00:00Z")!)
        measures = try await setup.overdueEvents().compactMap(\.subject)
        #expect(measures.filter { $0 == "M02" }.count == 1)
        try await setup.close()
    }

    @Test func theMonitorCannotBeImpersonated() async throws {
        let setup = try await Setup.make(at: "2026-08-01T09:00:00Z")
        let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)
        await #expect(throws: CommandRejection.self) {
            try await setup.ledger.submit(
                CommandEnvelope(
                    author: coordinator,
                    command: .markOverdue(MarkOverdue(measure: "M03", deadline: CalendarDate(iso: "2026-06-30")!))))
        }
        try await setup.close()
    }
}
