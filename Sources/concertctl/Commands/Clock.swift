import ArgumentParser
import Varlink

extension Concertctl {
    struct Clock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the daemon's time, or move virtual time forward.",
            discussion: """
                A daemon started with --virtual-clock keeps virtual time that moves only when told; \
                on the system clock, advancing is refused.

                Examples:
                  concertctl clock
                  concertctl clock advance 90d
                  concertctl clock advance --to 2027-06-30
                """,
            subcommands: [Show.self, Advance.self], defaultSubcommand: Show.self)

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print the daemon's current time.")
            @OptionGroup var options: GlobalOptions

            func run() async throws {
                try await withDaemon(options) { connection in
                    let time = try await connection.call("io.concert.Clock.GetTime")
                    if options.json { return Output.line(Output.json(time)) }
                    let kind = time["virtual"]?.boolValue == true ? "virtual" : "system"
                    Output.line("\(time["now"].text)  (\(time["today"].text) in \(time["time_zone"].text), \(kind) clock)")
                    Output.line("\(time["pending_actions"].text) action(s) scheduled; next due \(time["next_due"].text)")
                }
            }
        }

        struct Advance: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Move virtual time forward; returns once everything due up to then is done and recorded.",
                discussion: "Give a duration (units m, h, d, w: 90d, 2w, 36h, 15m) or --to a day (YYYY-MM-DD, its start in the plan's time zone) or an RFC 3339 instant.")

            @OptionGroup var options: GlobalOptions
            @Argument(help: ArgumentHelp("How far to move, e.g. 90d.", valueName: "duration")) var duration: String?
            @Option(help: ArgumentHelp("Move to this day or instant instead.", valueName: "date")) var to: String?

            func validate() throws {
                guard (duration == nil) != (to == nil) else {
                    throw ValidationError("give a duration (e.g. 90d) or --to DATE, not both and not neither")
                }
            }

            func run() async throws {
                try await withDaemon(options) { connection in
                    var parameters: [String: JSONValue] = [:]
                    if let duration { parameters["by"] = .string(duration) }
                    if let to { parameters["to"] = .string(to) }
                    let reply = try await connection.call("io.concert.Clock.Advance", parameters)
                    if options.json { return Output.line(Output.json(reply)) }
                    Output.line("Now \(reply["now"].text) (\(reply["today"].text)); \(reply["actions"].text) action(s) carried out.")
                }
            }
        }
    }
}
