import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Logging
import Testing

/// The ledger over a real SQLite event log in a temporary folder.
@Suite("ledger")
struct LedgerTests {
    static let plan = Plan(
        id: "test", title: "Test", timeZone: "Europe/Lisbon", start: CalendarDate(iso: "2020-01-01")!,
        end: CalendarDate(iso: "2030-12-31")!, axes: [Axis(number: 1, title: "A")],
        objectives: [Objective(number: 1, title: "O")],
        measures: (1...10).map {
            Measure(
                id: MeasureID(String(format: "M%02d", $0)), title: "Measure \($0)", axis: 1, objectives: [1],
                responsible: "mai", deadline: CalendarDate(iso: "2026-06-30"))
        },
        entities: [Entity(id: "mai", name: "Home Affairs", kind: .areaOfGovernment)])

    static let author = Author.user(uid: 1000, name: "ana", role: .coordinator)

    struct Harness {
        let directory: URL
        var path: String { directory.appendingPathComponent("concert.sqlite").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        func open(_ configuration: Ledger.Configuration = Ledger.Configuration()) async throws -> (Ledger, Task<Void, Never>, any EventStore) {
            let store = try await SQLiteEventStore.open(path: path)
            let ledger = try await Ledger(store: store, plan: LedgerTests.plan, configuration: configuration, logger: Logger(label: "test"))
            let writer = Task { await ledger.runWriter() }
            return (ledger, writer, store)
        }

        func close(_ ledger: Ledger, _ writer: Task<Void, Never>, _ store: any EventStore) async throws {
            await ledger.stop()
            await writer.value
            try await store.close()
        }
    }

    static func report(_ measure: String, _ note: String, stage: Stage = .inProgress) -> CommandEnvelope {
        CommandEnvelope(author: author, command: .report(ProgressReport(measure: MeasureID(measure), stage: stage, note: note)))
    }

    @Test func commandsWaitingTogetherShareOneTransaction() async throws {
        let harness = try Harness()
        let (ledger, writer, store) = try await harness.open()
        await ledger.setStalled(true)
        let receipts = try await withThrowingTaskGroup(of: CommitReceipt.self) { group in
            for i in 0..<64 {
                group.addTask { try await ledger.submit(Self.report("M0\(i % 9 + 1)", "n\(i)")) }
            }
            while await ledger.currentStatistics.pendingCommands < 64 { try await Task.sleep(for: .milliseconds(5)) }
            await ledger.setStalled(false)
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.count == 64)
        #expect(receipts.allSatisfy { $0.batchSize == 64 })
        #expect(Set(receipts.flatMap { $0.events.map(\.sequence) }) == Set(1...64))
        let statistics = await ledger.currentStatistics
        #expect(statistics.transactions == 1)
        #expect(statistics.commandsCommitted == 64)
        #expect(try await store.lastSequence() == 64)
        try await harness.close(ledger, writer, store)
    }

    @Test func aRefusedCommandRecordsNothingAndSparesItsBatch() async throws {
        let harness = try Harness()
        let (ledger, writer, store) = try await harness.open()
        await ledger.setStalled(true)
        async let good = ledger.submit(Self.report("M01", "fine"))
        async let bad = ledger.submit(Self.report("M99", "nope"))
        while await ledger.currentStatistics.pendingCommands < 2 { try await Task.sleep(for: .milliseconds(5)) }
        await ledger.setStalled(false)
        let receipt = try await good
        #expect(receipt.events.count == 1)
        do {
            _ = try await bad
            Issue.record("a report on an unknown measure was accepted")
        } catch {
            #expect(error as? CommandRejection == CommandRejection(.noSuchMeasure("M99")))
        }
        #expect(try await store.lastSequence() == 1)
        #expect(await ledger.currentStatistics.commandsRefused == 1)
        try await harness.close(ledger, writer, store)
    }

    @Test func stateIsRebuiltFromTheLogAndFromSnapshots() async throws {
        let harness = try Harness()
        var configuration = Ledger.Configuration()
        configuration.snapshotInterval = 7
        do {
            let (ledger, writer, store) = try await harness.open(configuration)
            for i in 0..<19 { _ = try await ledger.submit(Self.report("M0\(i % 9 + 1)", "n\(i)")) }
            _ = try await ledger.submit(Self.report("M01", "done", stage: .completed))
            let expected = await ledger.currentState.progress
            // Simulate a crash: no clean stop, so no shutdown snapshot.
            writer.cancel()
            try await store.close()
            let (reopened, writer2, store2) = try await harness.open(configuration)
            let statistics = await reopened.currentStatistics
            #expect(await reopened.currentState.progress == expected)
            #expect(statistics.startedFromSnapshot == 14)
            #expect(statistics.eventsReplayed == 6)
            try await harness.close(reopened, writer2, store2)
        }
        let (again, writer3, store3) = try await harness.open(configuration)
        let statistics = await again.currentStatistics
        #expect(statistics.startedFromSnapshot == 20)
        #expect(statistics.eventsReplayed == 0)
        #expect(await again.currentState.progress[MeasureID("M01")]?.stage == .completed)
        try await harness.close(again, writer3, store3)
    }

    @Test func subscribersSeeCommittedEventsAndALaggingOneIsDropped() async throws {
        let harness = try Harness()
        var configuration = Ledger.Configuration()
        configuration.subscriberBuffer = 4
        let (ledger, writer, store) = try await harness.open(configuration)
        let (after, events) = await ledger.subscribe()
        #expect(after == 0)
        let (_, slow) = await ledger.subscribe()
        for i in 0..<3 { _ = try await ledger.submit(Self.report("M01", "n\(i)")) }
        var iterator = events.makeAsyncIterator()
        for expected in 1...3 {
            #expect(try await iterator.next()?.sequence == Int64(expected))
        }
        for i in 3..<8 { _ = try await ledger.submit(Self.report("M01", "n\(i)")) }
        var seen = 0
        await #expect(throws: SubscriberLagged.self) {
            for try await _ in slow { seen += 1 }
        }
        #expect(seen == 4)
        try await harness.close(ledger, writer, store)
    }

    @Test func stopDrainsWaitingCommandsThenRefuses() async throws {
        let harness = try Harness()
        let (ledger, writer, store) = try await harness.open()
        await ledger.setStalled(true)
        async let waiting = ledger.submit(Self.report("M02", "before stop"))
        while await ledger.currentStatistics.pendingCommands < 1 { try await Task.sleep(for: .milliseconds(5)) }
        await ledger.stop()
        await ledger.setStalled(false)
        #expect(try await waiting.events.count == 1)
        await #expect(throws: LedgerError.self) { try await ledger.submit(Self.report("M02", "after stop")) }
        await writer.value
        #expect(try await store.lastSequence() == 1)
        try await store.close()
    }
}
