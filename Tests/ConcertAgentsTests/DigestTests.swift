import ConcertAgents
import ConcertCore
import ConcertNotices
@_spi(Testing) import ConcertStore
import Foundation
import Logging
import Mail
import Testing

/// Digests: a recipient's digestible notices due together go as one message, read back by
/// Python's `email` as a mail client would; each notice is in one digest at most, and a lost
/// record delivers the same digest again without a second copy.
@Suite("digests", .serialized)
struct DigestTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let domain = "test.concert"

    struct Harness {
        let directory: URL
        let store: SQLiteEventStore
        let outbox: SQLiteNoticeOutbox
        let timeline: Timeline
        let courier: Courier
        var maildir: URL { directory.appendingPathComponent("maildir") }

        init() async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
            outbox = SQLiteNoticeOutbox(store: store)
            timeline = Timeline(clock: VirtualClock(startingAt: DigestTests.start), logger: Logger(label: "test"))
            courier = Self.courier(outbox: outbox, timeline: timeline, maildir: directory.appendingPathComponent("maildir"))
        }

        static func courier(outbox: SQLiteNoticeOutbox, timeline: Timeline, maildir: URL) -> Courier {
            Courier(
                outbox: outbox, timeline: timeline,
                channels: NoticeChannels(maildirRoot: maildir, sender: "concert@example.org"), logger: Logger(label: "test"))
        }

        /// Stores one notice; `part` nil makes it one that always goes on its own.
        func add(
            _ id: String, _ sequence: Int64, to recipient: String, kind: String, subject: String,
            thread: String? = nil, language: String = "en", digestible: Bool = true
        ) async throws {
            let messageID = "\(id)@\(DigestTests.domain)"
            let part = DigestComposer.Part(
                messageID: messageID, kind: kind, subject: subject, text: "About \(subject).\n\n-- \nConcert, Test\n",
                thread: thread, language: language, recipientName: "Rita \(recipient)", plan: "Test")
            let notice = OutboxNotice(
                id: messageID, recipient: recipient, kind: kind, subjectID: id, subjectLine: subject, sequence: sequence,
                created: DigestTests.start, channel: "maildir", address: "\(recipient)@example.org",
                fileName: "\(sequence).\(kind)", notBefore: DigestTests.start,
                message: Data("Message-ID: <\(messageID)>\r\nSubject: \(subject)\r\n\r\nhello\r\n".utf8),
                digestPart: digestible ? part.encoded() : nil)
            await courier.stored(try await outbox.insert([notice], through: sequence))
        }

        func files(_ recipient: String) -> [String] {
            let new = maildir.appendingPathComponent("\(recipient)/new")
            return ((try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []).sorted()
        }

        func close() async throws {
            try await store.close()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Reads every message of a Maildir with Python's `email` and prints one JSON object each.
    static let reader = """
        import email, email.policy, json, mailbox, sys
        box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
        out = []
        for key in sorted(box.keys()):
            m = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
            body = m.get_body(('plain',))
            out.append({
                'key': key, 'subject': str(m['Subject']), 'message_id': str(m['Message-ID']),
                'references': str(m['References'] or ''), 'kind': str(m['X-Concert-Notice']), 'to': str(m['To']),
                'defects': [str(d) for part in m.walk() for d in part.defects],
                'text': body.get_content() if body is not None else None,
            })
        print(json.dumps(out))
        """

    static var python: String {
        if let configured = ProcessInfo.processInfo.environment["CONCERT_PYTHON"], !configured.isEmpty {
            return configured
        }
        return "/usr/bin/python3"
    }

    static func read(_ maildir: URL) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", reader, maildir.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func threeDigestibleNoticesGoAsOneDigestBesideTheConvocation() async throws {
        let harness = try await Harness()
        let overdue = "overdue.M01.mai-technical@\(Self.domain)"
        try await harness.add("task.T1.mai-technical", 1, to: "mai-technical", kind: "task", subject: "Task T1")
        try await harness.add("overdue.M01.mai-technical", 2, to: "mai-technical", kind: "overdue", subject: "M01 is overdue")
        try await harness.add(
            "escalation.M01.1.mai-technical", 3, to: "mai-technical", kind: "escalation", subject: "M01 still overdue",
            thread: overdue)
        try await harness.add(
            "meeting.committee.mai-technical", 4, to: "mai-technical", kind: "convocation", subject: "Convocation",
            digestible: false)
        // Another recipient, in Portuguese.
        try await harness.add(
            "task.T2.mne-political", 5, to: "mne-political", kind: "task", subject: "Tarefa T2", language: "pt-PT")
        try await harness.add(
            "reminder.2027-01.mne-political", 6, to: "mne-political", kind: "reminder", subject: "Lembrete",
            language: "pt-PT")
        try await harness.timeline.advance(to: Self.start)

        let ids = ["task.T1.mai-technical", "overdue.M01.mai-technical", "escalation.M01.1.mai-technical"]
            .map { "\($0)@\(Self.domain)" }
        let digestID = DigestComposer.messageID(recipient: "mai-technical", ids: ids)
        #expect(digestID.hasPrefix("digest.mai-technical.") && digestID.hasSuffix("@\(Self.domain)"))
        #expect(harness.files("mai-technical") == ["4.convocation", DigestComposer.fileName(ids: ids)].sorted())
        for id in ids {
            let notice = try #require(try await harness.outbox.notice(id: id))
            #expect(notice.status == .delivered && notice.digest == digestID && notice.attempts == 1)
        }
        let convocation = try #require(try await harness.outbox.notice(id: "meeting.committee.mai-technical@\(Self.domain)"))
        #expect(convocation.status == .delivered && convocation.digest == nil)

        let messages = try Self.read(harness.maildir.appendingPathComponent("mai-technical"))
        let digest = try #require(messages.first { $0["kind"] as? String == "digest" })
        #expect((digest["defects"] as? [String])?.isEmpty == true, "\(digest)")
        #expect(digest["message_id"] as? String == "<\(digestID)>")
        #expect(digest["subject"] as? String == "Concert digest: 3 notices")
        // The one escalation thread, by its root, once.
        #expect(digest["references"] as? String == "<\(overdue)>")
        let text = try #require(digest["text"] as? String).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("Dear Rita mai-technical,"))
        let order = ["1. Task T1", "2. M01 is overdue", "3. M01 still overdue", "About M01 still overdue."]
            .compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "\(text)")
        #expect(text.components(separatedBy: "\n-- \n").count == 2, "one signature, at the end: \(text.debugDescription)")

        let portuguese = try Self.read(harness.maildir.appendingPathComponent("mne-political"))
        #expect(portuguese.count == 1)
        let pt = try #require(portuguese.first)
        #expect((pt["defects"] as? [String])?.isEmpty == true, "\(pt)")
        #expect(pt["subject"] as? String == "Resumo Concert: 2 avisos")
        #expect(pt["references"] as? String == "")
        #expect((pt["text"] as? String)?.contains("Caro(a) Rita mne-political,") == true)
        #expect((pt["text"] as? String)?.contains("1. Tarefa T2") == true)
        try await harness.close()
    }

    @Test func aLostRecordDeliversTheSameDigestAgainAndTheMaildirKeepsOneCopy() async throws {
        let harness = try await Harness()
        try await harness.add("task.T1.mai-technical", 1, to: "mai-technical", kind: "task", subject: "Task T1")
        try await harness.add("task.T2.mai-technical", 2, to: "mai-technical", kind: "task", subject: "Task T2")
        try await harness.timeline.advance(to: Self.start)
        let files = harness.files("mai-technical")
        #expect(files.count == 1 && files.first?.hasPrefix("digest.") == true)
        let first = try Self.read(harness.maildir.appendingPathComponent("mai-technical"))
        let digestID = try #require(try await harness.outbox.notice(id: "task.T1.mai-technical@\(Self.domain)")?.digest)

        // A crash between the delivery and its record: the rows are pending, still in the digest.
        try await harness.store.executeRaw(
            "UPDATE notices SET status = 'pending', delivered_at = NULL, attempts = 0, next_attempt_at = not_before")
        // A notice stored meanwhile for the same recipient does not join a digest already made.
        try await harness.add("task.T3.mai-technical", 3, to: "mai-technical", kind: "task", subject: "Task T3")
        let restarted = Harness.courier(outbox: harness.outbox, timeline: harness.timeline, maildir: harness.maildir)
        await restarted.start()
        try await harness.timeline.advance(to: Self.start.addingTimeInterval(1))
        #expect(await restarted.deliveries <= 1, "only the third notice is new")
        let again = try Self.read(harness.maildir.appendingPathComponent("mai-technical"))
        #expect(again.filter { $0["message_id"] as? String == "<\(digestID)>" }.count == 1)
        #expect(first.first?["message_id"] as? String == "<\(digestID)>")
        for id in ["task.T1.mai-technical", "task.T2.mai-technical"] {
            let notice = try #require(try await harness.outbox.notice(id: "\(id)@\(Self.domain)"))
            #expect(notice.status == .delivered && notice.digest == digestID)
        }
        // The third went on its own (alone when it was due), never in the first digest.
        let third = try #require(try await harness.outbox.notice(id: "task.T3.mai-technical@\(Self.domain)"))
        #expect(third.status == .delivered && third.digest != digestID)
        #expect(harness.files("mai-technical").count == 2)
        try await harness.close()
    }

    @Test func aRecipientWithOneDigestibleNoticeGetsItAsItself() async throws {
        let harness = try await Harness()
        try await harness.add("task.T1.mai-technical", 1, to: "mai-technical", kind: "task", subject: "Task T1")
        try await harness.timeline.advance(to: Self.start)
        #expect(harness.files("mai-technical") == ["1.task"])
        let notice = try #require(try await harness.outbox.notice(id: "task.T1.mai-technical@\(Self.domain)"))
        #expect(notice.status == .delivered && notice.digest == nil)
        try await harness.close()
    }

    @Test func aFailedDigestCountsAsAnAttemptForEachOfItsNotices() async throws {
        let harness = try await Harness()
        // A file where the recipient's Maildir should be: every attempt fails.
        try FileManager.default.createDirectory(at: harness.maildir, withIntermediateDirectories: true)
        try Data().write(to: harness.maildir.appendingPathComponent("mai-technical"))
        try await harness.add("task.T1.mai-technical", 1, to: "mai-technical", kind: "task", subject: "Task T1")
        try await harness.add("task.T2.mai-technical", 2, to: "mai-technical", kind: "task", subject: "Task T2")
        try await harness.timeline.advance(to: Self.start)
        let notices = try await harness.outbox.list(recipient: "mai-technical", status: nil, after: 0, limit: 10)
        #expect(notices.count == 2)
        #expect(notices.allSatisfy { $0.status == .pending && $0.attempts == 1 && $0.digest != nil && $0.lastError != nil })
        #expect(Set(notices.map(\.digest)).count == 1)
        #expect(notices.allSatisfy { $0.nextAttemptAt == Self.start.addingTimeInterval(30) })
        // Once the Maildir can be written, the same digest goes.
        try FileManager.default.removeItem(at: harness.maildir.appendingPathComponent("mai-technical"))
        try await harness.timeline.advance(to: Self.start.addingTimeInterval(30))
        let delivered = try await harness.outbox.list(recipient: "mai-technical", status: nil, after: 0, limit: 10)
        #expect(delivered.allSatisfy { $0.status == .delivered && $0.attempts == 2 })
        #expect(harness.files("mai-technical") == [DigestComposer.fileName(ids: delivered.map(\.id))])
        try await harness.close()
    }

    @Test func theDigestTimeIsTheNextOpeningDailyOrTheNextWeeksFirstWorkingDay() throws {
        let calendar = try LedgerTests.plan.businessCalendar()
        let zone = calendar.timeZone
        func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
        func opening(_ day: String) -> Date { calendar.openingTime(on: CalendarDate(iso: day)!) }
        // Tuesday 12 January 2027: before the opening, today's; after it, tomorrow's.
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-12T06:00"), period: .daily, calendar: calendar) == opening("2027-01-12"))
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-12T12:00"), period: .daily, calendar: calendar) == opening("2027-01-13"))
        // Friday evening and Saturday: Monday's.
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-15T18:00"), period: .daily, calendar: calendar) == opening("2027-01-18"))
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-16T10:00"), period: .daily, calendar: calendar) == opening("2027-01-18"))
        // Weekly: the next week's first working day, even from a Monday morning.
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-13T10:00"), period: .weekly, calendar: calendar) == opening("2027-01-18"))
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-11T06:00"), period: .weekly, calendar: calendar) == opening("2027-01-18"))
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-17T23:00"), period: .weekly, calendar: calendar) == opening("2027-01-18"))
        // No digest: nothing is held for one.
        #expect(DigestComposer.nextDigestTime(after: at("2027-01-12T12:00"), period: .none, calendar: calendar) == nil)
        #expect(DigestComposer.isDigestible(.task) && DigestComposer.isDigestible(.overdue))
        #expect(!DigestComposer.isDigestible(.convocation) && !DigestComposer.isDigestible(.cancellation))
        #expect(!DigestComposer.isDigestible(.update))
    }

    /// The postman with `digest: daily` holds the tasks of a meeting's minutes until the next
    /// opening, not the convocation; then the courier sends them as one digest. With `none`,
    /// nothing is held for a digest.
    @Test(arguments: [DigestPeriod.daily, DigestPeriod.none])
    func thePostmanHoldsDigestibleNoticesUntilTheDigestTime(period: DigestPeriod) async throws {
        var plan = PostmanTests.plan
        plan.monitoring.digest = period
        let now = PostmanTests.at("2027-01-12T12:00")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let maildir = directory.appendingPathComponent("maildir")
        let store = try await SQLiteEventStore.open(path: directory.appendingPathComponent("concert.sqlite").path)
        let ledger = try await Ledger(store: store, plan: plan, now: { now }, logger: Logger(label: "test"))
        let writer = Task { await ledger.runWriter() }
        let outbox = SQLiteNoticeOutbox(store: store)
        let timeline = Timeline(clock: VirtualClock(startingAt: now), logger: Logger(label: "test"))
        let courier = Harness.courier(outbox: outbox, timeline: timeline, maildir: maildir)
        let postman = Postman(
            ledger: ledger, store: store, outbox: outbox, courier: courier, planID: "test",
            sender: try MailAddress(name: "Concert", address: "concert@example.org"), logger: Logger(label: "test"))
        await postman.start()
        await courier.start()
        let composing = Task { await postman.run() }

        _ = try await ledger.submit(CommandEnvelope(author: PostmanTests.agent, command: .scheduleMeeting(PostmanTests.planned())))
        _ = try await ledger.submit(
            CommandEnvelope(author: PostmanTests.agent, command: .conveneMeeting(meeting: "committee-2027-01-12")))
        let due = CalendarDate(iso: "2027-02-15")!
        let tasks = ["Preparar o caderno de encargos", "Rever o orçamento"].map {
            MinutesDraft.TaskDraft(title: $0, owner: "mai", due: due)
        }
        _ = try await ledger.submit(
            CommandEnvelope(
                author: PostmanTests.coordinator,
                command: .recordMinutes(
                    MinutesDraft(
                        meeting: "committee-2027-01-12", present: ["mai"],
                        decisions: [MinutesDraft.DecisionDraft(text: "Avançar com o concurso", tasks: tasks)]))))
        let last = await ledger.ping()
        for _ in 0..<500 where await postman.composed < last { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await postman.composed == last)
        // The postman tells the courier right after moving its cursor; make sure it is scheduled.
        await courier.start()
        try await timeline.advance(to: now)

        let calendar = try plan.businessCalendar()
        let opening = calendar.openingTime(on: CalendarDate(iso: "2027-01-13")!)
        let stored = try await outbox.list(recipient: "mai-t", status: nil, after: 0, limit: 100)
        let taskNotices = stored.filter { $0.kind == "task" }
        #expect(taskNotices.count == 2)
        let convocation = try #require(stored.first { $0.kind == "convocation" })
        #expect(convocation.status == .delivered && convocation.digestPart == nil && convocation.notBefore == now)
        func files() -> [String] {
            let new = maildir.appendingPathComponent("mai-t/new")
            return ((try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []).sorted()
        }
        switch period {
        case .daily:
            #expect(taskNotices.allSatisfy { $0.status == .pending && $0.notBefore == opening && $0.digestPart != nil })
            #expect(files() == [convocation.fileName])
            try await timeline.advance(to: opening)
            for _ in 0..<200 where files().count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            let ids = taskNotices.map(\.id)
            #expect(files() == [convocation.fileName, DigestComposer.fileName(ids: ids)].sorted())
            let digestID = DigestComposer.messageID(recipient: "mai-t", ids: ids)
            for id in ids {
                let notice = try #require(try await outbox.notice(id: id))
                #expect(notice.status == .delivered && notice.digest == digestID)
            }
            let text = try String(
                contentsOf: maildir.appendingPathComponent("mai-t/new/\(DigestComposer.fileName(ids: ids))"), encoding: .utf8)
            #expect(text.contains("Subject: Resumo Concert: 2 avisos"))
        default:
            #expect(taskNotices.allSatisfy { $0.status == .delivered && $0.notBefore == now && $0.digestPart == nil })
            #expect(files().count == 3)
        }
        composing.cancel()
        await timeline.stop()
        await ledger.stop()
        await writer.value
        try await store.close()
    }
}
