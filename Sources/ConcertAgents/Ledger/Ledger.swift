import ConcertCore
import ConcertStore
import Foundation
import Logging
import ServiceLifecycle

/// The single writer of the event log.
///
/// Commands arrive from any number of callers; the ledger decides them against the state in
/// order, appends the resulting events of every command waiting at that moment in one
/// transaction (group commit, one fsync), and only then folds them into the state, answers
/// the callers and tells the subscribers. A caller that is answered knows its events are on
/// disk.
public actor Ledger {
    /// Tuning that rarely needs changing.
    public struct Configuration: Sendable {
        /// Commands beyond this many waiting are refused as overloaded.
        public var maxPendingCommands = 100_000
        /// At most this many commands go into one transaction.
        public var maxBatch = 4_096
        /// A snapshot is taken after this many events since the last one.
        public var snapshotInterval = 10_000
        /// Events a subscriber may fall behind before it is dropped.
        public var subscriberBuffer = 4_096

        public init() {}
    }

    private struct PendingCommand {
        var envelope: CommandEnvelope
        var continuation: CheckedContinuation<CommitReceipt, any Error>
    }

    private let store: any EventStore
    private let configuration: Configuration
    private let now: @Sendable () -> Date
    private let logger: Logger

    private var state: PlanState
    private var pending: [PendingCommand] = []
    private var writerWake: CheckedContinuation<Void, Never>?
    private var stopping = false
    private var statistics: LedgerStatistics
    private var subscribers: [UInt64: AsyncThrowingStream<RecordedPlanEvent, any Error>.Continuation] = [:]
    private var nextSubscriberID: UInt64 = 0
    /// When set, the writer waits for this to be cleared before each batch (tests of a wedged ledger).
    private var stalled = false
    /// Work the writer does between batches (a plan replaced, a liveness check), so no batch
    /// is decided against one plan and folded into another.
    private var chores: [(work: () -> Void, done: CheckedContinuation<Void, Never>)] = []
    /// Set once the writer loop has ended; chores then run at once.
    private var writerEnded = false

    /// Opens the ledger on a store: loads the newest valid snapshot and replays what follows it.
    public init(
        store: any EventStore, plan: Plan, configuration: Configuration = Configuration(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) async throws {
        self.store = store
        self.configuration = configuration
        self.now = now
        self.logger = logger
        let recovered = try await LedgerRecovery.recover(store: store, plan: plan, logger: logger)
        self.state = recovered.state
        self.statistics = LedgerStatistics(
            lastSequence: recovered.state.lastSequence, commandsCommitted: 0, commandsRefused: 0,
            transactions: 0, eventsReplayed: recovered.eventsReplayed,
            startedFromSnapshot: recovered.snapshotSequence, lastSnapshot: recovered.snapshotSequence,
            subscribers: 0, pendingCommands: 0)
    }

    // MARK: Reading

    /// The state as of the last committed transaction.
    public var currentState: PlanState { state }

    public var currentStatistics: LedgerStatistics {
        var figures = statistics
        figures.lastSequence = state.lastSequence
        figures.subscribers = subscribers.count
        figures.pendingCommands = pending.count
        return figures
    }

    /// Answers once the writer is free to take work; used by the watchdog to see the ledger live.
    public func ping() -> Int64 { state.lastSequence }

    // MARK: Writing

    /// Decides and records a command; returns once its events are durable.
    ///
    /// - Throws: `CommandRejection` when `decide` refuses it, `LedgerError` when it cannot be
    ///   recorded. In both cases nothing of the command is in the log.
    public func submit(_ envelope: CommandEnvelope) async throws -> CommitReceipt {
        guard !stopping else { throw LedgerError(.stopping, "the daemon is stopping and takes no more changes") }
        guard pending.count < configuration.maxPendingCommands else {
            throw LedgerError(.overloaded, "too many changes are waiting to be written; try again")
        }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(PendingCommand(envelope: envelope, continuation: continuation))
            if let wake = writerWake {
                writerWake = nil
                wake.resume()
            }
        }
    }

    /// Replaces the plan (a reload) while keeping everything recorded.
    ///
    /// Done by the writer between two batches, so every command is decided and folded
    /// against one plan. Returns once the new plan is in place.
    public func replacePlan(_ plan: Plan) async {
        await writerChore { [self] in state.replacePlan(plan) }
    }

    /// Returns once the writer has come round to take work: unlike ``ping()``, this waits
    /// while the writer is busy or stalled, so a watchdog sees a wedged writer.
    public func writerPing() async {
        await writerChore {}
    }

    private func writerChore(_ work: @escaping () -> Void) async {
        if writerEnded {
            work()
            return
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            chores.append((work, done))
            if let wake = writerWake {
                writerWake = nil
                wake.resume()
            }
        }
    }

    /// Holds (true) or releases (false) the writer; commands wait meanwhile.
    public func setStalled(_ value: Bool) {
        stalled = value
        if !value, let wake = writerWake {
            writerWake = nil
            wake.resume()
        }
    }

    /// The writer loop. Runs until `stop()` and then drains what is already waiting.
    public func runWriter() async {
        while true {
            if !stalled && !chores.isEmpty {
                let due = chores
                chores = []
                for chore in due {
                    chore.work()
                    chore.done.resume()
                }
                continue
            }
            if pending.isEmpty || stalled {
                if stopping && pending.isEmpty { break }
                await withCheckedContinuation { writerWake = $0 }
                continue
            }
            let take = min(pending.count, configuration.maxBatch)
            let batch = Array(pending.prefix(take))
            pending.removeFirst(take)
            await commit(batch)
        }
        writerEnded = true
        for chore in chores {
            chore.work()
            chore.done.resume()
        }
        chores = []
        finishSubscribers()
        await takeSnapshot(reason: "shutdown")
    }

    /// Refuses new commands and lets the writer finish what is waiting, then end.
    public func stop() {
        stopping = true
        if let wake = writerWake {
            writerWake = nil
            wake.resume()
        }
    }

    private func commit(_ batch: [PendingCommand]) async {
        var tentative = state
        var accepted: [(command: PendingCommand, events: [PlanEvent])] = []
        let at = now()
        for command in batch {
            do {
                let events = try tentative.decide(command.envelope, now: at)
                var sequence = tentative.lastSequence
                for event in events {
                    sequence += 1
                    tentative.evolve(
                        RecordedPlanEvent(
                            sequence: sequence, recordedAt: at, author: command.envelope.author,
                            commandID: command.envelope.id, event: event))
                }
                accepted.append((command, events))
            } catch {
                statistics.commandsRefused += 1
                command.continuation.resume(throwing: error)
            }
        }
        guard !accepted.isEmpty else { return }

        let rows: [PendingEvent]
        do {
            rows = try accepted.flatMap { item in
                try item.events.map { try PendingEvent(event: $0, envelope: item.command.envelope, at: at) }
            }
        } catch {
            for item in accepted {
                item.command.continuation.resume(throwing: LedgerError(.storeFailed, "could not encode the event: \(error)"))
            }
            return
        }

        let recordedRows: [RecordedEvent]
        do {
            recordedRows = try await store.append(rows)
        } catch {
            logger.error("event log append failed; \(batch.count) command(s) refused", metadata: ["error": "\(error)"])
            for item in accepted {
                item.command.continuation.resume(
                    throwing: LedgerError(.storeFailed, "the event log could not be written: \(error)"))
            }
            return
        }

        statistics.transactions += 1
        statistics.commandsCommitted += accepted.count
        var offset = 0
        for item in accepted {
            var recorded: [RecordedPlanEvent] = []
            for event in item.events {
                let row = recordedRows[offset]
                offset += 1
                let fact = RecordedPlanEvent(
                    sequence: row.sequence, recordedAt: row.recordedAt, author: item.command.envelope.author,
                    commandID: item.command.envelope.id, event: event)
                state.evolve(fact)
                recorded.append(fact)
                publish(fact)
            }
            item.command.continuation.resume(
                returning: CommitReceipt(commandID: item.command.envelope.id, events: recorded, batchSize: accepted.count))
        }
        if state.lastSequence - statistics.lastSnapshot >= Int64(configuration.snapshotInterval) {
            await takeSnapshot(reason: "interval")
        }
    }

    private func takeSnapshot(reason: String) async {
        guard state.lastSequence > statistics.lastSnapshot else { return }
        do {
            let data = try state.encodedSnapshot()
            try await store.saveSnapshot(
                Snapshot(
                    sequence: state.lastSequence, createdAt: now(), formatVersion: PlanStateSnapshot.formatVersion,
                    state: data))
            statistics.lastSnapshot = state.lastSequence
            logger.debug("snapshot taken", metadata: ["sequence": "\(state.lastSequence)", "reason": "\(reason)"])
        } catch {
            logger.warning("snapshot failed; start-up will replay more of the log", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Subscriptions

    /// A live stream of events committed from now on, and the sequence it starts after.
    ///
    /// The stream holds at most `subscriberBuffer` events; a reader that falls further behind
    /// gets `SubscriberLagged` and the stream ends, so a slow reader never grows memory.
    public func subscribe() -> (after: Int64, events: AsyncThrowingStream<RecordedPlanEvent, any Error>) {
        let (stream, continuation) = AsyncThrowingStream<RecordedPlanEvent, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(configuration.subscriberBuffer))
        let id = nextSubscriberID
        nextSubscriberID += 1
        if stopping {
            continuation.finish()
        } else {
            subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                Task { await self?.unsubscribe(id) }
            }
        }
        return (state.lastSequence, stream)
    }

    /// `subscribe()` with the state the stream starts from, for a follower that folds the
    /// events into its own copy (and so sees each event against the state right after it).
    public func subscribeWithState() -> (state: PlanState, events: AsyncThrowingStream<RecordedPlanEvent, any Error>) {
        let (_, events) = subscribe()
        return (state, events)
    }

    private func unsubscribe(_ id: UInt64) {
        subscribers[id] = nil
    }

    private func publish(_ event: RecordedPlanEvent) {
        for (id, continuation) in subscribers {
            if case .dropped = continuation.yield(event) {
                subscribers[id] = nil
                continuation.finish(throwing: SubscriberLagged(bufferLimit: configuration.subscriberBuffer))
            }
        }
    }

    private func finishSubscribers() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }
}
