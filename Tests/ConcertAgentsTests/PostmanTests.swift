import ConcertAgents
import ConcertCore
@_spi(Testing) import ConcertStore
import Foundation
import Logging
import Mail
import Testing

/// The postman and the courier over a real event log, its outbox and real Maildirs: what they
/// deliver, to whom, and that a restart (with or without the cursor) never delivers a notice twice.
@Suite("postman")
struct PostmanTests {
    static let zone = TimeZone(identifier: "Europe/Lisbon")!
    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }

    static let plan: Plan = {
        var plan = LedgerTests.plan
        plan.entities += [Entity(id: "mne", name: "Foreign Affairs", kind: .areaOfGovernment)]
        plan.bodies = [
            Body(
                id: "committee", name: "Comissão Interministerial", kind: .committee, chair: "mai", secretariat: "mai",
                members: ["mai", "mne"], durationMinutes: 120, venues: ["Lisboa"], standingAgenda: ["Ponto de situação"])
        ]
        func point(_ id: FocalPointID, _ entity: EntityID, _ level: FocalPoint.Level, _ name: String, _ language: String) -> FocalPoint {
            FocalPoint(
                id: id, entity: entity, level: level, name: name, language: language,
                channels: [ContactChannel(kind: .email, address: "\(id)@example.org")])
        }
        plan.focalPoints = [
            point("mai-p", "mai", .political, "Ana Conceição", "pt-PT"),
            point("mai-t", "mai", .technical, "Rui Simões", "pt-PT"),
            point("mne-p", "mne", .political, "Jane Smith", "en"),
        ]
        return plan
    }()

    static let agent = Author.agent("committee")
    static let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)

    struct Harness {
        let directory: URL
        var maildir: URL { directory.appendingPathComponent("maildir") }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("postman-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        /// Opens the log with its clock at `now`, runs a postman and a courier while `body` runs,
        /// waits until every notice is composed and delivered, then stops them.
        func session(now: Date, _ body: (Ledger) async throws -> Void) async throws {
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            let ledger = try await Ledger(store: store, plan: PostmanTests.plan, now: { now }, logger: Logger(label: "test"))
            let writer = Task { await ledger.runWriter() }
            let outbox = SQLiteNoticeOutbox(store: store)
            let timeline = Timeline(clock: VirtualClock(startingAt: now), logger: Logger(label: "test"))
            let courier = Courier(
                outbox: outbox, timeline: timeline,
                channels: NoticeChannels(maildirRoot: maildir, sender: "concert@example.org"), logger: Logger(label: "test"))
            let postman = Postman(
                ledger: ledger, store: store, outbox: outbox, courier: courier, planID: "test",
                sender: try MailAddress(name: "Concert", address: "concert@example.org"), logger: Logger(label: "test"))
            await postman.start()
            await courier.start()
            let ticking = Task { await timeline.run() }
            let composing = Task { await postman.run() }
            try await body(ledger)
            let last = await ledger.ping()
            for _ in 0..<500 where await postman.composed < last { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await postman.composed == last)
            #expect(try await outbox.cursor() == last)
            for _ in 0..<500 where try await !outbox.list(recipient: nil, status: .pending, after: 0, limit: 1).isEmpty {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await outbox.list(recipient: nil, status: .pending, after: 0, limit: 1).isEmpty)
            composing.cancel()
            await timeline.stop()
            await ticking.value
            await ledger.stop()
            await writer.value
            try await store.close()
        }

        /// Runs raw SQL on the log's database (to simulate a crash's leftovers).
        func execute(_ sql: String) async throws {
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            try await store.executeRaw(sql)
            try await store.close()
        }

        func outbox(_ body: (SQLiteNoticeOutbox) async throws -> Void) async throws {
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            try await body(SQLiteNoticeOutbox(store: store))
            try await store.close()
        }

        func files(_ recipient: String) -> [String] {
            let new = maildir.appendingPathComponent(recipient).appendingPathComponent("new")
            return ((try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []).sorted()
        }

        func message(_ recipient: String, _ name: String) throws -> String {
            try String(
                contentsOf: maildir.appendingPathComponent(recipient).appendingPathComponent("new").appendingPathComponent(name),
                encoding: .utf8)
        }
    }

    static func planned() -> PlannedMeeting {
        let start = at("2027-01-12T10:00")
        return PlannedMeeting(
            id: "committee-2027-01-12", body: "committee", occurrence: LocalDateTime(iso: "2027-01-12T10:00")!,
            start: start, end: start.addingTimeInterval(7_200), timeZone: zone, venue: "Lisboa", movedFrom: nil)
    }

    @Test func convocationsUpdatesAndCancellationsReachEachFocalPointOnceThreaded() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.directory) }
        try await harness.session(now: Self.at("2027-01-05T09:00")) { ledger in
            _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .scheduleMeeting(Self.planned())))
            _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .conveneMeeting(meeting: "committee-2027-01-12")))
            _ = try await ledger.submit(
                CommandEnvelope(
                    author: Self.coordinator,
                    command: .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "Orçamento"))))
            _ = try await ledger.submit(
                CommandEnvelope(author: Self.coordinator, command: .cancelMeeting(meeting: "committee-2027-01-12", reason: "crise")))
        }
        // Sequences: 1 scheduled (no notice), 2 convened, 3 item added (update), 4 cancelled.
        for recipient in ["mai-p", "mai-t", "mne-p"] {
            #expect(harness.files(recipient) == ["2.convocation", "3.update", "4.cancellation"], "\(recipient)")
        }
        let convocation = try harness.message("mai-p", "2.convocation")
        #expect(convocation.contains("Message-ID: <meeting.committee-2027-01-12.mai-p@test.concert>"))
        #expect(convocation.contains("method=REQUEST"))
        #expect(convocation.contains("X-Concert-Notice: convocation"))
        let update = try harness.message("mai-p", "3.update")
        #expect(update.contains("In-Reply-To: <meeting.committee-2027-01-12.mai-p@test.concert>"))
        #expect(update.contains("SEQUENCE:1"))
        let cancellation = try harness.message("mne-p", "4.cancellation")
        #expect(cancellation.contains("method=CANCEL"))
        #expect(cancellation.contains("METHOD:CANCEL"))
        #expect(cancellation.contains("STATUS:CANCELLED"))
        #expect(cancellation.contains("SEQUENCE:2"))
        #expect(cancellation.contains("Subject: Cancelled: "), "English for an English-speaking focal point")

        // Every notice is recorded as delivered, by the Maildir channel, at the event's time.
        try await harness.outbox { (outbox) async throws in
            let notices = try await outbox.list(recipient: nil, status: nil, after: 0, limit: 100)
            #expect(notices.count == 9)
            #expect(notices.allSatisfy { $0.status == .delivered && $0.attempts == 1 && $0.channel == "maildir" })
            #expect(notices.first?.id == "meeting.committee-2027-01-12.mai-p@test.concert")
        }

        // A crash between deliveries and their record, and before the cursor moved: the cursor
        // goes back and the notices are pending again. Everything is offered again, nothing is
        // composed twice and nothing is delivered twice.
        try await harness.execute(
            "UPDATE notice_cursor SET sequence = 0; UPDATE notices SET status = 'pending', delivered_at = NULL")
        try await harness.session(now: Self.at("2027-01-06T09:00")) { _ in }
        for recipient in ["mai-p", "mai-t", "mne-p"] {
            #expect(harness.files(recipient) == ["2.convocation", "3.update", "4.cancellation"], "\(recipient)")
        }
        try await harness.outbox { (outbox) async throws in
            #expect(try await outbox.list(recipient: nil, status: .delivered, after: 0, limit: 100).count == 9)
        }
    }

    @Test func aNoticeOutsideWorkingHoursWaitsForTheNextOpening() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.directory) }
        // Saturday evening: held until Monday's opening.
        let saturday = Self.at("2027-01-09T20:00")
        let store = try await SQLiteEventStore.open(path: harness.directory.appendingPathComponent("concert.sqlite").path)
        let ledger = try await Ledger(store: store, plan: Self.plan, now: { saturday }, logger: Logger(label: "test"))
        let writer = Task { await ledger.runWriter() }
        let outbox = SQLiteNoticeOutbox(store: store)
        let clock = VirtualClock(startingAt: saturday)
        let timeline = Timeline(clock: clock, logger: Logger(label: "test"))
        let courier = Courier(
            outbox: outbox, timeline: timeline,
            channels: NoticeChannels(maildirRoot: harness.maildir, sender: "concert@example.org"), logger: Logger(label: "test"))
        let postman = Postman(
            ledger: ledger, store: store, outbox: outbox, courier: courier, planID: "test",
            sender: try MailAddress(name: "Concert", address: "concert@example.org"), logger: Logger(label: "test"))
        await postman.start()
        let composing = Task { await postman.run() }
        let start = Self.at("2027-01-12T10:00")
        _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .scheduleMeeting(Self.planned())))
        _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .conveneMeeting(meeting: "committee-2027-01-12")))
        for _ in 0..<500 where await postman.composed < 2 { try await Task.sleep(for: .milliseconds(10)) }
        let monday = try Self.plan.businessCalendar().openingTime(on: CalendarDate(iso: "2027-01-11")!)
        #expect(monday < start)
        let held = try await outbox.list(recipient: nil, status: nil, after: 0, limit: 10)
        #expect(held.count == 3)
        #expect(held.allSatisfy { $0.notBefore == monday && $0.created == saturday && $0.status == .pending })
        try await timeline.advance(to: monday.addingTimeInterval(-1))
        #expect(harness.files("mai-p").isEmpty)
        try await timeline.advance(to: monday)
        #expect(harness.files("mai-p") == ["2.convocation"])
        #expect(try await outbox.notice(id: "meeting.committee-2027-01-12.mai-p@test.concert")?.deliveredAt == monday)
        composing.cancel()
        await ledger.stop()
        await writer.value
        try await store.close()
    }

    @Test func aTaskGoesToTheTechnicalFocalPointOrItsStandIn() async throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.directory) }
        try await harness.session(now: Self.at("2027-01-12T12:00")) { ledger in
            _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .scheduleMeeting(Self.planned())))
            _ = try await ledger.submit(CommandEnvelope(author: Self.agent, command: .conveneMeeting(meeting: "committee-2027-01-12")))
            let task = MinutesDraft.TaskDraft(title: "Preparar o caderno de encargos", owner: "mai", due: CalendarDate(iso: "2027-02-15")!)
            _ = try await ledger.submit(
                CommandEnvelope(
                    author: Self.coordinator,
                    command: .recordMinutes(
                        MinutesDraft(
                            meeting: "committee-2027-01-12", present: ["mai"],
                            decisions: [MinutesDraft.DecisionDraft(text: "Avançar com o concurso", tasks: [task])]))))
        }
        let tasks = harness.files("mai-t").filter { $0.hasSuffix(".task") }
        #expect(tasks.count == 1)
        let text = try harness.message("mai-t", try #require(tasks.first))
        #expect(text.contains("concertctl task ack T1"))
        #expect(text.contains("Message-ID: <task.T1."))
    }
}
