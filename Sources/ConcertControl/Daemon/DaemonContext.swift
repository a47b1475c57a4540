import Foundation
import Synchronization

/// What the control interfaces know about the daemon around them.
public struct DaemonContext: Sendable {
    public var version: String
    public var configuration: DaemonConfiguration
    public var startedAt: Date
    public var connections: ConnectionGauge
    /// Re-reads the plan, once the daemon has attached its reloader.
    public var reloads: ReloadHook
    public var now: @Sendable () -> Date

    public init(
        version: String, configuration: DaemonConfiguration, startedAt: Date = Date(),
        connections: ConnectionGauge = ConnectionGauge(), reloads: ReloadHook = ReloadHook(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.version = version
        self.configuration = configuration
        self.startedAt = startedAt
        self.connections = connections
        self.reloads = reloads
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

/// Reaches the daemon's reloader from the control interface, once the reloader exists.
public final class ReloadHook: Sendable {
    private let source = Mutex<(@Sendable (String) async -> Result<ReloadOutcome, ReloadRefusal>)?>(nil)

    public init() {}

    public func attach(_ reload: @escaping @Sendable (String) async -> Result<ReloadOutcome, ReloadRefusal>) {
        source.withLock { $0 = reload }
    }

    /// Reloads, or nil when no reloader is attached (a daemon still starting).
    public func reload(trigger: String) async -> Result<ReloadOutcome, ReloadRefusal>? {
        guard let reload = source.withLock({ $0 }) else { return nil }
        return await reload(trigger)
    }
}
