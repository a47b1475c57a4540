import ConcertAgents
import ConcertCore
import ConcertStore
import ConcertWorkflows
import Foundation
import Logging
import Mail
import ServiceLifecycle
import Systemd
import UnixSignals
import Varlink

#if canImport(Glibc)
    import Glibc
#endif

/// concertd: loads the plan, replays the log, serves the control socket until told to stop.
public enum Daemon {
    public static let version = "0.1.0"

    /// Why the daemon could not start.
    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
        /// The exit status to end with (sysexits: 78 configuration, 73 cannot create, 70 software).
        public var exitCode: Int32
    }

    /// Runs the daemon until SIGTERM or SIGINT.
    public static func run(configuration: DaemonConfiguration, logger: Logger) async throws {
        raiseFileLimit(logger: logger)
        let plan: Plan
        do {
            plan = try WorkflowLoader.load(directory: configuration.workflows)
        } catch {
            let lines = error.diagnostics.map(\.description).joined(separator: "\n")
            throw StartupError(
                description: "the plan in \(configuration.workflows) is not valid:\n\(lines)", exitCode: 78)
        }
        logger.info(
            "plan loaded",
            metadata: ["plan": "\(plan.id)", "measures": "\(plan.measures.count)", "workflows": "\(configuration.workflows)"])

        let lock = try StateDirectoryLock(directory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        let store: SQLiteEventStore
        do {
            store = try await SQLiteEventStore.open(path: configuration.databasePath)
        } catch {
            throw StartupError(description: "cannot open the event log: \(error)", exitCode: 73)
        }
        do {
            try await serve(plan: plan, store: store, configuration: configuration, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        logger.info("stopped")
    }

    private static func serve(
        plan: Plan, store: SQLiteEventStore, configuration: DaemonConfiguration, logger: Logger
    ) async throws {
        let clock: any PlanClock
        if let start = configuration.virtualClockStart {
            let last = try await store.lastSequence()
            let lastRecorded = last > 0 ? try await store.events(after: last - 1, limit: 1).first?.recordedAt : nil
            clock = VirtualClock.resuming(
                from: start, record: URL(fileURLWithPath: configuration.virtualClockRecordPath), notBefore: lastRecorded)
        } else {
            clock = SystemClock()
        }
        if clock.isVirtual { logger.notice("running on virtual time", metadata: ["now": "\(clock.now)"]) }
        let ledger = try await Ledger(store: store, plan: plan, now: { clock.now }, logger: logger)
        let timeline = Timeline(clock: clock, logger: logger)
        let monitor = Monitor(ledger: ledger, timeline: timeline, logger: logger)
        let bodies = plan.bodies.filter { $0.cadence != nil }.map {
            BodyAgent(body: $0.id, ledger: ledger, timeline: timeline, logger: logger)
        }
        let sender: MailAddress
        do {
            sender = try MailAddress(name: "Concert", address: configuration.mailFrom)
        } catch {
            throw StartupError(description: "--mail-from '\(configuration.mailFrom)' is not usable: \(error)", exitCode: 78)
        }
        var smtp: SMTPClient?
        if let relay = configuration.smtpRelay {
            guard let parsed = SMTPClient.Relay(parsing: relay) else {
                throw StartupError(description: "--smtp-relay '\(relay)' is not HOST:PORT", exitCode: 78)
            }
            smtp = SMTPClient(relay: parsed, clientName: Self.hostName())
        }
        let outbox = SQLiteNoticeOutbox(store: store)
        let courier = Courier(
            outbox: outbox, timeline: timeline,
            channels: NoticeChannels(
                maildirRoot: URL(fileURLWithPath: configuration.maildirRoot), smtp: smtp, sender: sender.address),
            logger: logger)
        let postman = Postman(
            ledger: ledger, store: store, outbox: outbox, courier: courier, planID: plan.id, sender: sender,
            logger: logger)
        let context = DaemonContext(version: version, configuration: configuration, now: { clock.now })
        let service = try ControlPlane.service(
            ledger: ledger, store: store, timeline: timeline, context: context, courier: courier)

        let environment = ProcessInfo.processInfo.environment
        let notifier = ServiceNotifier(environment: environment)
        let listener: VarlinkServerConfiguration.Listener
        let address: String
        let passed = ListenedSockets.take()
        if let socket = passed.serverSocket(named: "varlink") {
            listener = .listeningSocket(descriptor: socket.descriptor)
            address = "the socket passed by systemd (fd \(socket.descriptor), named \(socket.name))"
        } else {
            if !passed.sockets.isEmpty {
                logger.warning(
                    "systemd passed no listening stream socket; binding the control socket instead",
                    metadata: ["passed": "\(passed.sockets.map(\.name))"])
            }
            address = configuration.socketPath
            try FileManager.default.createDirectory(
                atPath: (configuration.socketPath as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            listener = .unixSocket(path: configuration.socketPath)
        }
        let server = VarlinkServer(
            configuration: VarlinkServerConfiguration(
                listener: listener, socketFileMode: UInt32(configuration.socketMode),
                maximumConnections: configuration.maxConnections),
            service: service, logger: logger)
        context.connections.attach { server.connectionCount }
        let reloader = PlanReloader(
            workflows: configuration.workflows, ledger: ledger, notifier: notifier, logger: logger, now: { clock.now })
        context.reloads.attach { trigger in await reloader.reload(trigger: trigger) }
        // Trapped before serving, so a SIGHUP that comes early reloads rather than kills.
        let hangUps = await UnixSignalsSequence(trapping: .sighup)
        let supervision = ServiceSupervision(
            notifier: notifier, server: server, ledger: ledger, reloader: reloader, hangUps: hangUps,
            address: address, logger: logger,
            stallLedgerAfter: environment[ServiceSupervision.stallVariable].flatMap(Double.init).map { .seconds($0) })

        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                // Shut down in reverse order: STOPPING=1 first; the supervision last, after the
                // ledger's writer has ended (so a writer ping in flight is answered).
                services: [
                    .init(service: supervision, successTerminationBehavior: .ignore),
                    .init(service: LedgerService(ledger: ledger)),
                    .init(service: AgentsService(
                            timeline: timeline, monitor: monitor, bodies: bodies, postman: postman, courier: courier)),
                    .init(service: ControlServerService(server: server)),
                    .init(service: StoppingAnnouncer(notifier: notifier)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// The name the daemon gives an SMTP relay in `EHLO`: the host's name when it is a plain
    /// domain, else `localhost`.
    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let plain = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return plain ? name : "localhost"
    }

    /// Lets the daemon hold as many connections as the hard limit allows.
    private static func raiseFileLimit(logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 {
            logger.debug("could not raise the open-file limit")
        }
    }
}
