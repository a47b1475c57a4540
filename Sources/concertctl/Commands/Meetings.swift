import ArgumentParser
import Varlink

extension Concertctl {
    struct Meetings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bodies' meetings: placed, convened, held or cancelled.",
            discussion: """
                Bodies place their meetings up to 120 days ahead and convene each one a few working days \
                before it (5 unless the body declares otherwise), freezing its agenda. Every filter given \
                must hold; --from and --to are days (YYYY-MM-DD, in the plan's time zone) or RFC 3339 \
                instants bounding the start, both included. Times are shown on the meeting's own wall clock.

                With --json: an array of meetings with id, body, body_name, start, end, time_zone, \
                local_start, local_end, venue, moved_from, status (scheduled, convened, held, cancelled), \
                sequence, extraordinary, reason, agenda (number, title, source, measure, carried_from), \
                convened_at, convened, convocation_at and minutes (or null).

                Examples:
                  concertctl meetings --body committee
                  concertctl meetings --status convened
                  concertctl meetings --from 2027-01-01 --to 2027-03-31
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only this body's meetings.", valueName: "id")) var body: String?
        @Option(help: ArgumentHelp("Only meetings in this status: scheduled, convened, held, cancelled.", valueName: "status"))
        var status: String?
        @Option(help: ArgumentHelp("Only meetings starting on or after this day.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Only meetings starting on or before this day.", valueName: "date")) var to: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let body { parameters["body"] = .string(body) }
                if let status { parameters["status"] = .string(status) }
                if let from { parameters["from"] = .string(from) }
                if let to { parameters["to"] = .string(to) }
                let meetings = try await connection.call("io.concert.Meetings.List", parameters)["meetings"]
                if options.json { return Output.line(Output.json(meetings ?? .array([]))) }
                if meetings.items.isEmpty { return Output.line("No meetings.") }
                var table = TextTable("ID", "LOCAL START", "ZONE", "STATUS", "SEQ", "AGENDA", "VENUE")
                for m in meetings.items {
                    table.add(
                        m["id"].text, m["local_start"].text, m["time_zone"].text, MeetingDisplay.status(m),
                        m["sequence"].text, "\(m["agenda"].items.count) item(s)", m["venue"].text)
                }
                Output.line(table.render())
            }
        }
    }
}
