import Foundation

/// Where the daemon finds its plan, keeps its state and listens, resolved from flags, then
/// systemd's environment, then defaults.
public struct DaemonConfiguration: Sendable, Hashable {
    /// The plan folder (YAML files).
    public var workflows: String
    /// Where the event log lives (`concert.sqlite`).
    public var stateDirectory: String
    /// The control socket's path, when the daemon binds its own.
    public var socketPath: String
    /// The socket file's mode when the daemon binds it.
    public var socketMode: UInt16
    /// At most this many control connections at once.
    public var maxConnections: Int
    /// When set, the daemon runs on virtual time starting at this instant.
    public var virtualClockStart: Date?

    public static let defaultStateDirectory = "/var/lib/concert"
    public static let defaultRuntimeDirectory = "/run/concert"
    public static let defaultConfigurationDirectory = "/etc/concert"
    public static let socketName = "io.concert.sock"
    public static let databaseName = "concert.sqlite"

    /// Resolves the configuration.
    /// - Parameters:
    ///   - workflows: `--workflows`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    ///   - socket: `--socket`, if given.
    ///   - environment: the process environment (`STATE_DIRECTORY`, `RUNTIME_DIRECTORY`,
    ///     `CONFIGURATION_DIRECTORY`, as systemd sets them; each may list several paths
    ///     separated by colons, of which the first is used).
    public static func resolve(
        workflows: String?, stateDirectory: String?, socket: String?, socketMode: UInt16 = 0o660,
        maxConnections: Int = 256, virtualClockStart: Date? = nil, environment: [String: String]
    ) -> DaemonConfiguration {
        func first(_ name: String) -> String? {
            environment[name]?.split(separator: ":").first.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        let state = stateDirectory ?? first("STATE_DIRECTORY") ?? defaultStateDirectory
        let runtime = first("RUNTIME_DIRECTORY") ?? defaultRuntimeDirectory
        let plan = workflows ?? first("CONFIGURATION_DIRECTORY") ?? defaultConfigurationDirectory
        return DaemonConfiguration(
            workflows: plan, stateDirectory: state,
            socketPath: socket ?? (runtime as NSString).appendingPathComponent(socketName), socketMode: socketMode,
            maxConnections: maxConnections, virtualClockStart: virtualClockStart)
    }

    /// The event log's database file.
    public var databasePath: String {
        (stateDirectory as NSString).appendingPathComponent(Self.databaseName)
    }
}
