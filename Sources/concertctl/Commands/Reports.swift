import ArgumentParser
import Varlink

extension Concertctl {
    struct Reports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the monthly reporting cycle for a period: who reported, who is missing.",
            discussion: """
                Every month a reporting window opens; the responsible entity of each measure that is not \
                completed reports through its technical focal point (concertctl report) before the due \
                day. A report recorded since the window opened counts for the period. A report still \
                missing after the due day is recorded missed and starts an escalation.

                Without --period: the period whose window is open today, or else the next to open. The \
                plan declares the cycle in its monitoring section; without one this exits 1.

                With --json: an object with period, opens, due (YYYY-MM-DD), reported and missing \
                (measure ids, in the plan's order).

                Examples:
                  concertctl reports
                  concertctl reports --period 2027-02 --json
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("The period, YYYY-MM (the month its window opens in).", valueName: "period"))
        var period: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let period { parameters["period"] = .string(period) }
                let reply = try await connection.call("io.concert.Escalations.ListReports", parameters)
                if options.json { return Output.line(Output.json(reply)) }
                EscalationDisplay.renderReports(reply)
            }
        }
    }
}
