import ArgumentParser
import Varlink

extension Concertctl {
    struct TaskCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "task", abstract: "Look at one task, acknowledge, complete or reassign it.",
            discussion: """
                Examples:
                  concertctl task show T3
                  concertctl task ack T3
                  concertctl task complete T3 --note "published on the portal"
                  concertctl task reassign T3 --to-entity aima --reason "AIMA runs the portal"
                """,
            subcommands: [Show.self, Acknowledge.self, Complete.self, Reassign.self])

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a task: where it came from, who has it and why, and its state.",
                discussion: "With --json: the task object (see concertctl help tasks).")

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The task's id, e.g. T3.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let task = try await connection.call("io.concert.Tasks.Show", ["id": .string(id)])["task"]
                    if options.json { return Output.line(Output.json(task ?? .null)) }
                    TaskCommand.render(task ?? .null)
                }
            }
        }

        struct Acknowledge: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "ack", abstract: "Take an open task on (its focal point, or a coordinator).")

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The task's id.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let task = try await connection.call("io.concert.Tasks.Acknowledge", ["id": .string(id)])["task"]
                    if options.json { return Output.line(Output.json(task ?? .null)) }
                    Output.line(TerminalText.line("Task \(task["id"].text) acknowledged by \(MeetingDisplay.handler(task ?? .null))."))
                }
            }
        }

        struct Complete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Mark a task done, with an optional note.",
                discussion: "Example: concertctl task complete T3 --note \"published on the portal\"")

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The task's id.", valueName: "id")) var id: String
            @Option(help: ArgumentHelp("What was done.", valueName: "text")) var note: String?

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["id": .string(id)]
                    if let note { parameters["note"] = .string(note) }
                    let task = try await connection.call("io.concert.Tasks.Complete", parameters)["task"]
                    if options.json { return Output.line(Output.json(task ?? .null)) }
                    Output.line(TerminalText.line("Task \(task["id"].text) completed."))
                }
            }
        }

        struct Reassign: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Hand a task to another entity or focal point, saying why. Coordinators only.",
                discussion: """
                    --to-entity routes it to that entity's technical focal point (or their stand-in while \
                    away); --to-focal-point names the person. An acknowledged task becomes open again.

                    Example: concertctl task reassign T3 --to-focal-point aima-technical --reason "AIMA runs the portal"
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The task's id.", valueName: "id")) var id: String
            @Option(help: ArgumentHelp("The entity to own it now.", valueName: "entity")) var toEntity: String?
            @Option(help: ArgumentHelp("The focal point to handle it now.", valueName: "id")) var toFocalPoint: String?
            @Option(help: ArgumentHelp("Why it changes hands.", valueName: "text")) var reason: String

            func validate() throws {
                guard toEntity != nil || toFocalPoint != nil else {
                    throw ValidationError("give --to-entity ENTITY or --to-focal-point ID")
                }
            }

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["id": .string(id), "reason": .string(reason)]
                    if let toEntity { parameters["owner"] = .string(toEntity) }
                    if let toFocalPoint { parameters["focal_point"] = .string(toFocalPoint) }
                    let task = try await connection.call("io.concert.Tasks.Reassign", parameters)["task"]
                    if options.json { return Output.line(Output.json(task ?? .null)) }
                    Output.line(
                        TerminalText.line(
                            "Task \(task["id"].text) now with \(task["owner"].text), handled by \(MeetingDisplay.handler(task ?? .null)) (\(task["routing"].text))."
                        ))
                }
            }
        }

        static func render(_ task: JSONValue) {
            let t = Optional(task)
            MeetingDisplay.field("task", "\(t["id"].text)  \(t["title"].text)")
            MeetingDisplay.field("status", MeetingDisplay.taskStatus(task))
            MeetingDisplay.field("due", t["due"].text)
            MeetingDisplay.field("owner", t["owner"].text)
            MeetingDisplay.field("assignee", t["assignee"].text)
            MeetingDisplay.field("handled by", t["handled_by"].text)
            MeetingDisplay.field("routing", t["routing"].text)
            MeetingDisplay.field("measure", t["measure"].text)
            MeetingDisplay.field("from", "meeting \(t["meeting"].text), decision \(t["decision"].text), item \(t["item"].text)")
            MeetingDisplay.field("created", t["created_at"].text)
            if t["acknowledged_at"]?.stringValue != nil { MeetingDisplay.field("acknowledged", t["acknowledged_at"].text) }
            if t["completed_at"]?.stringValue != nil { MeetingDisplay.field("completed", t["completed_at"].text) }
            if t["note"]?.stringValue != nil { MeetingDisplay.field("note", t["note"].text) }
        }
    }
}
