import ArgumentParser

/// The root command: lists the subcommands and their shared options.

struct Concertctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concertctl",
        abstract: "Coordinate a national migration plan: query measures, report progress, follow events.",
        discussion: """
            concertctl talks to concertd over its Varlink control socket. The socket is taken from \
            --socket, then $CONCERT_SOCKET, then /run/concert/io.concert.sock.

            Every command takes --json for output that scripts can read.

            Exit codes: 0 done; 1 refused by the plan's rules or invalid input; 2 no such measure, \
            entity or other named thing; 3 permission denied; 64 usage error; 69 the daemon cannot be \
            reached; 70 protocol or internal error; 75 temporarily not recorded (retry).

            Examples:
              concertctl status
              concertctl measures --axis 3 --overdue
              concertctl measure show M07
              concertctl report M07 --status in_progress --indicator projects_funded=4
              concertctl replan M07 --deadline 2027-06-30 --reason "procurement delayed"
              concertctl events --follow
              concertctl workflow validate Workflows/pnipgm
            """,
        version: "0.1.0",
        subcommands: [
            Status.self, Summary.self, Measures.self, MeasureCommand.self, Entities.self, Report.self, Replan.self,
            Reopen.self, Events.self, Meetings.self, Clock.self, Calendar.self, Simulate.self, Workflow.self,
        ])
}
