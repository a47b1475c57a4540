import Foundation
import Synchronization

/// Where the daemon's agents read the time: the system's, or a virtual one that moves only
/// when told (tests, simulations, `concertd --virtual-clock`).
public protocol PlanClock: Sendable {
    /// The current instant.
    var now: Date { get }
    /// True for a virtual clock.
    var isVirtual: Bool { get }
}

/// The system's wall clock.
public struct SystemClock: PlanClock {
    public init() {}
    public var now: Date { Date() }
    public var isVirtual: Bool { false }
}

/// A clock that stands still until the timeline moves it.
///
/// With a record file, the time it reached is written there after every advance, so a daemon
/// restarted on virtual time resumes where it was (see ``VirtualClock/resuming(from:record:)``)
/// instead of going back to its first instant.
public final class VirtualClock: PlanClock {
    private let current: Mutex<Date>
    /// Where the time reached is kept, if anywhere.
    public let record: URL?

    public init(startingAt start: Date, record: URL? = nil) {
        current = Mutex(start)
        self.record = record
    }

    /// A clock at the latest of `start`, the time in `record` and `notBefore` (the last event's
    /// time: virtual time never runs behind what the log has recorded).
    public static func resuming(from start: Date, record: URL, notBefore: Date? = nil) -> VirtualClock {
        var instant = start
        if let text = try? String(contentsOf: record, encoding: .utf8),
            let saved = ISO8601DateFormatter.withFractions.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            instant = max(instant, saved)
        }
        if let notBefore { instant = max(instant, notBefore) }
        return VirtualClock(startingAt: instant, record: record)
    }

    /// Writes the current time to the record file (a temporary file renamed over it).
    func persist() {
        guard let record else { return }
        let text = ISO8601DateFormatter.withFractions.string(from: now) + "\n"
        try? Data(text.utf8).write(to: record, options: .atomic)
    }

    public var now: Date { current.withLock { $0 } }
    public var isVirtual: Bool { true }

    /// Moves the clock forward; never backward.
    func move(to instant: Date) {
        current.withLock { $0 = max($0, instant) }
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 with milliseconds, as the virtual clock's record holds it.
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
