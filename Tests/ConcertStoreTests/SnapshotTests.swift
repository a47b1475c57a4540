@_spi(Testing) import ConcertStore
import Foundation
import Testing

@Suite("Snapshots")
struct SnapshotTests {
    static func snapshot(_ sequence: Int64, format: Int = 1) -> Snapshot {
        Snapshot(
            sequence: sequence,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(sequence)),
            formatVersion: format, state: Data("state folded up to \(sequence)".utf8))
    }

    /// Flips the first byte of the stored state of the snapshot at `sequence`.
    static func damage(_ store: SQLiteEventStore, at sequence: Int64) async throws {
        var state = snapshot(sequence).state
        state[state.startIndex] ^= 0xFF
        try await store.executeRaw(
            "UPDATE snapshots SET state = \(blobLiteral(state)) WHERE sequence = \(sequence)")
    }

    @Test("no snapshot in an empty store")
    func none() async throws {
        try await withStore { store, _ in
            let load = try await store.latestValidSnapshot()
            #expect(load.snapshot == nil)
            #expect(load.skipped.isEmpty)
        }
    }

    @Test("the newest snapshot is returned as saved, date rounded to the millisecond")
    func saveAndLoad() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 10)
            try await store.saveSnapshot(Self.snapshot(4))
            var newest = Self.snapshot(9, format: 3)
            newest.createdAt = Date(timeIntervalSince1970: 1_700_000_000.123_4)
            try await store.saveSnapshot(newest)
            let load = try await store.latestValidSnapshot()
            newest.createdAt = Date(timeIntervalSince1970: 1_700_000_000.123)
            #expect(load.snapshot == newest)
            #expect(load.skipped.isEmpty)
        }
    }

    @Test("a snapshot of the empty log, at sequence 0, is valid")
    func snapshotAtZero() async throws {
        try await withStore { store, _ in
            try await store.saveSnapshot(Self.snapshot(0))
            #expect(try await store.latestValidSnapshot().snapshot == Self.snapshot(0))
        }
    }

    @Test("saving again at the same sequence replaces the snapshot")
    func replaceAtSameSequence() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 3)
            try await store.saveSnapshot(Self.snapshot(3))
            var second = Self.snapshot(3)
            second.state = Data("second".utf8)
            try await store.saveSnapshot(second)
            #expect(try await store.latestValidSnapshot().snapshot == second)
            #expect(try await store.status().snapshotSequences == [3])
        }
    }

    @Test("a damaged snapshot is skipped for an older valid one, and reported")
    func damagedSkipped() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 10)
            try await store.saveSnapshot(Self.snapshot(5))
            try await store.saveSnapshot(Self.snapshot(8))
            try await Self.damage(store, at: 8)

            let load = try await store.latestValidSnapshot()
            #expect(load.snapshot == Self.snapshot(5))
            #expect(load.skipped.map(\.sequence) == [8])
            #expect(load.damaged.count == 1)
            guard case .checksumMismatch(let stored, let computed) = load.skipped.first?.reason else {
                Issue.record("expected a checksum mismatch, got \(load.skipped)")
                return
            }
            #expect(stored != computed)
            #expect(load.skipped[0].description.hasPrefix("snapshot at seq 8 damaged"))
        }
    }

    @Test("when every snapshot is damaged, none is returned")
    func allDamaged() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 10)
            try await store.saveSnapshot(Self.snapshot(5))
            try await store.saveSnapshot(Self.snapshot(8))
            try await Self.damage(store, at: 8)
            try await Self.damage(store, at: 5)
            let load = try await store.latestValidSnapshot()
            #expect(load.snapshot == nil)
            #expect(load.damaged.map(\.sequence) == [8, 5])

            #expect(try await store.deleteDamagedSnapshots() == [8, 5])
            #expect(try await store.status().snapshotSequences.isEmpty)
            #expect(try await store.latestValidSnapshot().skipped.isEmpty)
        }
    }

    @Test("a snapshot moved to another sequence or with altered metadata fails to verify")
    func alteredMetadata() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 10)
            try await store.saveSnapshot(Self.snapshot(2))
            try await store.saveSnapshot(Self.snapshot(4))
            try await store.saveSnapshot(Self.snapshot(6))
            try await store.executeRaw("UPDATE snapshots SET sequence = 7 WHERE sequence = 6")
            try await store.executeRaw("UPDATE snapshots SET format_version = 2 WHERE sequence = 4")
            let load = try await store.latestValidSnapshot()
            #expect(load.snapshot == Self.snapshot(2))
            #expect(load.damaged.map(\.sequence) == [7, 4])
        }
    }

    @Test("a snapshot beyond the last event is ignored, not counted as damaged")
    func beyondLastEvent() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 10)
            try await store.saveSnapshot(Self.snapshot(10))
            // A valid snapshot that claims events the log does not hold,
            // written behind the store's back.
            let ahead = Self.snapshot(20)
            let millis = Int64((ahead.createdAt.timeIntervalSince1970 * 1000).rounded())
            let checksum = Snapshot.checksum(
                sequence: 20, createdAtMillis: millis, formatVersion: 1, state: ahead.state)
            try await store.executeRaw(
                """
                INSERT INTO snapshots (sequence, created_at, format_version, state, checksum)
                VALUES (20, \(millis), 1, \(blobLiteral(ahead.state)), \(checksum))
                """)
            let load = try await store.latestValidSnapshot()
            #expect(load.snapshot == Self.snapshot(10))
            #expect(
                load.skipped == [
                    SkippedSnapshot(sequence: 20, reason: .beyondLastEvent(lastSequence: 10))
                ])
            #expect(load.damaged.isEmpty)
            // Not damaged, so not deleted as damaged.
            #expect(try await store.deleteDamagedSnapshots().isEmpty)
        }
    }

    @Test("saving a snapshot beyond the last event, or at a negative sequence, is refused")
    func saveBeyondRefused() async throws {
        try await withStore { store, _ in
            try await appendEvents(store, count: 3)
            #expect(
                await storeErrorCode { try await store.saveSnapshot(Self.snapshot(4)) }
                    == .invalidArgument)
            #expect(
                await storeErrorCode { try await store.saveSnapshot(Self.snapshot(-1)) }
                    == .invalidArgument)
            #expect(try await store.status().snapshotSequences.isEmpty)
        }
    }

    @Test("only the configured number of newest snapshots is kept")
    func pruning() async throws {
        try await withStore(configuration: .init(retainedSnapshots: 2)) { store, _ in
            try await appendEvents(store, count: 10)
            for sequence: Int64 in [2, 4, 6, 8] {
                try await store.saveSnapshot(Self.snapshot(sequence))
            }
            #expect(try await store.status().snapshotSequences == [8, 6])
        }
    }

    @Test("an empty state round-trips")
    func emptyState() async throws {
        try await withStore { store, _ in
            let empty = Snapshot(
                sequence: 0, createdAt: Date(timeIntervalSince1970: 0), formatVersion: 1,
                state: Data())
            try await store.saveSnapshot(empty)
            #expect(try await store.latestValidSnapshot().snapshot == empty)
        }
    }
}
