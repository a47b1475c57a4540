import ArgumentParser
import Varlink

extension Concertctl {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what would happen until a day, from the current state, without changing it.",
            discussion: """
                Lists, in order, the meetings the bodies would hold and the measures that would fall \
                overdue if nothing changed. With --json: entries with at, kind, subject and summary.

                Example: concertctl simulate --until 2027-06-30
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("The last day to project (YYYY-MM-DD).", valueName: "date")) var until: String

        func run() async throws {
            try await withDaemon(options) { connection in
                let reply = try await connection.call("io.concert.Simulation.Project", ["until": .string(until)])
                if options.json { return Output.line(Output.json(reply["entries"] ?? .array([]))) }
                var table = TextTable("AT", "KIND", "SUBJECT", "SUMMARY")
                for entry in reply["entries"].items {
                    table.add(entry["at"].text, entry["kind"].text, entry["subject"].text, entry["summary"].text)
                }
                Output.line(table.render())
                let more = reply["truncated"]?.boolValue == true ? " (the first ones only; choose an earlier day)" : ""
                Output.line("\(reply["entries"].items.count) entr\(reply["entries"].items.count == 1 ? "y" : "ies")\(more)")
            }
        }
    }
}
