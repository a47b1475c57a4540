import Foundation

/// Runs ``MailCheckerScript`` on a serialized message or a Maildir and decodes its report.
///
/// Python is `$CONCERT_PYTHON`, or else `python3` found on `PATH`. Only the standard library
/// is used. A missing interpreter is an error, so a test that needs the checker fails with the
/// reason instead of passing unchecked.
enum MailPython {
    /// What the checker read from one message.
    struct MessageReport: Decodable {
        /// Byte-level problems; empty when the octets are clean.
        var problems: [String]
        /// The defects the parser recorded, for every part and every header; empty when clean.
        var defects: [String]
        var longestHeaderLine: Int
        var longestBodyLine: Int
        /// The header field names in order.
        var headerNames: [String]
        var subject: String?
        var from: [Mailbox]
        var to: [Mailbox]
        var cc: [Mailbox]
        /// With angle brackets, as the header holds it.
        var messageID: String?
        var inReplyTo: String?
        var references: [String]?
        /// ISO 8601 with offset.
        var date: String?
        /// Every `X-` header, decoded.
        var extra: [String: String]
        /// The parts in walk order, the message itself first.
        var parts: [Part]
    }

    struct Mailbox: Decodable, Equatable {
        var name: String
        var address: String
    }

    struct Part: Decodable {
        var contentType: String
        var parameters: [String: String]
        var transferEncoding: String?
        var disposition: String?
        var filename: String?
        /// The decoded content of a leaf part; nil for a multipart.
        var content: String?
        /// The longest line of a leaf part's encoded content, in octets; 0 for a multipart.
        var longestLine: Int
    }

    /// What the checker read from a Maildir.
    struct MaildirReport: Decodable {
        var count: Int
        var messages: [StoredMessage]
    }

    struct StoredMessage: Decodable {
        var key: String
        var subdir: String
        var flags: String
        var subject: String
        var messageID: String?
        var defects: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The interpreter: `$CONCERT_PYTHON`, or `python3` on `PATH`.
    static func interpreter() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let configured = environment["CONCERT_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
        if configured.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw Failure(description: "CONCERT_PYTHON is \(configured), which is not an executable")
            }
            return configured
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(configured)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "no \(configured) on PATH: install Python 3 or set CONCERT_PYTHON")
    }

    /// Reads one serialized message.
    static func read(message data: Data) throws -> MessageReport {
        try run { folder in
            let input = folder.appendingPathComponent("message.eml")
            try data.write(to: input)
            return ["message", input.path]
        }
    }

    /// Reads the Maildir at `root`.
    static func read(maildir root: URL) throws -> MaildirReport {
        try run { _ in ["maildir", root.path] }
    }

    /// Runs the script with the arguments `prepare` returns (it may write inputs to the
    /// folder it is given), then decodes the report.
    private static func run<Report: Decodable>(_ prepare: (URL) throws -> [String]) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("check_mail.py")
        let output = folder.appendingPathComponent("report.json")
        let log = folder.appendingPathComponent("log.txt")
        try Data(MailCheckerScript.source.utf8).write(to: script)
        try Data().write(to: log)
        let arguments = try prepare(folder)

        let python = try interpreter()
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path] + arguments + [output.path]
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let messages = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(description: "the Python checker failed (\(process.terminationStatus)): \(messages)")
        }
        return try JSONDecoder().decode(Report.self, from: Data(contentsOf: output))
    }
}
