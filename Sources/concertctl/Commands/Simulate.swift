import ArgumentParser
import Varlink

extension Concertctl {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what would happen until a day, from the current state, without changing it.",
            discussion: """
                Lists, in order, what the plan's machinery would do if nothing changed. Kinds: \
                meeting (a meeting held, recorded or projected from its body's cadence; subject: the \
                body), convocation (a meeting convened and its agenda frozen; subject: the meeting), \
                notice (one convocation to one focal point, or its stand-in while away; subject: the \
                focal point), task_due (a task not completed whose due day ends; subject: the task), \
                measure_overdue (a measure falling overdue; subject: the measure). Nothing is \
                recorded. With --json: entries with at, kind, subject and summary.

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
