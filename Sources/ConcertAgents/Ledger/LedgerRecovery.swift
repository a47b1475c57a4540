import ConcertCore
import ConcertStore
import Foundation
import Logging

/// Rebuilds the state at start: the newest valid snapshot, then every event after it.
enum LedgerRecovery {
    struct Outcome {
        var state: PlanState
        var snapshotSequence: Int64
        var eventsReplayed: Int
    }

    static let page = 8_192

    static func recover(store: any EventStore, plan: Plan, logger: Logger) async throws -> Outcome {
        var state = PlanState(plan: plan)
        var snapshotSequence: Int64 = 0
        let load = try await store.latestValidSnapshot()
        for skipped in load.skipped {
            logger.warning("\(skipped); rebuilding from the log")
        }
        if let snapshot = load.snapshot {
            if snapshot.formatVersion == PlanStateSnapshot.formatVersion,
                let decoded = try? PlanState.decodeSnapshot(snapshot.state),
                decoded.lastSequence == snapshot.sequence
            {
                state = PlanState(plan: plan, snapshot: decoded)
                snapshotSequence = snapshot.sequence
            } else {
                logger.warning(
                    "snapshot unreadable by this version; rebuilding from the log",
                    metadata: ["sequence": "\(snapshot.sequence)"])
            }
        }
        var replayed = 0
        while true {
            let rows = try await store.events(after: state.lastSequence, limit: page)
            for row in rows {
                state.evolve(try RecordedPlanEvent(row))
            }
            replayed += rows.count
            if rows.count < page { break }
        }
        logger.info(
            "event log replayed",
            metadata: [
                "snapshot": "\(snapshotSequence)", "replayed": "\(replayed)", "last_sequence": "\(state.lastSequence)",
            ])
        return Outcome(state: state, snapshotSequence: snapshotSequence, eventsReplayed: replayed)
    }
}
