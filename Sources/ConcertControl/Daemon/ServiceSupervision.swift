import ConcertAgents
import ConcertCore
import ConcertWorkflows
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Systemd
import UnixSignals
import Varlink

/// Keeps the service manager informed and answers SIGHUP.
///
/// Once the log is replayed and the control socket accepts, it logs `serving` and sends
/// `READY=1` with a `STATUS=` line of live figures; then it refreshes the status, sends
/// `WATCHDOG=1` at half the watchdog interval only while the ledger's writer answers, and
/// reloads the plan on each SIGHUP. Everything it tells systemd is a no-op outside systemd.
struct ServiceSupervision: Service {
    let notifier: ServiceNotifier
    let server: VarlinkServer
    let ledger: Ledger
    let reloader: PlanReloader
    let hangUps: UnixSignalsSequence
    let address: String
    let logger: Logger
    /// A test hook: stall the ledger's writer this long after serving begins, to show the
    /// watchdog pings stop (`CONCERT_TEST_STALL_LEDGER_AFTER_SECONDS`; never set in production).
    var stallLedgerAfter: Duration?

    /// The environment variable of ``stallLedgerAfter``.
    static let stallVariable = "CONCERT_TEST_STALL_LEDGER_AFTER_SECONDS"

    /// How often the status line is refreshed when no watchdog asks for more.
    static let statusPeriod: Duration = .seconds(10)

    func run() async throws {
        // Stopped before it listened: nothing to announce, and not a failure of its own.
        guard (try? await server.listening()) != nil else { return }
        let lastSequence = await ledger.ping()
        logger.info("serving", metadata: ["socket": "\(address)", "last_sequence": "\(lastSequence)"])
        notifier.ready(status: await reloader.statusLine())

        let answered = LastAnswer()
        let half = notifier.watchdogInterval.map { $0 / 2 }
        if let half { logger.info("watchdog enabled", metadata: ["ping_every_ms": "\(half.milliseconds)"]) }
        // Its loops end by cancellation when shutdown reaches it: that is its normal end.
        do {
            try await cancelWhenGracefulShutdown {
                try await supervise(half: half, answered: answered)
            }
        } catch is CancellationError {}
    }

    private func supervise(half: Duration?, answered: LastAnswer) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            if let half {
                group.addTask { try await pingWriter(every: half / 4, answered: answered) }
            }
            group.addTask { try await heartbeat(half: half, answered: answered) }
            group.addTask { await reloadOnHangUp() }
            if let stallLedgerAfter {
                group.addTask {
                    try await Task.sleep(for: stallLedgerAfter)
                    logger.warning("test hook: stalling the ledger's writer", metadata: ["hook": "\(Self.stallVariable)"])
                    await ledger.setStalled(true)
                }
            }
        }
    }

    /// Asks the ledger's writer round again and again, noting when it last answered. A stalled
    /// writer leaves this waiting, and the note goes stale.
    private func pingWriter(every pause: Duration, answered: LastAnswer) async throws {
        while true {
            await ledger.writerPing()
            let now = ContinuousClock.now
            answered.instant.withLock { $0 = now }
            try await Task.sleep(for: max(pause, .milliseconds(10)))
        }
    }

    /// Every half watchdog interval: `WATCHDOG=1` if the writer answered within the last half
    /// interval; the status line either way.
    private func heartbeat(half: Duration?, answered: LastAnswer) async throws {
        let period = half ?? Self.statusPeriod
        var next = ContinuousClock.now
        var withheld = false
        while true {
            next = next.advanced(by: period)
            try await Task.sleep(until: next, clock: .continuous)
            if let half {
                let last = answered.instant.withLock { $0 }
                if let last, ContinuousClock.now - last <= half {
                    notifier.watchdog()
                    if withheld { logger.notice("the ledger answers again; watchdog pings resumed") }
                    withheld = false
                } else if !withheld {
                    withheld = true
                    logger.error(
                        "the ledger's writer has not answered for half the watchdog interval; withholding watchdog pings",
                        metadata: ["half_interval_ms": "\(half.milliseconds)"])
                }
            }
            notifier.status(await reloader.statusLine())
        }
    }

    private func reloadOnHangUp() async {
        for await _ in hangUps {
            _ = await reloader.reload(trigger: "SIGHUP")
        }
    }
}

/// When the ledger's writer last answered a ping.
private final class LastAnswer: Sendable {
    let instant = Mutex<ContinuousClock.Instant?>(nil)
}

/// Sends `STOPPING=1` as soon as shutdown begins. Listed last in the service group, so it is
/// the first to hear of a graceful shutdown.
struct StoppingAnnouncer: Service {
    let notifier: ServiceNotifier

    func run() async throws {
        try? await gracefulShutdown()
        notifier.stopping()
    }
}

/// What a reload did: the plan now served, its measure count, and whether anything changed.
public struct ReloadOutcome: Sendable, Hashable {
    public var plan: String
    public var measures: Int
    public var changed: Bool
}

/// A reload that kept the old plan, and why.
public struct ReloadRefusal: Error, Sendable, Hashable {
    public var message: String
    public var diagnostics: [String]
}

/// Re-reads Workflows/ and, when it is valid, puts the new plan in place through the ledger.
///
/// One reload at a time: SIGHUP and `io.concert.Daemon.Reload` queue on this actor. systemd
/// hears `RELOADING=1` (with `MONOTONIC_USEC=`) first and `READY=1` after, whatever the outcome;
/// a refusal stays in `STATUS=` until a reload succeeds.
actor PlanReloader {
    private let workflows: String
    private let ledger: Ledger
    private let notifier: ServiceNotifier
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var refusal: String?

    init(workflows: String, ledger: Ledger, notifier: ServiceNotifier, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.workflows = workflows
        self.ledger = ledger
        self.notifier = notifier
        self.logger = logger
        self.now = now
    }

    func reload(trigger: String) async -> Result<ReloadOutcome, ReloadRefusal> {
        notifier.reloading()
        logger.info("reloading the plan", metadata: ["workflows": "\(workflows)", "trigger": "\(trigger)"])
        let current = await ledger.currentState.plan
        let loaded: Plan
        do {
            loaded = try WorkflowLoader.load(directory: workflows)
        } catch {
            let diagnostics = error.diagnostics.map(\.description)
            return await refuse(
                "the plan in \(workflows) is not valid (\(diagnostics.count) problem(s)); the old plan stays",
                diagnostics: diagnostics)
        }
        guard loaded.id == current.id else {
            return await refuse(
                "the plan's id changed from \(current.id) to \(loaded.id); a reload keeps the plan, restart the daemon on another state folder to coordinate a different one",
                diagnostics: [])
        }
        let changed = loaded != current
        if changed { await ledger.replacePlan(loaded) }
        refusal = nil
        logger.notice(
            "plan reloaded",
            metadata: [
                "plan": "\(loaded.id)", "measures": "\(loaded.measures.count)", "changed": "\(changed)",
                "trigger": "\(trigger)", "message_id": "reload_done",
            ])
        notifier.ready(status: await statusLine())
        return .success(ReloadOutcome(plan: loaded.id, measures: loaded.measures.count, changed: changed))
    }

    private func refuse(_ message: String, diagnostics: [String]) async -> Result<ReloadOutcome, ReloadRefusal> {
        for diagnostic in diagnostics {
            logger.warning("reload refused: \(diagnostic)", metadata: ["message_id": "reload_refused"])
        }
        logger.error("reload refused: \(message)", metadata: ["message_id": "reload_refused"])
        refusal = message
        notifier.ready(status: await statusLine())
        return .failure(ReloadRefusal(message: message, diagnostics: diagnostics))
    }

    /// The `STATUS=` line: "serving; 66 measures, 12 overdue, 4 open escalations, last event
    /// 1234", with the last refused reload when there is one.
    func statusLine() async -> String {
        let state = await ledger.currentState
        let today = CalendarDate(now(), in: state.timeZone)
        let overdue = state.plan.measures.reduce(0) { $0 + (state.isOverdue($1, today: today) ? 1 : 0) }
        let open = state.escalations.values.reduce(0) { $0 + ($1.isActive ? 1 : 0) }
        var line =
            "serving; \(state.plan.measures.count) measures, \(overdue) overdue, \(open) open escalations, last event \(state.lastSequence)"
        if let refusal { line += "; reload refused: \(refusal)" }
        return line
    }
}

extension Duration {
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
