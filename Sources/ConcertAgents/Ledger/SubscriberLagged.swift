/// Ends a subscription whose reader fell too far behind the live stream of events.
public struct SubscriberLagged: Error, Hashable, Sendable, CustomStringConvertible {
    public var bufferLimit: Int
    public var description: String {
        "the subscriber fell more than \(bufferLimit) events behind and was dropped; resubscribe from the last sequence seen"
    }
}
