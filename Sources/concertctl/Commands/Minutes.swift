import ArgumentParser
import Varlink

extension Concertctl {
    struct MinutesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "minutes", abstract: "Record what a meeting did.", subcommands: [Record.self])

        struct Record: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a meeting's minutes: attendance, items resolved, decisions and their tasks.",
                discussion: """
                    The meeting must be convened and have started. Member entities not named present are \
                    recorded absent. Agenda items not resolved (other than standing ones) carry over to the \
                    body's next meeting. Each decision's tasks are created and routed to the owner entity's \
                    technical focal point, or that person's stand-in while away. Coordinators only.

                    --file reads a YAML or JSON document with present, resolved, note and decisions (each \
                    with text, item and tasks, each task with title, owner, due YYYY-MM-DD and measure); the \
                    flags add to it:

                      present: [pcm, mne, mai]
                      resolved: [1, 2]
                      decisions:
                        - text: Approve the quarterly report
                          item: 1
                          tasks:
                            - {title: Publish the report, owner: aima, due: 2027-05-31, measure: M01}

                    With --json: an object with the meeting and the tasks created.

                    Examples:
                      concertctl minutes record committee-2027-04-13 --present pcm --present mne --resolved 1 \\
                          --decision "Report approved"
                      concertctl minutes record committee-2027-04-13 --file minutes.yaml
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The meeting's id.", valueName: "meeting")) var meeting: String
            @Option(help: ArgumentHelp("A member entity present; repeat for several.", valueName: "entity"))
            var present: [String] = []
            @Option(help: ArgumentHelp("An agenda item number resolved; repeat for several.", valueName: "n"))
            var resolved: [Int] = []
            @Option(
                name: .customLong("decision"),
                help: ArgumentHelp("A decision's text (without tasks); repeat for several.", valueName: "text"))
            var decisions: [String] = []
            @Option(help: ArgumentHelp("A note for the minutes.", valueName: "text")) var note: String?
            @Option(help: ArgumentHelp("A YAML or JSON minutes document.", valueName: "path")) var file: String?

            func run() async throws {
                try await withDaemon(options) { connection in
                    var document = try file.map { try MinutesFile.read(path: $0) } ?? MinutesFile()
                    document.present += present.filter { !document.present.contains($0) }
                    document.resolved += resolved.filter { !document.resolved.contains($0) }
                    document.decisions += decisions.map { .object(["text": .string($0)]) }
                    if let note { document.note = note }
                    var parameters: [String: JSONValue] = [
                        "meeting": .string(meeting), "present": .array(document.present.map { .string($0) }),
                        "resolved": .array(document.resolved.map { .int(Int64($0)) }),
                        "decisions": .array(document.decisions),
                    ]
                    if let note = document.note { parameters["note"] = .string(note) }
                    let reply = try await connection.call("io.concert.Meetings.RecordMinutes", parameters)
                    if options.json { return Output.line(Output.json(reply)) }
                    let minutes = reply["meeting"]["minutes"]
                    Output.line(
                        TerminalText.line(
                            "Recorded the minutes of \(meeting): \(minutes["decisions"].items.count) decision(s); present \(MeetingDisplay.list(minutes["present"])); absent \(MeetingDisplay.list(minutes["absent"]))."
                        ))
                    let unresolved = Set(minutes["unresolved"].items.compactMap(\.intValue))
                    let carried = reply["meeting"]["agenda"].items.filter {
                        Optional($0)["source"]?.stringValue != "standing"
                            && Optional($0)["number"]?.intValue.map(unresolved.contains) == true
                    }
                    if !carried.isEmpty {
                        Output.line(
                            "Item(s) \(carried.map { Optional($0)["number"].text }.joined(separator: ", ")) left unresolved carry over to the body's next meeting."
                        )
                    }
                    let tasks = reply["tasks"].items
                    if !tasks.isEmpty {
                        Output.line("")
                        Output.line(MeetingDisplay.taskTable(tasks))
                    }
                }
            }
        }
    }
}
