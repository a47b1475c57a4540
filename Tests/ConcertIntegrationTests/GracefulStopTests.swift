import Foundation
import Testing
import Varlink

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM while 16 clients write: every acknowledged report is on disk, every call in flight
/// completes or fails (none hangs), and the daemon exits well within TimeoutStopSec= (30 s).
@Suite("graceful stop under load", .serialized)
struct GracefulStopTests {
    /// How one bounded call ended.
    enum Outcome: Sendable {
        case acknowledged
        case failed(String)
        case timedOut
    }

    /// Runs `operation`, giving up (without waiting for it) after `seconds`.
    static func bounded(
        _ seconds: Double, _ operation: @escaping @Sendable () async throws -> Void
    ) async -> Outcome {
        final class Once: @unchecked Sendable {
            let lock = NSLock()
            var continuation: CheckedContinuation<Outcome, Never>?
            func resume(_ outcome: Outcome) {
                lock.lock()
                let c = continuation
                continuation = nil
                lock.unlock()
                c?.resume(returning: outcome)
            }
        }
        let once = Once()
        return await withCheckedContinuation { continuation in
            once.continuation = continuation
            Task {
                do {
                    try await operation()
                    once.resume(.acknowledged)
                } catch {
                    once.resume(.failed(String(describing: error)))
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                once.resume(.timedOut)
            }
        }
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var acknowledged: [String] = []
        private(set) var acknowledgedAfterSignal = 0
        private(set) var failures: [String] = []
        private(set) var failuresBeforeSignal: [String] = []
        private(set) var timeouts = 0
        private var signalled = false

        var isSignalled: Bool { lock.withLock { signalled } }
        var acknowledgedCount: Int { lock.withLock { acknowledged.count } }
        func markSignalled() { lock.withLock { signalled = true } }
        func record(_ outcome: Outcome, note: String) {
            lock.withLock {
                switch outcome {
                case .acknowledged:
                    acknowledged.append(note)
                    if signalled { acknowledgedAfterSignal += 1 }
                case .failed(let message):
                    failures.append(message)
                    if !signalled { failuresBeforeSignal.append(message) }
                case .timedOut: timeouts += 1
                }
            }
        }
    }

    /// One client: a connection of its own, reports one after another, each bounded; after a
    /// failure it reconnects, and once SIGTERM has been sent a failure ends it.
    static func client(
        _ index: Int, socket: String, measures: [String], tally: Tally, until deadline: Date
    ) async {
        final class Counter: @unchecked Sendable { var next = 0 }
        let sequence = Counter()
        while Date() < deadline {
            var failedAfterSignal = false
            let connected = await bounded(20) {
                try await VarlinkClient.withConnection(to: socket) { client in
                    while Date() < deadline {
                        let note = "stop-client\(index)-report\(sequence.next)"
                        let measure = measures[(index * 7 + sequence.next) % measures.count]
                        sequence.next += 1
                        let outcome = await bounded(20) {
                            _ = try await client.call(
                                "io.concert.Progress.Report",
                                parameters: [
                                    "measure": .string(measure), "status": .string("in_progress"), "note": .string(note),
                                ])
                        }
                        tally.record(outcome, note: note)
                        if case .acknowledged = outcome { continue }
                        if case .timedOut = outcome { return }
                        throw DaemonError("call failed")
                    }
                }
            }
            switch connected {
            case .timedOut: tally.record(.timedOut, note: "connection")
            case .failed(let message) where !message.contains("call failed"):
                tally.record(.failed(message), note: "connection")  // could not connect
                failedAfterSignal = tally.isSignalled
            case .failed: failedAfterSignal = tally.isSignalled
            case .acknowledged: break
            }
            if failedAfterSignal { return }
            if tally.isSignalled { return }
        }
    }

    @Test func sigtermUnderSixteenWritersLosesNothingAcknowledged() async throws {
        let daemon = try DaemonProcess(extraArguments: DaemonProcess.quietDay)
        try await daemon.start()
        defer { daemon.removeFiles() }
        let measures = try await DurabilityTests.openMeasures(daemon)
        try #require(!measures.isEmpty)
        let socket = daemon.clientSocketPath
        let tally = Tally()
        let deadline = Date().addingTimeInterval(120)

        async let clients: Void = withTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask { await Self.client(index, socket: socket, measures: measures, tally: tally, until: deadline) }
            }
        }
        // Let the load build up: a few hundred reports acknowledged, or five seconds.
        let warmUp = Date().addingTimeInterval(5)
        while tally.acknowledgedCount < 300 && Date() < warmUp { try await Task.sleep(for: .milliseconds(10)) }
        let beforeSignal = tally.acknowledgedCount
        tally.markSignalled()
        let signalledAt = ContinuousClock.now
        let status = try await daemon.stop(signal: SIGTERM)
        let stopTook = ContinuousClock.now - signalledAt
        await clients
        let clientsDone = ContinuousClock.now - signalledAt

        print(
            """
            graceful stop under load: 16 clients, \(beforeSignal) reports acknowledged before SIGTERM, \
            \(tally.acknowledgedAfterSignal) after; \(tally.failures.count) calls or connections failed after it, \
            \(tally.timeouts) timed out; concertd exited \(status) \(stopTook) after SIGTERM \
            (TimeoutStopSec=30s); every client finished \(clientsDone) after it
            """)
        #expect(status == 0, "\(daemon.log())")
        #expect(stopTook < .seconds(30))
        #expect(tally.timeouts == 0, "a call or connection hung")
        #expect(tally.failuresBeforeSignal.isEmpty, "failures before SIGTERM: \(tally.failuresBeforeSignal.prefix(3))")
        #expect(beforeSignal > 0)

        try await daemon.start()
        let recorded = Set(try await DurabilityTests.recordedNotes(daemon))
        let lost = Set(tally.acknowledged).subtracting(recorded)
        print("after restart: \(recorded.count) reports in the log, \(tally.acknowledged.count) acknowledged, \(lost.count) lost")
        #expect(lost.isEmpty, "acknowledged but not in the log: \(lost.sorted().prefix(5))")
        // Reports in the log that no client saw acknowledged were in flight at the stop: written,
        // their reply lost with the connection. Nothing else may be there.
        #expect(recorded.allSatisfy { $0.hasPrefix("stop-client") })
        try await daemon.stop()
    }
}
