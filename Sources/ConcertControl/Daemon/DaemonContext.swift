import Foundation
import Synchronization

/// What the control interfaces know about the daemon around them.
public struct DaemonContext: Sendable {
    public var version: String
    public var configuration: DaemonConfiguration
    public var startedAt: Date
    public var connections: ConnectionGauge
    public var now: @Sendable () -> Date

    public init(
        version: String, configuration: DaemonConfiguration, startedAt: Date = Date(),
        connections: ConnectionGauge = ConnectionGauge(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.version = version
        self.configuration = configuration
        self.startedAt = startedAt
        self.connections = connections
        self.now = now
    }
}

/// Reads the server's open connection count, once the server exists.
public final class ConnectionGauge: Sendable {
    private let source = Mutex<(@Sendable () -> Int)?>(nil)

    public init() {}

    public func attach(_ count: @escaping @Sendable () -> Int) {
        source.withLock { $0 = count }
    }

    public var count: Int {
        source.withLock { $0 }?() ?? 0
    }
}
