import ConcertAgents
import ConcertCore
import ConcertStore
import Foundation
import Logging
import Mail
import Testing

/// The postman over a real event log and real Maildirs: what it delivers, to whom, and that a
/// restart (with or without its cursor) never delivers a notice twice.
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

        /// Opens the log with its clock at `now`, runs a postman while `body` runs, then stops both.
        func session(now: Date, _ body: (Ledger) async throws -> Void) async throws {
            let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            let ledger = try await Ledger(store: store, plan: PostmanTests.plan, now: { now }, logger: Logger(label: "test"))
            let writer = Task { await ledger.runWriter() }
            let postman = Postman(
                ledger: ledger, store: store, planID: "test", root: maildir,
                sender: try MailAddress(name: "Concert", address: "concert@example.org"), logger: Logger(label: "test"))
            await postman.start()
            let delivering = Task { await postman.run() }
            try await body(ledger)
            let last = await ledger.ping()
            for _ in 0..<500 where await postman.delivered < last { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await postman.delivered == last)
            delivering.cancel()
            await ledger.stop()
            await writer.value
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

        // Lost cursor (a crash between delivery and its record): everything is offered again,
        // and nothing is delivered twice.
        try FileManager.default.removeItem(at: harness.maildir.appendingPathComponent(".delivered"))
        try await harness.session(now: Self.at("2027-01-06T09:00")) { _ in }
        for recipient in ["mai-p", "mai-t", "mne-p"] {
            #expect(harness.files(recipient) == ["2.convocation", "3.update", "4.cancellation"], "\(recipient)")
        }
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
