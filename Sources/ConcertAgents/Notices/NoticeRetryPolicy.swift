import Foundation

/// When a notice whose delivery failed is tried again: after `firstDelay`, doubling each time
/// up to `maximumDelay`; after `attemptLimit` attempts it is given up (`failed`).
public struct NoticeRetryPolicy: Sendable, Hashable {
    public var firstDelay: Duration
    public var maximumDelay: Duration
    public var attemptLimit: Int

    /// 30 s, 1 min, 2 min, ... up to 1 h between attempts; 8 attempts in all (about 2 h 7 min
    /// from the first to the last).
    public static let standard = NoticeRetryPolicy(firstDelay: .seconds(30), maximumDelay: .seconds(3_600), attemptLimit: 8)

    public init(firstDelay: Duration, maximumDelay: Duration, attemptLimit: Int) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.attemptLimit = max(1, attemptLimit)
    }

    /// The wait after the `attempts`-th failed attempt (1 for the first).
    public func delay(afterAttempts attempts: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(1, attempts) {
            delay = min(delay * 2, maximumDelay)
            if delay >= maximumDelay { break }
        }
        return min(delay, maximumDelay)
    }

    /// When to try again after the `attempts`-th failed attempt at `instant`; nil when that was
    /// the last one allowed.
    public func nextAttempt(afterAttempts attempts: Int, at instant: Date) -> Date? {
        guard attempts < attemptLimit else { return nil }
        let delay = delay(afterAttempts: attempts)
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        return instant.addingTimeInterval(seconds)
    }
}
