import ConcertStore
import Foundation
import Testing

@Suite("Appending events")
struct AppendTests {
    @Test("sequences start at 1 and are increasing and gap-free across batches")
    func gapFreeSequences() async throws {
        try await withStore { store, _ in
            #expect(try await store.lastSequence() == 0)
            let first = try await store.append([event(0), event(1), event(2)])
            let second = try await store.append([event(3)])
            let third = try await store.append((4..<10).map { event($0) })
            #expect((first + second + third).map(\.sequence) == Array(1...10))
            #expect(try await store.lastSequence() == 10)
            #expect(try await store.count() == 10)
        }
    }

    @Test("the records returned are those read back, with every field")
    func recordsMatchReads() async throws {
        try await withStore { store, _ in
            let batch = [
                event(0, subject: "measure-1.2"),
                PendingEvent(
                    recordedAt: Date(timeIntervalSince1970: 1_700_000_000.5),
                    actor: .agent("escalator"), commandID: "", kind: "escalated",
                    subject: nil, payload: Data()),
                event(2, actor: EventActor(kind: .user, uid: UInt32.max, name: "root", role: nil)),
            ]
            let recorded = try await store.append(batch)
            #expect(recorded.map(\.pending) == batch)
            #expect(try await store.events(after: 0, limit: 10) == recorded)
            #expect(recorded[1].payload.isEmpty)
        }
    }

    @Test("dates are rounded to the millisecond, the same in the reply and in the log")
    func datesRoundedToMilliseconds() async throws {
        try await withStore { store, _ in
            var pending = event(0)
            pending.recordedAt = Date(timeIntervalSince1970: 1_700_000_000.123_4)
            let recorded = try await store.append([pending])
            #expect(recorded[0].recordedAt == Date(timeIntervalSince1970: 1_700_000_000.123))
            #expect(try await store.events(after: 0, limit: 1) == recorded)
        }
    }

    @Test("an empty batch writes nothing")
    func emptyBatch() async throws {
        try await withStore { store, _ in
            let appended = try await store.append([])
            #expect(appended.isEmpty)
            #expect(try await store.lastSequence() == 0)
        }
    }

    @Test("a batch is one transaction: one refused event leaves none of the batch")
    func batchIsAllOrNothing() async throws {
        try await withStore { store, _ in
            try await store.append([event(0), event(1)])
            let code = await storeErrorCode {
                // The empty kind violates a CHECK constraint at the third insert,
                // after two rows of the batch were already inserted.
                try await store.append([event(2), event(3), event(4, kind: ""), event(5)])
            }
            #expect(code == .constraintViolation)
            #expect(try await store.count() == 2)
            #expect(try await store.lastSequence() == 2)
            // The rolled-back batch did not use up sequence numbers.
            let next = try await store.append([event(6)])
            #expect(next.map(\.sequence) == [3])
        }
    }

    @Test("a date that cannot be stored is refused before anything is written")
    func unstorableDate() async throws {
        try await withStore { store, _ in
            var bad = event(1)
            bad.recordedAt = Date(timeIntervalSince1970: .infinity)
            let code = await storeErrorCode { try await store.append([event(0), bad]) }
            #expect(code == .invalidArgument)
            let count = try await store.count()
            #expect(count == 0)
        }
    }

    @Test("64 tasks appending at once: every event present exactly once, batches contiguous")
    func concurrentAppends() async throws {
        try await withStore { store, _ in
            let tasks = 64
            let perBatch = 3
            let results = try await withThrowingTaskGroup(of: [RecordedEvent].self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        try await store.append(
                            (0..<perBatch).map { index in
                                event(task * perBatch + index, command: "task-\(task)")
                            })
                    }
                }
                var all: [[RecordedEvent]] = []
                for try await batch in group {
                    all.append(batch)
                }
                return all
            }
            #expect(results.count == tasks)
            for batch in results {
                let sequences = batch.map(\.sequence)
                #expect(sequences == Array(sequences[0]..<sequences[0] + Int64(perBatch)))
                #expect(Set(batch.map(\.commandID)).count == 1)
            }
            let stored = try await store.events(after: 0, limit: 1000)
            #expect(stored.map(\.sequence) == Array(1...Int64(tasks * perBatch)))
            #expect(Set(stored.map(\.payload)).count == tasks * perBatch)
            #expect(
                Dictionary(grouping: stored, by: \.commandID).values.allSatisfy {
                    $0.count == perBatch
                })
            #expect(stored == results.flatMap { $0 }.sorted { $0.sequence < $1.sequence })
        }
    }
}
