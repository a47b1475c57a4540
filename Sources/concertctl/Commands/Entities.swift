import ArgumentParser
import Varlink

extension Concertctl {
    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the entities taking part in the plan and their focal points.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await withDaemon(options) { connection in
                let entities = try await connection.call("io.concert.Plan.ListEntities")["entities"]
                if options.json { return Output.line(Output.json(entities ?? .array([]))) }
                var table = TextTable("ID", "KIND", "POLITICAL", "TECHNICAL", "NAME")
                for e in entities.items {
                    let points = e["focal_points"].items
                    func named(_ level: String) -> String {
                        points.filter { $0["level"]?.stringValue == level }.map { $0["name"].text }.joined(separator: ", ")
                    }
                    table.add(e["id"].text, e["kind"].text, named("political"), named("technical"), e["name"].text)
                }
                Output.line(table.render())
            }
        }
    }
}
