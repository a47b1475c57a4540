import ArgumentParser
import Varlink

extension Concertctl {
    struct Meetings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the meetings the bodies have placed on the calendar, and their convocations.",
            discussion: "Bodies place their meetings up to 120 days ahead and convene each one 5 working days before it, freezing its agenda. With --json: objects with id, body, start, end, time_zone, venue, moved_from, status, sequence, agenda, convened_at and convened.")

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only this body's meetings.", valueName: "id")) var body: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let body { parameters["body"] = .string(body) }
                let meetings = try await connection.call("io.concert.Calendar.ListMeetings", parameters)["meetings"]
                if options.json { return Output.line(Output.json(meetings ?? .array([]))) }
                var table = TextTable("ID", "START", "STATUS", "AGENDA", "VENUE")
                for m in meetings.items {
                    table.add(m["id"].text, m["start"].text, m["status"].text, "\(m["agenda"].items.count) item(s)", m["venue"].text)
                }
                Output.line(table.render())
            }
        }
    }
}
