import ArgumentParser
import Varlink

extension Concertctl {
    struct Snooze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause an escalation until a day, saying why. Coordinators only.",
            discussion: """
                The escalation neither repeats nor climbs while snoozed; on the --until day (YYYY-MM-DD, \
                the plan's time zone, after today and within 366 days) it resumes where it stood. A \
                reason is required.

                With --json: the escalation object (see concertctl help escalations).

                Example:
                  concertctl snooze E4 --until 2027-03-01 --reason "waiting for the budget law"
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The escalation's id, e.g. E4.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("The day it resumes, YYYY-MM-DD.", valueName: "date")) var until: String
        @Option(help: ArgumentHelp("Why it is paused (required).", valueName: "text")) var reason: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                // A missing reason goes to the daemon as empty, which refuses it like a blank one.
                let escalation = try await connection.call(
                    "io.concert.Escalations.Snooze",
                    ["id": .string(id), "until": .string(until), "reason": .string(reason ?? "")])["escalation"]
                if options.json { return Output.line(Output.json(escalation ?? .null)) }
                let e = escalation
                Output.line(TerminalText.line("Escalation \(e["id"].text) snoozed until \(e["snoozed_until"].text)."))
            }
        }
    }
}
