import Foundation

/// A real SMTP server on a free loopback port: Python's aiosmtpd, started for one test. It
/// answers each message's DATA with the next of `replies` (then "250 OK"), and keeps the
/// envelope and the bytes of every message it accepts.
final class SMTPTestServer: @unchecked Sendable {
    static let script = """
        import base64, json, socket, sys
        from aiosmtpd.controller import Controller
        replies = json.loads(sys.argv[1])
        out = sys.argv[2]
        class Handler:
            def __init__(self):
                self.count = 0
            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                reply = replies[self.count - 1] if self.count <= len(replies) else "250 OK"
                if reply.startswith("250"):
                    with open(out, "a") as f:
                        f.write(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                            "data": base64.b64encode(envelope.original_content).decode()}) + "\\n")
                return reply
        probe = socket.socket()
        probe.bind(("127.0.0.1", int(sys.argv[3]) if len(sys.argv) > 3 else 0))
        port = probe.getsockname()[1]
        probe.close()
        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        print(port, flush=True)
        sys.stdin.read()
        controller.stop()
        """

    struct Received: Sendable {
        var from: String
        var to: [String]
        var data: Data
    }

    static var python: String {
        if let python = ProcessInfo.processInfo.environment["CONCERT_PYTHON"] { return python }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".venv/bin/python3").path
    }

    let port: UInt16
    private let process: Process
    private let input: Pipe
    private let output: URL

    /// Starts the server (on `port`, else a free one) and returns once it listens.
    init(replies: [String] = [], port: UInt16? = nil) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString).jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        let encoded = String(decoding: try JSONSerialization.data(withJSONObject: replies), as: UTF8.self)
        process.arguments = ["-c", Self.script, encoded, output.path] + (port.map { ["\($0)"] } ?? [])
        input = Pipe()
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
        guard let value = UInt16(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw SMTPServerFailed(description: "aiosmtpd did not start (is it installed in \(Self.python)?)")
        }
        self.port = value
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        guard let text = try? String(contentsOf: output, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Received(
                from: object["from"] as? String ?? "", to: object["to"] as? [String] ?? [],
                data: Data(base64Encoded: object["data"] as? String ?? "") ?? Data())
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: output)
    }

    struct SMTPServerFailed: Error, CustomStringConvertible {
        var description: String
    }
}
