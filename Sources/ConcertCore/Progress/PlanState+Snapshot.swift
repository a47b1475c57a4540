import Foundation

/// The recorded part of a `PlanState`, as a snapshot stores it.
///
/// The plan's configuration is not in the snapshot: it is read from Workflows/ at start.
public struct PlanStateSnapshot: Codable, Sendable {
    public static let formatVersion = 1

    public var lastSequence: Int64
    public var progress: [MeasureID: MeasureProgress]

    public init(lastSequence: Int64, progress: [MeasureID: MeasureProgress]) {
        self.lastSequence = lastSequence
        self.progress = progress
    }
}

extension PlanState {
    public var snapshot: PlanStateSnapshot {
        PlanStateSnapshot(lastSequence: lastSequence, progress: progress)
    }

    /// The state from a snapshot, under the current configuration.
    public init(plan: Plan, snapshot: PlanStateSnapshot) {
        self.init(plan: plan, progress: snapshot.progress, lastSequence: snapshot.lastSequence)
    }

    public func encodedSnapshot() throws -> Data {
        try JSONEncoder().encode(snapshot)
    }

    public static func decodeSnapshot(_ data: Data) throws -> PlanStateSnapshot {
        try JSONDecoder().decode(PlanStateSnapshot.self, from: data)
    }
}
