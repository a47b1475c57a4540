import ArgumentParser
import Varlink

extension Concertctl {
    struct Tasks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the tasks meetings' decisions created, and who handles them.",
            discussion: """
                A task is owned by an entity and routed to its technical focal point; while that person is \
                away, their stand-in handles it (HANDLED BY shows both). Every filter given must hold: \
                --focal-point keeps the tasks assigned to that focal point or that it handles as a stand-in.

                With --json: an array of tasks with id, title, owner, assignee, handled_by, routing, due, \
                overdue, measure, meeting, decision, item, status (open, acknowledged, completed), \
                created_at, acknowledged_at, completed_at and note.

                Examples:
                  concertctl tasks --status open
                  concertctl tasks --focal-point aima-technical
                  concertctl tasks --meeting committee-2027-04-13
                """)

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Only tasks this entity owns.", valueName: "entity")) var owner: String?
        @Option(help: ArgumentHelp("Only tasks this focal point handles.", valueName: "id")) var focalPoint: String?
        @Option(help: ArgumentHelp("Only tasks in this status: open, acknowledged, completed.", valueName: "status"))
        var status: String?
        @Option(help: ArgumentHelp("Only tasks this meeting created.", valueName: "id")) var meeting: String?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let owner { parameters["owner"] = .string(owner) }
                if let focalPoint { parameters["focal_point"] = .string(focalPoint) }
                if let status { parameters["status"] = .string(status) }
                if let meeting { parameters["meeting"] = .string(meeting) }
                let tasks = try await connection.call("io.concert.Tasks.List", parameters)["tasks"]
                if options.json { return Output.line(Output.json(tasks ?? .array([]))) }
                if tasks.items.isEmpty { return Output.line("No tasks.") }
                Output.line(MeetingDisplay.taskTable(tasks.items))
            }
        }
    }
}
