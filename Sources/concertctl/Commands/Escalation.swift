import ArgumentParser
import Varlink

extension Concertctl {
    struct EscalationCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalation",
            abstract: "Look at one escalation: where it stands, what comes next, its history.",
            discussion: """
                To take one in hand use concertctl ack ID; to pause one, concertctl snooze ID.

                Example:
                  concertctl escalation show E4
                """,
            subcommands: [Show.self])

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Show an escalation: its subject, level, state, whom it told, what comes next and its history.",
                discussion: """
                    With --json: the escalation object (see concertctl help escalations).

                    Example: concertctl escalation show E4
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The escalation's id, e.g. E4.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let escalation = try await connection.call("io.concert.Escalations.Show", ["id": .string(id)])[
                        "escalation"]
                    if options.json { return Output.line(Output.json(escalation ?? .null)) }
                    EscalationDisplay.render(escalation ?? .null)
                }
            }
        }
    }
}
