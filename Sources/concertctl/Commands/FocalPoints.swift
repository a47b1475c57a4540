import ArgumentParser
import Varlink

extension Concertctl {
    struct FocalPoints: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "focal-points",
            abstract: "List the focal points, who is away today and who stands in.",
            discussion: """
                With --json: an array of focal points with id, entity, level (political, technical), name, \
                deputy, away (the absence in force today: focal_point, from, to, deputy; or null), stand_in \
                (who handles what is addressed to it today while away; null when present), routing (why) \
                and absences (those not over yet).

                Examples:
                  concertctl focal-points
                  concertctl focal-points --entity aima
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only this entity's focal points.", valueName: "entity")) var entity: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let entity { parameters["entity"] = .string(entity) }
                let points = try await connection.call("io.concert.FocalPoints.List", parameters)["focal_points"]
                if options.json { return Output.line(Output.json(points ?? .array([]))) }
                var table = TextTable("ID", "ENTITY", "LEVEL", "DEPUTY", "TODAY", "NAME")
                for p in points.items.map(Optional.init) {
                    var today = "present"
                    if case .object = p["away"] {
                        today = "away until \(p["away"]["to"].text); \(p["stand_in"].text) stands in"
                    }
                    let ahead = p["absences"].items.filter { Optional($0)["from"] != p["away"]["from"] }
                    if let next = ahead.first.map(Optional.init) {
                        today += " (away \(next["from"].text) to \(next["to"].text))"
                    }
                    table.add(p["id"].text, p["entity"].text, p["level"].text, p["deputy"].text, today, p["name"].text)
                }
                Output.line(table.render())
            }
        }
    }
}
