import Foundation
import GRDB

extension SQLiteEventStore {
    /// Saves a snapshot with its CRC-32, replacing any at the same sequence,
    /// and keeps only the ``Configuration/retainedSnapshots`` newest.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` when the snapshot's
    ///   sequence is negative or beyond the last event.
    public func saveSnapshot(_ snapshot: Snapshot) async throws {
        try await perform("cannot save the snapshot at seq \(snapshot.sequence)") {
            guard snapshot.sequence >= 0 else {
                throw StoreError(.invalidArgument, "the sequence is negative")
            }
            let millis = try UnixMillis.millis(snapshot.createdAt, of: "the snapshot's date")
            let format = Int64(snapshot.formatVersion)
            let checksum = Snapshot.checksum(
                sequence: snapshot.sequence, createdAtMillis: millis, formatVersion: format,
                state: snapshot.state)
            let retained = Int64(max(1, configuration.retainedSnapshots))
            try await pool.write { db in
                let last = try Self.lastSequence(db)
                guard snapshot.sequence <= last else {
                    throw StoreError(
                        .invalidArgument,
                        "cannot save the snapshot at seq \(snapshot.sequence): "
                            + "it is beyond the last event (seq \(last))")
                }
                try db.cachedStatement(sql: SQLiteSchema.upsertSnapshot).execute(arguments: [
                    snapshot.sequence, millis, format, snapshot.state, Int64(checksum),
                ])
                try db.execute(sql: SQLiteSchema.pruneSnapshots, arguments: [retained])
            }
        }
    }

    /// The newest snapshot whose checksum verifies and whose sequence is not
    /// beyond the last event, with the newer ones passed over and why.
    ///
    /// Reads in one transaction, so the log and the snapshots agree.
    public func latestValidSnapshot() async throws -> SnapshotLoad {
        try await perform("cannot load a snapshot") {
            try await pool.read { db in
                let last = try Self.lastSequence(db)
                var skipped: [SkippedSnapshot] = []
                let rows = try Row.fetchCursor(db, sql: SQLiteSchema.selectSnapshots)
                while let row = try rows.next() {
                    let sequence = try row.decode(Int64.self, atIndex: 0)
                    guard sequence <= last else {
                        skipped.append(
                            SkippedSnapshot(
                                sequence: sequence, reason: .beyondLastEvent(lastSequence: last)))
                        continue
                    }
                    switch Self.verifiedSnapshot(row, sequence: sequence) {
                    case .valid(let snapshot):
                        return SnapshotLoad(snapshot: snapshot, skipped: skipped)
                    case .damaged(let damage):
                        skipped.append(damage)
                    }
                }
                return SnapshotLoad(snapshot: nil, skipped: skipped)
            }
        }
    }

    /// Deletes the snapshots whose checksums do not verify.
    ///
    /// - Returns: The sequence numbers of the deleted snapshots, newest first.
    @discardableResult
    public func deleteDamagedSnapshots() async throws -> [Int64] {
        try await perform("cannot delete damaged snapshots") {
            try await pool.write { db in
                var damaged: [Int64] = []
                let rows = try Row.fetchCursor(db, sql: SQLiteSchema.selectSnapshots)
                while let row = try rows.next() {
                    let sequence = try row.decode(Int64.self, atIndex: 0)
                    if case .damaged = Self.verifiedSnapshot(row, sequence: sequence) {
                        damaged.append(sequence)
                    }
                }
                for sequence in damaged {
                    try db.execute(
                        sql: "DELETE FROM snapshots WHERE sequence = ?", arguments: [sequence])
                }
                return damaged
            }
        }
    }

    /// A stored snapshot, verified or not.
    enum SnapshotVerification {
        /// The checksum verifies.
        case valid(Snapshot)
        /// The row is damaged.
        case damaged(SkippedSnapshot)
    }

    /// Decodes a row of ``SQLiteSchema/selectSnapshots`` and verifies its checksum.
    private static func verifiedSnapshot(
        _ row: Row, sequence: Int64
    ) -> SnapshotVerification {
        do {
            let millis = try row.decode(Int64.self, atIndex: 1)
            let format = try row.decode(Int64.self, atIndex: 2)
            let state = try row.decode(Data.self, atIndex: 3)
            let stored = try row.decode(Int64.self, atIndex: 4)
            let computed = Snapshot.checksum(
                sequence: sequence, createdAtMillis: millis, formatVersion: format, state: state)
            guard UInt32(exactly: stored) == computed else {
                return .damaged(
                    SkippedSnapshot(
                        sequence: sequence,
                        reason: .checksumMismatch(
                            stored: UInt32(truncatingIfNeeded: stored), computed: computed)))
            }
            guard let formatVersion = Int(exactly: format) else {
                return .damaged(
                    SkippedSnapshot(
                        sequence: sequence, reason: .unreadable("format version \(format) out of range")))
            }
            return .valid(
                Snapshot(
                    sequence: sequence, createdAt: UnixMillis.date(millis),
                    formatVersion: formatVersion, state: state))
        } catch {
            return .damaged(SkippedSnapshot(sequence: sequence, reason: .unreadable("\(error)")))
        }
    }
}
