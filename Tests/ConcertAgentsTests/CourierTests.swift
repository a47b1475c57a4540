import ConcertAgents
@_spi(Testing) import ConcertStore
import Foundation
import Logging
import Testing

/// The courier on virtual time: the backoff schedule, the dead-letter state, a permanent
/// refusal, redelivery, and at-least-once delivery after a lost record.
@Suite("courier")
struct CourierTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    struct Harness {
        let directory: URL
        let store: SQLiteEventStore
        let outbox: SQLiteNoticeOutbox
        let clock: VirtualClock
        let timeline: Timeline
        let courier: Courier

        init(smtp: SMTPClient? = nil) async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("courier-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            outbox = SQLiteNoticeOutbox(store: store)
            clock = VirtualClock(startingAt: CourierTests.start)
            timeline = Timeline(clock: clock, logger: Logger(label: "test"))
            courier = Courier(
                outbox: outbox, timeline: timeline,
                channels: NoticeChannels(
                    maildirRoot: directory.appendingPathComponent("maildir"), smtp: smtp, sender: "concert@example.org"),
                logger: Logger(label: "test"))
        }

        func add(_ id: String, channel: String = "maildir", hold: TimeInterval = 0) async throws {
            let notice = OutboxNotice(
                id: id, recipient: "mai-technical", kind: "task", subjectID: "T1", subjectLine: "Tarefa",
                sequence: 1, created: CourierTests.start, channel: channel, address: "rita@example.org",
                fileName: "1.\(id.filter(\.isLetter))", notBefore: CourierTests.start.addingTimeInterval(hold),
                message: Data("Message-ID: \(id)\r\n\r\nhello\r\n".utf8))
            await courier.stored(try await outbox.insert([notice], through: 1))
        }

        func files() -> [String] {
            let new = directory.appendingPathComponent("maildir/mai-technical/new")
            return ((try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []).sorted()
        }

        func close() async throws {
            try await store.close()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test func theBackoffDoublesFromThirtySecondsUpToAnHourAndStopsAfterEightAttempts() {
        let policy = NoticeRetryPolicy.standard
        let delays = (1...8).map { policy.delay(afterAttempts: $0) }
        #expect(delays == [.seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(480), .seconds(960), .seconds(1_920), .seconds(3_600)])
        #expect(policy.nextAttempt(afterAttempts: 1, at: Self.start) == Self.start.addingTimeInterval(30))
        #expect(policy.nextAttempt(afterAttempts: 7, at: Self.start) == Self.start.addingTimeInterval(1_920))
        #expect(policy.nextAttempt(afterAttempts: 8, at: Self.start) == nil)
        #expect(policy.delay(afterAttempts: 20) == .seconds(3_600))
    }

    @Test func aMaildirNoticeIsDeliveredWhenItsHoldEnds() async throws {
        let harness = try await Harness()
        try await harness.add("<held@x>", hold: 3_600)
        try await harness.timeline.advance(to: Self.start.addingTimeInterval(3_599))
        #expect(harness.files().isEmpty)
        #expect(try await harness.outbox.notice(id: "<held@x>")?.status == .pending)
        try await harness.timeline.advance(to: Self.start.addingTimeInterval(3_600))
        #expect(harness.files() == ["1.heldx"])
        let notice = try #require(try await harness.outbox.notice(id: "<held@x>"))
        #expect(notice.status == .delivered && notice.attempts == 1)
        #expect(notice.deliveredAt == Self.start.addingTimeInterval(3_600))
        try await harness.close()
    }

    @Test func aRelayThatIsDownIsRetriedOnTheScheduleThenGivenUpAndRedeliveredLater() async throws {
        // A port nothing listens on.
        let probe = try SMTPTestServer()
        let port = probe.port
        probe.stop()
        let harness = try await Harness(smtp: SMTPClient(relay: .init(host: "127.0.0.1", port: port), timeout: .seconds(5)))
        let followed = await harness.courier.feed.follow()
        try await harness.add("<smtp@x>", channel: "smtp")
        var attemptsSeen: [Date] = []
        try await harness.timeline.advance(to: Self.start)
        for _ in 0..<7 {
            let notice = try #require(try await harness.outbox.notice(id: "<smtp@x>"))
            #expect(notice.status == .pending)
            attemptsSeen.append(harness.clock.now)
            try await harness.timeline.advance(to: try #require(notice.due))
        }
        let dead = try #require(try await harness.outbox.notice(id: "<smtp@x>"))
        #expect(dead.status == .failed)
        #expect(dead.attempts == 8)
        #expect(dead.lastError?.contains("cannot connect to the SMTP relay 127.0.0.1:\(port)") == true)
        // The attempts came 30 s, 1, 2, 4, 8, 16, 32 min apart (the last one after 32 min).
        let gaps = zip(attemptsSeen.dropFirst(), attemptsSeen).map { $0.timeIntervalSince($1) }
        #expect(gaps == [30, 60, 120, 240, 480, 960])
        #expect(harness.clock.now == Self.start.addingTimeInterval(30 + 60 + 120 + 240 + 480 + 960 + 1_920))
        #expect(try await harness.outbox.nextDue() == nil)

        // The relay comes back on the same port; a redelivery sends it at once.
        let server = try SMTPTestServer(port: port)
        defer { server.stop() }
        let again = try #require(try await harness.courier.redeliver(id: "<smtp@x>"))
        #expect(again.status == .pending && again.attempts == 0)
        try await harness.timeline.advance(to: harness.clock.now)
        let delivered = try #require(try await harness.outbox.notice(id: "<smtp@x>"))
        #expect(delivered.status == .delivered)
        #expect(try server.received().map(\.data) == [Data("Message-ID: <smtp@x>\r\n\r\nhello\r\n".utf8)])
        #expect(try server.received().first?.to == ["rita@example.org"])

        // Followers saw it stored, each failed attempt, the dead letter, the redelivery and the delivery.
        var statuses: [String] = []
        for try await notice in followed {
            statuses.append("\(notice.status.rawValue)/\(notice.attempts)")
            if notice.status == .delivered { break }
        }
        #expect(statuses == ["pending/0"] + (1...7).map { "pending/\($0)" } + ["failed/8", "pending/0", "delivered/1"])
        try await harness.close()
    }

    @Test func smtpWithoutARelayFailsAtOnceWithAClearError() async throws {
        let harness = try await Harness()
        try await harness.add("<norelay@x>", channel: "smtp")
        try await harness.timeline.advance(to: Self.start)
        let notice = try #require(try await harness.outbox.notice(id: "<norelay@x>"))
        #expect(notice.status == .failed)
        #expect(notice.attempts == 1)
        #expect(notice.lastError?.contains("no relay (start it with --smtp-relay HOST:PORT)") == true)
        try await harness.close()
    }

    @Test func aLostRecordDeliversAgainButTheMaildirKeepsOneCopy() async throws {
        let harness = try await Harness()
        try await harness.add("<once@x>")
        try await harness.timeline.advance(to: Self.start)
        #expect(harness.files() == ["1.oncex"])
        // A crash between the delivery and its record: the row is still pending.
        try await harness.store.executeRaw(
            "UPDATE notices SET status = 'pending', delivered_at = NULL, attempts = 0, next_attempt_at = not_before")
        let restarted = Courier(
            outbox: harness.outbox, timeline: harness.timeline,
            channels: NoticeChannels(
                maildirRoot: harness.directory.appendingPathComponent("maildir"), sender: "concert@example.org"),
            logger: Logger(label: "test"))
        await restarted.start()
        try await harness.timeline.advance(to: Self.start.addingTimeInterval(1))
        #expect(harness.files() == ["1.oncex"])
        #expect(try await harness.outbox.notice(id: "<once@x>")?.status == .delivered)
        #expect(await restarted.deliveries == 0, "the Maildir already held it")
        try await harness.close()
    }
}
