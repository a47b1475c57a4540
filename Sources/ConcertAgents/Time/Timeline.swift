import Foundation
import HeapModule
import Logging

/// The one ordered list of due times that every agent shares.
///
/// Agents schedule a keyed action at an instant; scheduling the same key again replaces the
/// earlier one. On the system clock a runner sleeps until the earliest due time; on a virtual
/// clock time moves only through `advance(to:)`, which fires everything due up to the target in
/// order and returns once each action has finished (and so has recorded what it did). Nothing
/// scans the plan periodically: the cost of a tick is the cost of what is due.
public actor Timeline {
    /// What an agent runs when its time comes; it receives the due instant.
    public typealias Action = @Sendable (Date) async -> Void

    private struct Entry: Comparable {
        var at: Date
        var order: UInt64
        var key: String

        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.at, lhs.order) < (rhs.at, rhs.order) }
        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.order == rhs.order }
    }

    public nonisolated let clock: any PlanClock
    private let logger: Logger
    private var heap = Heap<Entry>()
    /// The live entry of each key; heap entries whose order differs are stale and skipped.
    private var live: [String: (order: UInt64, action: Action)] = [:]
    private var nextOrder: UInt64 = 0
    private var wake: CheckedContinuation<Void, Never>?
    /// A wake-up that came while nobody waited; the next wait returns at once.
    private var wakePending = false
    private var firing = false
    private var firingWaiters: [CheckedContinuation<Void, Never>] = []
    private var stopped = false
    public private(set) var actionsFired = 0
    /// How many times the runner has woken up; an idle runner barely moves it.
    public private(set) var wakeUps = 0

    public init(clock: any PlanClock, logger: Logger) {
        self.clock = clock
        self.logger = logger
    }

    /// Schedules `action` at `at` under `key`, replacing what the key had.
    public func schedule(_ key: String, at: Date, _ action: @escaping Action) {
        nextOrder += 1
        live[key] = (nextOrder, action)
        heap.insert(Entry(at: at, order: nextOrder, key: key))
        resumeWake()
    }

    /// Removes what `key` had scheduled.
    public func cancel(_ key: String) {
        live[key] = nil
    }

    /// The earliest live due time.
    public var nextDue: Date? {
        dropStaleEntries()
        return heap.min?.at
    }

    /// How many actions are waiting.
    public var pending: Int { live.count }

    // MARK: System clock

    /// Runs due actions as their time comes, until `stop()`. On a virtual clock it fires
    /// whatever is already due (scheduled for a past instant) without waiting for an advance.
    public func run() async {
        while !stopped {
            wakeUps += 1
            await fireDue(upTo: clock.now)
            let delay: Duration?
            if let due = nextDue {
                let seconds = due.timeIntervalSince(clock.now)
                delay = clock.isVirtual ? nil : .milliseconds(Int64(max(0, min(seconds, 60)) * 1000))
            } else {
                delay = nil
            }
            if let delay, delay > .zero {
                // Short naps (at most a minute) keep the runner right when the wall clock jumps.
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await Task.sleep(for: delay) }
                    group.addTask { await self.waitForSchedule() }
                    await group.next()
                    group.cancelAll()
                    self.endWait()
                }
            } else if delay == nil {
                await waitForSchedule()
            }
        }
    }

    public func stop() {
        stopped = true
        resumeWake()
    }

    private func waitForSchedule() async {
        if wakePending || stopped {
            wakePending = false
            return
        }
        await withCheckedContinuation { continuation in
            if let previous = wake { previous.resume() }
            wake = continuation
        }
    }

    /// Ends a wait that the nap outlasted, without leaving a wake-up pending.
    private func endWait() {
        if let wake {
            self.wake = nil
            wake.resume()
        }
    }

    private func resumeWake() {
        if let wake {
            self.wake = nil
            wake.resume()
        } else {
            wakePending = true
        }
    }

    // MARK: Virtual clock

    /// Moves virtual time to `target`, firing every action due up to it in order, each at its
    /// own due instant; returns once all have finished.
    /// - Returns: how many actions were fired.
    @discardableResult
    public func advance(to target: Date) async throws(TimelineError) -> Int {
        guard let virtual = clock as? VirtualClock else {
            throw TimelineError(
                code: .notVirtual,
                message: "the daemon runs on the system clock; start it with --virtual-clock to move time")
        }
        guard target >= virtual.now else {
            throw TimelineError(code: .backwards, message: "time only moves forward; it is already \(virtual.now)")
        }
        await acquireFiring()
        defer { releaseFiring() }
        var fired = 0
        while let due = nextDue, due <= target {
            virtual.move(to: due)
            fired += await fireLocked(upTo: due)
        }
        virtual.move(to: target)
        virtual.persist()
        return fired
    }

    // MARK: Firing

    private func fireDue(upTo instant: Date) async {
        await acquireFiring()
        defer { releaseFiring() }
        _ = await fireLocked(upTo: instant)
    }

    /// Fires every live entry due at or before `instant`, earliest first, one at a time.
    private func fireLocked(upTo instant: Date) async -> Int {
        var fired = 0
        while let entry = heap.min, entry.at <= instant {
            _ = heap.popMin()
            guard let current = live[entry.key], current.order == entry.order else { continue }
            live[entry.key] = nil
            actionsFired += 1
            fired += 1
            await current.action(entry.at)
        }
        return fired
    }

    private func acquireFiring() async {
        while firing {
            await withCheckedContinuation { firingWaiters.append($0) }
        }
        firing = true
    }

    private func releaseFiring() {
        firing = false
        if !firingWaiters.isEmpty { firingWaiters.removeFirst().resume() }
    }

    private func dropStaleEntries() {
        while let entry = heap.min, live[entry.key]?.order != entry.order {
            _ = heap.popMin()
        }
    }
}
