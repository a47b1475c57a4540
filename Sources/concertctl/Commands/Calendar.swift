import ArgumentParser
import Varlink

extension Concertctl {
    struct Calendar: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Meetings of the plan's bodies as iCalendar.", subcommands: [Export.self])

        struct Export: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print the bodies' meetings as RFC 5545 iCalendar on stdout.",
                discussion: """
                    Meetings are placed by each body's cadence and moved off holidays by the plan's \
                    calendar. Each has a UID that stays the same across changes, DTSTART and DTEND in the \
                    body's time zone with its VTIMEZONE, LOCATION, ORGANIZER (the secretariat's technical \
                    focal point) and an ATTENDEE for each member's political focal point.

                    Example: concertctl calendar export --body committee --from 2027-01-01 > committee.ics
                    """)

            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Only this body's meetings.", valueName: "id")) var body: String?
            @Option(help: ArgumentHelp("First day (default today).", valueName: "date")) var from: String?
            @Option(help: ArgumentHelp("Last day (default a year after --from).", valueName: "date")) var to: String?

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = [:]
                    if let body { parameters["body"] = .string(body) }
                    if let from { parameters["from"] = .string(from) }
                    if let to { parameters["to"] = .string(to) }
                    let reply = try await connection.call("io.concert.Calendar.Export", parameters)
                    if options.json { return Output.line(Output.json(reply)) }
                    Output.raw(reply["calendar"]?.stringValue ?? "")
                }
            }
        }
    }
}
