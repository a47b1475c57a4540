import ArgumentParser
import Varlink

extension Concertctl {
    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take an open escalation in hand: its notices stop repeating, but it still climbs.",
            discussion: """
                Acknowledging stops the repeats at the current level, not the ladder: when its wait is \
                over the escalation climbs to the next level and is open again there. What settles it is \
                a completed report, a replan by a coordinator, the missing report coming in, or the task \
                being done. Focal points and coordinators.

                With --json: the escalation object (see concertctl help escalations).

                Example: concertctl ack E4
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The escalation's id, e.g. E4.", valueName: "id")) var id: String

        func run() async throws {
            try await withDaemon(options) { connection in
                let escalation = try await connection.call("io.concert.Escalations.Acknowledge", ["id": .string(id)])[
                    "escalation"]
                if options.json { return Output.line(Output.json(escalation ?? .null)) }
                let e = escalation
                Output.line(
                    TerminalText.line(
                        "Escalation \(e["id"].text) acknowledged at level \(e["level"].text) (\(e["level_action"].text)); next: \(e["next"].text)."
                    ))
            }
        }
    }
}
