import ArgumentParser
import Varlink

extension Concertctl {
    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count measures by stage and overdue, for the plan and each axis.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await withDaemon(options) { connection in
                let summary = try await connection.call("io.concert.Plan.GetSummary")
                if options.json { return Output.line(Output.json(summary)) }
                var table = TextTable("AXIS", "MEASURES", "NOT STARTED", "IN PROGRESS", "COMPLETED", "OVERDUE", "TITLE")
                for axis in summary["by_axis"].items {
                    let c = axis["counts"]
                    table.add(
                        axis["axis"].text, c["measures"].text, c["not_started"].text,
                        c["in_progress"].text, c["completed"].text, c["overdue"].text,
                        axis["title"].text)
                }
                let t = summary["total"]
                table.add(
                    "all", t["measures"].text, t["not_started"].text, t["in_progress"].text,
                    t["completed"].text, t["overdue"].text, "as of \(summary["today"].text)")
                Output.line(table.render())
            }
        }
    }
}
