import Foundation
import GRDB

extension RecordedEvent {
    /// Decodes a row selected with ``SQLiteSchema/eventColumns``.
    ///
    /// Uses GRDB's throwing fast-path decoders, so a damaged row is an error,
    /// never a crash.
    init(row: Row) throws {
        let sequence = try row.decode(Int64.self, atIndex: 0)
        let kindName = try row.decode(String.self, atIndex: 2)
        guard let actorKind = EventActor.Kind(rawValue: kindName) else {
            throw StoreError(.corrupt, "event \(sequence) has an unknown actor kind '\(kindName)'")
        }
        let uid: UInt32?
        if let rawUID = try row.decode(Int64?.self, atIndex: 3) {
            guard let value = UInt32(exactly: rawUID) else {
                throw StoreError(.corrupt, "event \(sequence) has an invalid actor uid \(rawUID)")
            }
            uid = value
        } else {
            uid = nil
        }
        self.init(
            sequence: sequence,
            recordedAt: UnixMillis.date(try row.decode(Int64.self, atIndex: 1)),
            actor: EventActor(
                kind: actorKind, uid: uid,
                name: try row.decode(String.self, atIndex: 4),
                role: try row.decode(String?.self, atIndex: 5)),
            commandID: try row.decode(String.self, atIndex: 6),
            kind: try row.decode(String.self, atIndex: 7),
            subject: try row.decode(String?.self, atIndex: 8),
            payload: try row.decode(Data.self, atIndex: 9))
    }
}
