import ArgumentParser
import Varlink

extension Concertctl {
    struct Reload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the daemon re-read its plan folder.",
            discussion: """
                The daemon validates the folder first. A valid plan replaces the one served, keeping \
                everything recorded; an invalid one is refused with every problem found (exit 1) and the \
                daemon keeps serving the old plan. SIGHUP to concertd does the same.
                """)

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await withDaemon(options) { connection in
                let reply: JSONValue
                do {
                    reply = try await connection.call("io.concert.Daemon.Reload")
                } catch let error as VarlinkError where error.name == "io.concert.Daemon.ReloadRefused" {
                    let message = error.parameters["message"]?.stringValue ?? "the daemon refused the reload"
                    let diagnostics: [String]
                    if case .array(let items)? = error.parameters["diagnostics"] {
                        diagnostics = items.compactMap(\.stringValue)
                    } else {
                        diagnostics = []
                    }
                    guard !options.json else {
                        var refused = CLIError(error)
                        refused.code = CLIError.refused
                        throw refused
                    }
                    Output.error("concertctl: reload refused: " + TerminalText.line(message))
                    for diagnostic in diagnostics {
                        Output.error("  " + TerminalText.line(diagnostic))
                    }
                    throw ExitCode(CLIError.refused)
                }
                if options.json { return Output.line(Output.json(reply)) }
                let plan = reply["plan"].text
                let measures = reply["measures"].text
                if reply["changed"] == .bool(true) {
                    Output.line("reloaded: plan \(TerminalText.line(plan)) with \(measures) measures is now served")
                } else {
                    Output.line("reloaded: plan \(TerminalText.line(plan)) unchanged (\(measures) measures)")
                }
            }
        }
    }
}
