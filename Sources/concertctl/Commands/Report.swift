import ArgumentParser
import Varlink

extension Concertctl {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report a measure's progress; returns once it is on disk.",
            discussion: """
                Stages only move forward: not_started, in_progress, completed. Reporting the same stage again \
                records new indicator values and a note. A completed measure is reopened only by a coordinator \
                (concertctl reopen).

                Example: concertctl report M07 --status in_progress --indicator projects_funded=4 --note "call closed"
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The measure's id.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("The measure's stage now.", valueName: "stage")) var status: StageOption
        @Option(
            name: .customLong("indicator"),
            help: ArgumentHelp("An indicator's value, NAME=VALUE; repeat for several.", valueName: "name=value"))
        var indicators: [String] = []
        @Option(help: ArgumentHelp("What happened, in a sentence or two.", valueName: "text")) var note: String?

        func validate() throws {
            _ = try parsedIndicators()
        }

        func parsedIndicators() throws -> [String: JSONValue] {
            var values: [String: JSONValue] = [:]
            for item in indicators {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                    throw ValidationError("--indicator takes NAME=VALUE with a number, e.g. projects_funded=4; got '\(item)'")
                }
                guard values[parts[0]] == nil else { throw ValidationError("indicator '\(parts[0])' is given twice") }
                values[parts[0]] = .double(value)
            }
            return values
        }

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = ["measure": .string(id), "status": .string(status.rawValue)]
                let values = try parsedIndicators()
                if !values.isEmpty { parameters["indicators"] = .object(values) }
                if let note { parameters["note"] = .string(note) }
                let reply = try await connection.call("io.concert.Progress.Report", parameters)
                if options.json { return Output.line(Output.json(reply)) }
                let from = reply["previous_status"].text
                let to = reply["status"].text
                let change = from == to ? "still \(to)" : "\(from) -> \(to)"
                Output.line("Recorded: \(TerminalText.line(id)) \(change) (event \(reply["receipt"]["sequence"].text)).")
            }
        }
    }

    struct Replan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a measure a new deadline, with the reason. Coordinators only.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The measure's id.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("The new deadline, YYYY-MM-DD.", valueName: "date")) var deadline: String
        @Option(help: ArgumentHelp("Why the deadline changes.", valueName: "text")) var reason: String

        func run() async throws {
            try await withDaemon(options) { connection in
                let reply = try await connection.call(
                    "io.concert.Progress.Replan",
                    ["measure": .string(id), "deadline": .string(deadline), "reason": .string(reason)])
                if options.json { return Output.line(Output.json(reply)) }
                Output.line(
                    "Recorded: \(TerminalText.line(id)) deadline \(reply["previous_deadline"].text) -> \(reply["deadline"].text) (event \(reply["receipt"]["sequence"].text)).")
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a completed measure back to in progress, with the reason. Coordinators only.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The measure's id.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("Why it is reopened.", valueName: "text")) var reason: String

        func run() async throws {
            try await withDaemon(options) { connection in
                let reply = try await connection.call(
                    "io.concert.Progress.Reopen", ["measure": .string(id), "reason": .string(reason)])
                if options.json { return Output.line(Output.json(reply)) }
                Output.line("Recorded: \(TerminalText.line(id)) reopened, now in_progress (event \(reply["receipt"]["sequence"].text)).")
            }
        }
    }
}
