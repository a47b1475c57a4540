import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The notice outbox on the real daemon: convocations listed as delivered, one focal point
/// switched to SMTP receiving its own through a live aiosmtpd, retries on virtual time while
/// the relay is down until the notice is given up, a redelivery once it is back, and `kill -9`
/// right after a delivery losing nothing and doubling nothing in the Maildirs.
@Suite("notice outbox", .serialized)
struct NoticeOutboxTests {
    typealias Object = [String: Any]

    /// aiosmtpd on a loopback port, keeping every message it accepts.
    final class LoopbackSMTPServer: @unchecked Sendable {
        static let script = """
            import base64, json, socket, sys
            from aiosmtpd.controller import Controller
            out = sys.argv[1]
            class Handler:
                async def handle_DATA(self, server, session, envelope):
                    with open(out, "a") as f:
                        f.write(json.dumps({"to": envelope.rcpt_tos,
                            "data": base64.b64encode(envelope.original_content).decode()}) + "\\n")
                    return "250 OK"
            probe = socket.socket()
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", int(sys.argv[2]) if len(sys.argv) > 2 else 0))
            port = probe.getsockname()[1]
            probe.close()
            controller = Controller(Handler(), hostname="127.0.0.1", port=port)
            controller.start()
            print(port, flush=True)
            sys.stdin.read()
            controller.stop()
            """

        let port: UInt16
        let output: URL
        private let process = Process()
        private let input = Pipe()

        init(output: URL, port: UInt16? = nil) throws {
            self.output = output
            process.executableURL = URL(fileURLWithPath: TestPaths.python)
            process.arguments = ["-c", Self.script, output.path] + (port.map { ["\($0)"] } ?? [])
            let stdout = Pipe()
            process.standardInput = input
            process.standardOutput = stdout
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            self.port = try #require(UInt16(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        }

        /// The accepted messages as text, in order.
        func messages() -> [(to: [String], text: String)] {
            guard let text = try? String(contentsOf: output, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").compactMap { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? Object,
                    let data = Data(base64Encoded: object["data"] as? String ?? "")
                else { return nil }
                return (object["to"] as? [String] ?? [], String(decoding: data, as: UTF8.self))
            }
        }

        func stop() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// The sample plan with mne-political's notices going by SMTP.
    static func planWithSMTP(in directory: URL) throws -> String {
        let plan = directory.appendingPathComponent("plan")
        try FileManager.default.copyItem(atPath: TestPaths.samplePlan, toPath: plan.path)
        let entities = plan.appendingPathComponent("entities.yaml")
        let text = try String(contentsOf: entities, encoding: .utf8)
        let marker = "        email: patricia.santos@mne.example.org\n"
        #expect(text.contains(marker))
        try text.replacingOccurrences(of: marker, with: marker + "        notices: smtp\n")
            .write(to: entities, atomically: true, encoding: .utf8)
        return plan.path
    }

    static func notices(_ daemon: DaemonProcess, _ arguments: String...) async throws -> [Object] {
        let result = try await daemon.ctl(["notices", "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(result.json as? [Object], "notices printed \(result.stdout)")
    }

    /// Polls until `condition` holds for the notices (at most about 20 s).
    static func waitFor(
        _ daemon: DaemonProcess, _ what: String, _ condition: ([Object]) -> Bool
    ) async throws -> [Object] {
        var last: [Object] = []
        for _ in 0..<200 {
            last = try await notices(daemon)
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what); notices: \(last)")
        return last
    }

    /// The Message-IDs of every file in the Maildirs under `root`.
    static func maildirMessageIDs(_ root: String) -> [String] {
        var ids: [String] = []
        let fm = FileManager.default
        for recipient in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            for folder in ["new", "cur"] {
                let path = "\(root)/\(recipient)/\(folder)"
                for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
                    let text = (try? String(contentsOfFile: "\(path)/\(name)", encoding: .utf8)) ?? ""
                    let header = text.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }
                    ids.append(header.map { String($0.dropFirst("Message-ID: <".count).dropLast()) } ?? "?")
                }
            }
        }
        return ids
    }

    @Test func outboxSMTPRetriesDeadLetterRedeliveryAndCrash() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workflows = try Self.planWithSMTP(in: directory)
        let mail = directory.appendingPathComponent("smtp.jsonl")
        var server = try LoopbackSMTPServer(output: mail)
        let port = server.port
        let daemon = try DaemonProcess(
            workflows: workflows,
            extraArguments: ["--virtual-clock", "2027-01-01T09:00:00Z", "--smtp-relay", "127.0.0.1:\(port)"],
            directory: directory)
        try await daemon.start()
        defer { daemon.removeFiles() }
        let root = daemon.stateDirectory + "/maildir"

        // Convocations: listed as delivered, seven by Maildir and one by SMTP.
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-01-05T09:00:00Z").status == 0)
        let convened = try await Self.waitFor(daemon, "the committee's convocations") { list in
            list.filter { $0["subject"] as? String == "committee-2027-01-12" && $0["status"] as? String == "delivered" }.count == 8
        }
        let convocations = convened.filter { $0["subject"] as? String == "committee-2027-01-12" }
        for notice in convocations {
            #expect(Set(notice.keys) == ["id", "recipient", "kind", "subject", "created", "delivered", "channel", "attempts", "status", "digest"])
            #expect(notice["kind"] as? String == "convocation")
            #expect(notice["attempts"] as? Int == 1)
            #expect(notice["created"] as? String == "2027-01-05T09:00:00.000Z")
            #expect(notice["delivered"] as? String == "2027-01-05T09:00:00.000Z")
            let smtp = notice["recipient"] as? String == "mne-political"
            #expect(notice["channel"] as? String == (smtp ? "smtp" : "maildir"), "\(notice)")
        }
        let received = server.messages().filter {
            $0.text.contains("Message-ID: <meeting.committee-2027-01-12.mne-political@pnipgm.concert>")
        }
        #expect(received.count == 1)
        #expect(received.first?.to == ["patricia.santos@mne.example.org"])
        #expect(received.first?.text.contains("METHOD:REQUEST") == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/mne-political"), "SMTP notices are not put in a Maildir")

        // The relay goes down; a cancellation is retried on virtual time, then given up.
        server.stop()
        #expect(try await daemon.ctl("meeting", "cancel", "committee-2027-01-12", "--reason", "no quorum").status == 0)
        func cancellation(_ list: [Object]) -> Object? {
            list.first { $0["kind"] as? String == "cancellation" && $0["recipient"] as? String == "mne-political" }
        }
        _ = try await Self.waitFor(daemon, "a first failed attempt") { list in
            (cancellation(list)?["attempts"] as? Int ?? 0) >= 1
        }
        #expect(try await daemon.ctl("clock", "advance", "1d").status == 0)
        let failed = try await Self.notices(daemon, "--failed")
        #expect(failed.count == 1, "\(failed)")
        let dead = try #require(cancellation(failed))
        #expect(dead["status"] as? String == "failed")
        #expect(dead["attempts"] as? Int == 8)
        let text = try await daemon.ctl("notices", "--failed")
        #expect(text.stdout.contains("cannot connect to the SMTP relay 127.0.0.1:\(port)"), "\(text.stdout)")
        #expect(text.stdout.contains("failed"))

        // The relay is back; a redelivery sends it.
        server = try LoopbackSMTPServer(output: mail, port: port)
        defer { server.stop() }
        let id = try #require(dead["id"] as? String)
        let redelivered = try await daemon.ctl("notice", "redeliver", id, "--json")
        #expect(redelivered.status == 0, "\(redelivered.stderr)")
        _ = try await Self.waitFor(daemon, "the redelivered cancellation") { list in
            cancellation(list)?["status"] as? String == "delivered"
        }
        #expect(server.messages().contains { $0.text.contains("Message-ID: <\(id)>") && $0.text.contains("METHOD:CANCEL") })
        #expect(try await Self.notices(daemon, "--failed").isEmpty)
        #expect(try await daemon.ctl("notice", "redeliver", "nothing@pnipgm.concert").status == 2)

        // kill -9 right after a delivery of the next batch, and restart.
        let before = Set(Self.maildirMessageIDs(root))
        #expect(try await daemon.ctl("clock", "advance", "--to", "2027-03-01T09:00:00Z").status == 0)
        let deadline = Date().addingTimeInterval(10)
        while Set(Self.maildirMessageIDs(root)).subtracting(before).isEmpty && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        _ = try await daemon.stop(signal: SIGKILL)
        try await daemon.start()
        let settled = try await Self.waitFor(daemon, "every notice delivered after the restart") { list in
            list.allSatisfy { $0["status"] as? String == "delivered" }
        }
        // The agents may still be adding notices (what fell due at the restart): every notice
        // recorded delivered is in its Maildir, once, and every file there is a recorded notice.
        let inMaildirs = Self.maildirMessageIDs(root)
        #expect(inMaildirs.count == Set(inMaildirs).count, "a Maildir holds a notice twice")
        // A notice delivered in a digest is in its Maildir as the digest (the sample plan has
        // `digest: daily`).
        func messageID(_ notice: Object) -> String? { notice["digest"] as? String ?? notice["id"] as? String }
        let expected = Set(settled.filter { $0["channel"] as? String == "maildir" }.compactMap(messageID))
        #expect(expected.isSubset(of: Set(inMaildirs)))
        let recorded = try await Self.notices(daemon).filter { $0["channel"] as? String == "maildir" }
        #expect(Set(inMaildirs).isSubset(of: Set(recorded.compactMap(messageID))))
        #expect(expected.count > before.count)
        // Every meeting convened has its convocations in the outbox.
        let meetings = try #require(try await daemon.ctl("meetings", "--json").json as? [Object])
        for meeting in meetings where meeting["convened"] as? Bool == true && meeting["status"] as? String != "cancelled" {
            let id = meeting["id"] as? String ?? ""
            #expect(settled.contains { $0["subject"] as? String == id && $0["kind"] as? String == "convocation" }, "\(id)")
        }
        #expect(try await daemon.stop() == 0)
    }
}
