import ArgumentParser
import Varlink

extension Concertctl {
    struct Measures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the plan's measures, filtered.",
            discussion: """
                Every filter given must hold. --entity matches the responsible or a co-responsible entity; \
                --area is a thematic area (1 facts and data, 2 human rights, 3 irregular migration and borders, \
                4 regular pathways and decent work, 5 inclusion and integration).

                With --json: an array of objects with id, title, status (not_started, in_progress, completed), \
                deadline (YYYY-MM-DD or null), overdue, axis, objectives, thematic_areas, responsible, \
                co_responsible, indicators and last_reported.
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only measures of this axis.", valueName: "n")) var axis: Int?
        @Option(help: ArgumentHelp("Only measures serving this objective.", valueName: "n")) var objective: Int?
        @Option(help: ArgumentHelp("Only measures in this thematic area.", valueName: "n")) var area: Int?
        @Option(help: ArgumentHelp("Only measures this entity takes part in.", valueName: "id")) var entity: String?
        @Option(help: ArgumentHelp("Only measures at this stage.", valueName: "stage")) var status: StageOption?
        @Flag(help: "Only overdue measures.") var overdue = false

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let axis { parameters["axis"] = .int(Int64(axis)) }
                if let objective { parameters["objective"] = .int(Int64(objective)) }
                if let area { parameters["area"] = .int(Int64(area)) }
                if let entity { parameters["entity"] = .string(entity) }
                if let status { parameters["status"] = .string(status.rawValue) }
                if overdue { parameters["overdue"] = .bool(true) }
                let measures = try await connection.call("io.concert.Plan.ListMeasures", parameters)["measures"]
                if options.json { return Output.line(Output.json(measures ?? .array([]))) }
                var table = TextTable("ID", "STATUS", "DEADLINE", "LATE", "AXIS", "RESPONSIBLE", "TITLE")
                for m in measures.items {
                    let deadline = m["continuous"]?.boolValue == true ? "continuous" : m["deadline"].text
                    table.add(
                        m["id"].text, m["status"].text, deadline, m["overdue"]?.boolValue == true ? "late" : "",
                        m["axis"].text, m["responsible"].text, m["title"].text)
                }
                Output.line(table.render())
                Output.line("\(measures.items.count) measure(s)")
            }
        }
    }
}
