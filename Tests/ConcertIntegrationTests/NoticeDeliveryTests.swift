import Foundation
import Testing

/// Convocations reach every member's focal point as mail in its Maildir, read back by Python's
/// `mailbox` and `email` packages and the invitation by the `icalendar` package, as a mail
/// client would; and a restart never delivers one twice.
@Suite("notice delivery", .serialized)
struct NoticeDeliveryTests {
    /// Reads every message in the Maildirs under the root and prints one JSON object per message.
    static let reader = """
        import email, email.policy, json, mailbox, os, sys
        import icalendar
        root = sys.argv[1]
        out = []
        for recipient in sorted(os.listdir(root)):
            path = os.path.join(root, recipient)
            if not os.path.isdir(path):
                continue
            box = mailbox.Maildir(path, factory=None, create=False)
            for key in sorted(box.keys()):
                raw = box.get_bytes(key)
                m = email.message_from_bytes(raw, policy=email.policy.default)
                defects = [str(d) for part in m.walk() for d in part.defects]
                text = m.get_body(('plain',))
                cal = None
                for part in m.walk():
                    if part.get_content_type() == 'text/calendar':
                        c = icalendar.Calendar.from_ical(part.get_content())
                        ev = [e for e in c.walk('VEVENT')][0]
                        cal = {
                            'part_method': part.get_param('method'), 'method': str(c.get('METHOD')),
                            'uid': str(ev.get('UID')), 'sequence': int(ev.get('SEQUENCE')),
                            'status': str(ev.get('STATUS')), 'start': ev.decoded('DTSTART').isoformat(),
                            'attendees': [str(a) for a in (ev.get('ATTENDEE') if isinstance(ev.get('ATTENDEE'), list) else [ev.get('ATTENDEE')])],
                        }
                out.append({
                    'recipient': recipient, 'key': key, 'subject': m['Subject'], 'to': m['To'],
                    'message_id': m['Message-ID'], 'in_reply_to': m['In-Reply-To'],
                    'kind': m['X-Concert-Notice'], 'about': m['X-Concert-About'], 'defects': defects,
                    'text': text.get_content() if text is not None else None, 'calendar': cal,
                })
        print(json.dumps(out))
        """

    static func read(_ root: String) async throws -> [[String: Any]] {
        let result = try await ProcessRunner.run(TestPaths.python, ["-c", reader, root])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func convocationsArriveAsInvitationsAndAreNeverDeliveredTwice() async throws {
        let daemon = try DaemonProcess(extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z"])
        try await daemon.start()
        defer { daemon.removeFiles() }
        let root = daemon.stateDirectory + "/maildir"
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        // The postman and the courier follow the log; give them a moment to catch up.
        var messages: [[String: Any]] = []
        for _ in 0..<100 {
            messages = try await Self.read(root).filter { ($0["about"] as? String) == "committee-2027-01-12" }
            if messages.count >= 8 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        // The committee's four member entities, a political and a technical focal point each.
        let recipients = Set(messages.compactMap { $0["recipient"] as? String })
        #expect(
            recipients == [
                "pcm-political", "pcm-technical", "mne-political", "mne-technical", "mai-political", "mai-technical",
                "mtsss-political", "mtsss-technical",
            ])
        for message in messages {
            #expect((message["defects"] as? [Any])?.isEmpty == true, "\(message)")
            #expect(message["kind"] as? String == "convocation")
            #expect(message["message_id"] as? String == "<meeting.committee-2027-01-12.\(message["recipient"] ?? "")@pnipgm.concert>")
            let calendar = try #require(message["calendar"] as? [String: Any])
            #expect(calendar["part_method"] as? String == "REQUEST")
            #expect(calendar["method"] as? String == "REQUEST")
            #expect(calendar["uid"] as? String == "committee-2027-01-12@pnipgm.concert")
            #expect(calendar["sequence"] as? Int == 0)
            #expect(calendar["status"] as? String == "CONFIRMED")
            #expect(calendar["start"] as? String == "2027-01-12T10:00:00+00:00")
            #expect((calendar["attendees"] as? [String])?.count == 8)
            let text = try #require(message["text"] as? String)
            #expect(text.contains("State of implementation by axis"))
            #expect(text.contains("concertctl meeting show committee-2027-01-12"))
        }
        let portuguese = try #require(messages.first { $0["recipient"] as? String == "pcm-political" })
        #expect((portuguese["subject"] as? String)?.contains("12 de janeiro de 2027") == true)
        #expect(portuguese["to"] as? String == "Ana Almeida <ana.almeida@pcm.example.org>")

        // The outbox records each as delivered by Maildir.
        let listed = try #require(try await daemon.ctl("notices", "--json").json as? [[String: Any]])
        let convocations = listed.filter { $0["subject"] as? String == "committee-2027-01-12" }
        #expect(convocations.count == 8)
        #expect(convocations.allSatisfy { $0["status"] as? String == "delivered" && $0["channel"] as? String == "maildir" })

        // A restart composes nothing again and delivers nothing twice.
        #expect(try await daemon.stop() == 0)
        let before = try await Self.read(root).count
        try await daemon.start()
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await Self.read(root).count == before)
        let again = try #require(try await daemon.ctl("notices", "--json").json as? [[String: Any]])
        #expect(again.count == listed.count)
        try await daemon.stop()
    }
}
