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
                    Meetings in order of start. Those the log records appear whatever their status, with \
                    their recorded SEQUENCE, times, venue and agenda, TENTATIVE while scheduled, CONFIRMED once \
                    convened or held, CANCELLED once cancelled (a subscribed calendar drops them). Beyond \
                    them (the bodies place meetings 120 days ahead) come the meetings each body's cadence \
                    would place, moved off holidays by the plan's calendar, as TENTATIVE. Each meeting \
                    has a UID that stays the same across changes and in the convocation mails, DTSTART \
                    and DTEND in the body's time zone with its VTIMEZONE, LOCATION, the numbered agenda \
                    in DESCRIPTION, ORGANIZER (the secretariat's technical focal point) and ATTENDEEs \
                    (once convened, those the convocation went to; before, the members' focal points).

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
