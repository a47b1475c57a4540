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
public final class VirtualClock: PlanClock {
    private let current: Mutex<Date>

    public init(startingAt start: Date) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }
    public var isVirtual: Bool { true }

    /// Moves the clock forward; never backward.
    func move(to instant: Date) {
        current.withLock { $0 = max($0, instant) }
    }
}
