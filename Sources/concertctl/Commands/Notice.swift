import ArgumentParser
import Varlink

extension Concertctl {
    struct NoticeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice", abstract: "Act on one notice: send it again.",
            discussion: """
                Example:
                  concertctl notice redeliver meeting.committee-2027-01-12.aima-technical@pnipgm.concert
                """,
            subcommands: [Redeliver.self])

        struct Redeliver: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Send a notice again: back to pending now, its attempts reset.",
                discussion: """
                    ID is the notice's id as concertctl notices --json shows it (its Message-ID; angle \
                    brackets around it are allowed). The notice is delivered again with the same Message-ID, \
                    so a mail client threads it with the first; a Maildir that holds it already keeps the \
                    copy it has. Typically after fixing what made it fail (concertctl notices --failed says \
                    why): the relay was down, a disk was full. A notice that went in a digest leaves it: it \
                    goes again on its own, or in a new digest with its recipient's other notices due then.

                    With --json: the notice (all fields of io.concert.Notices.Notice).

                    Example: concertctl notice redeliver task.T3.12.aima-technical@pnipgm.concert
                    """)

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("The notice's id.", valueName: "id")) var id: String

            func run() async throws {
                try await withDaemon(options) { connection in
                    let wanted = id.hasPrefix("<") && id.hasSuffix(">") ? String(id.dropFirst().dropLast()) : id
                    let notice: JSONValue?
                    do {
                        notice = try await connection.call("io.concert.Notices.Redeliver", ["id": .string(wanted)])["notice"]
                    } catch let error as VarlinkError where error.name.hasSuffix(".NoSuchNotice") {
                        var failure = CLIError(error)
                        failure.message = "no notice has the id '\(TerminalText.line(id))' (concertctl notices --json lists them)"
                        failure.code = CLIError.notFound
                        throw failure
                    }
                    if options.json { return Output.line(Output.json(notice ?? .null)) }
                    Output.line(
                        TerminalText.line(
                            "Notice \(notice["id"].text) to \(notice["recipient"].text) is pending again; it goes out by \(notice["channel"].text) now."
                        ))
                }
            }
        }
    }
}
