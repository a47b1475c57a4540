import ArgumentParser
import ConcertAgents
import ConcertControl
import Foundation
import Logging
import Systemd

/// concertd: the Concert daemon.
@main
struct Concertd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concertd",
        abstract: "Run the coordination machinery of a national migration plan.",
        discussion: """
            Loads the plan folder, replays the event log, and serves the Varlink control socket that \
            concertctl uses. Settings come from flags, then systemd's environment (STATE_DIRECTORY, \
            RUNTIME_DIRECTORY, CONFIGURATION_DIRECTORY, LISTEN_FDS), then the defaults shown. Stops \
            gracefully on SIGTERM or SIGINT: calls in flight finish and every acknowledged change is on disk. \
            SIGHUP re-reads the plan folder (as concertctl reload does). Under systemd it reports readiness, \
            status, reloads and stopping (NOTIFY_SOCKET), pings the watchdog while the ledger answers \
            (WATCHDOG_USEC), and logs to the journal when stderr goes there (JOURNAL_STREAM).
            """,
        version: ConcertControl.Daemon.version)

    @Option(help: ArgumentHelp("The plan folder (YAML). Default: $CONFIGURATION_DIRECTORY, else /etc/concert.", valueName: "dir"))
    var workflows: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where the event log lives. Default: $STATE_DIRECTORY, else /var/lib/concert.", valueName: "dir"))
    var stateDirectory: String?

    @Option(help: ArgumentHelp("The control socket to bind. Default: $RUNTIME_DIRECTORY/io.concert.sock, else /run/concert/io.concert.sock.", valueName: "path"))
    var socket: String?

    @Option(name: .customLong("socket-mode"), help: ArgumentHelp("The socket file's mode, in octal.", valueName: "mode"))
    var socketMode: String = "0660"

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Control connections allowed at once.", valueName: "n"))
    var maxConnections: Int = 4096

    @Option(
        name: .customLong("virtual-clock"),
        help: ArgumentHelp(
            "Run on virtual time starting at this instant (RFC 3339, e.g. 2027-01-01T09:00:00Z); it moves only with concertctl clock advance.",
            valueName: "instant"))
    var virtualClock: String?

    @Option(
        name: .customLong("maildir"),
        help: ArgumentHelp(
            "Where notices are delivered, one Maildir per focal point underneath. Default: maildir/ in the state folder.",
            valueName: "dir"))
    var maildir: String?

    @Option(
        name: .customLong("mail-from"),
        help: ArgumentHelp("The address notices come from.", valueName: "address"))
    var mailFrom: String = DaemonConfiguration.defaultMailFrom

    @Option(
        name: .customLong("smtp-relay"),
        help: ArgumentHelp(
            "Submit notices of focal points declared 'notices: smtp' to this relay (HOST:PORT), in plain SMTP: TLS and authentication are not supported yet, so use a trusted relay such as one on loopback. Without it such notices fail.",
            valueName: "host:port"))
    var smtpRelay: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    @Option(
        name: .customLong("log-target"),
        help: ArgumentHelp(
            "Where the log goes: journal (structured entries through sd_journal_sendv), stderr, or auto: the journal when stderr is connected to it ($JOURNAL_STREAM), else stderr.",
            valueName: "target"))
    var logTarget: String = "auto"

    func validate() throws {
        guard UInt16(socketMode, radix: 8) != nil else { throw ValidationError("--socket-mode takes an octal mode such as 0660") }
        if let virtualClock, ISO8601DateFormatter().date(from: virtualClock) == nil {
            throw ValidationError("--virtual-clock takes an RFC 3339 instant such as 2027-01-01T09:00:00Z")
        }
        guard mailFrom.split(separator: "@").count == 2, !mailFrom.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { throw ValidationError("--mail-from takes a plain address such as concert@example.org") }
        if let smtpRelay, SMTPClient.Relay(parsing: smtpRelay) == nil {
            throw ValidationError("--smtp-relay takes HOST:PORT, such as 127.0.0.1:25")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard ["auto", "journal", "stderr"].contains(logTarget) else {
            throw ValidationError("--log-target must be one of: auto, journal, stderr")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let environment = ProcessInfo.processInfo.environment
        let journal =
            logTarget == "journal"
            || (logTarget == "auto" && JournalStream.standardErrorIsJournal(environment: environment))
        LoggingSystem.bootstrap { label in
            if journal {
                var handler = JournalLogHandler(label: label, identifier: "concertd")
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "concertd")
        let configuration = DaemonConfiguration.resolve(
            workflows: workflows, stateDirectory: stateDirectory, socket: socket,
            socketMode: UInt16(socketMode, radix: 8) ?? 0o660, maxConnections: maxConnections,
            virtualClockStart: virtualClock.flatMap { ISO8601DateFormatter().date(from: $0) }, maildir: maildir,
            mailFrom: mailFrom, smtpRelay: smtpRelay, environment: environment)
        do {
            try await Daemon.run(configuration: configuration, logger: logger)
        } catch let error as Daemon.StartupError {
            logger.critical("cannot start: \(error.description)")
            throw ExitCode(error.exitCode)
        }
    }
}
