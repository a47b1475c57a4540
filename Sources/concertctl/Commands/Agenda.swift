import ArgumentParser
import Varlink

extension Concertctl {
    struct AgendaCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda", abstract: "Change a meeting's agenda.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Put an item on a meeting's agenda. Coordinators only.",
                discussion: """
                    Before the convocation the item joins the provisional agenda, after the standing and \
                    carried-over items. After it, the frozen agenda is updated: the item is numbered at its \
                    end and the meeting's sequence goes up.

                    Example: concertctl agenda add committee-2027-04-13 "Delays in the e-VISA portal" --measure M01
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The meeting's id.", valueName: "meeting")) var meeting: String
            @Argument(help: ArgumentHelp("The item's title.", valueName: "title")) var title: String
            @Option(help: ArgumentHelp("The measure the item is about.", valueName: "id")) var measure: String?

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["meeting": .string(meeting), "title": .string(title)]
                    if let measure { parameters["measure"] = .string(measure) }
                    let reply = try await connection.call("io.concert.Meetings.AddAgendaItem", parameters)["meeting"]
                    if options.json { return Output.line(Output.json(reply ?? .null)) }
                    let item = reply["agenda"].items.last {
                        Optional($0)["title"]?.stringValue == title && Optional($0)["source"]?.stringValue == "added"
                    }
                    let number = item.map { Optional($0)["number"].text } ?? "?"
                    let which =
                        reply["status"]?.stringValue == "scheduled"
                        ? "provisional agenda" : "agenda, updated (sequence \(reply["sequence"].text))"
                    Output.line(TerminalText.line("Added item \(number) to the \(reply["id"].text) \(which): \(title)"))
                }
            }
        }
    }
}
