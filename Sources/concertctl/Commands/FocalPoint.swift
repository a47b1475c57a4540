import ArgumentParser
import Varlink

extension Concertctl {
    struct FocalPointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "focal-point", abstract: "Declare a focal point's absences.", subcommands: [Away.self])

        struct Away: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Declare a focal point away from one day to another; a stand-in takes over meanwhile.",
                discussion: """
                    Both days are included (YYYY-MM-DD, in the plan's time zone; at most 366 days). --deputy \
                    names who stands in, else the deputy the plan declares. Tasks and convocations routed to \
                    the focal point meanwhile go to the stand-in (following stand-ins who are away too). \
                    Tasks already routed stay with their assignee but show who handles them.

                    With --json: an object with absence, stand_in and routing.

                    Example: concertctl focal-point away aima-technical --from 2027-04-01 --to 2027-04-30 \\
                      --deputy aima-technical-deputy
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The focal point's id.", valueName: "id")) var id: String
            @Option(help: ArgumentHelp("The first day away.", valueName: "date")) var from: String
            @Option(help: ArgumentHelp("The last day away.", valueName: "date")) var to: String
            @Option(help: ArgumentHelp("Who stands in (a focal point's id).", valueName: "id")) var deputy: String?

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["id": .string(id), "from": .string(from), "to": .string(to)]
                    if let deputy { parameters["deputy"] = .string(deputy) }
                    let reply = try await connection.call("io.concert.FocalPoints.SetAway", parameters)
                    if options.json { return Output.line(Output.json(reply)) }
                    let absence = reply["absence"]
                    Output.line(
                        TerminalText.line(
                            "\(absence["focal_point"].text) away \(absence["from"].text) to \(absence["to"].text); \(reply["stand_in"].text) stands in (\(reply["routing"].text))."
                        ))
                }
            }
        }
    }
}
