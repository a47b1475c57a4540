import ConcertAgents
import Foundation
import Logging
import Synchronization
import Testing

/// The shared timeline on a virtual clock: order, replacement, refusal.
@Suite("timeline")
struct TimelineTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    final class Log: Sendable {
        let entries = Mutex<[(String, Date)]>([])
        func add(_ name: String, _ at: Date) { entries.withLock { $0.append((name, at)) } }
        var names: [String] { entries.withLock { $0.map(\.0) } }
        var instants: [Date] { entries.withLock { $0.map(\.1) } }
    }

    @Test func advanceFiresDueActionsInOrderAtTheirOwnTimes() async throws {
        let clock = VirtualClock(startingAt: Self.start)
        let timeline = Timeline(clock: clock, logger: Logger(label: "test"))
        let log = Log()
        for (name, offset) in [("c", 300.0), ("a", 100.0), ("b", 200.0), ("late", 10_000.0)] {
            await timeline.schedule(name, at: Self.start.addingTimeInterval(offset)) { at in
                log.add(name, clock.now)
                #expect(at == clock.now)
            }
        }
        let fired = try await timeline.advance(to: Self.start.addingTimeInterval(1_000))
        #expect(fired == 3)
        #expect(log.names == ["a", "b", "c"])
        #expect(log.instants == [100.0, 200.0, 300.0].map { Self.start.addingTimeInterval($0) })
        #expect(clock.now == Self.start.addingTimeInterval(1_000))
        #expect(await timeline.pending == 1)
    }

    @Test func actionsScheduledWhileAdvancingRunInTheSameAdvance() async throws {
        let clock = VirtualClock(startingAt: Self.start)
        let timeline = Timeline(clock: clock, logger: Logger(label: "test"))
        let log = Log()
        await timeline.schedule("first", at: Self.start.addingTimeInterval(10)) { at in
            log.add("first", at)
            await timeline.schedule("follow-up", at: at.addingTimeInterval(10)) { at in log.add("follow-up", at) }
        }
        try await timeline.advance(to: Self.start.addingTimeInterval(60))
        #expect(log.names == ["first", "follow-up"])
    }

    @Test func rescheduleReplacesAndCancelRemoves() async throws {
        let clock = VirtualClock(startingAt: Self.start)
        let timeline = Timeline(clock: clock, logger: Logger(label: "test"))
        let log = Log()
        await timeline.schedule("k", at: Self.start.addingTimeInterval(10)) { at in log.add("old", at) }
        await timeline.schedule("k", at: Self.start.addingTimeInterval(20)) { at in log.add("new", at) }
        await timeline.schedule("gone", at: Self.start.addingTimeInterval(15)) { at in log.add("gone", at) }
        await timeline.cancel("gone")
        #expect(await timeline.nextDue == Self.start.addingTimeInterval(20))
        try await timeline.advance(to: Self.start.addingTimeInterval(60))
        #expect(log.names == ["new"])
    }

    @Test func virtualTimeOnlyMovesForwardAndSystemTimeNotAtAll() async throws {
        let clock = VirtualClock(startingAt: Self.start)
        let timeline = Timeline(clock: clock, logger: Logger(label: "test"))
        await #expect(throws: TimelineError.self) { try await timeline.advance(to: Self.start.addingTimeInterval(-1)) }
        let system = Timeline(clock: SystemClock(), logger: Logger(label: "test"))
        do {
            try await system.advance(to: Date().addingTimeInterval(60))
            Issue.record("the system clock moved")
        } catch {
            #expect(error.code == .notVirtual)
        }
    }
}

@Suite("timeline on the system clock")
struct SystemTimelineTests {
    @Test func anIdleRunnerSleepsAndWakesForNewWork() async throws {
        let timeline = Timeline(clock: SystemClock(), logger: Logger(label: "test"))
        await timeline.schedule("far", at: Date().addingTimeInterval(3_600)) { _ in }
        let runner = Task { await timeline.run() }
        try await Task.sleep(for: .milliseconds(300))
        // A busy loop would have woken thousands of times by now.
        #expect(await timeline.wakeUps < 10)
        let log = TimelineTests.Log()
        await timeline.schedule("soon", at: Date().addingTimeInterval(0.05)) { at in log.add("soon", at) }
        for _ in 0..<100 where log.names.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(log.names == ["soon"])
        await timeline.stop()
        await runner.value
    }
}
