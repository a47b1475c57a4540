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
    /// Where notices are delivered: one Maildir per focal point underneath.
    public var maildirRoot: String
    /// The address notices are sent from.
    public var mailFrom: String
    /// The SMTP relay (`HOST:PORT`, plain SMTP) for focal points whose notices go by `smtp`;
    /// nil when there is none, and such notices then fail.
    public var smtpRelay: String?

    public static let defaultStateDirectory = "/var/lib/concert"
    public static let defaultRuntimeDirectory = "/run/concert"
    public static let defaultConfigurationDirectory = "/etc/concert"
    public static let socketName = "io.concert.sock"
    public static let databaseName = "concert.sqlite"
    public static let maildirName = "maildir"
    public static let defaultMailFrom = "concert@localhost"

    /// Resolves the configuration.
    /// - Parameters:
    ///   - workflows: `--workflows`, if given.
    ///   - stateDirectory: `--state-dir`, if given.
    ///   - socket: `--socket`, if given.
    ///   - maildir: `--maildir`, if given; else `maildir/` in the state folder.
    ///   - mailFrom: `--mail-from`, if given.
    ///   - smtpRelay: `--smtp-relay`, if given.
    ///   - environment: the process environment (`STATE_DIRECTORY`, `RUNTIME_DIRECTORY`,
    ///     `CONFIGURATION_DIRECTORY`, as systemd sets them; each may list several paths
    ///     separated by colons, of which the first is used).
    public static func resolve(
        workflows: String?, stateDirectory: String?, socket: String?, socketMode: UInt16 = 0o660,
        maxConnections: Int = 256, virtualClockStart: Date? = nil, maildir: String? = nil, mailFrom: String? = nil,
        smtpRelay: String? = nil, environment: [String: String]
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
            maxConnections: maxConnections, virtualClockStart: virtualClockStart,
            maildirRoot: maildir ?? (state as NSString).appendingPathComponent(maildirName),
            mailFrom: mailFrom ?? defaultMailFrom, smtpRelay: smtpRelay)
    }

    /// Where a daemon on virtual time keeps the time it reached.
    public var virtualClockRecordPath: String {
        (stateDirectory as NSString).appendingPathComponent("virtual-clock")
    }

    /// The event log's database file.
    public var databasePath: String {
        (stateDirectory as NSString).appendingPathComponent(Self.databaseName)
    }
}
