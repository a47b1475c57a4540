import ArgumentParser
import Varlink

extension Concertctl {
    struct MeasureCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "measure", abstract: "Look at one measure.", subcommands: [Show.self])

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a measure with its indicators and full history.",
                discussion: "With --json: the measure's fields plus history, a list of entries with sequence, at, by, role, kind (report, replan, reopen), status, indicators, note and deadline.")

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The measure's id, e.g. M07.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let reply = try await connection.call("io.concert.Plan.GetMeasure", ["id": .string(id)])
                    guard case .object(var measure)? = reply["measure"] else {
                        throw CLIError(message: "the daemon sent no measure", code: CLIError.software)
                    }
                    measure["history"] = reply["history"] ?? .array([])
                    if options.json { return Output.line(Output.json(.object(measure))) }
                    render(JSONValue.object(measure))
                }
            }

            private func render(_ m: JSONValue) {
                let deadline = m["continuous"]?.boolValue == true
                    ? "continuous (due at the plan's end)"
                    : m["deadline"].text + (m["deadline_illustrative"]?.boolValue == true ? " (illustrative)" : "")
                let lines: [(String, String)] = [
                    ("measure", "\(m["id"].text)  \(m["title"].text)"),
                    ("status", m["status"].text + (m["overdue"]?.boolValue == true ? "  (OVERDUE)" : "")),
                    ("deadline", deadline),
                    ("axis", m["axis"].text),
                    ("objectives", m["objectives"].text),
                    ("areas", m["thematic_areas"].text),
                    ("responsible", m["responsible"].text),
                    ("with", m["co_responsible"].items.isEmpty ? "-" : m["co_responsible"].text),
                    ("last report", m["last_reported"].text),
                ]
                for (key, value) in lines {
                    Output.line(key.padding(toLength: 13, withPad: " ", startingAt: 0) + TerminalText.line(value))
                }
                if !m["indicators"].items.isEmpty {
                    Output.line("")
                    var table = TextTable("INDICATOR", "VALUE", "TARGET", "UNIT")
                    for i in m["indicators"].items {
                        table.add(i["name"].text, i["value"].text, i["target"].text, i["unit"].text)
                    }
                    Output.line(table.render())
                }
                Output.line("")
                let history = m["history"].items
                if history.isEmpty { return Output.line("No history yet.") }
                var table = TextTable("SEQ", "AT", "BY", "KIND", "STATUS", "DETAIL")
                for h in history {
                    var detail: [String] = []
                    if case .object(let values)? = h["indicators"], !values.isEmpty {
                        detail.append(values.sorted { $0.key < $1.key }.map { "\($0.key)=\(Optional($0.value).text)" }.joined(separator: " "))
                    }
                    if h["kind"]?.stringValue == "replan" { detail.append("deadline \(h["deadline"].text)") }
                    if h["kind"]?.stringValue == "overdue" { detail.append("missed deadline \(h["deadline"].text)") }
                    if let note = h["note"]?.stringValue { detail.append(note) }
                    table.add(h["sequence"].text, h["at"].text, h["by"].text, h["kind"].text, h["status"].text, detail.joined(separator: "; "))
                }
                Output.line(table.render())
            }
        }
    }
}
