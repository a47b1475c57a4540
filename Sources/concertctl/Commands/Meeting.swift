import ArgumentParser
import Varlink

extension Concertctl {
    struct MeetingCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meeting", abstract: "Look at one meeting, move it, cancel it, or call an extraordinary one.",
            discussion: """
                Times are local wall-clock times, YYYY-MM-DDTHH:MM, in the meeting's time zone (the body's \
                for a meeting being called), or RFC 3339 instants with an offset. A change raises the \
                meeting's sequence, and is answered once it is on disk.

                Examples:
                  concertctl meeting show committee-2027-04-13
                  concertctl meeting reschedule committee-2027-04-13 --at 2027-04-14T15:00 \\
                      --reason "minister travelling"
                  concertctl meeting cancel secretaries-of-state-2027-05-05 --reason "no quorum"
                  concertctl meeting call committee --at 2027-02-03T10:00 --reason "urgent" \\
                      --item "Reception capacity in Lisbon"
                """,
            subcommands: [Show.self, Reschedule.self, Cancel.self, Call.self])

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a meeting: when and where, its convocation, its numbered agenda and its minutes.",
                discussion: """
                    Before the convocation the agenda shown is provisional: the standing items, what the \
                    body's previous meeting left unresolved, and the items added so far. From the \
                    convocation on it is the frozen agenda, with items added later numbered at its end.

                    With --json: the meeting object (see concertctl help meetings).

                    Example: concertctl meeting show committee-2027-04-13
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The meeting's id, e.g. committee-2027-04-13.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let meeting = try await connection.call("io.concert.Meetings.Show", ["id": .string(id)])["meeting"]
                    if options.json { return Output.line(Output.json(meeting ?? .null)) }
                    MeetingDisplay.render(meeting ?? .null)
                }
            }
        }

        struct Reschedule: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Move one meeting, saying why. Coordinators only.",
                discussion: """
                    Only this occurrence moves; the body's other meetings stay. The meeting keeps its length \
                    unless --end (a time, HH:MM on the same day, or an instant) or --duration is given, and \
                    its venue unless --venue is. Its convocation follows the new time.

                    Example: concertctl meeting reschedule committee-2027-04-13 --at 2027-04-14T15:00 --duration 90 \\
                      --reason "minister travelling"
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The meeting's id.", valueName: "id")) var id: String
            @Option(help: ArgumentHelp("The new start: YYYY-MM-DDTHH:MM in the meeting's zone, or RFC 3339.", valueName: "time"))
            var at: String
            @Option(help: ArgumentHelp("The new end: HH:MM, YYYY-MM-DDTHH:MM or RFC 3339.", valueName: "time")) var end: String?
            @Option(help: ArgumentHelp("The new length in minutes.", valueName: "minutes")) var duration: Int?
            @Option(help: ArgumentHelp("The new venue.", valueName: "text")) var venue: String?
            @Option(help: ArgumentHelp("Why it moves.", valueName: "text")) var reason: String

            func validate() throws {
                if end != nil && duration != nil { throw ValidationError("give --end or --duration, not both") }
            }

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["id": .string(id), "start": .string(at), "reason": .string(reason)]
                    if let end { parameters["end"] = .string(end) }
                    if let duration { parameters["duration_minutes"] = .int(Int64(duration)) }
                    if let venue { parameters["venue"] = .string(venue) }
                    let meeting = try await connection.call("io.concert.Meetings.Reschedule", parameters)["meeting"]
                    if options.json { return Output.line(Output.json(meeting ?? .null)) }
                    Output.line(
                        TerminalText.line(
                            "Moved \(meeting["id"].text) to \(MeetingDisplay.when(meeting ?? .null)), \(meeting["venue"].text) (sequence \(meeting["sequence"].text))."
                        ))
                }
            }
        }

        struct Cancel: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Cancel one meeting, saying why. Coordinators only.",
                discussion: """
                    Only this occurrence is cancelled; the body's other meetings stay. A held or cancelled \
                    meeting can no longer change.

                    Example: concertctl meeting cancel secretaries-of-state-2027-05-05 --reason "no quorum"
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The meeting's id.", valueName: "id")) var id: String
            @Option(help: ArgumentHelp("Why it is cancelled.", valueName: "text")) var reason: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let meeting = try await connection.call(
                        "io.concert.Meetings.Cancel", ["id": .string(id), "reason": .string(reason)])["meeting"]
                    if options.json { return Output.line(Output.json(meeting ?? .null)) }
                    Output.line(TerminalText.line("Cancelled \(meeting["id"].text) (sequence \(meeting["sequence"].text))."))
                }
            }
        }

        struct Call: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Call an extraordinary meeting of a body, saying why. Coordinators only.",
                discussion: """
                    The meeting has the body's usual length and first venue unless given, and the standing \
                    agenda plus each --item. It is convened with the body's usual notice in working days, or at \
                    once when that time has passed.

                    Example: concertctl meeting call committee --at 2027-02-03T10:00 --reason "reception capacity" \\
                      --item "Reception capacity in Lisbon" --item "Emergency funding"
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The body's id, e.g. committee.", valueName: "body")) var body: String
            @Option(help: ArgumentHelp("The start: YYYY-MM-DDTHH:MM in the body's zone, or RFC 3339.", valueName: "time"))
            var at: String
            @Option(help: ArgumentHelp("The length in minutes.", valueName: "minutes")) var duration: Int?
            @Option(help: ArgumentHelp("Where it meets.", valueName: "text")) var venue: String?
            @Option(help: ArgumentHelp("Why it is called.", valueName: "text")) var reason: String
            @Option(
                name: .customLong("item"),
                help: ArgumentHelp("An item for its agenda; repeat for several.", valueName: "title"))
            var items: [String] = []

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = ["body": .string(body), "start": .string(at), "reason": .string(reason)]
                    if let duration { parameters["duration_minutes"] = .int(Int64(duration)) }
                    if let venue { parameters["venue"] = .string(venue) }
                    if !items.isEmpty { parameters["items"] = .array(items.map { .string($0) }) }
                    let meeting = try await connection.call("io.concert.Meetings.CallExtraordinary", parameters)["meeting"]
                    if options.json { return Output.line(Output.json(meeting ?? .null)) }
                    Output.line(
                        TerminalText.line(
                            "Called \(meeting["id"].text) for \(MeetingDisplay.when(meeting ?? .null)), \(meeting["venue"].text); convocation \(meeting["convocation_at"].text)."
                        ))
                }
            }
        }
    }
}
