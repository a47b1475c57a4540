@_spi(Testing) import ConcertStore
import Foundation
import Testing

/// The notice outbox in the event log's database: its migration, idempotent inserts with the
/// cursor in the same transaction, and each delivery state.
@Suite("Notice outbox")
struct OutboxTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func notice(_ id: String, sequence: Int64 = 1, recipient: String = "mai-technical", hold: TimeInterval = 0)
        -> OutboxNotice
    {
        OutboxNotice(
            id: id, recipient: recipient, kind: "convocation", subjectID: "committee-2027-01-12",
            subjectLine: "Convocatória", sequence: sequence, created: start, channel: "maildir",
            address: "\(recipient)@example.org", fileName: "\(sequence).convocation",
            notBefore: start.addingTimeInterval(hold), message: Data("Subject: x\r\n\r\nbody\r\n".utf8))
    }

    @Test("the v2-notices and v3-digests migrations are registered after the log's own")
    func migration() async throws {
        try await withStore { (store, _) async throws in
            #expect(SQLiteEventStore.knownMigrations.suffix(2) == ["v2-notices", "v3-digests"])
            #expect(try await store.appliedMigrations() == SQLiteEventStore.knownMigrations)
            #expect(try await SQLiteNoticeOutbox(store: store).cursor() == 0)
        }
    }

    @Test("inserting is idempotent on the id and moves the cursor in the same transaction")
    func idempotentInsert() async throws {
        try await withStore { (store, directory) async throws in
            let outbox = SQLiteNoticeOutbox(store: store)
            let first = try await outbox.insert([Self.notice("<a@x>"), Self.notice("<b@x>", recipient: "mne")], through: 3)
            #expect(first.map(\.id) == ["<a@x>", "<b@x>"])
            #expect(first.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.number > 0 })
            #expect(try await outbox.cursor() == 3)
            // The same event offered again (a crash before the cursor was known) adds nothing.
            let again = try await outbox.insert([Self.notice("<a@x>"), Self.notice("<b@x>", recipient: "mne")], through: 3)
            #expect(again.isEmpty)
            // An event without notices still moves the cursor; the cursor never goes back.
            try await outbox.insert([], through: 5)
            try await outbox.insert([], through: 4)
            #expect(try await outbox.cursor() == 5)
            #expect(try await outbox.list(recipient: nil, status: nil, after: 0, limit: 10).count == 2)
            #expect(try await outbox.list(recipient: "mne", status: nil, after: 0, limit: 10).map(\.id) == ["<b@x>"])

            // It is all in the log's database: a reopened store has it.
            try await store.close()
            let reopened = try await SQLiteEventStore.open(path: directory.appendingPathComponent("state/log/concert.sqlite").path)
            let outbox2 = SQLiteNoticeOutbox(store: reopened)
            #expect(try await outbox2.cursor() == 5)
            let stored = try #require(try await outbox2.notice(id: "<a@x>"))
            #expect(stored.message == Self.notice("<a@x>").message)
            #expect(stored.created == Self.start)
            try await reopened.close()
        }
    }

    @Test("a failed insert moves neither the notices nor the cursor")
    func atomicInsert() async throws {
        try await withStore { (store, _) async throws in
            let outbox = SQLiteNoticeOutbox(store: store)
            var broken = Self.notice("")  // refused by CHECK (id <> '')
            broken.sequence = 2
            await #expect(throws: StoreError.self) {
                try await outbox.insert([Self.notice("<ok@x>", sequence: 2), broken], through: 2)
            }
            #expect(try await outbox.cursor() == 0)
            #expect(try await outbox.notice(id: "<ok@x>") == nil)
        }
    }

    @Test("due notices respect the hold and the next attempt; outcomes change the state")
    func transitions() async throws {
        try await withStore { (store, _) async throws in
            let outbox = SQLiteNoticeOutbox(store: store)
            try await outbox.insert([Self.notice("<now@x>"), Self.notice("<held@x>", hold: 3_600)], through: 1)
            #expect(try await outbox.nextDue() == Self.start)
            #expect(try await outbox.due(at: Self.start, limit: 10).map(\.id) == ["<now@x>"])
            #expect(try await outbox.due(at: Self.start.addingTimeInterval(3_600), limit: 10).count == 2)

            // A failed attempt: pending, due again later, with the error.
            let later = Self.start.addingTimeInterval(30)
            let failed = try #require(try await outbox.recordFailure(id: "<now@x>", error: "relay down", nextAttempt: later))
            #expect(failed.status == .pending && failed.attempts == 1 && failed.lastError == "relay down")
            #expect(failed.due == later)
            #expect(try await outbox.due(at: Self.start.addingTimeInterval(29), limit: 10).isEmpty)
            #expect(try await outbox.nextDue() == later)

            // Delivered.
            let delivered = try #require(try await outbox.recordDelivered(id: "<now@x>", at: later))
            #expect(delivered.status == .delivered && delivered.attempts == 2 && delivered.deliveredAt == later)
            #expect(delivered.lastError == nil && delivered.due == nil)
            // A second record of the same delivery changes nothing.
            #expect(try await outbox.recordDelivered(id: "<now@x>", at: later.addingTimeInterval(1)) == nil)

            // Given up: failed, out of the due list, listed with --failed.
            let dead = try #require(try await outbox.recordFailure(id: "<held@x>", error: "550 no such user", nextAttempt: nil))
            #expect(dead.status == .failed && dead.attempts == 1)
            #expect(try await outbox.nextDue() == nil)
            #expect(try await outbox.list(recipient: nil, status: .failed, after: 0, limit: 10).map(\.id) == ["<held@x>"])

            // Redelivered: pending at once, attempts reset.
            let now = Self.start.addingTimeInterval(60)
            let again = try #require(try await outbox.redeliver(id: "<held@x>", at: now))
            #expect(again.status == .pending && again.attempts == 0 && again.lastError == nil && again.due == now)
            #expect(try await outbox.due(at: now, limit: 10).map(\.id) == ["<held@x>"])
            #expect(try await outbox.redeliver(id: "<nothing@x>", at: now) == nil)
        }
    }

    @Test("listing pages by insertion order")
    func paging() async throws {
        try await withStore { (store, _) async throws in
            let outbox = SQLiteNoticeOutbox(store: store)
            for sequence in Int64(1)...5 {
                try await outbox.insert([Self.notice("<n\(sequence)@x>", sequence: sequence)], through: sequence)
            }
            let page = try await outbox.list(recipient: nil, status: nil, after: 0, limit: 2)
            #expect(page.map(\.id) == ["<n1@x>", "<n2@x>"])
            let next = try await outbox.list(recipient: nil, status: nil, after: page[1].number, limit: 10)
            #expect(next.map(\.id) == ["<n3@x>", "<n4@x>", "<n5@x>"])
        }
    }

    @Test("notices are taken into a digest all or none, once, and recorded together")
    func digests() async throws {
        try await withStore { (store, _) async throws in
            let outbox = SQLiteNoticeOutbox(store: store)
            func digestible(_ id: String, _ sequence: Int64) -> OutboxNotice {
                var notice = Self.notice(id, sequence: sequence)
                notice.digestPart = Data("{}".utf8)
                return notice
            }
            try await outbox.insert([digestible("<a@x>", 1), digestible("<b@x>", 2), digestible("<c@x>", 3)], through: 3)
            try await outbox.insert([Self.notice("<plain@x>", sequence: 4)], through: 4)
            let stored = try #require(try await outbox.notice(id: "<a@x>"))
            #expect(stored.digestPart == Data("{}".utf8) && stored.digest == nil)
            #expect(try await outbox.notice(id: "<plain@x>")?.digestPart == nil)

            // A notice that may not go in a digest spoils the lot: none is taken.
            #expect(try await outbox.assignDigest("<d0@x>", ids: ["<a@x>", "<plain@x>"]).isEmpty)
            #expect(try await outbox.notice(id: "<a@x>")?.digest == nil)

            let taken = try await outbox.assignDigest("<d1@x>", ids: ["<b@x>", "<a@x>"])
            #expect(taken.map(\.id) == ["<a@x>", "<b@x>"] && taken.allSatisfy { $0.digest == "<d1@x>" })
            // A notice is in one digest at most.
            #expect(try await outbox.assignDigest("<d2@x>", ids: ["<a@x>", "<c@x>"]).isEmpty)
            #expect(try await outbox.notice(id: "<c@x>")?.digest == nil)
            #expect(try await outbox.notices(inDigest: "<d1@x>").map(\.id) == ["<a@x>", "<b@x>"])

            // A failed attempt counts for each; a delivery is recorded for each, once.
            let failed = try await outbox.recordFailure(
                ids: ["<a@x>", "<b@x>"], error: "disk full", nextAttempt: Self.start.addingTimeInterval(30))
            #expect(failed.allSatisfy { $0.attempts == 1 && $0.status == .pending && $0.digest == "<d1@x>" })
            let delivered = try await outbox.recordDelivered(ids: ["<a@x>", "<b@x>"], at: Self.start.addingTimeInterval(40))
            #expect(delivered.count == 2 && delivered.allSatisfy { $0.status == .delivered && $0.attempts == 2 })
            #expect(try await outbox.recordDelivered(ids: ["<a@x>", "<b@x>"], at: Self.start).isEmpty)

            // A redelivered notice leaves its digest.
            let again = try #require(try await outbox.redeliver(id: "<a@x>", at: Self.start.addingTimeInterval(50)))
            #expect(again.status == .pending && again.digest == nil)
        }
    }
}
