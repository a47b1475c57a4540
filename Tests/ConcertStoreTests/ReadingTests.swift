import ConcertStore
import Foundation
import Testing

/// Folds events inside an actor, to show that `replay` runs its body in the caller's isolation.
actor Folder {
    private(set) var sequences: [Int64] = []

    func fold(_ store: some EventStore, after sequence: Int64) async throws -> Int64 {
        try await store.replay(after: sequence, pageSize: 7) { event in
            sequences.append(event.sequence)
        }
    }
}

struct StopReplay: Error {}

@Suite("Reading events")
struct ReadingTests {
    @Test("events(after:limit:) pages through the log in order")
    func paging() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 25)
            #expect(try await store.events(after: 0, limit: 10).map(\.sequence) == Array(1...10))
            #expect(try await store.events(after: 20, limit: 10).map(\.sequence) == Array(21...25))
            #expect(try await store.events(after: 25, limit: 10).isEmpty)
            #expect(try await store.events(after: 3, limit: 0).isEmpty)
            let code = await storeErrorCode { _ = try await store.events(after: 0, limit: -1) }
            #expect(code == .invalidArgument)
        }
    }

    @Test("replay streams every event after a sequence, in order, across pages")
    func replayOrder() async throws {
        try await withStore { store, _ in
            let recorded = try await appendEvents(store, count: 1000, batchSize: 250)
            var seen: [RecordedEvent] = []
            let last = try await store.replay(after: 0, pageSize: 64) { seen.append($0) }
            #expect(seen == recorded)
            #expect(last == 1000)

            var tail: [Int64] = []
            try await store.replay(after: 990) { tail.append($0.sequence) }
            #expect(tail == Array(991...1000))

            var none = 0
            #expect(try await store.replay(after: 1000) { _ in none += 1 } == 1000)
            #expect(none == 0)

            let erased: any EventStore = store
            var count = 0
            try await erased.replay(after: 500) { _ in count += 1 }
            #expect(count == 500)
        }
    }

    @Test("replay pages of exactly the log's size end cleanly")
    func replayExactPages() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 20)
            var seen: [Int64] = []
            try await store.replay(after: 0, pageSize: 10) { seen.append($0.sequence) }
            #expect(seen == Array(1...20))
        }
    }

    @Test("replay runs its body in the caller's actor")
    func replayInActor() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 30)
            let folder = Folder()
            #expect(try await folder.fold(store, after: 5) == 30)
            #expect(await folder.sequences == Array(6...30))
        }
    }

    @Test("an error thrown by the replay's body stops it and is rethrown")
    func replayStops() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 30)
            var seen = 0
            await #expect(throws: StopReplay.self) {
                try await store.replay(after: 0, pageSize: 4) { event in
                    seen += 1
                    if event.sequence == 10 { throw StopReplay() }
                }
            }
            #expect(seen == 10)
        }
    }

    @Test("events(subject:) returns the events about one subject, in order")
    func bySubject() async throws {
        try await withStore { store, _ in
            try await store.append([
                event(0, subject: "measure-1"), event(1, subject: "measure-2"), event(2),
                event(3, subject: "measure-1"), event(4, subject: "measure-1"),
            ])
            #expect(try await store.events(subject: "measure-1").map(\.sequence) == [1, 4, 5])
            #expect(try await store.events(subject: "measure-2").map(\.sequence) == [2])
            #expect(try await store.events(subject: "measure-9").isEmpty)
            #expect(
                try await store.events(subject: "measure-1", after: 1, limit: 1)
                    .map(\.sequence) == [4])
        }
    }
}
