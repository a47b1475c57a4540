import ArgumentParser
import ConcertCore
import ConcertWorkflows
import Varlink

extension Concertctl {
    struct Workflow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work with plan folders (YAML) without a daemon.", subcommands: [Validate.self])

        struct Validate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check a plan folder: exit 0 when valid, 1 with every error as FILE:LINE:COLUMN: message.",
                discussion: """
                    Checks YAML syntax, unknown and missing keys, types, duplicate ids, references between \
                    entities, measures, objectives and bodies, dates and time zones. Errors go to stderr, one \
                    per line; --json prints {"valid", "errors": [{file, line, column, code, message}], ...} on stdout.
                    """)

            @Flag(name: .long, help: "Print the result as JSON.") var json = false
            @Argument(help: ArgumentHelp("The plan folder, e.g. Workflows/pnipgm.", valueName: "dir")) var directory: String

            func run() async throws {
                do {
                    let plan = try WorkflowLoader.load(directory: directory)
                    if json {
                        Output.line(
                            Output.json(.object([
                                "valid": true, "errors": .array([]), "plan": .string(plan.id),
                                "measures": .int(Int64(plan.measures.count)), "entities": .int(Int64(plan.entities.count)),
                                "focal_points": .int(Int64(plan.focalPoints.count)), "bodies": .int(Int64(plan.bodies.count)),
                            ])))
                    } else {
                        Output.line(
                            "\(directory): valid plan '\(TerminalText.line(plan.id))' with \(plan.axes.count) axes, \(plan.objectives.count) objectives, \(plan.measures.count) measures, \(plan.entities.count) entities, \(plan.focalPoints.count) focal points, \(plan.bodies.count) bodies")
                    }
                } catch {
                    if json {
                        let errors = error.diagnostics.map { d -> JSONValue in
                            .object([
                                "file": .string(d.file), "line": .int(Int64(d.line)), "column": .int(Int64(d.column)),
                                "code": .string(d.code.rawValue), "message": .string(d.message),
                            ])
                        }
                        Output.line(Output.json(.object(["valid": false, "errors": .array(errors)])))
                    } else {
                        for diagnostic in error.diagnostics { Output.error(TerminalText.line(diagnostic.description)) }
                        Output.error("\(error.diagnostics.count) error(s) in \(directory)")
                    }
                    throw ExitCode(CLIError.refused)
                }
            }
        }
    }
}
