/// A snapshot that ``EventStore/latestValidSnapshot()`` would not return.
public struct SkippedSnapshot: Sendable, Hashable, CustomStringConvertible {
    /// Why a snapshot was passed over.
    public enum Reason: Sendable, Hashable {
        /// The checksum stored with the snapshot does not match its content.
        case checksumMismatch(stored: UInt32, computed: UInt32)
        /// The snapshot claims to fold events the log does not hold.
        case beyondLastEvent(lastSequence: Int64)
        /// The stored row could not be decoded at all.
        case unreadable(String)
    }

    /// The sequence number the snapshot is stored under.
    public var sequence: Int64
    /// Why it was passed over.
    public var reason: Reason

    /// Creates a record of a skipped snapshot.
    public init(sequence: Int64, reason: Reason) {
        self.sequence = sequence
        self.reason = reason
    }

    /// True when the snapshot's bytes are damaged, false when it is only ahead of the log.
    public var isDamaged: Bool {
        switch reason {
        case .checksumMismatch, .unreadable: true
        case .beyondLastEvent: false
        }
    }

    /// A sentence for the log, e.g. "snapshot at seq 42 damaged (checksum mismatch ...)".
    public var description: String {
        switch reason {
        case .checksumMismatch(let stored, let computed):
            "snapshot at seq \(sequence) damaged (checksum mismatch: stored \(hex(stored)), "
                + "computed \(hex(computed)))"
        case .beyondLastEvent(let last):
            "snapshot at seq \(sequence) ignored (beyond the last event, seq \(last))"
        case .unreadable(let detail):
            "snapshot at seq \(sequence) damaged (unreadable: \(detail))"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
