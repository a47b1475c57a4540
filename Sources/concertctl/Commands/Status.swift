import ArgumentParser
import Varlink

extension Concertctl {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the daemon runs and how it is doing.",
            discussion: "Prints the plan, uptime, the last event's sequence number, commands recorded and refused, disk transactions (commands per transaction shows group commit), and open connections.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await withDaemon(options) { connection in
                let status = try await connection.call("io.concert.Daemon.GetStatus")["status"] ?? .null
                if options.json { return Output.line(Output.json(status)) }
                let rows: [(String, String)] = [
                    ("plan", "\(status["plan"].text): \(status["plan_title"].text)"),
                    ("version", status["version"].text),
                    ("workflows", status["workflows"].text),
                    ("state", status["state_directory"].text),
                    ("started", "\(status["started_at"].text) (up \(Int(status["uptime_seconds"].number ?? 0)) s)"),
                    ("measures", "\(status["measures"].text), \(status["overdue"].text) overdue"),
                    ("last event", status["last_sequence"].text),
                    ("commands", "\(status["commands_committed"].text) recorded, \(status["commands_refused"].text) refused"),
                    ("transactions", "\(status["transactions"].text) (\(status["commands_per_transaction"].text) commands each)"),
                    ("start-up", "replayed \(status["events_replayed"].text) events after snapshot \(status["started_from_snapshot"].text)"),
                    ("connections", "\(status["connections"].text) open, \(status["subscribers"].text) following events"),
                ]
                for (key, value) in rows {
                    Output.line(key.padding(toLength: 13, withPad: " ", startingAt: 0) + TerminalText.line(value))
                }
            }
        }
    }
}
