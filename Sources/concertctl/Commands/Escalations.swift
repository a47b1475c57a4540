import ArgumentParser
import Varlink

extension Concertctl {
    struct Escalations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the escalations: overdue measures, tasks and reports climbing the plan's ladder.",
            discussion: """
                An escalation starts when a measure passes its deadline unfinished, a task its due day, or \
                a measure's monthly report its due day. It climbs the ladder the plan declares for it \
                (monitoring.yaml): level 0 tells the technical focal points of the responsible entities; \
                later levels tell the political ones, then put the matter on a body's agenda. The ladder \
                is the one in force when the escalation started.

                States: open (climbing, its notices repeating), acknowledged (taken in hand: no more \
                repeats at this level, but it still climbs), snoozed (paused until a day), resolved (a \
                completed report, an approved replan, a report that came in, a task done). NEXT says what \
                happens next and when; waits are working days of the plan's business calendar.

                Every filter given must hold. With --json: an array of escalations with id, subject \
                (kind: measure, task or report; id; period; title), ladder, entities, level, \
                level_action, levels, state, started, level_since, snoozed_until, meeting, told, next \
                and history (entries with at, kind, level, by, detail).

                Examples:
                  concertctl escalations
                  concertctl escalations --state open --subject measure
                  concertctl escalations --measure M01 --json
                """)

        @OptionGroup var options: GlobalOptions
        @Option(
            help: ArgumentHelp(
                "Only escalations in this state: open, acknowledged, snoozed, resolved.", valueName: "state"))
        var state: String?
        @Option(
            help: ArgumentHelp("Only escalations about this measure (its deadline or its reports).", valueName: "id"))
        var measure: String?
        @Option(
            help: ArgumentHelp("Only escalations about this kind of thing: measure, task, report.", valueName: "kind"))
        var subject: String?
        @Option(help: ArgumentHelp("Only escalations at this level (0 is the first).", valueName: "n")) var level: Int?

        func run() async throws {
            try await withDaemon(options) { connection in
                var parameters: [String: JSONValue] = [:]
                if let state { parameters["state"] = .string(state) }
                if let measure { parameters["measure"] = .string(measure) }
                if let subject { parameters["subject"] = .string(subject) }
                if let level { parameters["level"] = .int(Int64(level)) }
                let escalations = try await connection.call("io.concert.Escalations.List", parameters)["escalations"]
                if options.json { return Output.line(Output.json(escalations ?? .array([]))) }
                if escalations.items.isEmpty { return Output.line("No escalations.") }
                Output.line(EscalationDisplay.table(escalations.items))
            }
        }
    }
}
