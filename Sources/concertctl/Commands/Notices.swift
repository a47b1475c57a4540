import ArgumentParser
import Varlink

extension Concertctl {
    struct Notices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the notices the daemon sends and where each one's delivery stands.",
            discussion: """
                Every convocation, update, cancellation and task notice is stored in the outbox when its \
                event is recorded, then delivered through its recipient's channel (maildir, or smtp to the \
                relay given to concertd with --smtp-relay). A notice whose event came outside the plan's \
                working hours waits for the next opening (WHEN says when a pending one is due). With \
                monitoring.digest (daily or weekly), tasks, reminders, overdue and escalation notices wait \
                for their recipient's next digest time and go together as one digest message; DIGEST \
                shows its Message-ID (- for a notice sent on its own). A failed attempt is retried after \
                30 s, then 1, 2, 4 ... minutes up to an hour; after 8 attempts, or when the relay refuses \
                it for good (a 5xx reply), the notice is "failed" and stays so until \
                concertctl notice redeliver ID.

                STATUS is pending, delivered or failed. --failed lists only the failed ones, with why. \
                --follow prints each notice as it is stored or changes state, until interrupted.

                With --json: an array of objects with id (the Message-ID), recipient, kind, subject (the \
                meeting's or task's id), created and delivered (RFC 3339; delivered null until then), \
                channel, attempts, status and digest (the digest's Message-ID, or null); with --follow, one such object per line.

                Examples:
                  concertctl notices
                  concertctl notices --recipient aima-technical
                  concertctl notices --failed
                  concertctl notices --follow --json
                  concertctl notice redeliver meeting.committee-2027-01-12.aima-technical@pnipgm.concert
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only the notices for this focal point.", valueName: "id")) var recipient: String?
        @Flag(help: "Only the notices given up (failed), with the last error.") var failed = false
        @Flag(help: "Keep printing notices as they are stored or change state.") var follow = false

        /// The fields `--json` prints, as the issue and README promise them.
        static let jsonFields = [
            "id", "recipient", "kind", "subject", "created", "delivered", "channel", "attempts", "status", "digest",
        ]

        static func jsonObject(_ notice: JSONValue) -> JSONValue {
            var object: [String: JSONValue] = [:]
            for field in jsonFields { object[field] = notice[field] ?? .null }
            return .object(object)
        }

        func run() async throws {
            try await withDaemon(options) { connection in
                if follow {
                    var parameters: [String: JSONValue] = [:]
                    if let recipient { parameters["recipient"] = .string(recipient) }
                    for try await reply in try await connection.stream("io.concert.Notices.Follow", parameters) {
                        let notice = JSONValue.object(reply)["notice"] ?? .null
                        if failed && notice["status"]?.stringValue != "failed" { continue }
                        if options.json {
                            Output.line(Output.json(Self.jsonObject(notice), pretty: false))
                        } else {
                            Output.line(Self.line(notice))
                        }
                    }
                    return
                }
                var notices: [JSONValue] = []
                var after: Int64 = 0
                while true {
                    var parameters: [String: JSONValue] = ["after": .int(after), "limit": .int(1000)]
                    if let recipient { parameters["recipient"] = .string(recipient) }
                    if failed { parameters["failed"] = .bool(true) }
                    let page = try await connection.call("io.concert.Notices.List", parameters)["notices"].items
                    notices += page
                    guard page.count == 1000, let last = page.last?["number"]?.intValue else { break }
                    after = last
                }
                if options.json { return Output.line(Output.json(.array(notices.map(Self.jsonObject)))) }
                if notices.isEmpty { return Output.line(failed ? "No failed notices." : "No notices.") }
                var table = TextTable(
                    "CREATED", "RECIPIENT", "KIND", "SUBJECT", "CHANNEL", "STATUS", "TRIES", "WHEN", "DIGEST")
                for notice in notices.map(Optional.init) {
                    let status = notice["status"].text
                    let when =
                        switch status {
                        case "delivered": notice["delivered"].text
                        case "pending": "due \(notice["next_attempt"].text)"
                        default: notice["last_error"].text
                        }
                    table.add(
                        notice["created"].text, TerminalText.line(notice["recipient"].text), notice["kind"].text,
                        TerminalText.line(notice["subject"].text), notice["channel"].text, status, notice["attempts"].text,
                        TerminalText.line(when), TerminalText.line(notice["digest"].text))
                }
                Output.line(table.render())
                if failed { Output.line("Send one again with: concertctl notice redeliver ID (IDs: concertctl notices --failed --json)") }
            }
        }

        /// One notice as a line of the follow log.
        static func line(_ notice: JSONValue) -> String {
            let n = Optional(notice)
            var text = "\(n["status"].text) \(n["kind"].text) to \(n["recipient"].text) about \(n["subject"].text) by \(n["channel"].text)"
            text += ", attempts \(n["attempts"].text)"
            if n["status"].text == "delivered" { text += ", delivered \(n["delivered"].text)" }
            if case .string(let digest)? = n["digest"] { text += " in digest \(digest)" }
            if case .string(let error)? = n["last_error"] { text += ": \(error)" }
            text += " [\(n["id"].text)]"
            return TerminalText.line(text)
        }
    }
}
