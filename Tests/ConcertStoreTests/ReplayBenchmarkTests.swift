import ConcertStore
import Foundation
import Testing

/// Measures appending and replaying a large log. Off by default; run with
/// `CONCERT_STORE_BENCHMARK=1000000 swift test -c release --filter Benchmark`.
///
/// In a release build the replay must take less than 3 s per million events
/// (the daemon's start-up budget); the times are in the expectation's comment.
@Suite("Benchmark", .enabled(if: ProcessInfo.processInfo.environment["CONCERT_STORE_BENCHMARK"] != nil))
struct ReplayBenchmarkTests {
    @Test("append and replay a large log")
    func appendAndReplay() async throws {
        let count =
            Int(ProcessInfo.processInfo.environment["CONCERT_STORE_BENCHMARK"] ?? "")
            ?? 100_000
        try await withStore { store, _ in
            let payload = Data(
                #"{"measure":"m-1.2.3","progress":42,"note":"reported on time by the focal point"}"#
                    .utf8)
            let clock = ContinuousClock()
            let appendTime = try await clock.measure {
                var next = 0
                while next < count {
                    let batch = (next..<min(count, next + 10_000)).map { index in
                        PendingEvent(
                            recordedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
                            actor: .user(uid: 1000, name: "ana", role: "focal-point"),
                            commandID: "command-\(index / 3)", kind: "progressReported",
                            subject: "measure-\(index % 500)", payload: payload)
                    }
                    try await store.append(batch)
                    next += batch.count
                }
            }
            var folded = 0
            var bytes = 0
            let replayTime = try await clock.measure {
                try await store.replay(after: 0) { event in
                    folded += 1
                    bytes += event.payload.count
                }
            }
            #expect(folded == count)
            #expect(bytes == count * payload.count)
            let message = "appended \(count) events in \(appendTime), replayed in \(replayTime)"
            #if DEBUG
                let budget = Duration.seconds(30) * (Double(count) / 1_000_000)
            #else
                let budget = Duration.seconds(3) * (Double(count) / 1_000_000)
            #endif
            #expect(replayTime < budget, Comment(rawValue: message))
        }
    }
}
